"""The meetings window: editing and deleting series, attendees of one meeting, drag-and-drop of the
agenda, keyboard shortcuts pressed like a user, service requests among the proposals."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from PySide6.QtCore import QMimeData, Qt

from desktop.models import meetings as mt
from desktop.models import meetings_series as ms
from desktop.models.operations import Change
from desktop.views.common.area import AppContext
from desktop.views.meetings import MeetingsArea
from desktop.views.meetings.dialogs import AttendeeValues

D = dt.date


@pytest.fixture
def page(qtbot, demo_db):
    p = MeetingsArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    return p


def open_meeting(page, db, day=dt.date(2025, 12, 8)) -> int:
    with db.session() as s:
        meeting_id = mt.find_meeting(s, day).id
    page.open_meeting(meeting_id)
    return meeting_id


def choose_series(page, name) -> int:
    i = page.series.findText(name)
    assert i > 0
    page.series.setCurrentIndex(i)
    return page.series.currentData()


def test_edit_series_through_the_dialog_values_with_undo(page, demo_db, qtbot):
    from desktop.views.meetings.series_dialog import SeriesDialog

    sid = choose_series(page, "Деканаттын жумалык кеңешмеси")
    with demo_db.session() as s:
        before = ms.series_values(s, sid)
    dialog = SeriesDialog(page._staff_for_dialog(before["members"]), None, before)
    qtbot.addWidget(dialog)
    # the dialog opens with the series as it is
    assert dialog.values() == {k: before[k] for k in dialog.values()}
    dialog.name.setText("Деканаттын кеңешмеси <b> & =1+1")
    dialog.weekday.setCurrentIndex(dialog.weekday.findData(1))
    dialog.time.setText("10.30")
    dialog.place.setText("Ауд. 305")
    ticked = dialog.members.item(0).checkState() == Qt.CheckState.Checked
    dialog.members.item(0).setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
    values = dialog.values()
    page.edit_series(values)
    with demo_db.session() as s:
        now = ms.series_values(s, sid)
    assert (now["name"], now["weekday"], now["time"], now["place"]) == ("Деканаттын кеңешмеси <b> & =1+1", 1, "10:30",
                                                                        "Ауд. 305")
    assert now["members"] == values["members"] != before["members"]
    assert page.series.currentText() == "Деканаттын кеңешмеси <b> & =1+1"
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert ms.series_values(s, sid) == before
    assert page.series.findText("Деканаттын жумалык кеңешмеси") > 0


def test_delete_series_refused_with_minutes_confirmed_twice_with_planned_meetings(page, demo_db):
    choose_series(page, "Деканаттын жумалык кеңешмеси")
    with mock.patch("desktop.views.meetings.actions.QMessageBox.warning") as warn:
        page.actions_by_key["delete_series"].trigger()
    assert "cannot be deleted" in warn.call_args.args[2]
    assert page.series.findText("Деканаттын жумалык кеңешмеси") > 0
    # a new series with one planned meeting: asked twice, the second time naming the meeting
    page.new_series({"name": "Кураторлор", "kind": "curators", "recurrence": "weekly", "weekday": 2})
    sid = page.series.currentData()
    page.actions_by_key["next"].trigger()
    asked = []
    page.confirm = lambda text: asked.append(text) or len(asked) < 2  # yes, then no
    page.actions_by_key["delete_series"].trigger()
    assert len(asked) == 2 and "1 planned meeting" in asked[1]
    assert page.series.findData(sid) > 0
    page.confirm = lambda text: asked.append(text) or True
    page.actions_by_key["delete_series"].trigger()
    assert page.series.findData(sid) < 0 and page.editor.tree is None
    with demo_db.session() as s:
        assert s.get(mt.MeetingSeries, sid) is None
    page.undo_stack.undo()
    assert page.series.findData(sid) > 0
    with demo_db.session() as s:
        assert len(mt.meetings_between(s, D(2025, 1, 1), D(2030, 1, 1), sid)) == 1


def test_add_and_remove_an_attendee_of_one_meeting(page, demo_db):
    meeting_id = open_meeting(page, demo_db)
    editor = page.editor
    editor.tabs.setCurrentIndex(1)
    listed = [a["staff_id"] for a in editor.attendance.rows]
    outsider = next(i for i, _n in editor.staff if i not in listed)
    editor.add_attendee(AttendeeValues(outsider, False, "ооруп калды"))
    assert (editor.attendance.rows[-1]["staff_id"], editor.attendance.rows[-1]["present"],
            editor.attendance.rows[-1]["note"]) == (outsider, False, "ооруп калды")
    page.undo_stack.undo()
    assert [a["staff_id"] for a in editor.attendance.rows] == listed
    # remove the second person with the button; undo puts them back in their place
    editor.attendance_view.setCurrentIndex(editor.attendance.index(1, 0))
    editor.attendance_buttons["remove_attendee"].click()
    with demo_db.session() as s:
        assert [a["staff_id"] for a in mt.meeting_tree(s, meeting_id)["attendees"]] == listed[:1] + listed[2:]
    page.undo_stack.undo()
    assert [a["staff_id"] for a in editor.attendance.rows] == listed


def test_attendee_dialog_offers_only_those_not_listed(page, demo_db, qtbot):
    from desktop.views.meetings.dialogs import AttendeeDialog

    open_meeting(page, demo_db)
    staff = [(1, "Әбдіқадыр Ө.Ү."), (2, "Иванов И.И.")]
    dialog = AttendeeDialog(staff)
    qtbot.addWidget(dialog)
    assert not dialog.reason.isEnabled()
    dialog.person.setCurrentIndex(1)
    dialog.present.setChecked(False)
    assert dialog.reason.isEnabled()
    dialog.reason.setText(" іссапарда ")
    assert dialog.values() == AttendeeValues(2, False, "іссапарда")


def agenda_titles(page):
    return [r["title"] for r in page.editor.agenda.rows]


def test_agenda_drag_and_drop_moves_through_undo(page, demo_db, qtmodeltester):
    from desktop.views.meetings.models import AGENDA_MIME

    meeting_id = open_meeting(page, demo_db)
    model = page.editor.agenda
    qtmodeltester.check(model)
    titles = agenda_titles(page)
    assert len(titles) >= 3
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.mimeTypes() == [AGENDA_MIME]
    # drag the first item below the third (drop between rows 2 and 3)
    data = model.mimeData([model.index(0, 0), model.index(0, 1)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 3, 0, model.index(-1, -1))
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, model.index(-1, -1))
    assert agenda_titles(page) == [titles[1], titles[2], titles[0]] + titles[3:]
    with demo_db.session() as s:
        assert [i["title"] for i in mt.meeting_tree(s, meeting_id)["items"]][:3] == agenda_titles(page)[:3]
        assert [i["number"] for i in mt.meeting_tree(s, meeting_id)["items"]] == list(range(1, len(titles) + 1))
    assert page.undo_stack.undoText() == "Move agenda item"
    page.undo_stack.undo()
    assert agenda_titles(page) == titles
    # the last item dropped at the very top; dropping past the end moves to the end
    data = model.mimeData([model.index(len(titles) - 1, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1))
    assert agenda_titles(page) == [titles[-1]] + titles[:-1]
    page.undo_stack.undo()
    model.dropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, -1, -1, model.index(-1, -1))
    assert agenda_titles(page) == titles[1:] + titles[:1]
    # foreign data is refused
    foreign = QMimeData()
    foreign.setText("1")
    assert not model.canDropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1))


@pytest.fixture
def shown(page, qtbot):
    page.resize(1360, 760)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def test_keyboard_shortcuts_pressed_like_a_user(shown, demo_db, qtbot):
    page = shown
    editor = page.editor
    # Ctrl+N: the next meeting of the chosen series, from the list of meetings
    sid = choose_series(page, "Деканаттын жумалык кеңешмеси")
    page.meeting_view.setFocus()
    qtbot.keyClick(page.meeting_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.undo_stack.undoText() == "Next meeting"
    new_id = page.meeting_id
    with demo_db.session() as s:
        assert mt.meetings_between(s, D(2025, 9, 1), D(2026, 12, 31), sid)[-1]["id"] == new_id
    # Delete in the list of meetings deletes the chosen meeting
    page._select_meeting(new_id)
    page.meeting_view.setFocus()
    qtbot.keyClick(page.meeting_view, Qt.Key.Key_Delete)
    assert page.undo_stack.undoText() == "Delete meeting"
    with demo_db.session() as s:
        assert s.get(mt.Meeting, new_id) is None
    assert page.meeting_id is None and not page.actions_by_key["delete"].isEnabled()  # nothing left to delete
    # Ctrl+Down / Ctrl+Up move the chosen agenda item, Delete removes it
    open_meeting(page, demo_db)
    editor.tabs.setCurrentIndex(0)
    titles = agenda_titles(page)
    editor.agenda_view.setFocus()
    editor.agenda_view.setCurrentIndex(editor.agenda.index(0, 1))
    qtbot.keyClick(editor.agenda_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert agenda_titles(page)[:2] == [titles[1], titles[0]]
    assert editor.agenda.record(editor.agenda_view.currentIndex())["title"] == titles[0]
    qtbot.keyClick(editor.agenda_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert agenda_titles(page) == titles
    editor.agenda_view.setCurrentIndex(editor.agenda.index(1, 1))
    qtbot.keyClick(editor.agenda_view, Qt.Key.Key_Delete)
    assert agenda_titles(page) == titles[:1] + titles[2:]
    page.undo_stack.undo()
    assert agenda_titles(page) == titles
    # Ctrl+P: print preview of the agenda, wherever the focus is in the area
    for widget in (editor.agenda_view, page.meeting_view):
        widget.setFocus()
        with mock.patch("desktop.views.common.printing.preview_pdf") as preview:
            qtbot.keyClick(widget, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        assert preview.called and preview.call_args.args[1][:5] == b"%PDF-"
    # Ctrl+Shift+P: the minutes
    with mock.patch("desktop.views.common.printing.preview_pdf") as preview:
        qtbot.keyClick(page.meeting_view, Qt.Key.Key_P,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert preview.called


def test_week_list_switch_remembered_and_opens_meetings(page, demo_db, qtmodeltester):
    from desktop.views.meetings import MeetingsArea

    assert page.calendar_mode() == "month"
    page.mode_buttons["weeks"].click()
    assert page.calendar_mode() == "weeks" and page.calendar_stack.currentWidget() is page.weeks
    again = MeetingsArea(page.ctx)
    assert again.calendar_mode() == "weeks"
    again.deleteLater()
    meeting_id = open_meeting(page, demo_db)
    weeks = page.weeks
    qtmodeltester.check(weeks.model)
    rows = weeks.model.rows
    # every week of the window is there, Monday to Sunday, the chosen meeting among them
    labels = [r["week"] for r in rows if r["week"]]
    assert len(labels) == 13 and len(set(labels)) == 13
    row = rows[weeks.model.row_of(meeting_id)]
    assert row["date"] == D(2025, 12, 8) and weeks.model.data(weeks.model.index(weeks.model.row_of(meeting_id), 3)) \
        == str(row["number"])
    with demo_db.session() as s:
        open_here = [d for d in mt.decisions(s, meeting_id=meeting_id) if d["status"] == "open"]
    assert row["open_decisions"] == len(open_here)
    # a week without meetings says so; Later moves the window by four weeks
    first = weeks.first_monday()
    weeks.buttons["later"].click()
    assert weeks.first_monday() == first + dt.timedelta(weeks=4)
    empty = [i for i, r in enumerate(weeks.model.rows) if r["id"] is None]
    assert empty  # the four weeks after the window hold the New Year days off, without a meeting
    assert all(weeks.model.data(weeks.model.index(i, 2)) == "no meetings" for i in empty)
    weeks.buttons["earlier"].click()
    # clicking another meeting opens it in the editor
    other = next(i for i, r in enumerate(weeks.model.rows) if r["id"] not in (None, meeting_id))
    weeks.view.setCurrentIndex(weeks.model.index(other, 1))
    assert page.editor.tree["id"] == weeks.model.rows[other]["id"]
    page.mode_buttons["month"].click()


def test_service_requests_among_the_proposals_with_their_own_source(page, demo_db):
    from sqlalchemy import select

    from desktop import i18n
    from desktop.models.request_templates import ProcedureTemplate, ensure_builtin_procedures
    from desktop.models.requests import create_request

    with demo_db.session() as s:
        ensure_builtin_procedures(s)
        dup = s.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "duplicate_diploma"))
        rid = create_request(s, dup, D(2025, 12, 4), applicant="Әлиева Ғалия <b> & =1+1")
    page.ctx.notify(Change.REQUESTS)
    open_meeting(page, demo_db)  # Monday 8 December: the registration was due on Friday the 5th
    proposals = page.editor.proposals
    row = next(i for i, p in enumerate(proposals.proposals) if p.ref == f"request:{rid}")
    p = proposals.proposals[row]
    assert p.source == "requests" and p.overdue and "Әлиева Ғалия <b> & =1+1" in p.title
    assert proposals.data(proposals.index(row, 1)) == "Service request"
    assert proposals.data(proposals.index(row, 2)) == "05.12.2025"
    i18n.set_language("ky")
    page.retranslate_ui()
    assert proposals.data(proposals.index(row, 1)) == "Кызмат көрсөтүүгө арыз"
    # ticked onto the agenda it keeps its source
    proposals.setData(proposals.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    page.editor.actions_by_key["add_ticked"].trigger()
    agenda = page.editor.agenda
    assert agenda.rows[-1]["source_ref"] == f"request:{rid}"
    assert agenda.data(agenda.index(agenda.rowCount() - 1, 4)) == "Кызмат көрсөтүүгө арыз"


def test_agenda_drop_event_on_the_table_moves_the_item(shown, demo_db):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    page = shown
    open_meeting(page, demo_db)
    view, model = page.editor.agenda_view, page.editor.agenda
    assert view.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    titles = agenda_titles(page)
    # a synthesized event has no source widget, which InternalMove insists on; the rest of the
    # path (position -> row -> dropMimeData -> undo stack) is the same in DragDrop mode
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    data = model.mimeData([model.index(0, 1)])
    rect = view.visualRect(model.index(2, 1))
    pos = QPointF(rect.center().x(), rect.bottom() - 2)  # the lower edge of the third row: below it
    args = (Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for event in (QDragEnterEvent(pos.toPoint(), *args), QDragMoveEvent(pos.toPoint(), *args), QDropEvent(pos, *args)):
        QApplication.sendEvent(view.viewport(), event)
    assert agenda_titles(page) == [titles[1], titles[2], titles[0]] + titles[3:]
    page.undo_stack.undo()
    assert agenda_titles(page) == titles
