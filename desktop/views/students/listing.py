"""How the students page shows its list: the first screen then the rest, the group tree's selection,
the filters (kept per user) and the columns shown.

A mixin of :class:`desktop.views.students.page.StudentsArea` (its widgets are built there)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer

from desktop.i18n import _
from desktop.models import students
from desktop.views import settings as ui_settings
from desktop.views.students.models import (
    STUDENT_COLUMNS,
    StudentFilter,
    StudentTableModel,
)
from desktop.views.students.tree import GROUPS_ROLE, GroupTreeModel

FIRST_SCREEN = 200  # students shown before the whole list has loaded
# The rest of the list loads this long after the first screen is painted: well after the events
# queued with that paint, even on a busy machine. At 10 ms, a process the system paused for a
# moment ran the whole load (0.15-0.6 s for 20,000 students) inside the same round of events as the
# first paint, so the window showed its first screen only after the whole list had loaded (in about
# half the starts measured on two busy cores). At 200 ms the complete list came a fifth of a second
# later than it needs to (the view's open-to-complete target is 300 ms).
REST_DELAY_MS = 100
HIDDEN_COLUMNS = ui_settings.STUDENTS_HIDDEN_COLUMNS
FILTERS = ui_settings.STUDENTS_FILTERS


if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QMenu, QSplitter, QTreeView

    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.common.page import EmptyState, FilterBar
    from desktop.views.students.page import StudentTableView
else:
    _Page = object


class StudentsListing(_Page):  # for mypy an AreaPage: the page it is mixed into
    groups: list[students.GroupRow]  # the group rows shown in the tree (set by _show)
    if TYPE_CHECKING:  # the page's widgets and models, used here
        model: StudentTableModel
        tree_model: GroupTreeModel
        tree: QTreeView
        view: StudentTableView
        search: QLineEdit
        status: QComboBox
        funding: QComboBox
        form: QComboBox
        course: QComboBox
        filters: FilterBar
        empty: EmptyState
        splitter: QSplitter
        columns_menu: QMenu

    # Data -------------------------------------------------------------------------------
    def _first_load(self) -> None:
        """Open with the first screen of students by name and load the rest just after the first
        paint: a faculty of 20,000 sees its list at once, complete a moment later."""
        if self.model.sort_column != 0 or self.model.sort_order != Qt.SortOrder.AscendingOrder:
            self.refresh()
            return
        with self.ctx.db.session() as s:
            groups = students.group_rows(s)
            rows = students.student_rows(s, iso_dates=True, first=FIRST_SCREEN + 1)
        if len(rows) <= FIRST_SCREEN:
            self._show(groups, rows)
            return
        self.loading = True
        self._show(groups, rows[:FIRST_SCREEN])  # the rest loads once this screen is painted

    def _on_first_paint(self) -> None:
        if self.loading:
            # Shortly after this paint, once the events queued with it have run; the whole list
            # (about 0.2 s for 20,000 students) then blocks nothing the user already sees.
            QTimer.singleShot(REST_DELAY_MS, self._finish_loading)

    def _finish_loading(self) -> None:
        if self.loading:
            self.refresh()

    def refresh(self) -> None:
        with self.ctx.db.session() as s:
            groups = students.group_rows(s)
            rows = students.student_rows(s, iso_dates=True)
        self.loading = False
        self._show(groups, rows)
        self.model.prepare_search()  # ready before the first keystroke

    def _show(self, groups: list[students.GroupRow], rows: list[tuple]) -> None:
        self.groups = groups
        selected = self._selected_group_ids()
        self.tree_model.set_groups(self.groups)
        self.tree.expandToDepth(0)
        self.model.set_rows(rows)
        if selected is not None and len(selected) == 1:
            index = self.tree_model.find_group(next(iter(selected)))
            if index.isValid():
                self.tree.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.apply_filter()

    def _selected_group_ids(self) -> frozenset[int] | None:
        indexes = self.tree.selectionModel().selectedIndexes() if self.tree.selectionModel() else []
        if not indexes or self.tree_model.data(indexes[0], Qt.ItemDataRole.UserRole) == "all":
            return None
        return frozenset(indexes[0].data(GROUPS_ROLE) or [])

    def current_filter(self) -> StudentFilter:
        return StudentFilter(self.search.text(), self.status.currentData(), self.funding.currentData(),
                             self.form.currentData(), self.course.currentData(), self._selected_group_ids())

    def apply_filter(self, *_args) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()
        ui_settings.put(FILTERS, json.dumps({"status": self.status.currentData(), "funding": self.funding.currentData(),
                                             "form": self.form.currentData(), "course": self.course.currentData()}))

    def _restore_filters(self) -> None:
        saved = json.loads(ui_settings.get(FILTERS) or "{}")
        for combo, key in ((self.status, "status"), (self.funding, "funding"), (self.form, "form"),
                           (self.course, "course")):
            combo.setCurrentIndex(max(combo.findData(saved.get(key)), 0))

    def reset_filters(self) -> None:
        for combo in (self.status, self.funding, self.form, self.course):
            combo.setCurrentIndex(0)
        self.search.clear()
        self.tree.clearSelection()

    def _update_count(self) -> None:
        self.filters.reset_button.setVisible(bool(self.search.text()) or any(
            c.currentIndex() > 0 for c in (self.status, self.funding, self.form, self.course)))
        empty = not self.loading and not self.model.rows
        self.empty.setVisible(empty)
        self.splitter.setVisible(not empty)
        self.filters.setVisible(not empty)
        if self.loading:
            self.filters.set_shown_text(_("Loading the whole list…"))
            return
        self.filters.set_shown_text(_("Students shown: {shown} of {total}").format(
            shown=self.model.rowCount(), total=len(self.model.rows)))
        self.update_commands()

    # Columns ----------------------------------------------------------------------------
    def hidden_columns(self) -> set[str]:
        return set(json.loads(ui_settings.get(HIDDEN_COLUMNS)))

    def _apply_hidden_columns(self) -> None:
        hidden = self.hidden_columns()
        for i, (key, _t, _d) in enumerate(STUDENT_COLUMNS):
            self.view.setColumnHidden(i, key in hidden)

    def set_column_visible(self, key: str, visible: bool) -> None:
        hidden = self.hidden_columns()
        hidden = hidden - {key} if visible else hidden | {key}
        ui_settings.put(HIDDEN_COLUMNS, json.dumps(sorted(hidden)))
        self._apply_hidden_columns()

    def _fill_columns_menu(self) -> None:
        self.columns_menu.clear()
        hidden = self.hidden_columns()
        for key, title, _d in STUDENT_COLUMNS:
            act = self.columns_menu.addAction(_(title))
            act.setCheckable(True)
            act.setChecked(key not in hidden)
            act.toggled.connect(lambda on, key=key: self.set_column_visible(key, on))
