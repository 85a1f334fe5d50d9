"""Exam sessions, second round: editing rooms / disciplines / links with undo data, the refusals,
consultation checks, the cancellable generator, and the structural `dekanat check` rule."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sqlalchemy import insert, select, text

from desktop.i18n import translator
from desktop.models import exam_rooms as rooms
from desktop.models import exam_schedule as ops
from desktop.models import exams as ex
from desktop.models.base import DomainError
from desktop.models.check import check_database
from desktop.models.contingent import Group
from desktop.models.exam_conflicts import CheckRules, find_conflicts
from desktop.models.exam_generator import generate_draft
from desktop.models.exam_schedule import ExamRow
from desktop.models.exams import Exam
from desktop.models.progress import Cancelled, Progress
from tests.factories import RULES, clean, exam, kinds, schedule

D = dt.date


# Rooms and disciplines ------------------------------------------------------------------------------

def test_rooms_edit_delete_and_restore(session, office):
    r101, r305 = office["rooms"]
    assert [r[1:] for r in rooms.rooms(session)] == [("101", 40, "Башкы"), ("305", 5, "ИТ")]
    old = rooms.update_room(session, r305, " 305-ә ", 12, "ИТ корпусу")
    assert old == ("305", 5, "ИТ") and rooms.rooms(session)[1][1:] == ("305-ә", 12, "ИТ корпусу")
    with pytest.raises(DomainError, match="already exists"):
        rooms.update_room(session, r305, "101", 12, "")
    with pytest.raises(DomainError, match="positive"):
        rooms.update_room(session, r305, "305", 0, "")
    with pytest.raises(DomainError, match="needs a name"):
        rooms.update_room(session, r305, "  ", 10, "")
    saved = rooms.delete_room(session, r305)
    assert [r[0] for r in rooms.rooms(session)] == [r101]
    rooms.restore_room(session, saved)
    assert rooms.rooms(session)[1] == (r305, "305-ә", 12, "ИТ корпусу")


def test_a_room_in_use_is_refused_naming_the_exams(session, office):
    g, sid = office["groups"], office["session"]
    r101, r305 = office["rooms"]
    algebra = rooms.add_discipline(session, "Алгебра")
    ops.add_exam(session, sid, ExamRow(0, algebra, (g[0],), D(2025, 12, 22), 9 * 60, room_id=r101))
    ops.add_exam(session, sid, ExamRow(0, algebra, (g[1],), D(2025, 12, 24), 9 * 60, consult_day=D(2025, 12, 23),
                                       consult_minute=14 * 60, consult_room_id=r305))
    with pytest.raises(DomainError) as err:
        rooms.delete_room(session, r101)
    assert str(err.value) == ("Room 101 cannot be deleted: 1 exam or consultation is in it: "
                              "Алгебра (22.12.2025). Move it to another room first.")
    with pytest.raises(DomainError, match=r"305 .*Алгебра \(24.12.2025\)"):
        rooms.delete_room(session, r305)  # a consultation uses it
    assert len(rooms.rooms(session)) == 2


def test_many_exams_are_named_up_to_five(session, office):
    g, sid = office["groups"], office["session"]
    d = rooms.add_discipline(session, "Физика")
    ops.add_exams(session, sid, [ExamRow(0, d, (g[i % 3],), D(2025, 12, 22) + dt.timedelta(days=i), 9 * 60)
                                 for i in range(7)])
    with pytest.raises(DomainError) as err:
        rooms.delete_discipline(session, d)
    message = str(err.value)
    assert message.count("Физика (") == 5 and "and 2 more" in message and "7 exams use it" in message


def test_disciplines_add_rename_delete_with_their_links(session, office):
    sid, g, staff = office["session"], office["groups"], office["staff"]
    d = rooms.add_discipline(session, "  Тарых ")
    with pytest.raises(DomainError, match="already exists"):
        rooms.add_discipline(session, "Тарых")
    assert rooms.rename_discipline(session, d, "Қазақстан тарихы") == "Тарых"
    link = rooms.add_link(session, sid, g[0], d, staff[0], "oral")
    with pytest.raises(DomainError, match="МАТ-1-25 already sits “Қазақстан тарихы”"):
        rooms.add_link(session, sid, g[0], d)
    assert rooms.update_link(session, link, staff[1], "test") == (staff[0], "oral")
    shown = rooms.links(session, sid)
    assert [(x.group, x.discipline, x.examiner, x.form) for x in shown] == [
        ("МАТ-1-25", "Қазақстан тарихы", "Қасымов Ә.", "test")]
    assert ops.session_disciplines(session, sid) == [(g[0], d, staff[1], "test")]  # the generator's input

    saved = rooms.delete_discipline(session, d)  # no exam uses it: it goes with its link
    assert rooms.disciplines(session) == [] and rooms.links(session, sid) == []
    rooms.restore_discipline(session, saved)
    assert rooms.disciplines(session) == [(d, "Қазақстан тарихы")]
    assert [x.id for x in rooms.links(session, sid)] == [link]

    saved_link = rooms.delete_link(session, link)
    assert rooms.links(session, sid) == []
    rooms.restore_link(session, saved_link)
    assert rooms.links(session, sid)[0].examiner_id == staff[1]


def test_a_discipline_in_use_is_refused(session, office):
    g, sid = office["groups"], office["session"]
    d = rooms.add_discipline(session, "Алгебра")
    ops.add_exam(session, sid, ExamRow(0, d, (g[0],), D(2025, 12, 22), 9 * 60))
    with pytest.raises(DomainError, match="“Алгебра” cannot be deleted: 1 exam"):
        rooms.delete_discipline(session, d)


# Consultations -------------------------------------------------------------------------------------

def test_a_consultation_on_a_day_off_names_it():
    rows = clean()
    rows[2].consult_day = D(2025, 12, 21 + 2)  # still fine: a working day
    assert find_conflicts(schedule(*rows), RULES) == []
    rows[2].day = D(2026, 1, 8)
    rows[2].consult_day = D(2026, 1, 7)
    found = find_conflicts(schedule(*rows), RULES)
    assert kinds(found) == ["consultation_day_off"]
    assert "Рождество" in found[0].message and found[0].severity == "warning"
    rows[2].consult_day = D(2025, 12, 28)
    found = find_conflicts(schedule(*rows), RULES, translator("ru"))
    assert "воскресенье" in found[0].message.lower()


NO_REST = CheckRules(min_rest=0, days_off=RULES.days_off)  # group 2 sits on consecutive days here


def test_a_consultation_room_booked_with_an_exam_or_another_consultation():
    rows = clean()
    # The consultation of exam 3 (23.12, 14:00, 90 minutes) in room 1, where exam 5 sits at 15:00.
    rows[2].consult_room_id = 1
    rows.append(exam(5, [2], D(2025, 12, 23), 15 * 60, examiner=2, discipline=3))
    assert kinds(find_conflicts(schedule(*rows), NO_REST)) == ["consultation_room_busy"]
    rows[-1].start = 15 * 60 + 30  # after the consultation's 90 minutes: free
    assert find_conflicts(schedule(*rows), NO_REST) == []
    # Another consultation in the same room at 15:00 overlaps the first one.
    rows[3].consult_day, rows[3].consult_minute, rows[3].consult_room_id = D(2025, 12, 23), 15 * 60, 1
    found = find_conflicts(schedule(*rows), NO_REST)
    assert kinds(found) == ["consultation_room_busy"]
    assert sorted(sorted(c.exam_ids) for c in found) == [[3, 4], [4, 5]]  # and the 15:30 exam overlaps it too
    both = next(c for c in found if set(c.exam_ids) == {3, 4})
    assert both.severity == "error"
    assert both.message == ("23.12.2025: room 101 is booked twice at overlapping times: the consultation for "
                            "Физика (МАТ-1-25, 09:00) at 14:00 and the consultation for Алгебра (ПИ-1-25, 13:00).")
    # A longer consultation (setting) reaches the 15:30 exam too.
    longer = CheckRules(min_rest=0, days_off=RULES.days_off, consultation_minutes=120)
    assert len(find_conflicts(schedule(*rows), longer)) == 3  # the 14:00 one now reaches 15:30 as well
    # Translated and following its severity setting.
    rules = CheckRules(min_rest=0, days_off=RULES.days_off,
                       severities={**NO_REST.severities, "consultation_room_busy": "warning"})
    found = find_conflicts(schedule(*rows), rules, translator("kk"))
    assert {c.severity for c in found} == {"warning"}


# The generator with a Progress -------------------------------------------------------------------

def _linked(session, office):
    sid, g, staff = office["session"], office["groups"], office["staff"]
    for group in g:
        for i, name in enumerate(["Алгебра", "Физика"]):
            ex.link_discipline(session, sid, group, name, staff[i % 2])
    return sid, g


def test_the_generator_reports_progress_per_group(session, office):
    sid, g = _linked(session, office)
    steps = []
    ids, unplaced = generate_draft(session, sid, g, Progress(lambda done, total, _l: steps.append((done, total))))
    assert len(ids) == 6 and unplaced == []
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_a_cancelled_draft_writes_nothing(db, office_db):
    sid, g = office_db
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        with db.session() as s:
            generate_draft(s, sid, g, progress)
    with db.session() as s:
        assert s.scalar(select(Exam.id).limit(1)) is None


@pytest.fixture
def office_db(session, office):  # noqa: F811
    """The ``office`` of test_exams_model committed (for tests opening their own transactions)."""
    made = _linked(session, office)
    session.commit()
    return made


# `dekanat check` -----------------------------------------------------------------------------------

def test_the_check_rule_reports_structural_problems_only(db, office_db):
    sid, g = office_db
    assert check_database(db) == []
    with db.session() as s:
        d = ex.discipline_id(s, "Алгебра")
        # Clashing exams (a scheduling conflict) do not fail `dekanat check`: `check session` reports them.
        ops.add_exams(s, sid, [ExamRow(0, d, (g[0],), D(2025, 12, 22), 9 * 60),
                               ExamRow(0, d, (g[0],), D(2025, 12, 22), 9 * 60)])
    assert check_database(db) == []
    with db.session() as s:
        lone = s.execute(insert(Exam).values(session_id=sid, discipline_id=d, day=D(2025, 12, 23), start_minute=23 * 60,
                                             duration=120).returning(Exam.id)).scalar_one()
        s.execute(insert(ex.exam_group).values(exam_id=lone, group_id=g[1]))
        empty = s.execute(insert(Exam).values(session_id=sid, discipline_id=d, day=D(2025, 12, 24),
                                              consult_minute=600).returning(Exam.id)).scalar_one()
        s.execute(text("UPDATE exam_session SET end_date = '2025-01-01' WHERE id = :i"), {"i": sid})
    problems = check_database(db)
    assert problems == [
        "winter session 2025-2026: ends (2025-01-01) before it starts (2025-12-22)",
        f"exam {empty} (winter session 2025-2026, 2025-12-24): has no group",
        f"exam {lone} (winter session 2025-2026, 2025-12-23): starts at minute 1380 and lasts 120 minutes, "
        "outside 00:00-24:00",
        f"exam {empty} (winter session 2025-2026, 2025-12-24): its consultation time (minute 600) is outside "
        "00:00-24:00 or has no day",
    ]


def test_dekanat_check_passes_on_the_demo_but_check_session_does_not(tmp_path, cli, demo_template):
    db = tmp_path / "d.sqlite3"
    shutil.copyfile(demo_template, db)
    r = cli("--database", str(db), "check")
    assert r.returncode == 0, r.stdout + r.stderr
    r = cli("--database", str(db), "check", "session", "--year", "2025-2026", "--session", "winter")
    assert r.returncode == 1
    from desktop.models.db import Database

    database = Database(db)
    with database.session() as s:
        exam_id = s.scalar(select(Exam.id).order_by(Exam.id).limit(1))
        s.execute(ex.exam_group.delete().where(ex.exam_group.c.exam_id == exam_id))
        s.execute(text("UPDATE exam SET start_minute = -30 WHERE id = :i"), {"i": exam_id})
    database.dispose()
    r = cli("--database", str(db), "check")
    assert r.returncode == 1
    assert f"exam {exam_id} (winter session 2025-2026" in r.stdout + r.stderr
    assert "has no group" in r.stdout + r.stderr and "starts at minute -30" in r.stdout + r.stderr


def test_the_demo_consultations_are_clean(demo_db):
    from desktop.models.exam_conflicts import check_session

    with demo_db.session() as s:
        sid = ex.find_session(s, "2025-2026", "winter")
        _data, found = check_session(s, sid)
        assert not {c.kind for c in found} & {"consultation_late", "consultation_day_off", "consultation_room_busy"}
        assert s.scalar(select(Group.id).limit(1)) is not None
