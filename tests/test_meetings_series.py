"""Editing and deleting meeting series, adding and removing attendees, the week list (no screen)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import meetings as mt
from desktop.models import meetings_agenda as ag
from desktop.models import meetings_series as ms
from desktop.models.base import DomainError
from desktop.models.org import add_staff

D = dt.date


@pytest.fixture
def office(session):
    dean = add_staff(session, "Сопуев", "Уланбек", roles=["dean"])
    methodist = add_staff(session, "Беделова", "Назира", roles=["methodist"])
    head = add_staff(session, "Сейітқали", "Дәурен", roles=["head_of_department"])
    sid = mt.add_series(session, "Деканаттын жумалык кеңешмеси", weekday=0, place="Ауд. 101", chair_id=dean,
                        secretary_id=methodist, members=[dean, methodist]).id
    return {"s": session, "sid": sid, "dean": dean, "methodist": methodist, "head": head}


def test_edit_series_and_undo(office):
    s, sid = office["s"], office["sid"]
    before = ms.series_values(s, sid)
    old = ms.update_series(s, sid, name="Деканат кеңешмеси", kind="other", recurrence="monthly", nth_week=-1,
                           weekday=3, time="14.30", place="Ауд. 205", chair_id=office["head"],
                           members=[office["methodist"], office["head"]])
    assert old == before
    now = ms.series_values(s, sid)
    assert (now["name"], now["recurrence"], now["nth_week"], now["weekday"], now["time"], now["place"]) == (
        "Деканат кеңешмеси", "monthly", -1, 3, "14:30", "Ауд. 205")
    assert now["members"] == [office["methodist"], office["head"]] and now["chair_id"] == office["head"]
    # the next meeting follows the new rule: the last Thursday of the month
    m = ag.create_next_meeting(s, sid, after=D(2025, 10, 1))
    assert m.date == D(2025, 10, 30) and m.time == "14:30" and m.place == "Ауд. 205"
    assert [a.staff_id for a in m.attendees] == [office["methodist"], office["head"]]
    ms.update_series(s, sid, **old)
    assert ms.series_values(s, sid) == before


def test_edit_series_refuses_bad_values_and_writes_nothing(office):
    s, sid = office["s"], office["sid"]
    mt.add_series(s, "Кафедранын отуруму", kind="department")
    before = ms.series_values(s, sid)
    for bad, message in (({"name": "  "}, "name"), ({"name": "Кафедранын отуруму"}, "already exists"),
                         ({"time": "9 саат"}, "09:00"), ({"recurrence": "monthly", "nth_week": None}, "monthly")):
        with pytest.raises(DomainError, match=message):
            ms.update_series(s, sid, **bad)
        assert ms.series_values(s, sid) == before


def test_delete_series_refused_with_minutes_else_with_planned_meetings_and_undo(office):
    s, sid = office["s"], office["sid"]
    first = ag.create_next_meeting(s, sid, after=D(2025, 9, 1))
    mt.add_agenda_item(s, first.id, "Сессияга даярдык")
    mt.add_decision(s, first.id, "Тизме түзүлсүн", responsible=[office["dean"]], due_date=D(2025, 9, 15))
    ag.create_next_meeting(s, sid)
    assert ms.deletion_impact(s, sid) == ms.DeletionImpact(meetings=2, held=0, decisions=1)
    with pytest.raises(DomainError, match="2 planned"):
        ms.delete_series(s, sid)
    mt.update_meeting(s, first.id, held=True)
    with pytest.raises(DomainError, match="1 held"):
        ms.delete_series(s, sid, with_meetings=True)
    mt.update_meeting(s, first.id, held=False)
    snap = ms.delete_series(s, sid, with_meetings=True)
    assert s.get(mt.MeetingSeries, sid) is None and not mt.meetings_between(s, D(2025, 9, 1), D(2026, 8, 31))
    ms.restore_series(s, snap)
    rows = mt.meetings_between(s, D(2025, 9, 1), D(2026, 8, 31))
    assert [r["date"] for r in rows] == [D(2025, 9, 8), D(2025, 9, 15)] and [r["number"] for r in rows] == [1, 2]
    tree = mt.meeting_tree(s, first.id)
    assert [i["title"] for i in tree["items"]] == ["Сессияга даярдык"]
    assert [d["text"] for d in tree["decisions"]] == ["Тизме түзүлсүн"]
    assert ms.series_values(s, sid)["members"] == [office["dean"], office["methodist"]]
    # a series without meetings goes without asking
    empty = mt.add_series(s, "Кураторлор", kind="curators").id
    ms.delete_series(s, empty)
    assert s.get(mt.MeetingSeries, empty) is None


def test_add_and_remove_attendee_of_one_meeting(office):
    s, sid = office["s"], office["sid"]
    m = mt.add_meeting(s, sid, D(2025, 9, 8))
    old = mt.set_attendance(s, m.id, office["head"], False, "иш сапарында")
    assert old is None
    tree = mt.meeting_tree(s, m.id)
    assert [(a["staff_id"], a["present"], a["note"]) for a in tree["attendees"]][-1] == (
        office["head"], False, "иш сапарында")
    mt.restore_attendance(s, m.id, office["head"], old)
    assert [a["staff_id"] for a in mt.meeting_tree(s, m.id)["attendees"]] == [office["dean"], office["methodist"]]
    # removing the first person and undoing puts them back first
    old = mt.set_attendance(s, m.id, office["dean"], None)
    assert [a["staff_id"] for a in mt.meeting_tree(s, m.id)["attendees"]] == [office["methodist"]]
    mt.restore_attendance(s, m.id, office["dean"], old)
    assert [a["staff_id"] for a in mt.meeting_tree(s, m.id)["attendees"]] == [office["dean"], office["methodist"]]


def test_meetings_week_by_week_with_open_decisions(office):
    s, sid = office["s"], office["sid"]
    a = mt.add_meeting(s, sid, D(2025, 12, 29))
    b = mt.add_meeting(s, sid, D(2026, 1, 12))
    mt.add_decision(s, a.id, "Отчет", due_date=D(2026, 1, 10))
    done = mt.add_decision(s, a.id, "Тизме", due_date=D(2026, 1, 10))
    mt.update_decision(s, done.id, status="done")
    weeks = mt.meetings_by_week(s, D(2025, 12, 31), 3)  # any day: the list starts on that week's Monday
    assert [(w.start, w.end) for w in weeks] == [(D(2025, 12, 29), D(2026, 1, 4)), (D(2026, 1, 5), D(2026, 1, 11)),
                                                      (D(2026, 1, 12), D(2026, 1, 18))]
    assert [[(m["id"], m["number"], m["open_decisions"]) for m in w.meetings] for w in weeks] == [
        [(a.id, 1, 1)], [], [(b.id, 2, 0)]]  # both in 2025-2026: Nos. 1 and 2
