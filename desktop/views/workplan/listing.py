"""How the work plan page shows its plan: loading the year's plan (in the language the texts are
shown in), the filters (kept per user), the counts, the selection and the side panel.

A mixin of :class:`desktop.views.workplan.page.WorkPlanArea` (its widgets are built there)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TypedDict

from PySide6.QtCore import QModelIndex

from desktop.i18n import _, current
from desktop.models import workplan as wp
from desktop.models import workplan_deadline as dl
from desktop.models.operations import Change
from desktop.models.workplan_people import role_label
from desktop.views import settings as ui_settings

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QPushButton,
        QSplitter,
        QTreeView,
        QWidget,
    )
    from sqlalchemy.orm import Session

    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.common.page import EmptyState, FilterBar
    from desktop.views.workplan.bars import SectionBars
    from desktop.views.workplan.tree_model import Node, PlanFilterProxy, PlanTreeModel
else:
    _Page = object


class PlanFilters(TypedDict):
    """The filters as the user left them (kept as JSON in QSettings)."""

    section: int | None  # a section's id
    person: list[Any] | None  # ["staff", id] or ["role", role]
    month: list[int] | None  # [year, month]
    status: str | None
    overdue: bool
    text: str


class PlanListing(_Page):  # for mypy an AreaPage: the page it is mixed into
    tree: wp.PlanTree | None
    if TYPE_CHECKING:  # the page's widgets and models, used here
        model: PlanTreeModel
        proxy: PlanFilterProxy
        view: QTreeView
        year: QComboBox
        f_section: QComboBox
        f_person: QComboBox
        f_month: QComboBox
        f_status: QComboBox
        f_overdue: QCheckBox
        f_text: QLineEdit
        filters: FilterBar
        empty: EmptyState
        splitter: QSplitter
        panel: QWidget
        p_text: QPlainTextEdit
        p_deadline: QPushButton
        p_responsible: QLineEdit
        p_status: QComboBox
        p_note: QLineEdit
        p_labels: list[QLabel]
        bars: SectionBars
        actions_by_key: dict[str, QAction]

    # Loading --------------------------------------------------------------------------------
    def refresh(self, keep_year: bool = False) -> None:
        with self.ctx.db.session() as s:
            years = wp.plan_years(s)
            if not keep_year:
                wanted = (self.year.currentText() or ui_settings.get(ui_settings.WORKPLAN_YEAR)
                          or (years[-1] if years else ""))
                self.year.blockSignals(True)
                self.year.clear()
                self.year.addItems(years)
                if wanted in years:
                    self.year.setCurrentText(wanted)
                self.year.blockSignals(False)
            name = self.year.currentText()
            plan = wp.plan_for_year(s, name) if name else None
            self.tree = wp.plan_tree(s, plan) if plan else None
            shown = self.content_language()
            if self.tree is not None and shown:
                from desktop.models.text_documents import localize_plan

                self.tree, _missing = localize_plan(s, self.tree, shown)
            if self.tree is not None:
                self._add_search_texts(s, self.tree)
        self.model.set_tree(self.tree)
        self.proxy.first_year = self.model.first_year
        self.view.expandAll()
        has_plan = self.tree is not None
        for key in ("header", "copy", "translations", "delete_plan", "export_pdf", "export_xlsx", "export_progress",
                    "preview", "progress", "add_section", "add_item"):
            self.actions_by_key[key].setEnabled(has_plan)
        self.empty.setVisible(not has_plan)
        self.splitter.setVisible(has_plan)
        self.filters.setVisible(has_plan)
        self.year.setVisible(has_plan)
        self._update_shown()
        self.update_commands()
        self.bars.set_sections(self.tree["sections"] if self.tree else [])
        self._fill_filters()

    @staticmethod
    def _add_search_texts(session: Session, tree: wp.PlanTree) -> None:
        """The text filter finds an item by any of its versions and its original (one query)."""
        from desktop.models.text_versions import version_text_index

        index = version_text_index(session, "workplan_item", wp.item_ids_of(tree["id"]))
        for section in tree["sections"]:
            for item in section["items"]:
                item["search_text"] = index.get(item["id"], "") + "\n" + item.get("original_text", "")

    def on_changed(self, changes: Change) -> None:
        if changes & Change.CONTENT_LANGUAGE:
            self._content_setting_changed()  # reloads too
        elif changes & self.shows:
            self.refresh()

    def _content_setting_changed(self) -> None:
        act = self.actions_by_key["content_lang"]
        act.blockSignals(True)
        act.setChecked(ui_settings.get(ui_settings.CONTENT_SHOWN) == "interface")
        act.blockSignals(False)
        self.refresh()

    def content_language(self) -> str | None:
        """The language typed texts are shown in, or None for their originals (the setting)."""
        from desktop.views.translations import content_language

        return content_language()

    def _fill_filters(self) -> None:
        def fill(combo, entries):
            current_data = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in entries:
                combo.addItem(text, data)
            i = combo.findData(current_data)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)

        sections = self.tree["sections"] if self.tree else []
        fill(self.f_section,
             [(_("All sections"), None)] + [(f"{s['number']}. {s['title']}", s["id"]) for s in sections])
        people: dict[tuple[str, int | str], str] = {}
        for s in sections:
            for item in s["items"]:
                for r in item["responsible"]:
                    if r["staff_id"]:
                        people.setdefault(("staff", r["staff_id"]), r["text"])
                    elif r["role"]:
                        people.setdefault(("role", r["role"]), r["role"])
        for key in people:  # roles are named in the interface language, once each
            if key[0] == "role":
                people[key] = role_label(str(key[1]))
        fill(self.f_person, [(_("Everyone"), None)] + sorted(((v, list(k)) for k, v in people.items()),
                                                             key=lambda e: e[0]))
        first = self.model.first_year
        months = [(first if m >= 9 else first + 1, m) for m in (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8)]
        fill(self.f_month, [(_("Any month"), None)]
             + [(current().month_year(y, m, heading=True), [y, m]) for y, m in months])
        fill(self.f_status, [(_("Any status"), None)] + [(st.label(), st.value) for st in wp.ItemStatus])

    def _filter_choices(self) -> PlanFilters:
        return {"section": self.f_section.currentData(), "person": self.f_person.currentData(),
                "month": self.f_month.currentData(), "status": self.f_status.currentData(),
                "overdue": self.f_overdue.isChecked(), "text": self.f_text.text()}

    def reset_filters(self) -> None:
        for combo in (self.f_section, self.f_person, self.f_month, self.f_status):
            combo.setCurrentIndex(0)
        self.f_overdue.setChecked(False)
        self.f_text.clear()

    def _count_items(self, parent=None) -> int:
        from PySide6.QtCore import QModelIndex

        proxy = self.proxy
        return sum(proxy.rowCount(proxy.index(r, 0, QModelIndex())) for r in range(proxy.rowCount(QModelIndex())))

    def _update_shown(self) -> None:
        total = sum(len(s["items"]) for s in self.model.sections)
        self.filters.set_counts(self._count_items(), total)
        self.filters.reset_button.setVisible(any(v for v in self._filter_choices().values()))

    def status_text(self) -> str:
        """The status bar: the selection, then the plan's items by state."""
        items = [i for sec in self.model.sections for i in sec["items"]]
        if not items:
            return super().status_text()
        counts = _("Items: {items}    Overdue: {overdue}    Done: {done}").format(
            items=len(items), overdue=sum(1 for i in items if i["overdue"]),
            done=sum(1 for i in items if i["status"] == "done"))
        base = super().status_text()
        return f"{base}    {counts}" if base else counts

    def _current_kind(self) -> str | None:
        found, _index = self.current_node()
        return found[0] if found else None

    def _apply_filters(self) -> None:
        person = self.f_person.currentData()
        month = self.f_month.currentData()
        self.proxy.set_filters(section_id=self.f_section.currentData(), person=tuple(person) if person else None,
                               month=tuple(month) if month else None, status=self.f_status.currentData(),
                               overdue_only=self.f_overdue.isChecked(), text=self.f_text.text().strip())
        self.view.expandAll()
        self._update_shown()
        if not self._restoring:
            ui_settings.put(ui_settings.WORKPLAN_FILTERS, json.dumps(self._filter_choices(), ensure_ascii=False))

    _restoring = False

    def _restore_choices(self) -> None:
        """The filters as the user left them (QSettings); the splitter is restored where it is built."""
        try:
            saved = json.loads(ui_settings.get(ui_settings.WORKPLAN_FILTERS) or "{}")
        except ValueError:
            saved = {}
        if not isinstance(saved, dict) or not saved:
            return
        self._restoring = True
        try:
            for combo, key in ((self.f_section, "section"), (self.f_person, "person"), (self.f_month, "month"),
                               (self.f_status, "status")):
                if saved.get(key) is not None:
                    combo.setCurrentIndex(max(combo.findData(saved[key]), 0))
            self.f_overdue.setChecked(bool(saved.get("overdue")))
            self.f_text.setText(str(saved.get("text") or ""))
        finally:
            self._restoring = False
        self._apply_filters()

    def _year_chosen(self) -> None:
        if self.year.currentText():
            ui_settings.put(ui_settings.WORKPLAN_YEAR, self.year.currentText())
        self.refresh(keep_year=True)

    # Selection and side panel ---------------------------------------------------------------
    def current_node(self) -> tuple[Node | None, QModelIndex]:
        index = self.proxy.mapToSource(self.view.currentIndex())
        return self.model.node(index), index

    def _show_current(self, *_args) -> None:
        found, _index = self.current_node()
        item = found[1] if found and found[0] == "item" else None
        self.panel.setEnabled(item is not None)
        if item is None:
            return
        self.p_text.setPlainText(item["text"])
        self.p_labels[0].setText(self._text_label(item))
        self.p_deadline.setText(dl.render(item["deadline"], current()) or "…")
        self.p_responsible.setText(item["responsible_text"])
        self.p_status.setCurrentIndex(max(self.p_status.findData(item["status"]), 0))
        self.p_note.setText(item["completion_note"])

    @staticmethod
    def _text_label(item: wp.TreeItem) -> str:
        """Says which text the editor edits: a language version, or the original."""
        from desktop.models.text_versions import LANGUAGE_NAMES

        if shown := item.get("shown_lang"):
            return _("Activity ({language} version)").format(language=_(LANGUAGE_NAMES[shown]))
        if original := item.get("original_lang"):
            return _("Activity (original, {language})").format(language=_(LANGUAGE_NAMES[original]))
        return _("Activity")

    def select_item(self, item_id: int) -> None:
        for r, s in enumerate(self.model.sections):
            for i, item in enumerate(s["items"]):
                if item["id"] == item_id:
                    index = self.proxy.mapFromSource(self.model.index(i, 0, self.model.index(r, 0)))
                    self.view.setCurrentIndex(index)
                    return

