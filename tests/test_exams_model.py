"""Exam sessions: conflict checks (pure), edits with their undo data, the draft generator, the demo."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.i18n import translator
from desktop.models import exam_schedule as ops
from desktop.models import exams as ex
from desktop.models import settings
from desktop.models.base import DomainError
from desktop.models.contingent import Group
from desktop.models.exam_conflicts import CheckRules, check_session, find_conflicts, rules_for
from desktop.models.exam_generator import generate_draft, propose
from desktop.models.exam_schedule import ExamRow
from tests.factories import RULES, clean, exam, kinds, schedule

D = dt.date


def test_a_clean_schedule_has_no_conflict():
    assert find_conflicts(schedule(*clean()), RULES) == []


def test_two_exams_of_a_group_on_one_day():
    found = find_conflicts(schedule(*clean(), exam(5, [1], D(2025, 12, 24), 15 * 60, examiner=2, room=2,
                                                   discipline=3)), RULES)
    assert kinds(found) == ["room_small", "two_a_day"]  # 20 students in the 10-seat room as well
    two = next(c for c in found if c.kind == "two_a_day")
    assert two.severity == "error" and set(two.exam_ids) == {3, 5} and two.group_id == 1
    assert "24.12.2025" in two.message and "МАТ-1-25" in two.message and "Тарых" in two.message


def test_too_little_rest_between_exams_counts_calendar_days():
    rows = clean()
    rows[2].day = D(2025, 12, 23)  # Monday then Tuesday: 1 day
    rows[2].consult_day = None
    found = find_conflicts(schedule(*rows), RULES)
    assert kinds(found) == ["rest"]
    assert found[0].severity == "warning" and found[0].exam_ids == (1, 3)
    assert "МАТ-1-25" in found[0].message and "23.12.2025" in found[0].message
    # Monday and Wednesday is 2 days: fine with the default; not with a minimum of 3.
    assert find_conflicts(schedule(*clean()), CheckRules(min_rest=3, days_off=RULES.days_off))[0].kind == "rest"


def test_examiner_and_room_booked_twice_at_overlapping_times():
    rows = clean()
    rows[1].examiner_id = 1
    rows[1].start = 10 * 60  # 10:00-12:00 overlaps 09:00-11:00 in the same room with the same examiner
    found = find_conflicts(schedule(*rows), RULES)
    assert kinds(found) == ["examiner_busy", "room_busy"]
    assert all(set(c.exam_ids) == {1, 2} for c in found)
    assert "Сопуев У.А." in next(c for c in found if c.kind == "examiner_busy").message
    assert "101" in next(c for c in found if c.kind == "room_busy").message
    rows[1].start = 11 * 60  # back to back is not an overlap
    assert find_conflicts(schedule(*rows), RULES) == []


def test_a_room_smaller_than_the_groups_sitting_together():
    rows = clean()
    rows[0] = exam(1, [1, 2], D(2025, 12, 22), room=2)
    rows[1].day = D(2025, 12, 26)
    found = find_conflicts(schedule(*rows), RULES)
    assert kinds(found) == ["room_small"]
    assert "305" in found[0].message and "10" in found[0].message and "45" in found[0].message


def test_an_exam_on_a_holiday_names_it_and_one_on_a_weekend_names_the_day():
    rows = clean()
    rows[3].day = D(2026, 1, 7)
    rows.append(exam(6, [1], D(2025, 12, 27), discipline=3))
    found = find_conflicts(schedule(*rows), RULES)
    assert kinds(found) == ["day_off"]
    messages = " ".join(c.message for c in found)
    assert "Рождество" in messages and "Saturday" in messages


def test_an_exam_outside_the_session_and_a_late_consultation():
    rows = clean()
    rows[3].day = D(2026, 1, 20)
    rows[2].consult_day = D(2025, 12, 24)
    rows[2].consult_minute = 10 * 60  # after the 09:00 exam of the same day
    found = find_conflicts(schedule(*rows), RULES)
    assert kinds(found) == ["consultation_late", "outside"]
    assert "20.01.2026" in next(c for c in found if c.kind == "outside").message


def test_severity_follows_the_setting_and_messages_are_translated():
    rows = clean()
    rows[2].day = D(2025, 12, 23)
    rows[2].consult_day = None
    rules = CheckRules(min_rest=2, severities={**RULES.severities, "rest": "error"}, days_off=RULES.days_off)
    found = find_conflicts(schedule(*rows), rules, translator("ru"))
    assert found[0].severity == "error"
    assert "МАТ-1-25" in found[0].message and "group" not in found[0].message


# With a database --------------------------------------------------------------------------------

def test_a_session_without_a_calendar_gets_default_dates_and_the_faculty_country(session, office):
    data = ops.load_schedule(session, office["session"])
    assert (data.start, data.end, data.country) == (D(2025, 12, 22), D(2026, 1, 17), "KG")
    assert [g.size for g in data.groups.values()] == [10, 10, 10]
    assert ex.get_or_create_session(session, "2025-2026", "winter") == office["session"]
    with pytest.raises(DomainError):
        ex.set_session_dates(session, office["session"], D(2026, 1, 17), D(2025, 12, 22))


def test_the_engine_gives_the_holiday_name_and_settings_the_rules(session, office):
    g = office["groups"]
    d = ex.discipline_id(session, "Алгебра")
    ops.add_exam(session, office["session"], ExamRow(0, d, (g[0],), D(2026, 1, 7), 9 * 60, room_id=office["rooms"][1]))
    settings.put(session, "exams.severity.room_small", "error")
    _data, found = check_session(session, office["session"], "ru")
    by_kind = {c.kind: c for c in found}
    assert set(by_kind) == {"day_off", "room_small"}
    assert "Рождество" in by_kind["day_off"].message
    assert by_kind["room_small"].severity == "error"
    with pytest.raises(DomainError):
        settings.put(session, "exams.severity.rest", "fatal")


def test_move_copy_delete_and_their_undo_data(session, office):
    g, sid = office["groups"], office["session"]
    d = ex.discipline_id(session, "Алгебра")
    exam_id = ops.add_exam(session, sid, ExamRow(0, d, (g[0], g[1]), D(2025, 12, 22), 9 * 60, 120,
                                                 office["staff"][0], None, office["rooms"][0]))
    old = ops.move_exam(session, exam_id, D(2025, 12, 24), g[1], g[2])
    moved = ops.load_schedule(session, sid).exam(exam_id)
    assert moved.day == D(2025, 12, 24) and set(moved.group_ids) == {g[0], g[2]}
    with pytest.raises(DomainError):
        ops.move_exam(session, exam_id, D(2025, 12, 24), g[0], g[2])  # already sits it
    ops.restore_exam(session, old)
    back = ops.load_schedule(session, sid).exam(exam_id)
    assert back.day == D(2025, 12, 22) and set(back.group_ids) == {g[0], g[1]}

    copies = ops.copy_exam(session, exam_id, [g[1], g[2]])
    assert len(copies) == 1  # g[1] already sits it
    copy = ops.load_schedule(session, sid).exam(copies[0])
    assert copy.group_ids == (g[2],) and copy.examiner_id == office["staff"][0] and copy.day == D(2025, 12, 22)

    saved = ops.delete_exams(session, [exam_id, copies[0]])
    assert ops.load_schedule(session, sid).exams == []
    ops.restore_exams(session, saved)
    assert sorted(e.id for e in ops.load_schedule(session, sid).exams) == sorted([exam_id, copies[0]])


def test_the_generator_respects_every_rule(session, office):
    sid, g, staff = office["session"], office["groups"], office["staff"]
    for group in g:
        for i, name in enumerate(["Алгебра", "Физика", "Тарых", "Англис тили"]):
            ex.link_discipline(session, sid, group, name, staff[i % 2], "oral" if i == 3 else "written")
    ids, unplaced = generate_draft(session, sid, g)
    assert unplaced == [] and len(ids) == 12
    data, found = check_session(session, sid)
    assert found == []  # working days only, one a day, rest, free examiners, rooms big enough
    assert {e.room_id for e in data.exams} == {office["rooms"][0]}  # the 5-seat room never fits 10
    per_group = {}
    for e in data.exams:
        per_group.setdefault(e.group_ids[0], []).append(e.day)
    for days in per_group.values():
        days.sort()
        assert all((b - a).days >= 2 for a, b in zip(days, days[1:], strict=False))
    # Again: nothing left to schedule.
    assert generate_draft(session, sid, g) == ([], [])


def test_the_generator_reports_what_does_not_fit():
    s = schedule()
    s.end = D(2025, 12, 23)  # two days: room for one exam per group with 2 days' rest
    links = [(1, 1, 1, "written"), (1, 2, 1, "written")]
    rows, unplaced = propose(s, links, [1], RULES)
    assert len(rows) == 1 and unplaced == [(1, 2)]


def test_the_demo_session_has_its_four_deliberate_conflicts(demo_db):
    with demo_db.session() as s:
        sid = ex.find_session(s, "2025-2026", "winter")
        data, found = check_session(s, sid, "ru")
        assert len(data.exams) > 40
        assert {"two_a_day", "examiner_busy", "day_off", "room_small"} <= {c.kind for c in found}
        assert any("День независимости" in c.message for c in found)
        assert s.scalar(select(Group.id).limit(1)) is not None


def test_the_large_synthetic_session_is_clean(session):
    from desktop.models.demo.exams import build_large_session

    sid = build_large_session(session, n_exams=400)
    data = ops.load_schedule(session, sid)
    assert len(data.exams) == 400
    assert find_conflicts(data, rules_for(session, data)) == []
