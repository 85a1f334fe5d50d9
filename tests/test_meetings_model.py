"""Meetings without a screen: series calendar, agenda draft, decisions carried forward, operations."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import meetings as mt
from desktop.models import meetings_agenda as ag
from desktop.models import workplan as wp
from desktop.models.base import DomainError
from desktop.models.org import add_staff
from desktop.models.workdays import OverrideKind, set_override

D = dt.date


@pytest.fixture
def office(session):
    dean = add_staff(session, "Сопуев", "Уланбек", "Абдиевич", roles=["dean"])
    methodist = add_staff(session, "Беделова", "Назира", roles=["methodist"])
    head = add_staff(session, "Сейітқали", "Дәурен", roles=["head_of_department"])
    series = ag_series = mt.add_series(session, "Деканаттын жумалык кеңешмеси", weekday=0, time="09:00",
                                       place="Ауд. 101", chair_id=dean, secretary_id=methodist,
                                       members=[dean, methodist, head])
    plan = wp.create_plan(session, "2025-2026")
    section = wp.add_section(session, plan.id, "Уюштуруу иштери", "organisational")

    def item(text, deadline, responsible=None):
        it = wp.add_item(session, section.id, text, deadline=deadline)
        if responsible:
            wp.set_responsible(session, it.id, [{"staff_id": responsible, "role": "", "text": "x"}])
        return it.id

    items = {
        "sept": item("Топторду түзүү", {"kind": "dates", "start": "2025-09-16", "end": "2025-09-23"}, head),
        "december": item("Кышкы сессияга даярдык", {"kind": "months", "months": [[2025, 12]]}, methodist),
        "january": item("Сессиянын жыйынтыгы", {"kind": "dates", "start": "2026-01-08", "end": "2026-01-09"}),
        "weekly": item("Жумалык кеңешме", {"kind": "weekly", "weekdays": [0]}),
        "free": item("Эркин текст", {"kind": "text", "text": "керек болсо"}),
    }
    return {"dean": dean, "methodist": methodist, "head": head, "series": ag_series.id, "items": items,
            "s": session, "series_obj": series}


def refs(proposals):
    return {p.ref: p for p in proposals}


def test_agenda_sources_and_recurrences_carry_their_labels():
    from desktop.models import load_all

    load_all()  # service requests register their own agenda source on import
    assert [ag.source_label(k) for k in ("manual", "workplan_due", "workplan_overdue", "decision", "requests")] == [
        "Added by hand", "Work plan: due", "Work plan: overdue", "Earlier decision", "Service request"]
    assert ag.source_label("no such source") == "Added by hand"
    assert mt.ItemSource.DECISION.label("ky") == "Мурунку чечим"
    assert mt.ItemSource.WORKPLAN_DUE.label("ru") == "План работы: наступает срок"
    # the series dialog offers the recurrences with their own labels, weekly first
    assert [(r.value, r.label("ky")) for r in mt.Recurrence] == [("weekly", "Жума сайын"), ("monthly", "Ай сайын")]


def test_due_and_overdue_work_plan_items(office):
    s, items = office["s"], office["items"]
    draft = refs(ag.draft_for(s, office["series"], D(2025, 9, 15)))
    due = draft[f"workplan:{items['sept']}"]
    assert due.source == "workplan_due" and not due.overdue and due.speaker_id == office["head"]
    assert due.due_date == D(2025, 9, 23)
    # recurring and free-text items are never proposed
    assert f"workplan:{items['weekly']}" not in draft and f"workplan:{items['free']}" not in draft
    assert f"workplan:{items['december']}" not in draft
    # a week later it is still due; after its end, overdue until done
    later = refs(ag.draft_for(s, office["series"], D(2025, 9, 29)))
    assert later[f"workplan:{items['sept']}"].source == "workplan_overdue"
    assert later[f"workplan:{items['sept']}"].overdue
    wp.update_item(s, items["sept"], status="done")
    assert f"workplan:{items['sept']}" not in refs(ag.draft_for(s, office["series"], D(2025, 9, 29)))


def test_draft_across_month_and_year_boundaries(office):
    s, items = office["s"], office["items"]
    # Monday 24 Nov looks ahead to Sunday 30 Nov: December not yet
    assert f"workplan:{items['december']}" not in refs(ag.draft_for(s, office["series"], D(2025, 11, 24)))
    # Monday 1 Dec: the December item is due that week
    draft = refs(ag.draft_for(s, office["series"], D(2025, 12, 1)))
    assert draft[f"workplan:{items['december']}"].source == "workplan_due"
    # Monday 29 Dec 2025 looks ahead into January 2026: still December's item due, not yet the January one
    dec29 = refs(ag.draft_for(s, office["series"], D(2025, 12, 29)))
    assert dec29[f"workplan:{items['december']}"].source == "workplan_due"
    assert f"workplan:{items['january']}" not in dec29
    # the week of 5 Jan 2026 (across the new year): January item due, December's overdue
    jan = refs(ag.draft_for(s, office["series"], D(2026, 1, 5)))
    assert jan[f"workplan:{items['january']}"].source == "workplan_due"
    assert jan[f"workplan:{items['december']}"].overdue
    # overdue come first
    assert ag.draft_for(s, office["series"], D(2026, 1, 5))[0].overdue


def test_monthly_series_looks_ahead_a_month(office):
    s, items = office["s"], office["items"]
    curators = mt.add_series(s, "Кураторлордун кеңешмеси", kind="curators", recurrence="monthly", weekday=2,
                             nth_week=-1)
    # last Wednesday of November 2025 is 26 Nov; the month ahead reaches December and its item
    assert ag.next_meeting_date(s, curators.id, after=D(2025, 11, 1)) == D(2025, 11, 26)
    meeting = ag.create_next_meeting(s, curators.id, after=D(2025, 11, 1))
    assert ag.horizon_of(curators, meeting.date) == D(2025, 12, 25)
    assert f"workplan:{items['december']}" in refs(ag.agenda_draft(s, meeting.id))
    assert ag.next_meeting_date(s, curators.id) == D(2025, 12, 31)


def test_series_next_meeting_on_weekday_and_holiday_shift(office):
    s, sid = office["s"], office["series"]
    first = ag.create_next_meeting(s, sid, after=D(2025, 12, 24))
    assert first.date == D(2025, 12, 29) and first.date.weekday() == 0
    assert [a.staff_id for a in first.attendees] == [office["dean"], office["methodist"], office["head"]]
    assert (first.chair_id, first.secretary_id, first.place, first.time) == (
        office["dean"], office["methodist"], "Ауд. 101", "09:00")
    # Monday 5 Jan 2026 is a New Year holiday in Kyrgyzstan: the meeting moves to the next working day
    second = ag.create_next_meeting(s, sid)
    from desktop.models.workdays import work_calendar

    cal = work_calendar(s)
    assert not cal.is_working_day(D(2026, 1, 5))
    assert second.date == cal.next_working_day(D(2026, 1, 5)) and second.date > D(2026, 1, 5)
    # the rhythm is kept: the one after is again on Monday
    assert ag.create_next_meeting(s, sid).date == D(2026, 1, 12)
    # an office's own day off moves a meeting too
    set_override(s, "KG", D(2026, 1, 19), OverrideKind.DAY_OFF, "decree")
    assert ag.create_next_meeting(s, sid).date == D(2026, 1, 20)
    # numbering within the academic year follows the dates
    numbers = [m["number"] for m in mt.meetings_between(s, D(2025, 9, 1), D(2026, 8, 31), sid)]
    assert numbers == [1, 2, 3, 4]


def test_decisions_come_back_until_done(office):
    s, sid = office["s"], office["series"]
    m1 = mt.add_meeting(s, sid, D(2025, 10, 6))
    item = mt.add_agenda_item(s, m1.id, "Сабактардын жүрүшү")
    due_soon = mt.add_decision(s, m1.id, "Ведомостторду тапшыруу <b> & =1+1", responsible=[office["head"]],
                               due_date=D(2025, 10, 15), agenda_item_id=item.id)
    far = mt.add_decision(s, m1.id, "Аккредитацияга даярдануу", due_date=D(2026, 3, 1))
    undated = mt.add_decision(s, m1.id, "Журналдарды текшерүү")
    # the same day's decisions are not proposed to their own meeting
    assert not [p for p in ag.agenda_draft(s, m1.id) if p.source == "decision"]
    m2 = mt.add_meeting(s, sid, D(2025, 10, 13))
    draft = refs(ag.agenda_draft(s, m2.id))
    assert f"decision:{due_soon.id}" in draft and not draft[f"decision:{due_soon.id}"].overdue
    assert f"decision:{undated.id}" in draft and f"decision:{far.id}" not in draft
    assert draft[f"decision:{due_soon.id}"].speaker_id == office["head"]
    # taken onto the agenda, it is marked so and not added twice
    added = ag.add_proposals(s, m2.id, [draft[f"decision:{due_soon.id}"]])
    assert len(added) == 1 and ag.add_proposals(s, m2.id, [draft[f"decision:{due_soon.id}"]]) == []
    assert refs(ag.agenda_draft(s, m2.id))[f"decision:{due_soon.id}"].on_agenda
    # still open a week later: back again, now overdue; and again the week after
    for day in (D(2025, 10, 20), D(2025, 10, 27)):
        m = mt.add_meeting(s, sid, day)
        p = refs(ag.agenda_draft(s, m.id))[f"decision:{due_soon.id}"]
        assert p.overdue
    assert [d["id"] for d in mt.decisions(s, on_date=D(2025, 10, 27), overdue_only=True)] == [due_soon.id]
    # closed: it no longer comes back
    old = mt.update_decision(s, due_soon.id, status="done")
    assert mt.decisions(s, status="done")[0]["closed_on"] is not None
    m5 = mt.add_meeting(s, sid, D(2025, 11, 3))
    assert f"decision:{due_soon.id}" not in refs(ag.agenda_draft(s, m5.id))
    # undo reopens it
    mt.update_decision(s, due_soon.id, **old)
    assert f"decision:{due_soon.id}" in refs(ag.agenda_draft(s, m5.id))
    # a decision of another series stays with its own series
    other = mt.add_series(s, "Кафедранын отуруму", kind="department", weekday=1)
    m_other = mt.add_meeting(s, other.id, D(2025, 11, 4))
    assert not [p for p in ag.agenda_draft(s, m_other.id) if p.source == "decision"]


def test_register_filters(office):
    s, sid = office["s"], office["series"]
    m = mt.add_meeting(s, sid, D(2025, 10, 6))
    a = mt.add_decision(s, m.id, "A", responsible=[office["head"], office["dean"]], due_date=D(2025, 10, 10))
    b = mt.add_decision(s, m.id, "B", responsible=[office["methodist"]], due_date=D(2025, 12, 1))
    mt.update_decision(s, b.id, status="cancelled")
    assert [r["id"] for r in mt.decisions(s, staff_id=office["dean"])] == [a.id]
    assert [r["id"] for r in mt.decisions(s, status="open")] == [a.id]
    assert [r["id"] for r in mt.decisions(s, due_by=D(2025, 11, 1))] == [a.id]
    row = mt.decisions(s, on_date=D(2025, 10, 11))[0]
    assert row["overdue"] and row["responsible"] == "Сейітқали Д., Сопуев У.А."
    assert not mt.decisions(s, on_date=D(2025, 10, 11), status="cancelled")[0]["overdue"]


def test_agenda_operations_and_undo_snapshots(office):
    s, sid = office["s"], office["series"]
    m = mt.add_meeting(s, sid, D(2025, 10, 6))
    ids = [mt.add_agenda_item(s, m.id, t, minutes_allotted=10).id for t in ("бир", "эки", "үч")]
    assert mt.move_agenda_item(s, ids[2], 0) == 2
    assert [i["title"] for i in mt.meeting_tree(s, m.id)["items"]] == ["үч", "бир", "эки"]
    snap = mt.delete_agenda_item(s, ids[0])
    mt.restore_agenda_item(s, snap)
    assert [i["number"] for i in mt.meeting_tree(s, m.id)["items"]] == [1, 2, 3]
    with pytest.raises(DomainError):
        mt.add_agenda_item(s, m.id, "  ")
    with pytest.raises(DomainError):
        mt.update_agenda_item(s, ids[1], minutes_allotted=0)
    old = mt.set_attendance(s, m.id, office["head"], False, "ооруп")
    assert old == {"present": True, "note": "", "position": 2}  # the place in the list, for undo
    tree = mt.meeting_tree(s, m.id)
    assert [(a["present"], a["note"]) for a in tree["attendees"]][2] == (False, "ооруп")
    mt.restore_attendance(s, m.id, office["head"], old)
    mt.add_decision(s, m.id, "чечим", agenda_item_id=ids[1])
    whole = mt.delete_meeting(s, m.id)
    assert mt.meetings_between(s, D(2025, 9, 1), D(2026, 8, 31)) == []
    mt.restore_meeting(s, whole)
    tree = mt.meeting_tree(s, m.id)
    assert len(tree["items"]) == 3 and tree["items"][2]["decisions"][0]["text"] == "чечим"
    with pytest.raises(DomainError):
        mt.add_meeting(s, sid, D(2025, 10, 6))
    with pytest.raises(DomainError):
        mt.add_series(s, "Деканаттын жумалык кеңешмеси")
    with pytest.raises(DomainError):
        mt.update_meeting(s, m.id, time="25:99")
    with pytest.raises(DomainError, match="05.10.2025"):
        mt.add_decision(s, m.id, "кечиккен", due_date=D(2025, 10, 5))
    from desktop.models.check import RULES

    assert not [p for fn in RULES if "meeting" in fn.__name__ or "agenda" in fn.__name__ for p in fn(s)]


def test_pluggable_source(office):
    s = office["s"]

    def fake(session, meeting_date, horizon):
        return [ag.AgendaProposal("request", "Диплом дубликаты", "request:1", due_date=horizon)]

    ag.register_source("request", "Service request", fake)
    try:
        m = mt.add_meeting(s, office["series"], D(2025, 10, 6))
        p = refs(ag.agenda_draft(s, m.id))["request:1"]
        assert p.due_date == D(2025, 10, 12)
        ag.add_proposals(s, m.id, [p])
        assert mt.meeting_tree(s, m.id)["items"][0]["source_ref"] == "request:1"
    finally:
        ag.SOURCES.pop("request")
