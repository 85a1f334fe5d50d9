"""The decisions register: every decision of every meeting, filtered by person, status and due date,
overdue ones highlighted; export to Excel."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.i18n import _, ngettext
from desktop.models import meetings as mt
from desktop.models.meetings_decisions import DecisionFilters
from desktop.views import settings
from desktop.views.common.area import reads
from desktop.views.common.forms import date_edit, to_date
from desktop.views.common.tablemodel import TextFilterProxy
from desktop.views.meetings.editor import table
from desktop.views.meetings.models import decision_model

F_PERSON = settings.DECISIONS_PERSON
F_STATUS = settings.DECISIONS_STATUS
F_OVERDUE = settings.DECISIONS_OVERDUE


class DecisionsRegister(QWidget):
    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.page = page
        self.model = decision_model(self, with_meeting=True)
        self.model.on_edit = lambda row, key, value: page.edit_decision(row["id"], key, value)
        self.proxy = TextFilterProxy(["text", "responsible", "series", "versions_text"], self)
        self.proxy.setSourceModel(self.model)
        self.view = table(self.proxy, 0)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addWidget(self.view, 1)
        layout.addLayout(self._build_commands())
        self._connect_filters()

    def _build_filters(self) -> QHBoxLayout:
        """Responsible person, status, due by, overdue only, and the search field."""
        self.person, self.status = QComboBox(), QComboBox()
        self.use_due, self.overdue = QCheckBox(), QCheckBox()
        reads(self.use_due, self.overdue)  # filters: enabled on a read-only database
        self.due_by = date_edit(clock.today() + dt.timedelta(days=7))
        self.due_by.setEnabled(False)
        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        for combo in (self.person, self.status):  # long names must not widen the window (1280 px)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.text.setMinimumWidth(100)
        bar = QHBoxLayout()
        for w in (self.person, self.status, self.use_due, self.due_by, self.overdue):
            bar.addWidget(w)
        bar.addWidget(self.text, 1)
        return bar

    def _build_commands(self) -> QHBoxLayout:
        """The count, and the status commands and the export as QActions, so the Meetings page lists
        them in its menu and More (views/common/page.py)."""
        self.export_action = QAction(self)
        self.export_action.triggered.connect(lambda: self.export_xlsx())
        self.export = QToolButton()
        self.export.setDefaultAction(self.export_action)
        self.export.hide()  # "Decisions register to Excel" is in the Meetings command bar (Excel)
        self.status_actions = {}
        self.status_buttons = {k: QToolButton() for k in ("done", "cancelled", "open")}
        for key, b in self.status_buttons.items():
            act = QAction(self)
            act.triggered.connect(lambda _c=False, k=key: self._set_status(k))
            b.setDefaultAction(act)
            self.status_actions[key] = act
        lower = QHBoxLayout()
        lower.addWidget(self.count)
        lower.addStretch(1)
        for b in self.status_buttons.values():
            lower.addWidget(b)
        return lower

    def _connect_filters(self) -> None:
        self.overdue.setChecked(bool(settings.get(F_OVERDUE)))  # before the signals: restoring is no change
        self.person.currentIndexChanged.connect(self._filters_changed)
        self.status.currentIndexChanged.connect(self._filters_changed)
        self.use_due.toggled.connect(self.due_by.setEnabled)
        self.use_due.toggled.connect(self._filters_changed)
        self.due_by.dateChanged.connect(self._filters_changed)
        self.overdue.toggled.connect(self._filters_changed)
        self.text.textChanged.connect(self.proxy.set_text)

    def retranslate_ui(self) -> None:
        self.use_due.setText(_("Due by"))
        self.overdue.setText(_("Overdue only"))
        self.text.setPlaceholderText(_("Search… (Ctrl+F)"))  # the Meetings page's find command
        self.export_action.setText(_("Decisions register to Excel…"))
        for key, text in (("done", _("Mark done")), ("cancelled", _("Cancel decision")), ("open", _("Reopen"))):
            self.status_actions[key].setText(text)
        self._fill_status()
        self.model.retranslate()

    def _fill_status(self) -> None:
        wanted = self.status.currentData() if self.status.count() else settings.get(F_STATUS)
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(_("Any status"), "")
        for status, label in mt.DecisionStatus.labels().items():
            self.status.addItem(_(label), status.value)
        self.status.setCurrentIndex(max(self.status.findData(wanted or ""), 0))
        self.status.blockSignals(False)

    def refresh(self) -> None:
        with self.page.ctx.db.session() as s:
            people = mt.staff_choices(s)
        wanted = self.person.currentData() if self.person.count() else settings.get(F_PERSON)
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(_("Everyone"), 0)
        for staff_id, name in people:
            self.person.addItem(name, staff_id)
        self.person.setCurrentIndex(max(self.person.findData(wanted or 0), 0))
        self.person.blockSignals(False)
        if not self.status.count():
            self._fill_status()
        self.reload()

    def filters(self) -> DecisionFilters:
        return DecisionFilters(staff_id=self.person.currentData() or None, status=self.status.currentData() or None,
                               due_by=to_date(self.due_by) if self.use_due.isChecked() else None,
                               overdue_only=self.overdue.isChecked())

    def _filters_changed(self) -> None:
        settings.put(F_PERSON, self.person.currentData() or 0)
        settings.put(F_STATUS, self.status.currentData() or "")
        settings.put(F_OVERDUE, self.overdue.isChecked())
        self.reload()

    def reload(self) -> None:
        with self.page.ctx.db.session() as s:
            from desktop.models.text_versions import version_text_index
            from desktop.views.translations import shown_versions

            rows = mt.decisions(s, on_date=clock.today(), **self.filters())
            versions = version_text_index(s, "meeting_decision", [r["id"] for r in rows]) if rows else {}
            shown = shown_versions(s, "meeting_decision", "text")  # in the content language, where chosen
            names = shown_versions(s, "meeting_series", "name")
            series = {r.name: names.get(r.id, r.name) for r in mt.series_list(s)}
        # the rows shown: the filter finds a decision by its original and any of its language versions
        self.model.set_rows([{**r, "versions_text": versions.get(r["id"], "") + "\n" + r["text"],
                              "text": shown.get(r["id"], r["text"]), "series": series.get(r["series"], r["series"])}
                             for r in rows])
        overdue = sum(1 for r in rows if r["overdue"])
        self.count.setText(ngettext("{count} decision, {overdue} overdue", "{count} decisions, {overdue} overdue",
                                        len(rows)).format(count=len(rows), overdue=overdue))

    def current(self) -> dict[str, Any] | None:
        return self.model.record(self.proxy.mapToSource(self.view.currentIndex()))

    def _set_status(self, status: str) -> None:
        row = self.current()
        if row and row["status"] != status:
            self.page.edit_decision(row["id"], "status", status)

    def export_xlsx(self, path: str | None = None) -> str | None:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(self, _("Export to Excel…"), _("decisions") + ".xlsx",
                                                        "Excel (*.xlsx)")
        if not path:
            return None
        from desktop.reports.meeting_xlsx import decisions_xlsx

        with self.page.ctx.db.session() as s:
            rows = mt.decisions(s, on_date=clock.today(), **self.filters())
            from desktop.models.document_frame import document_frame

            frame = document_frame(s, "decisions")
        from desktop.views.common.tasks import save_file

        if not save_file(self, _("Export to Excel…"), path,
                         lambda tmp: decisions_xlsx(tmp, rows, self.page.ctx.report_language, frame=frame)):
            return None
        self.page.ctx.status_message.emit(_("Saved {path}").format(path=path))
        return path
