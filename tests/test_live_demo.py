"""The live demo of a country (``dekanat demo --country``): its academic year holds "today" (pinned
here to three dates in different months and years), its texts are in the country's language, every
date follows that country's working days, and the deliberate exam conflicts are kept."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.models import load_all, settings
from desktop.models.academic_calendar import AcademicCalendar
from desktop.models.curators import CuratorActivity, CuratorReport
from desktop.models.demo import build_demo
from desktop.models.exam_conflicts import check_session
from desktop.models.exams import ExamSession
from desktop.models.meetings import Meeting, MeetingSeries
from desktop.models.org import AcademicYear, Faculty
from desktop.models.workplan import WorkPlan, WorkPlanItem

load_all()

# Curator hours of the demo's reports in each country's language.
CURATOR_HOURS = {"KG": {"Академиялык чынчылык", "Сессияга даярдык"},
                 "KZ": {"Академиялық адалдық", "Сессияға дайындық"},
                 "RU": {"Академическая честность", "Подготовка к сессии"}}

# The weekly meeting item of each faculty's plan, in its language.
WEEKLY_ITEM = {"KG": "Деканаттагы жумалык кеңешмени өткөрүү", "KZ": "Деканаттың апталық кеңесін өткізу",
               "RU": "Проведение еженедельного совещания деканата"}

CASES = [
    # country, today, academic year, session kind, faculty name, weekly meeting
    ("KG", dt.date(2026, 10, 14), "2026-2027", "winter", "Математика жана информациялык технологиялар факультети",
     "Деканаттын жумалык кеңешмеси"),
    ("KZ", dt.date(2028, 3, 8), "2027-2028", "summer", "Математика және ақпараттық технологиялар факультеті",
     "Деканаттың апталық кеңесі"),
    ("RU", dt.date(2027, 6, 9), "2026-2027", "summer", "Факультет математики и информационных технологий",
     "Еженедельное совещание деканата"),
]


@pytest.mark.parametrize("country, today, year, kind, faculty, weekly", CASES, ids=[c[0] for c in CASES])
def test_live_demo_lives_in_the_year_of_today(db, country, today, year, kind, faculty, weekly):
    build_demo(db, students=150, country=country, today=today)
    with db.session() as s:
        assert s.scalars(select(AcademicYear.name)).all() == [year]
        assert s.scalar(select(Faculty.name)) == faculty
        assert settings.get(s, "country") == country
        assert {c for c in s.scalars(select(AcademicCalendar.country))} == {country}
        plan_title = s.scalar(select(WorkPlan.title))
        assert year in plan_title
        items = s.scalars(select(WorkPlanItem.text)).all()
        assert WEEKLY_ITEM[country] in items
        # meetings this month, some held before today and some still ahead
        month_start = today.replace(day=1)
        dates = s.scalars(select(Meeting.date).join(MeetingSeries).where(MeetingSeries.name == weekly)).all()
        assert any(month_start <= d <= today for d in dates)
        assert any(d > today for d in dates)
        assert all(d.year in (int(year[:4]), int(year[5:])) for d in dates)
        # curator reports run up to today's month and no further
        months = {(y, m) for y, m in s.execute(select(CuratorReport.year, CuratorReport.month))}
        assert (today.year, today.month) in months or (today.year, today.month - 1) in months
        assert max(months) <= (today.year, today.month)
        submitted = s.scalars(select(CuratorReport.submitted_on).where(CuratorReport.submitted_on.is_not(None)))
        assert max(submitted) <= today
        # the session is the next one or the one just behind, in the country's days
        session = s.scalars(select(ExamSession)).one()
        assert (session.kind, session.country) == (kind, country)
        assert -120 <= (session.start_date - today).days <= 75
        topics = set(s.scalars(select(CuratorActivity.topic)))
        assert topics & CURATOR_HOURS[country] and not topics & (set().union(*CURATOR_HOURS.values())
                                                               - CURATOR_HOURS[country])
        _schedule, conflicts = check_session(s, session.id, "en")
        assert {"two_a_day", "examiner_busy", "room_small", "day_off"} <= {c.kind for c in conflicts}
        assert not [c for c in conflicts if c.kind == "consultation_day_off"]


def test_fixed_demo_is_unchanged_by_the_live_one(db):
    build_demo(db, students=30)
    with db.session() as s:
        assert s.scalars(select(AcademicYear.name)).all() == ["2025-2026"]
        assert s.scalar(select(func.count()).select_from(AcademicCalendar)) == 2
        assert set(s.scalars(select(AcademicCalendar.country))) == {"KZ"}
        assert s.scalar(select(Faculty.name)) == "Математика жана информациялык технологиялар факультети"


def test_command_line_live_demo(db, capsys, monkeypatch):
    from desktop.cli import main

    monkeypatch.setattr("desktop.cli.Context.db", property(lambda self: db))
    # The test's database stays open across commands; each command still lets go of the file's lock.
    monkeypatch.setattr("desktop.cli.Context.close",
                        lambda self: self._lock.release() if getattr(self, "_lock", None) else None)
    assert main(["--lang", "kk", "demo", "--students", "20", "--country", "auto", "--today", "2027-11-20"]) == 0
    out = capsys.readouterr().out
    assert "2027-2028" in out and "KZ days off" in out
    # options that do not go together: bad input
    assert main(["demo", "--students", "20", "--today", "2027-11-20"]) == 2
    assert "--today is for a live demo" in capsys.readouterr().err


def test_the_kazakh_live_demo_prints_its_plan_and_meetings_in_russian(db):
    """The KZ live demo's plan and meetings are typed in Kazakh: each carries a Russian version, and the
    originals are recorded as Kazakh (not Kyrgyz)."""
    from desktop.models import meetings as mt
    from desktop.models import text_versions as tv
    from desktop.models import workplan as wp
    from desktop.models.text_documents import (
        localize_meeting,
        localize_plan,
        plan_texts,
    )

    build_demo(db, students=60, country="KZ", today=dt.date(2028, 3, 8))
    with db.session() as s:
        plan = s.scalars(select(wp.WorkPlan)).first()
        assert localize_plan(s, wp.plan_tree(s, plan), "ru")[1] == []
        texts = plan_texts(s, plan.id)
        assert {t.original_lang for t in texts if t.recorded_lang} == {"kk"}
        meetings = s.scalars(select(mt.Meeting)).all()
        assert meetings and all(localize_meeting(s, mt.meeting_tree(s, m.id), "ru")[1] == [] for m in meetings)
        series = s.scalars(select(mt.MeetingSeries).order_by(mt.MeetingSeries.id)).first()
        assert tv.get_version(s, "meeting_series", series.id, "name", "ru") == "Еженедельное совещание деканата"
