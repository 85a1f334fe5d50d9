"""Calendar rules in words with correct plurals (ky, kk, ru, en) and ``dekanat check`` on calendars."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.i18n import translator
from desktop.models import academic_calendar as ac
from desktop.models import calendar_checks
from desktop.models.academic_calendar import Entry, Rule, RuleKind
from desktop.models.check import check_database

D = dt.date


@pytest.fixture
def data(session):
    cal_id = ac.create_calendar(session, "2025-2026", "bachelor", "semester", "KZ")
    ac.add_event(session, cal_id, "final_exams", "Емтихан", kind="final_exams")
    return ac.load(session, cal_id)


def _say(data, lang, kind, n, working=True):
    return ac.describe_rule(Rule(kind, n, data.events[0].id, working), data, translator(lang))


RU = [  # n, "за N ... до", "через N ... после" (calendar days), "в течение N ... после"
    (1, "за 1 рабочий день до", "через 1 календарный день после", "в течение 1 рабочего дня после"),
    (2, "за 2 рабочих дня до", "через 2 календарных дня после", "в течение 2 рабочих дней после"),
    (3, "за 3 рабочих дня до", "через 3 календарных дня после", "в течение 3 рабочих дней после"),
    (4, "за 4 рабочих дня до", "через 4 календарных дня после", "в течение 4 рабочих дней после"),
    (5, "за 5 рабочих дней до", "через 5 календарных дней после", "в течение 5 рабочих дней после"),
    (11, "за 11 рабочих дней до", "через 11 календарных дней после", "в течение 11 рабочих дней после"),
    (21, "за 21 рабочий день до", "через 21 календарный день после", "в течение 21 рабочего дня после"),
    (22, "за 22 рабочих дня до", "через 22 календарных дня после", "в течение 22 рабочих дней после"),
]


@pytest.mark.parametrize("n, before, after, within", RU)
def test_russian_rule_texts_agree_with_the_number(data, n, before, after, within):
    point = " окончания «1. Емтихан»"
    assert _say(data, "ru", RuleKind.BEFORE, n) == before + point
    assert _say(data, "ru", RuleKind.AFTER, n, working=False) == after + point
    assert _say(data, "ru", RuleKind.WITHIN, n) == within + point


def test_russian_calendar_days_within_and_working_days_after(data):
    assert _say(data, "ru", RuleKind.WITHIN, 1, working=False) == \
        "в течение 1 календарного дня после окончания «1. Емтихан»"
    assert _say(data, "ru", RuleKind.AFTER, 3) == "через 3 рабочих дня после окончания «1. Емтихан»"
    assert _say(data, "ru", RuleKind.BEFORE, 5, working=False) == "за 5 календарных дней до окончания «1. Емтихан»"
    assert _say(data, "ru", RuleKind.AFTER, 1) == "не позднее следующего рабочего дня после окончания «1. Емтихан»"


@pytest.mark.parametrize("n", [1, 3, 5, 21])
def test_kyrgyz_kazakh_and_english_rule_texts(data, n):
    # Kyrgyz and Kazakh nouns keep one form after a numeral.
    assert _say(data, "ky", RuleKind.BEFORE, n) == f"«1. Емтихан» аяктагандан {n} жумуш күнү мурун"
    assert _say(data, "ky", RuleKind.WITHIN, n, False) == f"«1. Емтихан» аяктагандан кийин {n} календардык күн ичинде"
    assert _say(data, "kk", RuleKind.BEFORE, n) == f"«1. Емтихан» аяқталғаннан {n} жұмыс күні бұрын"
    assert _say(data, "kk", RuleKind.AFTER, n, False) == f"«1. Емтихан» аяқталғаннан кейін {n} күнтізбелік күн өткенде"
    unit = "working day" if n == 1 else "working days"
    assert _say(data, "en", RuleKind.BEFORE, n) == f"{n} {unit} before the end of “1. Емтихан”"
    assert _say(data, "en", RuleKind.WITHIN, n) == f"within {n} {unit} after the end of “1. Емтихан”"


def test_only_error_kinds_fail_the_check(session):
    cal_id = ac.create_calendar(session, "2025-2026", "bachelor", "semester", "KZ")
    exams = ac.add_event(session, cal_id, "final_exams", "Exams", kind="final_exams")
    ac.set_entry(session, exams, "spring", Entry(D(2026, 5, 11), D(2026, 5, 23)))  # moved Victory Day
    data = ac.load(session, cal_id)
    work = ac.calendar_engine(session, data)
    assert [p.code for p in calendar_checks.validate(data, work)] == ["exam_on_holiday"]
    assert calendar_checks.errors(data, work) == []
    assert {c for c, kind in calendar_checks.SEVERITY.items() if kind == calendar_checks.ERROR} == \
        {"end_before_start", "rule_cycle", "rule_unresolved"}
    assert set(calendar_checks.SEVERITY) == set(calendar_checks.CODES)


def _damage(path: Path, sql: str) -> None:
    con = sqlite3.connect(path)
    con.execute(sql)
    con.commit()
    con.close()


def test_check_command_on_calendars(cli, demo_template, tmp_path):
    db = tmp_path / "cal.sqlite3"
    shutil.copyfile(demo_template, db)
    # The demo's state exam on 11.05.2026 is a warning: the check passes.
    ok = cli("--database", str(db), "check")
    assert ok.returncode == 0, ok.stderr
    # End before start, written past the editor (an old import, a hand edit).
    _damage(db, "UPDATE calendar_date SET end = '2025-09-01' WHERE id = (SELECT d.id FROM calendar_date d "
                "JOIN calendar_event e ON e.id = d.event_id WHERE e.kind = 'teaching' AND d.term = 'autumn' "
                "AND e.parent_id IS NULL ORDER BY d.id LIMIT 1)")
    bad = cli("--database", str(db), "check")
    assert bad.returncode == 1
    assert "calendar 2025-2026 bachelor semester:" in bad.stderr
    assert "[autumn]: the end 01.09.2025 is before the start 02.09.2025" in bad.stderr
    assert "teaching weeks" not in bad.stderr and "holiday" not in bad.stderr  # warnings stay out


def test_check_reports_a_circle_and_an_unresolved_rule(db, session):
    cal_id = ac.create_calendar(session, "2025-2026", "bachelor", "semester", "KZ")
    a = ac.add_event(session, cal_id, "appeals", "A", kind="appeals")
    b = ac.add_event(session, cal_id, "appeals", "B", kind="appeals")
    ac.set_entry(session, a, "autumn", Entry(rule=Rule(RuleKind.AFTER, 1, b)))
    session.commit()
    assert check_database(db) == ["calendar 2025-2026 bachelor semester: 1 A [autumn]: "
                                  "the rule refers to an event with no date in this term"]
    # A circle cannot be made through set_entry; write it past it.
    session.execute(ac.CalendarDate.__table__.insert().values(event_id=b, term="autumn", rule_kind="after",
                                                              rule_days=1, rule_ref_id=a, rule_working=True,
                                                              rule_ref_term="", rule_from_start=False, text=""))
    session.commit()
    problems = check_database(db)
    assert len(problems) == 1 and "refer to each other in a circle" in problems[0]
