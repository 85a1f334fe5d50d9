"""The work plan editor: the tree of sections and items, a side panel, filters, a bar per section."""

from __future__ import annotations

import datetime as dt
import io

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current
from desktop.models import workplan as wp
from desktop.models import workplan_deadline as dl
from desktop.models.base import DomainError
from desktop.views.common.area import AreaPage
from desktop.views.common.history import show_history
from desktop.views.common.undo import perform
from desktop.views.workplan.deadline_dialog import DeadlineDialog
from desktop.views.workplan.tree_model import ItemRole, PlanFilterProxy, PlanTreeModel

COLOURS = {"done": "#4CAF50", "in_progress": "#2196F3", "overdue": "#E53935", "planned": "#BDBDBD"}


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
        self.setMinimumHeight(14 * len(self.rows) + 8)
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
        p.end()


class WorkPlanArea(AreaPage):
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
        # toolbar
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(lambda: self.refresh(keep_year=True))
        self.buttons = {k: QToolButton() for k in ("add_section", "add_item", "delete", "up", "down", "copy",
                                                    "preview", "progress", "history")}
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.year)
        top.addStretch(1)
        for b in self.buttons.values():
            top.addWidget(b)
        # filters
        self.f_section, self.f_person, self.f_month, self.f_status = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        self.f_overdue = QCheckBox()
        self.f_text = QLineEdit()
        self.f_text.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        for w in (self.f_section, self.f_person, self.f_month, self.f_status, self.f_overdue):
            filters.addWidget(w)
        filters.addWidget(self.f_text, 1)
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
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        actions = {
            "add_section": (self.add_section, None),
            "add_item": (self.add_item, QKeySequence(Qt.Key.Key_Insert)),
            "delete": (self.delete_current, QKeySequence(QKeySequence.StandardKey.Delete)),
            "up": (lambda: self.move_current(-1), QKeySequence("Ctrl+Up")),
            "down": (lambda: self.move_current(1), QKeySequence("Ctrl+Down")),
            "copy": (self.copy_to_next_year, None),
            "preview": (self.print_preview, QKeySequence(QKeySequence.StandardKey.Print)),
            "progress": (self.progress_preview, None),
            "history": (self.show_item_history, None),
        }
        self.actions_by_key = {}
        for key, (slot, shortcut) in actions.items():
            act = QAction(self)
            if shortcut is not None:
                act.setShortcut(shortcut)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            self.buttons[key].setDefaultAction(act)
            self.actions_by_key[key] = act
        ctx.data_changed.connect(lambda what: what == "staff" and self.refresh())
        self.refresh()

    # Texts ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(_("Work plan"))
        texts = {"add_section": _("Add section"), "add_item": _("Add item"), "delete": _("Delete"),
                 "up": _("Move up"), "down": _("Move down"), "copy": _("Copy to next year"),
                 "preview": _("Print preview"), "progress": _("Progress report"), "history": _("History…")}
        for key, text in texts.items():
            self.actions_by_key[key].setText(text)
        for label, text in zip(self.p_labels, (_("Activity"), _("Deadline"), _("Responsible"), _("Status"),
                                                _("Completion note")), strict=True):
            label.setText(text)
        self.p_save_text.setText(_("Save text"))
        self.f_overdue.setText(_("Overdue only"))
        self.f_text.setPlaceholderText(_("Filter…"))
        self.p_status.clear()
        for status, label in wp.STATUS_LABELS.items():
            self.p_status.addItem(_(label), status.value)
        self._fill_filters()
        self.model.retranslate()

    # Loading --------------------------------------------------------------------------------
    def refresh(self, keep_year: bool = False) -> None:
        with self.ctx.db.session() as s:
            years = wp.plan_years(s)
            if not keep_year:
                wanted = self.year.currentText() or (years[-1] if years else "")
                self.year.blockSignals(True)
                self.year.clear()
                self.year.addItems(years)
                if wanted in years:
                    self.year.setCurrentText(wanted)
                self.year.blockSignals(False)
            name = self.year.currentText()
            plan = wp.plan_for_year(s, name) if name else None
            self.tree = wp.plan_tree(s, plan) if plan else None
        self.model.set_tree(self.tree)
        self.proxy.first_year = self.model.first_year
        self.view.expandAll()
        self.view.setColumnWidth(0, 80)
        self.view.setColumnWidth(1, 420)
        self.view.setColumnWidth(2, 160)
        self.view.setColumnWidth(3, 200)
        self.bars.set_sections(self.tree["sections"] if self.tree else [])
        self._fill_filters()

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
                        from desktop.models.workplan_people import ROLE_LABELS
                        people.setdefault(("role", r["role"]), _(ROLE_LABELS.get(r["role"], r["role"])))
        fill(self.f_person, [(_("Everyone"), None)] + sorted(((v, list(k)) for k, v in people.items()),
                                                             key=lambda e: e[0]))
        first = self.model.first_year
        months = [(first if m >= 9 else first + 1, m) for m in (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8)]
        fill(self.f_month, [(_("Any month"), None)] + [(f"{current().month(m)} {y}", [y, m]) for y, m in months])
        fill(self.f_status, [(_("Any status"), None)] + [(_(label), st.value) for st, label in wp.STATUS_LABELS.items()])

    def _apply_filters(self) -> None:
        person = self.f_person.currentData()
        month = self.f_month.currentData()
        self.proxy.set_filters(section_id=self.f_section.currentData(), person=tuple(person) if person else None,
                               month=tuple(month) if month else None, status=self.f_status.currentData(),
                               overdue_only=self.f_overdue.isChecked(), text=self.f_text.text().strip())
        self.view.expandAll()

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
        self.p_deadline.setText(dl.render(item["deadline"], current()) or "…")
        self.p_responsible.setText(item["responsible_text"])
        self.p_status.setCurrentIndex(max(self.p_status.findData(item["status"]), 0))
        self.p_note.setText(item["completion_note"])

    def select_item(self, item_id: int) -> None:
        for r, s in enumerate(self.model.sections):
            for i, item in enumerate(s["items"]):
                if item["id"] == item_id:
                    index = self.proxy.mapFromSource(self.model.index(i, 0, self.model.index(r, 0)))
                    self.view.setCurrentIndex(index)
                    return

    # Operations ---------------------------------------------------------------------------
    def _run(self, fn):
        try:
            with self.ctx.db.session() as s:
                return fn(s)
        except DomainError as exc:
            QMessageBox.warning(self, _("Work plan"), str(exc))
            raise

    def _push(self, text, redo, undo, select=None):
        def after():
            self.refresh()
            if select and select():
                self.select_item(select())
            self.ctx.data_changed.emit("workplan")

        try:
            return perform(self.undo_stack, text, redo, undo, after)
        except DomainError:
            self.refresh()

    def _edit_from_model(self, kind, record_id, field, value) -> None:
        if kind == "section":
            old = {}
            self._push(_("Edit section"),
                       lambda: old.update(self._run(lambda s: wp.update_section(s, record_id, **{field: value}))),
                       lambda: self._run(lambda s: wp.update_section(s, record_id, **old)))
        else:
            self.edit_item(record_id, field, value)

    def edit_item(self, item_id: int, field: str, value) -> None:
        old: dict = {}
        if field == "responsible":
            self._push(_("Change responsible"),
                       lambda: old.update(v=self._run(lambda s: wp.set_responsible(s, item_id, value))),
                       lambda: self._run(lambda s: wp.set_responsible(s, item_id, old["v"])), lambda: item_id)
            return
        # The value shown: refused (StaleDataError) if another install changed it meanwhile.
        shown = {field: i[field] for sec in self.model.sections for i in sec["items"] if i["id"] == item_id}
        self._push(_("Edit item"),
                   lambda: old.update(self._run(lambda s: wp.update_item(s, item_id, expected=shown,
                                                                         **{field: value}))),
                   lambda: self._run(lambda s: wp.update_item(s, item_id, **old)), lambda: item_id)

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
        plan_id, new = self.tree["id"], {}
        self._push(_("Add section"),
                   lambda: new.update(id=self._run(lambda s: wp.add_section(s, plan_id, _("New section"),
                                                                            section_id=new.get("id")).id)),
                   lambda: self._run(lambda s: wp.delete_section(s, new["id"])))

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
        new: dict = {}
        self._push(_("Add item"),
                   lambda: new.update(id=self._run(lambda s: wp.add_item(
                       s, section["id"], _("New activity"), position=position, item_id=new.get("id")).id)),
                   lambda: self._run(lambda s: wp.delete_item(s, new["id"])), lambda: new.get("id"))

    def delete_current(self) -> None:
        found, _index = self.current_node()
        if not found:
            return
        kind, row = found
        saved: dict = {}
        if kind == "item":
            self._push(_("Delete item"), lambda: saved.update(self._run(lambda s: wp.delete_item(s, row["id"]))),
                       lambda: self._run(lambda s: wp.restore_item(s, saved)))
        else:
            self._push(_("Delete section"),
                       lambda: saved.update(self._run(lambda s: wp.delete_section(s, row["id"]))),
                       lambda: self._run(lambda s: wp.restore_section(s, saved)))

    def move_item(self, item_id: int, section_id: int, position: int) -> None:
        old: dict = {}

        def redo():
            old["v"] = self._run(lambda s: wp.move_item(s, item_id, section_id, position))

        self._push(_("Move item"), redo,
                   lambda: self._run(lambda s: wp.move_item(s, item_id, *old["v"])), lambda: item_id)

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
        plan_id, new = self.tree["id"], {}

        def redo():
            new["id"] = self._run(lambda s: wp.copy_to_next_year(s, plan_id).id)

        self._push(_("Copy to next year"), redo, lambda: self._run(lambda s: wp.delete_plan(s, new["id"])))
        first = self.model.first_year + 1
        if self.year.findText(f"{first}-{first + 1}") >= 0:
            self.year.setCurrentText(f"{first}-{first + 1}")

    # Printing ------------------------------------------------------------------------------
    def plan_pdf_bytes(self) -> bytes:
        from desktop.reports.workplan_pdf import plan_pdf

        out = io.BytesIO()
        plan_pdf(out, self.tree, self.ctx.report_language)
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
            progress_pdf(out, self.tree, self.ctx.report_language, dt.date.today())
            preview_pdf(self, out.getvalue())
