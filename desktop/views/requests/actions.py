"""What the requests page does: registering, recording steps, refusing, the channel and the
documents received, deleting, the procedures and the due-soon horizon; every write runs as an
operation through ``_do`` (one undo entry each).

A mixin of :class:`desktop.views.requests.page.RequestsArea` (its widgets are built there)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from desktop.i18n import _, ngettext
from desktop.models import request_templates as templates
from desktop.models import requests as req
from desktop.models import settings
from desktop.models.operations import bind
from desktop.models.request_templates import shown
from desktop.views.common.operations import run
from desktop.views.requests.dialogs import NewRequestDialog, StepDoneDialog, TemplateDialog
from desktop.views.requests.part import RequestsPart


class RequestsActions(RequestsPart):
    def open_translations(self) -> None:
        """The procedures' names, steps and units side by side with their versions."""
        from desktop.views.translations import TranslationsDialog

        TranslationsDialog(self.ctx, "procedures", None, _("Procedures of service requests"), parent=self).exec()

    def set_due_soon_days(self, days: int) -> None:
        """Store how many working days ahead count as "due soon" (undoable); the counts follow at once."""
        with self.ctx.db.session() as s:
            old = settings.get(s, req.DUE_SOON.key)
        if days == old:
            return

        self._do(_("Change the due-soon horizon"), bind(settings.put_op, req.DUE_SOON.key, days))

    def _do(self, text: str, op, select: int | None = None):
        """Run one operation (undoable); ``select``: the request to show after each step."""
        after = None if select is None else (lambda _outcome: self.select_request(select))
        return run(self, text, op, after=after, title=_("Service requests"))

    def create_request(self, values: req.NewRequest) -> None:  # not QWidget.create: that makes the native window
        """Register a request (the dialog's values); undo deletes it."""
        outcome = self._do(_("New service request"), bind(req.create_request_op, **values))
        if outcome is not None:
            self.select_request(outcome.result)

    def new_request(self) -> None:
        from desktop.models.students import name_choices

        with self.ctx.db.session() as s:
            students = name_choices(s)
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

    def mark_step_done(self, step: req.CardStep) -> None:
        from desktop.views.common.forms import to_date

        people = self._staff_names()
        day = step.actual or min(self.today, step.planned or self.today)
        dialog = StepDoneDialog(shown(_, step.name), day, step.done_by, step.note, people, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record(step.id, to_date(dialog.date), dialog.done_by.currentText(), dialog.note.text())

    def _mark_current_step(self) -> None:
        step = self.card.current_step()
        if step is not None:
            self.mark_step_done(step)

    def _staff_names(self) -> list[str]:
        from desktop.models import org

        with self.ctx.db.session() as s:
            return [r["short_name"] for r in org.staff_rows(s)]

    def clear_step(self, step: req.CardStep) -> None:
        self.record(step.id, None)

    def toggle_condition(self, step: req.CardStep) -> None:
        self._edit_request(_("Change condition"), bind(req.set_condition, step.id, not step.taken))

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
    def _template_to_edit(self) -> templates.TemplateRow | None:
        """The procedure chosen in the filter, else the selected request's, else the first one."""
        wanted = self.procedure_filter.currentData()
        if wanted is None:
            rid = self.current_request_id()
            row = next((r for r in self.model.rows if r["id"] == rid), None)
            wanted = row["procedure_id"] if row else None
        template = next((p for p in self._procedures if p.id == wanted), None)
        return template or (self._procedures[0] if self._procedures else None)

    def edit_template(self) -> None:
        template = self._template_to_edit()
        if template is None:
            return
        dialog = TemplateDialog(template.name, template.steps, template.active, self, deletable=True)
        result = dialog.exec()
        if result == TemplateDialog.DELETE:
            self.delete_template(template.id)
            return
        if result != QDialog.DialogCode.Accepted:
            return
        name = dialog.name.text() if dialog.name.text() != shown(_, template.name) else template.name
        steps, active, tid = dialog.model.specs(), dialog.active.isChecked(), template.id
        self._do(_("Edit procedure"), bind(templates.update_template_op, tid, name, steps, active))

    def delete_template(self, template_id: int, confirm: bool = True) -> None:
        """Delete the office's own procedure (undoable). Requests registered under it keep their own
        copy of its steps and name, so deleting it changes none of them; built-ins are refused."""
        template = next((p for p in self._procedures if p.id == template_id), None)
        if template is None:
            return
        name = shown(_, template.name)
        if template.builtin:
            QMessageBox.information(self, _("Delete procedure"), _(
                "“{name}” is a built-in procedure and cannot be deleted; untick “Offered for new requests” to "
                "switch it off.").format(name=name))
            return
        if confirm:
            with self.ctx.db.session() as s:
                used = templates.template_usage(s, template_id)
            text = _("Delete the procedure “{name}”?").format(name=name)
            if used:
                text += "\n\n" + ngettext(
                    "{n} request was registered under it; it keeps its steps and dates unchanged.",
                    "{n} requests were registered under it; they keep their steps and dates unchanged.",
                    used).format(n=used)
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
