"""What the meeting editor does: the agenda (proposals added, items added, deleted, moved, edited),
the heading fields, attendance, the minutes per item, decisions, signing, the translations.
Every write goes to the page (:class:`desktop.views.meetings.actions.MeetingsActions`), which runs
it as one undoable operation.

A mixin of :class:`desktop.views.meetings.editor.MeetingEditor` (its widgets are built there)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from desktop.views.meetings.dialogs import AttendeeDialog, AttendeeValues, DecisionDialog, SignDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QTableView, QTabWidget, QWidget

    from desktop.views.common.tablemodel import RecordTableModel
    from desktop.views.meetings.models import AgendaModel, AttendanceModel, ProposalModel
    from desktop.views.meetings.page import MeetingsArea

    _Editor = QWidget
else:
    _Editor = object


class EditorActions(_Editor):  # for mypy a QWidget: the editor it is mixed into
    if TYPE_CHECKING:  # the editor's widgets and models, used here
        page: MeetingsArea
        tree: dict[str, Any] | None
        staff: list[tuple[int, str]]
        heading: QLabel
        tabs: QTabWidget
        proposals: ProposalModel
        agenda: AgendaModel
        agenda_view: QTableView
        minutes_items: QTableView
        attendance: AttendanceModel
        attendance_view: QTableView
        decisions: RecordTableModel
        decision_view: QTableView
        heard: QPlainTextEdit
        decided: QPlainTextEdit
        save_minutes: QPushButton

        def load(self, meeting_id: int | None) -> None: ...

    def open_translations(self) -> None:
        """The meeting's texts (series, agenda, minutes, decisions) side by side with their versions."""
        from desktop.views.translations import TranslationsDialog

        if self.tree is None:
            return
        dialog = TranslationsDialog(self.page.ctx, "meeting", self.tree["id"], self.heading.text(), parent=self)
        dialog.exec()
        if dialog.changed:
            self.load(self.tree["id"])

    # Agenda ---------------------------------------------------------------------------------
    def current_item_id(self) -> int | None:
        """The item chosen in the tab in front (agenda or minutes)."""
        view = self.minutes_items if self.tabs.currentIndex() == 2 else self.agenda_view
        row = self.agenda.record(view.currentIndex())
        return row["id"] if row else None

    def select_item(self, item_id: int) -> None:
        i = self.agenda.row_of(item_id)
        if i >= 0:
            self.agenda_view.setCurrentIndex(self.agenda.index(i, 1))
            self.minutes_items.setCurrentIndex(self.agenda.index(i, 1))

    def add_ticked(self) -> None:
        if self.tree:
            self.page.add_proposals(self.tree["id"], self.proposals.ticked_proposals())

    def add_item(self) -> None:
        if self.tree:
            row = self.agenda.record(self.agenda_view.currentIndex())
            self.page.add_item(self.tree["id"], row["number"] if row else None)

    def delete_item(self) -> None:
        row = self.agenda.record(self.agenda_view.currentIndex())
        if row:
            self.page.delete_item(row["id"])

    def move_item(self, step: int) -> None:
        row = self.agenda.record(self.agenda_view.currentIndex())
        if row and 0 <= row["number"] - 1 + step < len(self.agenda.rows):
            self.page.move_item(row["id"], row["number"] - 1 + step)

    def _edit_item_from_model(self, row, key, value) -> None:
        if key == "minutes_allotted":
            try:
                value = int(value) if str(value).strip() else None
            except ValueError:
                return
        self.page.edit_item(row["id"], key, value)

    def _edit_meeting(self, field: str, value) -> None:
        if self.tree is None:
            return
        current = {"chair_id": (self.tree["chair"] or {}).get("id"),
                   "secretary_id": (self.tree["secretary"] or {}).get("id")}.get(field, self.tree.get(field))
        if value != current:
            self.page.edit_meeting(self.tree["id"], field, value)

    def _set_attendance(self, staff_id: int, present: bool, note: str) -> None:
        if self.tree:
            self.page.set_attendance(self.tree["id"], staff_id, present, note)

    def add_attendee(self, values: AttendeeValues | None = None) -> None:
        """Someone else attends this meeting: picked from the staff not yet listed, present or
        absent with the reason (``values`` as :class:`AttendeeDialog` returns them)."""
        if self.tree is None:
            return
        if values is None:
            listed = {a["staff_id"] for a in self.tree["attendees"]}
            dialog = AttendeeDialog([(i, n) for i, n in self.staff if i not in listed], self)
            if not dialog.exec():
                return
            values = dialog.values()
        if values.staff_id:
            self.page.add_attendee(self.tree["id"], values.staff_id, values.present, values.note)

    def remove_attendee(self) -> None:
        row = self.attendance.rows[self.attendance_view.currentIndex().row()] \
            if self.attendance_view.currentIndex().isValid() else None
        if row and self.tree:
            self.page.remove_attendee(self.tree["id"], row["staff_id"])

    # Minutes --------------------------------------------------------------------------------
    def _show_minutes(self, *_args) -> None:
        row = self.agenda.record(self.minutes_items.currentIndex())
        # the decisions of the chosen item (all of the meeting's when no item is chosen)
        decisions = self.tree["decisions"] if self.tree else []
        # as the minutes print them: text, responsible and due date as decided; the status of today
        self.decisions.set_rows([{**d, "text": d["decided_text"], "responsible": d["decided_responsible"],
                                  "due_date": d["decided_due_date"]}
                                 for d in decisions if row is None or d["agenda_item_id"] == row["id"]])
        self.heard.setPlainText(row["heard"] if row else "")
        self.decided.setPlainText(row["decided"] if row else "")
        signed = bool(self.tree and self.tree.get("minutes_signed_on"))
        for w in (self.heard, self.decided, self.save_minutes):
            w.setEnabled(row is not None and not signed)

    def _save_minutes(self) -> None:
        row = self.agenda.record(self.minutes_items.currentIndex())
        if row is None:
            return
        heard, decided = self.heard.toPlainText().strip(), self.decided.toPlainText().strip()
        if (heard, decided) != (row["heard"], row["decided"]):
            self.page.edit_item(row["id"], None, {"heard": heard, "decided": decided})

    def add_decision(self) -> None:
        if self.tree is None:
            return
        item = self.agenda.record(self.minutes_items.currentIndex())
        preselect = [item["speaker_id"]] if item and item["speaker_id"] else []
        dialog = DecisionDialog(self.staff, self.tree["date"] + dt.timedelta(days=7), preselect, self)
        if dialog.exec() and dialog.values().text:
            self.page.add_decision(self.tree["id"], item["id"] if item else None, dialog.values())

    def _edit_decision_in_minutes(self, row: dict[str, Any], key: str, value: Any) -> None:
        self.page.edit_decision(row["id"], key, value, in_minutes=True)

    def sign_minutes(self, signed_on: dt.date | None = None) -> None:
        """Sign the held meeting's minutes on a day chosen in :class:`SignDialog` (or ``signed_on``)."""
        if self.tree is None or not self.tree["held"] or self.tree.get("minutes_signed_on"):
            return
        if signed_on is None:
            from desktop import clock

            dialog = SignDialog(self.tree["date"], max(clock.today(), self.tree["date"]), self)
            if not dialog.exec():
                return
            signed_on = dialog.signed_on()
        self.page.sign_minutes(self.tree["id"], signed_on)

    def current_decision(self) -> dict[str, Any] | None:
        return self.decisions.record(self.decision_view.currentIndex())

    def _set_status(self, status: str) -> None:
        d = self.current_decision()
        if d and d["status"] != status:
            self.page.edit_decision(d["id"], "status", status)

    def delete_decision(self) -> None:
        d = self.current_decision()
        if d:
            self.page.delete_decision(d["id"])
