"""The meetings window: editing and deleting series, attendees of one meeting, drag-and-drop of the
agenda, keyboard shortcuts pressed like a user, service requests among the proposals."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from PySide6.QtCore import QMimeData, Qt

from desktop.models import meetings as mt
from desktop.models import meetings_series as ms
from desktop.views.common.area import AppContext
from desktop.views.meetings import MeetingsArea

D = dt.date


@pytest.fixture
def page(qtbot, demo_db):
    p = MeetingsArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    return p


def open_meeting(page, db, day=D(2025, 12, 8)) -> int:
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
    dialog.members.item(0).setCheckState(
        Qt.CheckState.Unchecked if dialog.members.item(0).checkState() == Qt.CheckState.Checked else Qt.CheckState.Checked)
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
    with mock.patch("desktop.views.meetings.QMessageBox.warning") as warn:
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
    editor.add_attendee({"staff_id": outsider, "present": False, "note": "ооруп калды"})
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
    from desktop.views.meetings.editor import AttendeeDialog

    open_meeting(page, demo_db)
    staff = [(1, "Әбдіқадыр Ө.Ү."), (2, "Иванов И.И.")]
    dialog = AttendeeDialog(staff)
    qtbot.addWidget(dialog)
    assert not dialog.reason.isEnabled()
    dialog.person.setCurrentIndex(1)
    dialog.present.setChecked(False)
    assert dialog.reason.isEnabled()
    dialog.reason.setText(" іссапарда ")
    assert dialog.values() == {"staff_id": 2, "present": False, "note": "іссапарда"}
