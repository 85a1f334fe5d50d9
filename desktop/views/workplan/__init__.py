"""The work plan editor: the tree of sections and items, a side panel, filters, a bar per section."""

from __future__ import annotations

import io
import json

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop import clock, colours
from desktop.i18n import N_, _, current, pgettext
from desktop.models import workplan as wp
from desktop.models import workplan_deadline as dl
from desktop.models import workplan_operations as wops
from desktop.models.operations import Change, bind
from desktop.models.workplan_people import ROLE_LABELS
from desktop.views import settings as ui_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.history import show_history
from desktop.views.common.operations import run
from desktop.views.common.page import EmptyState, FilterBar, PageHeader, TwoLineDelegate
from desktop.views.workplan.deadline_dialog import DeadlineDialog
from desktop.views.workplan.plan_actions import PlanActions
from desktop.views.workplan.tree_model import PlanFilterProxy, PlanTreeModel

# The bars' colours: the text colours of the roles (desktop/colours.py), named by the legend below.
COLOURS = {"done": colours.role("ok").text, "in_progress": colours.role("info").text,
           "overdue": colours.role("danger").text, "planned": colours.DISABLED}
LEGEND = {"done": N_("Done"), "in_progress": N_("In progress"), "overdue": N_("Overdue"), "planned": N_("Planned")}


def bucket(item: dict) -> str:
    if item["status"] == "done":
        return "done"
    if item["overdue"]:
        return "overdue"
    return "in_progress" if item["status"] == "in_progress" else "planned"


class SectionBars(QWidget):
    """One small stacked bar per section: done / in progress / overdue / planned."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, dict]] = []
        self.setMinimumHeight(60)

    def set_sections(self, sections: list[dict]) -> None:
        self.rows = []
        for s in sections:
            counts = dict.fromkeys(COLOURS, 0)
            for item in s["items"]:
                if item["status"] != "cancelled":
                    counts[bucket(item)] += 1
            self.rows.append((s["number"], counts))
        self.setMinimumHeight(14 * len(self.rows) + 40)
        self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        width = self.width() - 40
        for i, (number, counts) in enumerate(self.rows):
            y = 4 + i * 14
            p.drawText(QRectF(0, y, 34, 12), Qt.AlignmentFlag.AlignRight, number)
            total = sum(counts.values()) or 1
            x = 40.0
            for key, colour in COLOURS.items():
                w = width * counts[key] / total
                p.fillRect(QRectF(x, y + 1, w, 10), QColor(colour))
                x += w
        if self.rows:  # the legend: what each colour means, on two lines when narrow
            y, x = 8 + len(self.rows) * 14, 40.0
            metrics = p.fontMetrics()
            for key, colour in COLOURS.items():
                label = _(LEGEND[key])
                if x > 40 and x + 12 + metrics.horizontalAdvance(label) > self.width():
                    y, x = y + 16, 40.0
                p.fillRect(QRectF(x, y + 2, 9, 9), QColor(colour))
                p.drawText(QRectF(x + 12, y, metrics.horizontalAdvance(label) + 2, 14),
                           Qt.AlignmentFlag.AlignLeft, label)
                x += 24 + metrics.horizontalAdvance(label)
        p.end()


class WorkPlanArea(PlanActions, AreaPage):
    shows = Change.WORKPLAN | Change.STAFF | Change.TEXTS

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.tree: dict | None = None
        self.model = PlanTreeModel(self)
        self.model.on_edit = self._edit_from_model
        self.model.on_move = self.move_item
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.selectionModel().currentChanged.connect(self._show_current)
        # fixed widths, the activity taking what is left: no resizeColumnsToContents over 300 rows
        head = self.view.header()
        head.setStretchLastSection(False)
        for col, width in ((0, 70), (2, 150), (3, 190), (4, 100)):
            self.view.setColumnWidth(col, width)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # the activity is the content: two wrapped lines, not 25 characters
        self.view.setItemDelegateForColumn(1, TwoLineDelegate(self.view))
        # header: the title, the plan's year, the search
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(self._year_chosen)
        # filters
        self.f_section, self.f_person, self.f_month, self.f_status = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        self.f_overdue = QCheckBox()
        self.f_text = QLineEdit()
        self.f_text.setClearButtonEnabled(True)
        self.f_text.setMinimumWidth(160)
        for combo in (self.f_section, self.f_person, self.f_month, self.f_status):
            # long section titles must not push the text filter off the row
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.f_section.setMinimumContentsLength(24)
        for combo in (self.f_section, self.f_person, self.f_month, self.f_status):
            # Long section titles and names must not widen the window.
            combo.setSizeAdjustPolicy(combo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.filter_labels = [QLabel() for _i in range(4)]
        self.filters = FilterBar(list(zip(self.filter_labels, (self.f_section, self.f_person, self.f_month,
                                                               self.f_status), strict=True)) + [(None, self.f_overdue)],
                                 reset=self.reset_filters)
        self.header = PageHeader(self, context=[self.year], search=self.f_text)
        self.title = self.header.title
        for combo in (self.f_section, self.f_person, self.f_month, self.f_status):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.f_overdue.toggled.connect(self._apply_filters)
        self.f_text.textChanged.connect(self._apply_filters)
        # side panel
        self.panel = QWidget()
        form = QFormLayout(self.panel)
        self.p_text = QPlainTextEdit()
        self.p_deadline = QPushButton()
        self.p_deadline.clicked.connect(self.edit_deadline)
        self.p_responsible = QLineEdit()
        self.p_responsible.editingFinished.connect(
            lambda: self._edit_current("responsible", self.p_responsible.text()))
        self.p_status = QComboBox()
        self.p_status.activated.connect(lambda: self._edit_current("status", self.p_status.currentData()))
        self.p_note = QLineEdit()
        self.p_note.editingFinished.connect(lambda: self._edit_current("completion_note", self.p_note.text()))
        self.p_save_text = QPushButton()
        self.p_save_text.clicked.connect(lambda: self._edit_current("text", self.p_text.toPlainText().strip()))
        self.p_labels = [QLabel() for _ in range(5)]
        form.addRow(self.p_labels[0], self.p_text)
        form.addRow("", self.p_save_text)
        form.addRow(self.p_labels[1], self.p_deadline)
        form.addRow(self.p_labels[2], self.p_responsible)
        form.addRow(self.p_labels[3], self.p_status)
        form.addRow(self.p_labels[4], self.p_note)
        self.bars = SectionBars()
        form.addRow(self.bars)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setSizes([900, 360])  # until the user's own sizes are restored
        self.splitter.splitterMoved.connect(
            lambda *_a: ui_settings.put(ui_settings.WORKPLAN_SPLITTER, self.splitter.saveState()))
        # Commands: one QAction each (the bar, the Work plan menu, the context menu, the keys).
        # Ctrl+N adds an item (a record), as everywhere; a whole new plan is a menu command.
        on_item = lambda: self._current_kind() == "item"  # noqa: E731
        on_any = lambda: self._current_kind() is not None  # noqa: E731
        commands = (
            ("add_item", self.add_item, "primary", "new", "new", None),
            ("add_section", self.add_section, "record", None, "section", None),
            ("delete", self.delete_current, "record", "delete", "delete", on_any),
            ("up", lambda: self.move_current(-1), "record", None, "up", on_item),
            ("down", lambda: self.move_current(1), "record", None, "down", on_item),
            ("history", self.show_item_history, "record", None, "history", on_item),
            ("preview", self.print_preview, "print", "preview", None, None),
            ("progress", self.progress_preview, "print", None, None, None),
            ("export_pdf", self.export_pdf, "pdf", None, None, None),
            ("export_xlsx", self.export_xlsx, "excel", "excel", None, None),
            ("export_progress", self.export_progress, "excel", None, None, None),
            ("new_plan", self.new_plan, "file", None, None, None),
            ("import", self.import_plan, "file", None, "import", None),
            ("copy", self.copy_to_next_year, "file", None, None, None),
            ("header", self.edit_header, "other", None, None, None),
            ("delete_plan", self.delete_plan, "other", None, None, None),
        )
        for key, slot, kind, role, icon, when in commands:
            self.add_command(key, slot, kind=kind, role=role, icon=icon, enabled_when=when)
        for key, extra in (("add_item", "Ins"), ("up", "Ctrl+Up"), ("down", "Ctrl+Down"), ("import", "Ctrl+O")):
            act = self.commands[key]
            act.setShortcuts([*act.shortcuts(), QKeySequence(extra)] if act.shortcuts() else [QKeySequence(extra)])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.actions_by_key = self.commands
        self.empty = EmptyState(self, ["new_plan", "import", "copy"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.filters)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.splitter, 1)
        self.set_list(self.view)
        self.set_details(self.splitter, self.panel)
        # Parallel texts: the plan's texts side by side, and which version the editor shows.
        self.add_command("translations", lambda: self.open_translations(), kind="other")
        content_lang = QAction(self, checkable=True)
        content_lang.setChecked(ui_settings.get(ui_settings.CONTENT_SHOWN) == "interface")
        content_lang.toggled.connect(self.toggle_content_language)
        self.adopt_command("content_lang", content_lang, kind="other")
        self.refresh()
        self._restore_choices()

    # Texts ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.header.set_title(_("Work plan"))
        self.set_search(self.f_text)
        texts = {"add_section": _("Add section"), "add_item": _("Add item"), "delete": _("Delete"),
                 "up": _("Move up"), "down": _("Move down"), "copy": _("Copy to next year"),
                 "preview": _("Print preview"), "progress": _("Progress preview"),
                 "new_plan": _("New plan…"), "header": _("Plan header…"), "delete_plan": _("Delete plan…"),
                 "export_pdf": _("Export to PDF…"), "export_xlsx": _("Export to Excel…"),
                 "export_progress": _("Progress report…"), "import": _("Import a Word or Excel plan…"),
                 "history": _("History…"), "translations": _("Translations…"),
                 "content_lang": _("Show texts in the interface language")}
        self.set_command_texts(texts)
        for label, text in zip(self.filter_labels, (_("Section:"), _("Responsible:"), _("Month:"), _("Status:")),
                               strict=True):
            label.setText(text)
        self.filters.retranslate()
        self.empty.set_text(_("The faculty's work plan for the academic year: sections, activities, deadlines "
                              "and who is responsible. Start a new plan, import the approved Word or Excel plan, "
                              "or copy last year's."))
        for label, text in zip(self.p_labels, (_("Activity"), _("Deadline"), _("Responsible"), pgettext("state", "Status"),
                                                _("Completion note")), strict=True):
            label.setText(text)
        self.year.setToolTip(_("Academic year of the plan"))
        self.p_save_text.setText(_("Save text"))
        self.f_overdue.setText(_("Overdue only"))
        self.p_status.clear()
        for status, label in wp.ItemStatus.labels().items():
            self.p_status.addItem(_(label), status.value)
        self._fill_filters()
        self.model.retranslate()

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
        for key in ("header", "copy", "translations", "delete_plan", "export_pdf", "export_xlsx", "export_progress", "preview",
                    "progress", "add_section", "add_item"):
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
    def _add_search_texts(session, tree: dict) -> None:
        """The text filter finds an item by any of its versions and its original (one query)."""
        from sqlalchemy import select

        from desktop.models.text_versions import version_text_index

        items = select(wp.WorkPlanItem.id).join(wp.WorkPlanSection).where(wp.WorkPlanSection.plan_id == tree["id"])
        index = version_text_index(session, "workplan_item", items)
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
        fill(self.f_section, [(_("All sections"), None)] + [(f"{s['number']}. {s['title']}", s["id"]) for s in sections])
        people: dict = {}
        for s in sections:
            for item in s["items"]:
                for r in item["responsible"]:
                    if r["staff_id"]:
                        people.setdefault(("staff", r["staff_id"]), r["text"])
                    elif r["role"]:
                        people.setdefault(("role", r["role"]), r["role"])
        for key in people:  # roles are named in the interface language, once each
            if key[0] == "role":
                people[key] = _(ROLE_LABELS.get(key[1], key[1]))
        fill(self.f_person, [(_("Everyone"), None)] + sorted(((v, list(k)) for k, v in people.items()),
                                                             key=lambda e: e[0]))
        first = self.model.first_year
        months = [(first if m >= 9 else first + 1, m) for m in (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8)]
        fill(self.f_month, [(_("Any month"), None)] + [(current().month_year(y, m, heading=True), [y, m]) for y, m in months])
        fill(self.f_status, [(_("Any status"), None)] + [(st.label(), st.value) for st in wp.ItemStatus])

    def _filter_choices(self) -> dict:
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
        """The filters and the splitter as the user left them (QSettings)."""
        state = ui_settings.get(ui_settings.WORKPLAN_SPLITTER)
        if state:
            self.splitter.restoreState(state)
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
    def current_node(self):
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
    def _text_label(item: dict) -> str:
        """Says which text the editor edits: a language version, or the original."""
        from desktop.models.text_versions import LANGUAGE_NAMES

        if item.get("shown_lang"):
            return _("Activity ({language} version)").format(language=_(LANGUAGE_NAMES[item["shown_lang"]]))
        if item.get("original_lang"):
            return _("Activity (original, {language})").format(language=_(LANGUAGE_NAMES[item["original_lang"]]))
        return _("Activity")

    def select_item(self, item_id: int) -> None:
        for r, s in enumerate(self.model.sections):
            for i, item in enumerate(s["items"]):
                if item["id"] == item_id:
                    index = self.proxy.mapFromSource(self.model.index(i, 0, self.model.index(r, 0)))
                    self.view.setCurrentIndex(index)
                    return

    # Operations ---------------------------------------------------------------------------
    def _do(self, text: str, op, select: int | None = None, after=None, progress: str | None = None):
        """Run one operation (undoable); ``select``: the item made current after each step."""
        if select is not None:
            after = lambda _outcome: self.select_item(select)  # noqa: E731
        return run(self, text, op, after=after, title=_("Work plan"), progress=progress)

    def _edit_from_model(self, kind, record_id, field, value) -> None:
        if kind == "section":
            self._do(_("Edit section"), bind(wops.update_section_op, record_id, **{field: value}))
        else:
            self.edit_item(record_id, field, value)

    def edit_item(self, item_id: int, field: str, value) -> None:
        if field == "responsible":
            self._do(_("Change responsible"), bind(wops.set_responsible_op, item_id, value), select=item_id)
            return
        item: dict = next((i for sec in self.model.sections for i in sec["items"] if i["id"] == item_id), {})
        if field == "text" and item.get("shown_lang"):  # the version shown is the one edited
            from desktop.models.text_versions import set_version_op

            self._do(_("Edit item"), bind(set_version_op, "workplan_item", item_id, "text", item["shown_lang"], value,
                                          Change.WORKPLAN), select=item_id)
            return
        # The value shown: refused (StaleDataError) if another install changed it meanwhile.
        shown = next(({field: i[field]} for sec in self.model.sections for i in sec["items"] if i["id"] == item_id), {})
        self._do(_("Edit item"), bind(wops.update_item_op, item_id, {field: value}, shown), select=item_id)

    def _edit_current(self, field, value) -> None:
        found, _index = self.current_node()
        if not found or found[0] != "item":
            return
        item = found[1]
        current_value = item["responsible_text"] if field == "responsible" else item.get(field)
        if value != current_value:
            self.edit_item(item["id"], field, value)

    def show_item_history(self):
        """The audit trail of the current item: who changed what, when."""
        found, _index = self.current_node()
        if not found or found[0] != "item":
            return None
        return show_history(self, self.ctx.db, "workplan_item", found[1]["id"], found[1]["text"][:80])

    def edit_deadline(self) -> None:
        found, _index = self.current_node()
        if not found or found[0] != "item":
            return
        dialog = DeadlineDialog(found[1]["deadline"], self.model.first_year, self.ctx.report_language, self)
        if dialog.exec():
            self.edit_item(found[1]["id"], "deadline", dialog.deadline())

    def add_section(self) -> None:
        if not self.tree:
            return
        self._do(_("Add section"), bind(wops.add_section_op, self.tree["id"], _("New section")))

    def add_item(self) -> None:
        found, index = self.current_node()
        if not found:
            if not self.model.sections:
                return
            section, position = self.model.sections[-1], None
        elif found[0] == "section":
            section, position = found[1], None
        else:
            section, position = self.model.section_of(index), found[1]["number"]
        self._do(_("Add item"), bind(wops.add_item_op, section["id"], _("New activity"), position),
                 after=self._select_made)

    def _select_made(self, outcome) -> None:
        """The item an operation made or brought back (its id as the result) becomes current."""
        if isinstance(outcome.result, int):
            self.select_item(outcome.result)

    def delete_current(self) -> None:
        found, _index = self.current_node()
        if not found:
            return
        kind, row = found
        if kind == "item":
            # The item as shown is what is deleted (another office's change meanwhile: stale); a redo
            # deletes it as its undo put it back.
            shown = {f: row[f] for f in wp.EXPECTED_ITEM_FIELDS if f in row}
            self._do(_("Delete item"), bind(wops.delete_item_op, row["id"], shown))
        else:
            from desktop.views.common.mass_delete import backup_before_delete

            if not backup_before_delete(self, len(row.get("items") or []), whole=bool(row.get("items"))):
                return
            self._do(_("Delete section"), bind(wops.delete_section_op, row["id"]))

    def move_item(self, item_id: int, section_id: int, position: int) -> None:
        self._do(_("Move item"), bind(wops.move_item_op, item_id, section_id, position), select=item_id)

    def move_current(self, step: int) -> None:
        found, index = self.current_node()
        if not found or found[0] != "item":
            return
        section = self.model.section_of(index)
        position = found[1]["number"] - 1 + step
        if 0 <= position < len(section["items"]):
            self.move_item(found[1]["id"], section["id"], position)

    def copy_to_next_year(self) -> None:
        if not self.tree:
            return
        self._do(_("Copy to next year"), bind(wops.copy_to_next_year_op, self.tree["id"]))
        first = self.model.first_year + 1
        self.show_year(f"{first}-{first + 1}")

    # Printing ------------------------------------------------------------------------------
    def plan_pdf_bytes(self) -> bytes:
        from desktop.reports.workplan_pdf import plan_pdf

        lang = self.ctx.report_language
        tree = self.report_tree(lang, ask=False)
        assert tree is not None  # None only when asked and the user declined
        out = io.BytesIO()
        plan_pdf(out, tree, lang)
        return out.getvalue()

    def print_preview(self) -> None:
        if self.tree:
            from desktop.views.common.printing import preview_pdf

            preview_pdf(self, self.plan_pdf_bytes())

    def progress_preview(self) -> None:
        if self.tree:
            from desktop.reports.workplan_pdf import progress_pdf
            from desktop.views.common.printing import preview_pdf

            out = io.BytesIO()
            progress_pdf(out, self.tree, self.ctx.report_language, clock.today())
            preview_pdf(self, out.getvalue())
