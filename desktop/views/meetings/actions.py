"""What the meetings page does: series (new, edit, delete), meetings (next, delete, edit), attendance,
the agenda, decisions and signing, every write an operation run through ``_do``; printing the
agenda and minutes.

A mixin of :class:`desktop.views.meetings.page.MeetingsArea`: the editor and the register call
these with plain ids and values."""

from __future__ import annotations

import io
from dataclasses import asdict
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from desktop.i18n import _, ngettext
from desktop.models import meetings as mt
from desktop.models import meetings_operations as mops
from desktop.models.operations import Change, bind
from desktop.models.org import StaffRow
from desktop.views.common.operations import run

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

    from desktop.models.meetings_series import SeriesValues
    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.meetings.dialogs import DecisionValues
    from desktop.views.meetings.editor import MeetingEditor
else:
    _Page = object


class MeetingsActions(_Page):  # for mypy an AreaPage: the page it is mixed into
    if TYPE_CHECKING:  # the page's, used here (the listing's series and meeting shown)
        series: QComboBox
        editor: MeetingEditor
        _series_rows: dict[int, mt.SeriesRow]
        meeting_id: int | None

        def _fill_series(self) -> None: ...
        def open_meeting(self, meeting_id: int) -> None: ...

    # Running operations -------------------------------------------------------------------
    def _do(self, text: str, op, after=None):
        return run(self, text, op, after=after, title=_("Meetings"))

    def _follow_meeting(self, outcome) -> None:
        """A meeting made or brought back (an id as the result) becomes the one shown."""
        if isinstance(outcome.result, int):
            self.open_meeting(outcome.result)

    def new_series(self, values: SeriesValues | None = None) -> None:
        """A new series from the dialog (or from ``values``, as the dialog returns them)."""
        if values is None:
            from desktop.models.org import staff_rows
            from desktop.views.meetings.series_dialog import SeriesDialog

            with self.ctx.db.session() as s:
                staff = [r for r in staff_rows(s) if r["active"]]
            dialog = SeriesDialog(staff, self)
            if not dialog.exec():
                return
            values = dialog.values()
        outcome = self._do(_("New series"), bind(mops.add_series_op, **values))
        if outcome is not None:
            self._fill_series()
            self.series.setCurrentIndex(self.series.findData(outcome.result))

    def _staff_for_dialog(self, keep=()) -> list[StaffRow]:
        from desktop.models.org import staff_rows

        with self.ctx.db.session() as s:
            return [r for r in staff_rows(s) if r["active"] or r["id"] in keep]

    def edit_series(self, values: SeriesValues | None = None) -> None:
        """Change the chosen series from the dialog (or to ``values``); undoable. Meetings already
        created keep their own date, time, place and attendees."""
        from desktop.models import meetings_series as ms

        series_id = self.series.currentData()
        if not series_id:
            return
        if values is None:
            from desktop.views.meetings.series_dialog import SeriesDialog

            with self.ctx.db.session() as s:
                initial = ms.series_values(s, series_id)
            dialog = SeriesDialog(self._staff_for_dialog(initial["members"]), self, initial)
            if not dialog.exec():
                return
            values = dialog.values()
        self._do(_("Edit series"), bind(mops.update_series_op, series_id, **values))

    def confirm(self, text: str) -> bool:
        """Ask before something is deleted (tests replace this)."""
        answer = QMessageBox.question(self, _("Meetings"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def delete_series(self) -> None:
        """Delete the chosen series after confirmation. A series with held meetings is refused (their
        minutes are the office's records); planned meetings go with it after a second, explicit
        confirmation that names how many. Undo brings everything back."""
        from desktop.models import meetings_series as ms

        series_id = self.series.currentData()
        if not series_id:
            return
        name = self.series.currentText()
        with self.ctx.db.session() as s:
            impact = ms.deletion_impact(s, series_id)
        if (refused := impact.refusal(name)) is not None:  # asked before any question, refused as the model does
            QMessageBox.warning(self, _("Meetings"), refused)
            return
        if not self.confirm(_("Delete the meeting series “{series}”?").format(series=name)):
            return
        if impact.meetings and not self.confirm(ngettext(
                "“{series}” has {count} planned meeting (decisions in it: {decisions}). "
                "Delete it together with the series?",
                "“{series}” has {count} planned meetings (decisions in them: {decisions}). "
                "Delete them together with the series?", impact.meetings).format(
                series=name, count=impact.meetings, decisions=impact.decisions)):
            return
        from desktop.views.common.mass_delete import backup_before_delete

        if not backup_before_delete(self, impact.meetings, whole=True):
            return
        # The series as shown, with the meetings the user confirmed: another office's change is refused.
        row = self._series_rows.get(series_id)
        shown = {**(asdict(row) if row is not None else {}), "meeting_count": impact.meetings}
        self._do(_("Delete series"), bind(mops.delete_series_op, series_id, shown))

    def create_next(self) -> None:
        series_id = self.series.currentData()
        if not series_id:
            return
        self._do(_("Next meeting"), bind(mops.create_next_meeting_op, series_id), after=self._follow_meeting)

    def delete_meeting(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        self._do(_("Delete meeting"), bind(mops.delete_meeting_op, meeting_id), after=self._follow_meeting)

    def edit_meeting(self, meeting_id: int, field: str, value) -> None:
        self._do(_("Edit meeting"), bind(mops.update_meeting_op, meeting_id, **{field: value}))

    def add_attendee(self, meeting_id: int, staff_id: int, present: bool = True, note: str = "") -> None:
        self.set_attendance(meeting_id, staff_id, present, note, _("Add attendee"))

    def remove_attendee(self, meeting_id: int, staff_id: int) -> None:
        self.set_attendance(meeting_id, staff_id, None, None, _("Remove attendee"))

    def set_attendance(self, meeting_id: int, staff_id: int, present: bool | None, note: str | None,
                       text: str | None = None) -> None:
        """Present/absent with the reason; ``present=None`` takes the person off this meeting's list."""
        self._do(text or _("Change attendance"), bind(mops.set_attendance_op, meeting_id, staff_id, present, note))

    def add_proposals(self, meeting_id: int, proposals: list) -> None:
        if not proposals:
            return
        self._do(_("Add to agenda"), bind(mops.add_proposals_op, meeting_id, proposals))

    def add_item(self, meeting_id: int, position: int | None) -> None:
        outcome = self._do(_("Add agenda item"), bind(mops.add_agenda_item_op, meeting_id, _("New item"), position))
        if outcome is not None:
            self.editor.select_item(outcome.result)

    def delete_item(self, item_id: int) -> None:
        self._do(_("Delete agenda item"), bind(mops.delete_agenda_item_op, item_id))

    def move_item(self, item_id: int, position: int) -> None:
        self._do(_("Move agenda item"), bind(mops.move_agenda_item_op, item_id, position))
        self.editor.select_item(item_id)

    def edit_item(self, item_id: int, field: str | None, value) -> None:
        """One field, or (``field`` None) several at once: ``value`` is then a dict. A text the editor
        shows in its version (the content language) edits that version, the others the original."""
        from desktop.views.translations import content_language

        fields = value if field is None else {field: value}
        lang, shown = content_language(), self.editor.shown
        versions = {f: v for f, v in fields.items() if lang and ("agenda_item", item_id, f) in shown}
        if versions:
            originals = {f: v for f, v in fields.items() if f not in versions}
            self._do(_("Edit agenda item"), bind(mops.edit_agenda_item_texts_op, item_id, originals, lang, versions))
        else:
            self._do(_("Edit agenda item"), bind(mops.update_agenda_item_op, item_id, **fields))
        self.editor.select_item(item_id)

    def add_decision(self, meeting_id: int, item_id: int | None, values: DecisionValues) -> None:
        self._do(_("Add decision"), bind(mops.add_decision_op, meeting_id, values.text,
                                         responsible=list(values.responsible), due_date=values.due_date,
                                         agenda_item_id=item_id))

    def edit_decision(self, decision_id: int, field: str, value, in_minutes: bool = False) -> None:
        """From the register, or (``in_minutes``) through the minutes, which then print the new value.
        A text the page shows in its version (the content language) edits that version."""
        from desktop.models.text_versions import get_version, set_version_op
        from desktop.views.translations import content_language

        lang = content_language()
        if field == "text" and lang:
            with self.ctx.db.session() as s:
                shown_version = get_version(s, "meeting_decision", decision_id, "text", lang)
            if shown_version:  # the page shows (editor and register alike) this version: it is the one edited
                self._do(_("Edit decision"), bind(set_version_op, "meeting_decision", decision_id, "text", lang,
                                                  value, Change.MEETINGS))
                return
        text = {"status": _("Change decision status")}.get(field, _("Edit decision"))
        self._do(text, bind(mops.update_decision_op, decision_id, in_minutes=in_minutes, **{field: value}))

    def sign_minutes(self, meeting_id: int, signed_on) -> None:
        self._do(_("Sign minutes"), bind(mops.sign_minutes_op, meeting_id, signed_on))

    def delete_decision(self, decision_id: int) -> None:
        self._do(_("Delete decision"), bind(mops.delete_decision_op, decision_id))

    # Printing ------------------------------------------------------------------------------
    def pdf_bytes(self, which: str = "agenda") -> bytes:
        from desktop.reports import meeting_pdf

        with self.ctx.db.session() as s:
            from desktop.models.text_documents import localize_meeting

            assert self.meeting_id is not None  # printing needs a meeting chosen
            tree, _missing = localize_meeting(s, mt.meeting_tree(s, self.meeting_id), self.ctx.report_language)
            from desktop.models.document_frame import document_frame

            frame = document_frame(s, "agenda")
        out = io.BytesIO()
        {"agenda": meeting_pdf.agenda_pdf, "minutes": meeting_pdf.minutes_pdf,
         "both": meeting_pdf.meeting_pdf}[which](out, tree, self.ctx.report_language, frame=frame)
        return out.getvalue()

    def preview(self, which: str) -> None:
        if self.meeting_id is not None:
            from desktop.views.common.printing import preview_pdf

            preview_pdf(self, self.pdf_bytes(which))

    def print_direct(self) -> None:
        if self.meeting_id is not None:
            from desktop.views.common.printing import print_pdf

            print_pdf(self, self.pdf_bytes("both"))
