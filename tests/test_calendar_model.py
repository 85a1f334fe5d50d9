"""The academic calendar: rules resolved by the working-day engine, the query API, validation,
copy to next year and the year-view model."""

import datetime as dt

import pytest

from desktop.i18n import translator
from desktop.models import academic_calendar as ac
from desktop.models import calendar_checks
from desktop.models.academic_calendar import Entry, Rule, RuleKind
from desktop.models.base import DomainError
from desktop.models.workdays import WorkCalendar
from desktop.models.year_view import build_year_view

D = dt.date
KZ = WorkCalendar("KZ")


@pytest.fixture
def cal(session):
    """A small KZ semester calendar: exams ending Tuesday 30.12.2025 (before the New Year days off)."""
    cal_id = ac.create_calendar(session, "2025-2026", "bachelor", "semester", "KZ", teaching_weeks=15)
    ids = {}
    ids["teach"] = ac.add_event(session, cal_id, "teaching", "Classes", kind="teaching")
    ids["exams"] = ac.add_event(session, cal_id, "final_exams", "Exams", kind="final_exams")
    ids["results"] = ac.add_event(session, cal_id, "final_exams", "Results", kind="results")
    ids["appeal"] = ac.add_event(session, cal_id, "appeals", "Appeal", kind="appeals")
    ids["vac"] = ac.add_event(session, cal_id, "vacation", "Vacation", kind="vacation")
    ac.set_entry(session, ids["teach"], "autumn", Entry(D(2025, 9, 2), D(2025, 12, 13)))
    ac.set_entry(session, ids["teach"], "spring", Entry(D(2026, 1, 19), D(2026, 5, 2)))
    ac.set_entry(session, ids["exams"], "autumn", Entry(D(2025, 12, 15), D(2025, 12, 30)))
    ac.set_entry(session, ids["exams"], "spring", Entry(D(2026, 5, 4), D(2026, 5, 23)))
    ac.set_entry(session, ids["vac"], "autumn", Entry(D(2026, 1, 1), D(2026, 1, 18)))
    return cal_id, ids


def _resolved(session, cal_id):
    data = ac.load(session, cal_id)
    return data, ac.resolve(data, KZ)


def test_within_n_working_days_after_the_exam_ends(session, cal):
    cal_id, ids = cal
    ac.set_entry(session, ids["results"], "autumn", Entry(rule=Rule(RuleKind.WITHIN, 5, ids["exams"])))
    _data, resolved = _resolved(session, cal_id)
    # 31.12, then 1-2 January (holidays), 3-4 (weekend), 5, 6, 7 (Christmas), 8, 9 -> fifth working day 9 January.
    assert resolved[ids["results"], "autumn"] == (D(2025, 12, 31), D(2026, 1, 9))


def test_appeal_no_later_than_the_next_working_day_chains_on_the_results(session, cal):
    cal_id, ids = cal
    ac.set_entry(session, ids["results"], "autumn", Entry(rule=Rule(RuleKind.WITHIN, 5, ids["exams"])))
    ac.set_entry(session, ids["appeal"], "autumn", Entry(rule=Rule(RuleKind.AFTER, 1, ids["results"])))
    _data, resolved = _resolved(session, cal_id)
    assert resolved[ids["appeal"], "autumn"] == (D(2026, 1, 12), D(2026, 1, 12))  # Friday 9 -> Monday 12


def test_before_calendar_days_and_counting_from_the_start(session, cal):
    cal_id, ids = cal
    ac.set_entry(session, ids["appeal"], "spring",
                 Entry(rule=Rule(RuleKind.BEFORE, 3, ids["exams"], working=True, from_start=True)))
    ac.set_entry(session, ids["results"], "spring", Entry(rule=Rule(RuleKind.AFTER, 22, ids["exams"], working=False)))
    ac.set_entry(session, ids["results"], "winter", Entry(rule=Rule(RuleKind.WITHIN, 3, ids["exams"], ref_term="autumn",
                                                                    working=False)))
    _data, resolved = _resolved(session, cal_id)
    # 4 May 2026 (Monday) minus 3 working days: 1 May is a holiday -> 29, 30 April, 28 April.
    assert resolved[ids["appeal"], "spring"] == (D(2026, 4, 28), D(2026, 4, 28))
    assert resolved[ids["results"], "spring"] == (D(2026, 6, 14), D(2026, 6, 14))
    assert resolved[ids["results"], "winter"] == (D(2025, 12, 31), D(2026, 1, 2))


def test_a_rule_without_a_reference_date_and_a_circle_of_rules(session, cal):
    cal_id, ids = cal
    ac.set_entry(session, ids["appeal"], "summer", Entry(rule=Rule(RuleKind.AFTER, 1, ids["exams"])))
    data, resolved = _resolved(session, cal_id)
    assert (ids["appeal"], "summer") not in resolved
    assert "rule_unresolved" in {p.code for p in calendar_checks.validate(data, KZ)}
    ac.set_entry(session, ids["results"], "summer", Entry(rule=Rule(RuleKind.AFTER, 1, ids["appeal"])))
    with pytest.raises(ac.RuleCycle):
        ac.set_entry(session, ids["appeal"], "summer", Entry(rule=Rule(RuleKind.AFTER, 1, ids["results"])))


def test_set_entry_refuses_end_before_start_and_unknown_term(session, cal):
    _cal_id, ids = cal
    with pytest.raises(DomainError, match="before the start"):
        ac.set_entry(session, ids["vac"], "spring", Entry(D(2026, 8, 31), D(2026, 5, 24)))
    with pytest.raises(DomainError, match="Unknown term"):
        ac.set_entry(session, ids["vac"], "t2", Entry(D(2026, 5, 24), D(2026, 8, 31)))


def test_rule_described_in_words(session, cal):
    cal_id, ids = cal
    data = ac.load(session, cal_id)
    text = ac.describe_rule(Rule(RuleKind.WITHIN, 5, ids["exams"]), data, translator("en"))
    assert text == "within 5 working days after the end of “1. Exams”"
    assert ac.describe_rule(Rule(RuleKind.AFTER, 1, ids["results"]), data, translator("en")) == \
        "no later than the next working day after the end of “2. Results”"


def test_validation_finds_each_kind_of_problem(session, cal):
    cal_id, ids = cal
    data = ac.load(session, cal_id)
    assert calendar_checks.validate(data, KZ) == []
    teach = data.event(ids["teach"])
    teach.entries["autumn"] = Entry(D(2025, 9, 2), D(2025, 12, 20))  # 16 weeks
    teach.entries["spring"] = Entry(D(2026, 3, 21), D(2026, 3, 25))  # Nowruz days off only
    data.event(ids["exams"]).entries["spring"] = Entry(D(2026, 5, 11), D(2026, 5, 23))  # moved Victory Day
    data.event(ids["vac"]).entries["autumn"] = Entry(D(2025, 12, 28), D(2026, 1, 18))  # overlaps the exams
    data.event(ids["vac"]).entries["spring"] = Entry(D(2026, 8, 31), D(2026, 5, 24))
    problems = calendar_checks.validate(data, KZ)
    by_code = {p.code: p for p in problems}
    assert set(by_code) == {"teaching_weeks", "no_teaching_days", "exam_on_holiday", "overlap", "end_before_start"}
    assert by_code["teaching_weeks"].message() == "the term has 16 teaching weeks, not 15"
    assert by_code["exam_on_holiday"].message() == \
        "the exam period starts or ends on a holiday: 11.05.2026 (Victory Day (moved day off))"
    assert by_code["overlap"].event_id == ids["vac"] and by_code["overlap"].term == "autumn"
    assert "11.05.2026 (День Победы" in by_code["exam_on_holiday"].message(translator("ru"))


def test_query_api_on_the_demo(demo_db):
    with demo_db.session() as s:
        assert ac.event_period(s, "2025-2026", "autumn_term") == (D(2025, 9, 2), D(2025, 12, 13))
        assert ac.event_period(s, "2025-2026", "spring_term") == (D(2026, 1, 19), D(2026, 5, 2))
        assert ac.event_period(s, "2025-2026", "winter_session") == (D(2025, 12, 15), D(2025, 12, 30))
        assert ac.event_period(s, "2025-2026", "summer_session") == (D(2026, 5, 4), D(2026, 5, 23))
        assert ac.event_period(s, "2025-2026", "winter_fx_retake") == (D(2026, 1, 12), D(2026, 1, 23))
        assert ac.event_period(s, "2025-2026", "fx_retake") == (D(2026, 1, 12), D(2026, 8, 7))
        assert ac.event_period(s, "2025-2026", "final_attestation") == (D(2026, 5, 11), D(2026, 6, 6))
        assert ac.event_period(s, "2025-2026", "final_exams:t2", layout="trimester") == (D(2026, 2, 17),
                                                                                          D(2026, 2, 22))
        assert ac.event_period(s, "2025-2026", "appeals:autumn") == (D(2026, 1, 12), D(2026, 1, 12))
        assert ac.event_period(s, "2025-2026", "autumn_term", level="master") is None
        assert ac.event_period(s, "2030-2031", "autumn_term") is None
        # "After the winter session": first working day after 30.12.2025 (31.12 is a working day in KZ).
        assert ac.resolve_relative(s, "2025-2026", "winter_session") == D(2025, 12, 31)
        assert ac.resolve_relative(s, "2025-2026", "summer_session") == D(2026, 5, 25)
        assert ac.resolve_relative(s, "2025-2026", "start:spring_term") == D(2026, 1, 19)
        assert ac.resolve_relative(s, "2025-2026", "end:spring_term") == D(2026, 5, 2)
        with pytest.raises(DomainError):
            ac.event_period(s, "2025-2026", "lunch_break")


def test_demo_semester_calendar_flags_the_real_problem_of_seed_004(demo_db):
    with demo_db.session() as s:
        data = ac.load(s, ac.find_calendar(s, "2025-2026", layout="semester"))
        problems = calendar_checks.validate(data, ac.calendar_engine(s, data))
    # State exams from 11.05.2026, the day off moved from Victory Day in Kazakhstan.
    assert [(p.code, dict(p.values)["date"]) for p in problems] == [("exam_on_holiday", "11.05.2026")]
    attestation = [e.number for e in data.events if e.category == "final_attestation"]
    assert attestation == ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.1", "2.2", "2.3", "2.4", "3"]


def test_copy_to_next_year_keeps_weekdays_rules_and_sub_rows(demo_db):
    with demo_db.session() as s:
        old_id = ac.find_calendar(s, "2025-2026", layout="semester")
        new_id = ac.copy_to_next_year(s, old_id)
        old, new = ac.load(s, old_id), ac.load(s, new_id)
        work = ac.calendar_engine(s, new)
        assert new.year_name == "2026-2027" and new.country == "KZ"
        assert ac.weekday_shift(D(2025, 9, 2)) == dt.timedelta(weeks=52)
        for a, b in zip(old.events, new.events, strict=True):
            assert (a.number, a.category, a.kind) == (b.number, b.category, b.kind)
            for term, entry in a.entries.items():
                moved = b.entries[term]
                if entry.start:
                    assert moved.start.weekday() == entry.start.weekday()
                    assert (moved.start - entry.start).days == 364
                if entry.rule:
                    assert new.event(moved.rule.ref_event_id).title == old.event(entry.rule.ref_event_id).title
        assert ac.period_in(new, ac.resolve(new, work), "autumn_term") == (D(2026, 9, 1), D(2026, 12, 12))
        assert any("2026 - 2027" in e.title for e in new.events)
        with pytest.raises(DomainError, match="already exists"):
            ac.copy_to_next_year(s, old_id)


def test_weekday_shift_takes_53_weeks_rather_than_leave_september():
    assert ac.weekday_shift(D(2025, 9, 2)) == dt.timedelta(weeks=52)  # Tue 1.09.2026
    assert ac.weekday_shift(D(2026, 9, 1)) == dt.timedelta(weeks=53)  # not Tue 31.08.2027 but 7.09.2027
    for day in (D(2025, 9, 2), D(2026, 9, 1), D(2024, 1, 19)):
        assert (day + ac.weekday_shift(day)).weekday() == day.weekday()


def test_delete_event_with_sub_rows_and_restore(demo_db):
    with demo_db.session() as s:
        cal_id = ac.find_calendar(s, "2025-2026")
        data = ac.load(s, cal_id)
        exams = next(e for e in data.events if e.kind == "final_exams")
        saved = ac.delete_event(s, exams.id)
        after = ac.load(s, cal_id)
        assert after.event(exams.id) is None
        results = next(e for e in after.events if e.kind == "results")
        assert results.entries["autumn"].rule is None  # lost its reference
        ac.restore_event(s, saved)
        again = ac.load(s, cal_id)
        assert [e.number for e in again.events] == [e.number for e in data.events]
        assert next(e for e in again.events if e.kind == "results").entries["autumn"].rule.ref_event_id == exams.id


def test_year_view_model(session, cal):
    cal_id, ids = cal
    data = ac.load(session, cal_id)
    view = build_year_view(data, ac.resolve(data, KZ), KZ, "kk", today=D(2025, 12, 16))
    assert [(m.year, m.month) for m in view.months][:2] == [(2025, 9), (2025, 10)]
    assert (view.months[-1].year, view.months[-1].month) == (2026, 8)
    assert sum(len(m.cells()) for m in view.months) == 365
    dec16 = view.cell(D(2025, 12, 16))
    assert dec16.is_today and dec16.is_day_off and dec16.holiday == "Тәуелсіздік күні"
    assert [b.title for b in dec16.bands] == ["Exams"] and dec16.weekday == 1
    sep = view.cell(D(2025, 9, 2))
    assert sep.week == 1 and not sep.is_day_off and [b.category for b in sep.bands] == ["teaching"]
    assert view.cell(D(2025, 12, 13)).week == 15
    assert view.cell(D(2025, 9, 6)).is_day_off and view.cell(D(2025, 9, 6)).holiday is None  # a Saturday
    first_row = view.months[0].weeks[0]
    assert first_row[0].date == D(2025, 9, 1)  # 1 September 2025 is a Monday
    assert view.months[1].weeks[0][:2] == [None, None]  # October starts on a Wednesday
