"""Curator assignments, report statuses and due dates, the matrix and the summary."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import curator_reports as cr
from desktop.models import settings
from desktop.models.base import DomainError
from desktop.models.contingent import Group, Student
from desktop.models.curators import (
    CellState,
    ReportStatus,
    assign_curator,
    assignments,
    cell_state,
    curator_of,
    due_date,
)
from desktop.models.org import add_staff
from desktop.models.workdays import OverrideKind, WorkCalendar, set_override, work_calendar

YEAR = "2025-2026"


@pytest.fixture
def faculty(session):
    """One group, two curators: Alieva from 1 September, Bekov from 17 November."""
    g = Group(name="МАТ-1-25", course=1)
    session.add(g)
    session.flush()
    session.add_all([Student(last_name="Әбдіқадыр", first_name="Ұлжан", group_id=g.id),
                     Student(last_name="Усенов", first_name="Бакыт", group_id=g.id)])
    a = add_staff(session, "Алиева", "Гүлнара", roles={"curator"})
    b = add_staff(session, "Беков", "Нурлан", roles={"curator"})
    first = assign_curator(session, g.id, a, dt.date(2025, 9, 1))
    second = assign_curator(session, g.id, b, dt.date(2025, 11, 17))
    return {"group": g.id, "alieva": a, "bekov": b, "first": first, "second": second}


def test_a_mid_year_change_keeps_history(session, faculty):
    assert curator_of(session, faculty["group"], dt.date(2025, 11, 16)).last_name == "Алиева"
    assert curator_of(session, faculty["group"], dt.date(2025, 11, 17)).last_name == "Беков"
    assert curator_of(session, faculty["group"], dt.date(2025, 8, 31)) is None
    rows = assignments(session, YEAR)
    assert [(r.curator, r.start, r.end) for r in rows] == [
        ("Алиева Г.", dt.date(2025, 9, 1), dt.date(2025, 11, 16)),
        ("Беков Н.", dt.date(2025, 11, 17), None)]
    # November's report is owed by the curator in charge on 30 November.
    old, new = rows
    assert old.owes(2025, 10) and not old.owes(2025, 11)
    assert new.owes(2025, 11) and not new.owes(2025, 10)


def test_assigning_the_same_curator_or_the_same_day_is_refused(session, faculty):
    with pytest.raises(DomainError):
        assign_curator(session, faculty["group"], faculty["bekov"], dt.date(2026, 1, 10))
    with pytest.raises(DomainError):
        assign_curator(session, faculty["group"], faculty["alieva"], dt.date(2025, 11, 17))


def test_undo_of_an_assignment_gives_the_old_one_its_end_back(session, faculty):
    from desktop.models.curators import unassign_curator

    unassign_curator(session, faculty["second"], None)
    assert curator_of(session, faculty["group"], dt.date(2026, 3, 1)).last_name == "Алиева"


def test_due_dates_move_off_weekends_and_holidays():
    kg = WorkCalendar("KG")
    assert due_date(2025, 9, 5, kg) == dt.date(2025, 10, 6)  # 5 Oct 2025 is a Sunday
    assert due_date(2025, 11, 5, kg) == dt.date(2025, 12, 5)  # a Friday
    # 5 January 2026: New Year holidays in Russia last until 8 January (Friday 9th is working).
    assert due_date(2025, 12, 5, WorkCalendar("RU")) == dt.date(2026, 1, 12)
    # Kyrgyzstan: New Year holidays to 6 January, Orthodox Christmas on the 7th.
    assert due_date(2025, 12, 5, kg) == dt.date(2026, 1, 8)
    assert due_date(2026, 1, 31, kg) == dt.date(2026, 3, 2)  # 28 Feb 2026 is a Saturday; day clamped
    # Kazakhstan: 8 March 2026 falls on a Sunday, the day off moves to Monday 9 March.
    assert due_date(2026, 2, 8, WorkCalendar("KZ")) == dt.date(2026, 3, 10)


def test_the_due_day_setting_and_office_overrides(session):
    settings.put(session, "curator_report_due_day", 10)
    set_override(session, "KG", dt.date(2025, 11, 10), OverrideKind.DAY_OFF, "decree")
    cal = work_calendar(session)
    assert due_date(2025, 10, settings.get(session, "curator_report_due_day"), cal) == dt.date(2025, 11, 11)


def test_cell_states():
    due, before, after = dt.date(2025, 10, 6), dt.date(2025, 10, 1), dt.date(2025, 10, 20)
    assert cell_state(None, None, due, before) is CellState.NOT_DUE
    assert cell_state(None, None, due, due) is CellState.NOT_DUE
    assert cell_state(None, None, due, after) is CellState.MISSING
    assert cell_state(ReportStatus.DRAFT, None, due, after) is CellState.MISSING
    assert cell_state(ReportStatus.SUBMITTED, due, due, after) is CellState.ON_TIME
    assert cell_state(ReportStatus.SUBMITTED, dt.date(2025, 10, 7), due, after) is CellState.LATE
    assert cell_state(ReportStatus.RETURNED, before, due, after) is CellState.RETURNED
    assert cell_state(ReportStatus.ACCEPTED, dt.date(2025, 10, 9), due, after) is CellState.ACCEPTED


def _report(session, assignment, year, month, submitted=None, status=None):
    rid = cr.open_report(session, assignment, year, month)
    if submitted:
        cr.submit(session, rid, submitted)
    if status == ReportStatus.ACCEPTED:
        cr.accept(session, rid, None, submitted + dt.timedelta(days=1))
    elif status == ReportStatus.RETURNED:
        cr.return_report(session, rid, "Нет подписи & <b>даты</b>")
    return rid


def test_the_matrix_counts(session, faculty):
    first, second = faculty["first"], faculty["second"]
    _report(session, first, 2025, 9, dt.date(2025, 10, 6), ReportStatus.ACCEPTED)  # due Mon 6 Oct
    _report(session, first, 2025, 10, dt.date(2025, 11, 6))  # due Wed 5 Nov: late
    _report(session, second, 2025, 11, dt.date(2025, 12, 1), ReportStatus.RETURNED)
    _report(session, second, 2025, 12)  # a draft, never handed in: missing
    # January: nothing at all -> missing after 5 February, not due before.
    m = cr.build_matrix(session, YEAR, dt.date(2026, 2, 20))
    assert [r.assignment.curator for r in m.rows] == ["Алиева Г.", "Беков Н."]
    assert [s for s, _ in m.rows[0].cells[:3]] == [CellState.ACCEPTED, CellState.LATE, None]
    assert [s for s, _ in m.rows[1].cells[:6]] == [None, None, CellState.RETURNED, CellState.MISSING,
                                                    CellState.MISSING, CellState.NOT_DUE]
    assert m.counts == {CellState.ACCEPTED: 1, CellState.LATE: 1, CellState.RETURNED: 1, CellState.MISSING: 2,
                        CellState.NOT_DUE: 5}
    assert m.month_counts[1] == {CellState.LATE: 1}
    assert m.dues[:2] == [dt.date(2025, 10, 6), dt.date(2025, 11, 5)]
    early = cr.build_matrix(session, YEAR, dt.date(2026, 1, 1))
    assert early.counts[CellState.MISSING] == 0


def test_status_rules(session, faculty):
    rid = cr.open_report(session, faculty["first"], 2025, 9)
    assert cr.open_report(session, faculty["first"], 2025, 9) == rid
    with pytest.raises(DomainError):
        cr.accept(session, rid, None, dt.date(2025, 10, 1))
    cr.submit(session, rid, dt.date(2025, 10, 2))
    with pytest.raises(DomainError):
        cr.return_report(session, rid, "  ")
    saved = cr.status_snapshot(session, rid)
    cr.return_report(session, rid, "Fill in the parents part")
    cr.submit(session, rid, dt.date(2025, 10, 4))
    cr.accept(session, rid, faculty["alieva"], dt.date(2025, 10, 5))
    with pytest.raises(DomainError):
        cr.add_line(session, rid, "activities", {"topic": "late addition"})
    cr.restore_status(session, rid, saved)
    assert cr.status_snapshot(session, rid).status == ReportStatus.SUBMITTED


def test_copy_last_month_plan(session, faculty):
    sep = cr.open_report(session, faculty["first"], 2025, 9)
    cr.add_line(session, sep, "activities", {"day": dt.date(2025, 9, 30), "kind": "curator_hour",
                                             "topic": "Устав", "present": 20})
    cr.add_line(session, sep, "risks", {"student_name": "Усенов Бакыт", "reason": "debts", "action": "letter",
                                        "result": "paid"})
    cr.add_line(session, sep, "contacts", {"student_name": "Усенов Бакыт"})
    nov = cr.open_report(session, faculty["first"], 2025, 10)
    with pytest.raises(DomainError):
        cr.copy_last_month_plan(session, cr.open_report(session, faculty["first"], 2025, 9))
    made = cr.copy_last_month_plan(session, nov)
    assert sorted(p for p, _ in made) == ["activities", "risks"]
    acts = cr.part_rows(session, nov, "activities")
    assert [(a["day"], a["topic"], a["present"]) for a in acts] == [(dt.date(2025, 10, 30), "Устав", 0)]
    assert cr.part_rows(session, nov, "risks")[0]["result"] == ""
    cr.delete_lines(session, made)
    assert cr.part_rows(session, nov, "activities") == []


def test_the_summary_counts_reports_handed_in(session, faculty):
    a = _report(session, faculty["first"], 2025, 9, dt.date(2025, 10, 1))
    draft = cr.open_report(session, faculty["first"], 2025, 10)
    for rid in (a, draft):
        cr.add_line(session, rid, "activities", {"kind": "curator_hour", "present": 10})
        cr.add_line(session, rid, "activities", {"kind": "parents_meeting", "present": 4})
        cr.add_line(session, rid, "risks", {"student_name": "X", "reason": "absences", "action": "letter"})
        cr.add_line(session, rid, "contacts", {"student_name": "X"})
        cr.add_line(session, rid, "contacts", {"student_name": "X"})
    s = cr.summary(session, YEAR)
    assert s.reports == 1
    assert s.activities == {"curator_hour": 1, "parents_meeting": 1}
    assert s.present == {"curator_hour": 10, "parents_meeting": 4}
    assert s.risks == {"absences": 1} and s.actions == {"letter": 1}
    assert (s.parent_contacts, s.parents_students) == (2, 1)
    assert cr.summary(session, YEAR, (2025, 10)).reports == 0


def test_demo_has_every_state_and_a_mid_year_change(demo_db):
    with demo_db.session() as s:
        m = cr.build_matrix(s, YEAR, dt.date(2026, 2, 20))
        for state in (CellState.ACCEPTED, CellState.ON_TIME, CellState.LATE, CellState.RETURNED, CellState.MISSING):
            assert m.counts[state] > 0, state
        ended = [r for r in m.rows if r.assignment.end is not None]
        assert len(ended) == 1
        from desktop.models.teaching_log import teachers_totals

        assert teachers_totals(s, 2025, 11)


def test_check_finds_overlapping_curators(db, session, faculty):
    from desktop.models.check import RULES
    from desktop.models.contingent import CuratorAssignment
    from desktop.models.curators import _overlapping_curators

    assert _overlapping_curators in RULES
    assert _overlapping_curators(session) == []
    session.get(CuratorAssignment, faculty["first"]).end_date = None
    session.flush()
    assert _overlapping_curators(session) == [
        "group МАТ-1-25: curator assignments from 2025-09-01 and from 2025-11-17 overlap"]


@pytest.mark.parametrize("status,editable,can_submit,can_review", [
    ("draft", True, True, False),
    ("submitted", True, False, True),
    ("returned", True, True, False),
    ("accepted", False, False, False),
])
def test_a_report_status_says_what_may_happen_next(status, editable, can_submit, can_review):
    """One table of the report's life: the model refuses by it and the form enables its buttons by it."""
    from desktop.models.curators import ReportStatus

    s = ReportStatus(status)
    assert (s.editable, s.can_submit, s.can_review) == (editable, can_submit, can_review)
