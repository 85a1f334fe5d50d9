"""Service requests area: dashboard counts, the register with filters, the card with its timeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from desktop import clock
from desktop.i18n import _, ngettext
from desktop.models import request_templates as templates
from desktop.models import requests as req
from desktop.models import settings
from desktop.models.base import DomainError
from desktop.models.operations import Change, bind
from desktop.models.org import StaffRow
from desktop.models.request_templates import shown
from desktop.views import settings as user_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.operations import run
from desktop.views.common.page import ColumnPriorities, EmptyState, FilterBar, PageHeader
from desktop.views.requests.card import RequestCard
from desktop.views.requests.dialogs import NewRequestDialog, StepDoneDialog, TemplateDialog
from desktop.views.requests.models import RegisterModel, RegisterProxy, label_rows

FILTERS = user_settings.REQUESTS_FILTERS
SPLITTER = user_settings.REQUESTS_SPLITTER


class RequestsArea(AreaPage):
    shows = Change.REQUESTS | Change.STUDENTS | Change.WORKDAYS | Change.COUNTRY | Change.SETTINGS | Change.TEXTS

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.today = clock.today()  # tests set it to a fixed day
        self.dashboard = QLabel()
        self.dashboard.setStyleSheet("font-size: 9pt;")  # body size, in points so Windows scaling applies
        # How far ahead "due soon" looks: a setting of the faculty's data (shared by every install).
        self.due_soon_label = QLabel()
        self.due_soon = QSpinBox()
        self.due_soon.setRange(0, 30)
        self.due_soon_label.setBuddy(self.due_soon)
        self.due_soon.valueChanged.connect(self.set_due_soon_days)
        self.due_soon.valueChanged.connect(self._due_soon_suffix)
        self.model = RegisterModel(self)
        self.proxy = RegisterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        for i, col in enumerate(self.model.columns):
            if col.width:
                self.view.setColumnWidth(i, col.width)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.procedure_filter = QComboBox()
        self.status_filter = QComboBox()
        self.when_filter = QComboBox()
        for combo in (self.procedure_filter, self.status_filter, self.when_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        # Commands: one QAction each (the bar, the Requests menu, the context menu, the keys).
        selected = lambda: self.current_request_id() is not None  # noqa: E731
        self.add_command("new", self.new_request, kind="primary", role="new", icon="new")
        self.add_command("open", self._open_card, role="open", enabled_when=selected, in_bar=False)
        self.add_command("step", self._mark_current_step, icon="check",
                         enabled_when=lambda: self.card.current_step() is not None)
        self.add_command("refuse", self.refuse, enabled_when=selected, in_bar=False)
        self.add_command("channel", lambda: self.change_channel(), enabled_when=selected, in_bar=False)
        self.add_command("documents", lambda: self.edit_documents(), enabled_when=selected, in_bar=False)
        self.add_command("delete", self.delete_request, role="delete", icon="delete", enabled_when=selected)
        self.register_preview_action = self.add_command("preview", self.preview_register, kind="print",
                                                        role="preview")
        self.add_command("card_preview", lambda: self.preview_card(), kind="print", enabled_when=selected)
        self.register_pdf_action = self.add_command("pdf", self.export_register_pdf, kind="pdf")
        self.add_command("card_pdf", lambda: self.export_card(), kind="pdf", enabled_when=selected)
        self.excel_action = self.add_command("excel", self.export_register, kind="excel", role="excel")
        self.templates_action = self.add_command("template", self.edit_template, kind="other")
        self.new_template_action = self.add_command("new_template", self.new_template, kind="other")
        self.translations_action = self.add_command("translations", lambda: self.open_translations(), kind="other")
        from desktop.views.translations import content_language_command

        content_language_command(self, lambda: self.refresh())  # typed texts: originals or interface language
        self.card = RequestCard()
        self.card.record_step.connect(self.mark_step_done)
        self.card.clear_step.connect(self.clear_step)
        self.card.toggle_condition.connect(self.toggle_condition)
        self.card.refuse.connect(self.refuse)
        self.card.withdraw.connect(self.withdraw)
        self.card.export_pdf.connect(self.export_card)
        self.card.preview.connect(self.preview_card)
        self.card.receipt.connect(lambda: self.preview_paper("receipt"))
        self.card.refusal_letter.connect(lambda: self.preview_paper("refusal"))
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        self.view.doubleClicked.connect(lambda _index: self._open_card())

        self.header = PageHeader(self, search=self.search)
        self.title = self.header.title
        self.set_search(self.search)
        self.procedure_filter.setSizeAdjustPolicy(self.procedure_filter.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.procedure_filter.setMinimumContentsLength(12)
        self.filter_labels = [QLabel() for _i in range(3)]
        self.filters = FilterBar(zip(self.filter_labels, (self.procedure_filter, self.status_filter,
                                                          self.when_filter), strict=True),
                                 reset=self.reset_filters)
        self.proxy.rowsInserted.connect(self._update_shown)
        self.proxy.rowsRemoved.connect(self._update_shown)
        self.proxy.modelReset.connect(self._update_shown)
        self.proxy.layoutChanged.connect(self._update_shown)
        self.empty = EmptyState(self, ["new", "new_template"])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        state = user_settings.get(SPLITTER)
        if not state or not self.splitter.restoreState(state):
            self.splitter.setSizes([800, 560])
        self.splitter.splitterMoved.connect(lambda *_a: user_settings.put(SPLITTER, self.splitter.saveState()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.filters)
        counts = QHBoxLayout()
        counts.addWidget(self.dashboard)
        counts.addStretch(1)
        counts.addWidget(self.due_soon_label)
        counts.addWidget(self.due_soon)
        layout.addLayout(counts)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.splitter, 1)
        self.set_list(self.view)
        self.set_details(self.splitter, self.card)
        # At 1366 px the status, current step and both due dates stay; channel, received date and
        # procedure give way first (the card shows them).
        self.columns_fit = ColumnPriorities(self.view, [1, 5, 7, 6, 8, 2, 3, 4],
                                            {i: c.width for i, c in enumerate(self.model.columns) if c.width})
        self._procedures: list[dict] = []
        self._filling = False
        self.refresh()

    # Texts and data ---------------------------------------------------------
    def _due_soon_suffix(self, days: int) -> None:
        """"3 рабочих дня", "5 рабочих дней": the unit agrees with the number in every language."""
        self.due_soon.setSuffix(" " + ngettext("working day", "working days", days))

    def open_translations(self) -> None:
        """The procedures' names, steps and units side by side with their versions."""
        from desktop.views.translations import TranslationsDialog

        TranslationsDialog(self.ctx, "procedures", None, _("Procedures of service requests"), parent=self).exec()

    def retranslate_ui(self) -> None:
        self.header.set_title(_("Service requests"))
        self.set_search(self.search)
        self.search.setToolTip(_("Filter by applicant, procedure, step…"))
        self.set_command_texts({
            "new": _("New request…"), "open": _("Open the card"), "step": _("Mark step done…"), "refuse": _("Refuse the request"),
            "channel": _("Change channel…"), "documents": _("Documents received…"), "delete": _("Delete"), "preview": _("Print preview of the register…"),
            "card_preview": _("Print preview of the request card…"), "pdf": _("Register to PDF…"),
            "card_pdf": _("Request card to PDF…"), "excel": _("Register to Excel…"),
            "template": _("Edit procedure…"), "new_template": _("New procedure…"),
            "translations": _("Translate procedures…"),
            "content_lang": _("Show texts in the interface language")})
        for label, text in zip(self.filter_labels, (_("Procedure:"), _("Status:"), _("When:")), strict=True):
            label.setText(text)
        self.filters.retranslate()
        self.empty.set_text(_("Service requests: applications, references and certificates the office issues, "
                              "step by step with their due dates. Register the first one, or set up a procedure."))
        self.due_soon_label.setText(_("Due soon: within"))
        self._due_soon_suffix(self.due_soon.value())
        self.due_soon.setToolTip(_("Requests with a step due within this many working days are counted as due soon "
                                   "(for everyone working with this database)."))
        self._fill_filters()
        self.model.retranslate()
        header = self.view.horizontalHeader()
        for i in range(self.model.columnCount()):  # a longer title in ky/kk/ru widens its column
            header.resizeSection(i, max(header.sectionSize(i), header.sectionSizeHint(i)))
        self.card.retranslate_ui()
        self._update_dashboard()

    def _fill_filters(self) -> None:
        saved = self._filter_state() if self.status_filter.count() else self._saved_filters()
        self._filling = True
        self.procedure_filter.clear()
        self.procedure_filter.addItem(_("All procedures"), None)
        for p in self._procedures:
            self.procedure_filter.addItem(shown(_, p["name"]), p["id"])
        self.status_filter.clear()
        self.status_filter.addItem(_("Any status"), "")
        for status, label in req.RequestStatus.labels().items():
            self.status_filter.addItem(_(label), status.value)
        self.when_filter.clear()
        self.when_filter.addItem(_("Any time"), RegisterProxy.ALL)
        self.when_filter.addItem(_("Overdue"), RegisterProxy.OVERDUE)
        self.when_filter.addItem(_("Due this week"), RegisterProxy.THIS_WEEK)
        for combo, value in zip((self.procedure_filter, self.status_filter, self.when_filter), saved, strict=True):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self._filling = False
        self._apply_filters()

    def _filter_state(self) -> tuple:
        return (self.procedure_filter.currentData(), self.status_filter.currentData() or "",
                self.when_filter.currentData() or "")

    def _saved_filters(self) -> tuple:
        parts = (user_settings.get(FILTERS) or "").split("|")
        if len(parts) != 3:
            return (None, "", "")
        return (int(parts[0]) if parts[0].isdigit() else None, parts[1], parts[2])

    def _apply_filters(self) -> None:
        if self._filling:
            return
        procedure, status, when = self._filter_state()
        self.proxy.set_filters(procedure, status, when)
        user_settings.put(FILTERS, f"{procedure or ''}|{status}|{when}")

    def refresh(self) -> None:
        current = self.current_request_id()
        with self.ctx.db.session() as s:
            self._procedures = templates.template_rows(s)
            from desktop.models.text_documents import (
                add_request_search_texts,
                localize_request_rows,
            )
            from desktop.views.translations import content_language

            rows = add_request_search_texts(s, req.request_rows(s, self.today))  # every version, to search
            if lang := content_language():  # the procedures' texts as the user chose to see them
                rows = localize_request_rows(s, rows, lang)[0]
            rows = label_rows(rows)
            self._counts = req.dashboard_counts(s, self.today)
            days = settings.get(s, req.DUE_SOON.key)
        self.due_soon.blockSignals(True)
        self.due_soon.setValue(days)
        self.due_soon.blockSignals(False)
        self.model.set_rows(rows)
        self.retranslate_ui()
        self.select_request(current)
        empty = not rows
        self.empty.setVisible(empty)
        self.splitter.setVisible(not empty)
        self.update_commands()

    def _update_dashboard(self) -> None:
        c = getattr(self, "_counts", None)
        if c is not None:
            self.dashboard.setText(_("Open: {open}    Overdue: {overdue}    Due soon: {due_soon}").format(**c))

    def set_due_soon_days(self, days: int) -> None:
        """Store how many working days ahead count as "due soon" (undoable); the counts follow at once."""
        with self.ctx.db.session() as s:
            old = settings.get(s, req.DUE_SOON.key)
        if days == old:
            return

        self._do(_("Change the due-soon horizon"), bind(settings.put_op, req.DUE_SOON.key, days))

    def on_changed(self, changes: Change) -> None:
        if changes & Change.WORKDAYS:
            # The office's working days changed: planned dates move with them (not an undoable edit
            # of this area: undoing the calendar change re-plans again).
            with self.ctx.db.session() as s:
                req.replan_open_requests(s)
        super().on_changed(changes)

    def current_request_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole + 1) if index.isValid() else None

    def select_request(self, request_id: int | None) -> None:
        """Make ``request_id`` current (the first row when it is not shown) and show its card."""
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if index.data(Qt.ItemDataRole.UserRole + 1) == request_id:
                self.view.setCurrentIndex(index)
                break
        else:
            if self.proxy.rowCount():
                self.view.setCurrentIndex(self.proxy.index(0, 0))
        self._show_current()

    def _show_current(self) -> None:
        rid = self.current_request_id()
        if rid is None:
            self.card.show_card(None)
            self.update_commands()
            return
        try:
            with self.ctx.db.session() as s:
                card = req.request_card(s, rid, self.today)
                from desktop.views.translations import content_language

                if lang := content_language():
                    from desktop.models.text_documents import localize_request_card

                    card = localize_request_card(s, card, lang)[0]
                self.card.show_card(card)
        except DomainError:
            self.card.show_card(None)
        self.update_commands()

    def _open_card(self) -> None:
        """Enter or double-click: the request's card, shown if it was hidden, with the focus."""
        if self.card.isHidden():
            self.set_details_position("right")
        self.card.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    def _mark_current_step(self) -> None:
        step = self.card.current_step()
        if step is not None:
            self.mark_step_done(step)

    def reset_filters(self) -> None:
        for combo in (self.procedure_filter, self.status_filter, self.when_filter):
            combo.setCurrentIndex(0)
        self.search.clear()

    def _update_shown(self, *_args) -> None:
        self.filters.set_counts(self.proxy.rowCount(), self.model.rowCount())
        self.filters.reset_button.setVisible(bool(self.search.text()) or any(
            c.currentIndex() > 0 for c in (self.procedure_filter, self.status_filter, self.when_filter)))

    def status_text(self) -> str:
        c = getattr(self, "_counts", None)
        base = super().status_text()
        if c is None:
            return base
        counts = _("Open: {open}    Overdue: {overdue}    Due soon: {due_soon}").format(**c)
        return f"{base}    {counts}" if base else counts

    # Operations (each through the undo stack) ---------------------------------
    def _do(self, text: str, op, select: int | None = None):
        """Run one operation (undoable); ``select``: the request to show after each step."""
        after = None if select is None else (lambda _outcome: self.select_request(select))
        return run(self, text, op, after=after, title=_("Service requests"))

    def create_request(self, values: dict) -> None:  # not QWidget.create: that makes the native window
        """Register a request (the dialog's values); undo deletes it."""
        outcome = self._do(_("New service request"), bind(req.create_request_op, **values))
        if outcome is not None:
            self.select_request(outcome.result)

    def new_request(self) -> None:
        from sqlalchemy import select

        from desktop.models.contingent import Student

        with self.ctx.db.session() as s:
            students = [(sid, " ".join(p for p in parts if p)) for sid, *parts in s.execute(
                select(Student.id, Student.last_name, Student.first_name, Student.patronymic)
                .order_by(Student.last_name, Student.first_name)).all()]
        dialog = NewRequestDialog(self._procedures, students, self.today, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_request(dialog.values())

    def _edit_request(self, text: str, change) -> None:
        """Any change to the current request (``change``: a model call bound to its arguments);
        undo puts back the snapshot taken before it."""
        rid = self.current_request_id()
        if rid is None:
            return
        self._do(text, bind(req.edit_request_op, rid, change), select=rid)

    def record(self, step_id: int, day: dt.date | None, done_by: str = "", note: str | None = None) -> None:
        self._edit_request(_("Step done") if day else _("Clear step date"),
                           bind(req.record_step, step_id, day, done_by, note))

    def mark_step_done(self, step: dict) -> None:
        from desktop.views.common.forms import to_date

        people = [r["short_name"] for r in self._staff_names()]
        day = step["actual"] or min(self.today, step["planned"] or self.today)
        dialog = StepDoneDialog(shown(_, step["name"]), day, step["done_by"], step["note"], people, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record(step["id"], to_date(dialog.date), dialog.done_by.currentText(), dialog.note.text())

    def _staff_names(self) -> list[StaffRow]:
        from desktop.models import org

        with self.ctx.db.session() as s:
            return org.staff_rows(s)

    def clear_step(self, step: dict) -> None:
        self.record(step["id"], None)

    def toggle_condition(self, step: dict) -> None:
        self._edit_request(_("Change condition"), bind(req.set_condition, step["id"], not step["taken"]))

    def refuse(self, reason: str | None = None) -> None:
        if reason is None:  # a ground of seed 002 (kept as its msgid: letters print it in their language) or typed
            grounds = {_(g): g for g in req.REFUSAL_GROUNDS}
            text, ok = QInputDialog.getItem(self, _("Refuse the request"), _("Ground of the refusal:"),
                                            list(grounds), 0, True)
            if not ok:
                return
            reason = grounds.get(text, text)
        rid = self.current_request_id()
        self._edit_request(_("Refuse the request"), bind(req.refuse_request, rid, reason, self.today))

    def change_channel(self, channel: str | None = None) -> None:
        """The request came through another channel: its steps re-plan for it (undo puts them back)."""
        if channel is None:
            labels = {c.label(): c.value for c in req.Channel}
            text, ok = QInputDialog.getItem(self, _("Change channel"), _("Channel:"), list(labels), 0, False)
            if not ok:
                return
            channel = labels[text]
        self._edit_request(_("Change channel"), bind(req.change_channel, self.current_request_id(), channel))

    def edit_documents(self, text: str | None = None) -> None:
        """The documents received with the request, one a line (the receipt's list); undoable."""
        rid = self.current_request_id()
        if rid is None:
            return
        if text is None:
            with self.ctx.db.session() as s:
                current = req.request_snapshot(s, rid)["documents"]
            text, ok = QInputDialog.getMultiLineText(self, _("Documents received"),
                                                     _("One document a line, as the receipt lists them:"), current)
            if not ok:
                return
        self._edit_request(_("Documents received"), bind(req.set_documents, rid, text))

    def withdraw(self) -> None:
        self._edit_request(_("Withdraw refusal"), bind(req.withdraw_refusal, self.current_request_id()))

    def delete_request(self) -> None:
        rid = self.current_request_id()
        if rid is None:
            return
        # The request as the register shows it is what is deleted (another office's change meanwhile:
        # stale); a redo deletes it as its undo put it back.
        row = next((r for r in self.model.rows if r["id"] == rid), None)
        shown = {k: row[k] for k in req.SHOWN_REQUEST_FIELDS if k in row} if row else None
        self._do(_("Delete service request"), bind(req.delete_request_op, rid, shown))

    # Procedures -------------------------------------------------------------
    def _template_to_edit(self) -> dict | None:
        """The procedure chosen in the filter, else the selected request's, else the first one."""
        wanted = self.procedure_filter.currentData()
        if wanted is None:
            rid = self.current_request_id()
            row = next((r for r in self.model.rows if r["id"] == rid), None)
            wanted = row["procedure_id"] if row else None
        template = next((p for p in self._procedures if p["id"] == wanted), None)
        return template or (self._procedures[0] if self._procedures else None)

    def edit_template(self) -> None:
        template = self._template_to_edit()
        if template is None:
            return
        dialog = TemplateDialog(template["name"], template["steps"], template["active"], self, deletable=True)
        result = dialog.exec()
        if result == TemplateDialog.DELETE:
            self.delete_template(template["id"])
            return
        if result != QDialog.DialogCode.Accepted:
            return
        name = dialog.name.text() if dialog.name.text() != shown(_, template["name"]) else template["name"]
        steps, active, tid = dialog.model.specs(), dialog.active.isChecked(), template["id"]
        self._do(_("Edit procedure"), bind(templates.update_template_op, tid, name, steps, active))

    def delete_template(self, template_id: int, confirm: bool = True) -> None:
        """Delete the office's own procedure (undoable). Requests registered under it keep their own
        copy of its steps and name, so deleting it changes none of them; built-ins are refused."""
        template = next((p for p in self._procedures if p["id"] == template_id), None)
        if template is None:
            return
        name = shown(_, template["name"])
        if template["builtin"]:
            QMessageBox.information(self, _("Delete procedure"), _(
                "“{name}” is a built-in procedure and cannot be deleted; untick “Offered for new requests” to "
                "switch it off.").format(name=name))
            return
        if confirm:
            with self.ctx.db.session() as s:
                used = templates.template_usage(s, template_id)
            text = _("Delete the procedure “{name}”?").format(name=name)
            if used:
                text += "\n\n" + ngettext("{n} request was registered under it; it keeps its steps and dates unchanged.",
                                            "{n} requests were registered under it; they keep their steps and "
                                            "dates unchanged.", used).format(n=used)
            answer = QMessageBox.question(self, _("Delete procedure"), text)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._do(_("Delete procedure"), bind(templates.delete_template_op, template_id))

    def new_template(self) -> None:
        dialog = TemplateDialog("", [templates.StepSpec(_("New step"))], True, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, steps = dialog.name.text(), dialog.model.specs()
        self._do(_("New procedure"), bind(templates.add_template_op, name, steps))

    # Reports ----------------------------------------------------------------
    def _save_path(self, title: str, suggested: str, pattern: str) -> str | None:
        folder = user_settings.get(user_settings.LAST_FOLDER) or ""
        path, _filter = QFileDialog.getSaveFileName(self, title, f"{folder}/{suggested}" if folder else suggested,
                                                    pattern)
        if path:
            import os

            user_settings.put(user_settings.LAST_FOLDER, os.path.dirname(path))
        return path or None

    def export_register(self, path: str | None = None) -> None:
        from desktop.reports.requests import register_xlsx

        rows = self.report_rows(ask=True)
        if rows is None:  # the user chose not to export (also when the path was given)
            return
        path = path or self._save_path(_("Register to Excel"), "requests.xlsx", "Excel (*.xlsx)")
        if not path:
            return
        from desktop.models.document_frame import document_frame
        from desktop.views.common.tasks import save_file

        with self.ctx.db.session() as s:
            frame = document_frame(s, "requests")
        if save_file(self, _("Register to Excel"), path,
                     lambda tmp: register_xlsx(rows, tmp, self.ctx.report_language, self.today, frame=frame)):
            self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def shown_rows(self) -> list[dict]:
        """The register's rows as filtered and sorted on screen (what the exports print)."""
        return [self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
                for r in range(self.proxy.rowCount())]

    def report_rows(self, ask: bool = False) -> list[dict] | None:
        """The rows shown, their texts in the report language where a version exists. With
        ``ask``, texts without one are listed first; None when the user chose not to export."""
        from desktop.models.text_documents import localize_request_rows
        from desktop.views.translations import confirm_missing

        lang = self.ctx.report_language
        with self.ctx.db.session() as s:
            rows, missing = localize_request_rows(s, self.shown_rows(), lang)
        if ask and not confirm_missing(self, missing, lang, lambda _lang: self.open_translations()):
            return None
        return rows

    def register_pdf_bytes(self, rows: list[dict] | None = None) -> bytes:
        import io

        from desktop.models.document_frame import document_frame
        from desktop.models.text_documents import faculty_name
        from desktop.reports.requests import register_pdf

        with self.ctx.db.session() as s:
            name = faculty_name(s, self.ctx.report_language)
            frame = document_frame(s, "requests")
        if rows is None:
            rows = self.report_rows()
            assert rows is not None  # None only when asked and the user declined
        out = io.BytesIO()
        register_pdf(rows, out, self.ctx.report_language, self.today,
                     name, frame=frame)
        return out.getvalue()

    def export_register_pdf(self, path: str | None = None) -> None:
        rows = self.report_rows(ask=True)
        if rows is None:
            return
        path = path or self._save_path(_("Register to PDF"), "requests.pdf", "PDF (*.pdf)")
        if path:
            from desktop.views.common.tasks import save_file

            data = self.register_pdf_bytes(rows)
            if save_file(self, _("Register to PDF"), path, lambda tmp: Path(tmp).write_bytes(data)):
                self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def preview_register(self) -> None:
        from desktop.views.common.printing import preview_pdf

        preview_pdf(self, self.register_pdf_bytes(), _("Register of service requests"))

    def card_pdf_bytes(self) -> bytes | None:
        import io

        from desktop.models.document_frame import document_frame
        from desktop.reports.requests import card_pdf

        rid = self.current_request_id()
        if rid is None:
            return None
        with self.ctx.db.session() as s:
            from desktop.models.text_documents import faculty_name, localize_request_card

            card, _missing = localize_request_card(s, req.request_card(s, rid, self.today), self.ctx.report_language)
            name = faculty_name(s, self.ctx.report_language)
            frame = document_frame(s, "requests")
        out = io.BytesIO()
        card_pdf(card, out, self.ctx.report_language, self.today, name, frame=frame)
        return out.getvalue()

    def export_card(self, path: str | None = None) -> None:
        data = self.card_pdf_bytes()
        if data is None:
            return
        path = path or self._save_path(_("Request card to PDF"), f"request-{self.current_request_id()}.pdf",
                                       "PDF (*.pdf)")
        if path:
            from desktop.views.common.tasks import save_file

            if save_file(self, _("Request card to PDF"), path, lambda tmp: Path(tmp).write_bytes(data)):
                self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def paper_pdf_bytes(self, paper: str) -> bytes | None:
        """Seed 002's papers of the current request: "receipt" or "refusal" (the motivated letter)."""
        import io

        from desktop.models.document_frame import document_frame
        from desktop.reports.requests import receipt_pdf, refusal_pdf

        rid = self.current_request_id()
        if rid is None:
            return None
        with self.ctx.db.session() as s:
            card = req.request_card(s, rid, self.today)
            frame = document_frame(s, "requests")
        out = io.BytesIO()
        (receipt_pdf if paper == "receipt" else refusal_pdf)(card, out, self.ctx.report_language, frame=frame)
        return out.getvalue()

    def preview_paper(self, paper: str) -> None:
        from desktop.views.common.printing import preview_pdf

        try:
            data = self.paper_pdf_bytes(paper)
        except DomainError as exc:
            QMessageBox.information(self, _("Refusal letter"), str(exc))
            return
        if data is not None:
            preview_pdf(self, data, _("Receipt of documents") if paper == "receipt" else _("Motivated refusal"))

    def preview_card(self) -> None:
        from desktop.views.common.printing import preview_pdf

        data = self.card_pdf_bytes()
        if data is not None:
            preview_pdf(self, data, _("Service request No {number}").format(number=self.current_request_id()))
