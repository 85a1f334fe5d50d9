"""Counts read right: a number meets its noun through ngettext, never "(s)" (issue 19).
Russian has three forms: 1, 21 (one); 2, 22 (few); 5, 11 (many)."""

import re
import sys
from pathlib import Path

import pytest

from desktop.i18n import translator
from desktop.models.calendar_checks import Problem

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import i18n as catalog_tool  # noqa: E402

RU = [(1, "1 учебная неделя"), (2, "2 учебные недели"), (5, "5 учебных недель"), (11, "11 учебных недель"),
      (21, "21 учебная неделя"), (22, "22 учебные недели")]


@pytest.mark.parametrize("n,words", RU)
def test_teaching_weeks_in_russian(n, words):
    problem = Problem(1, "autumn", "teaching_weeks", (("weeks", n), ("expected", 15)))
    assert problem.message(translator("ru")) == f"в периоде {words}, а должно быть 15"


@pytest.mark.parametrize("n,expected", [(1, "1 занятие"), (2, "2 занятия"), (5, "5 занятий"), (11, "11 занятий"),
                                        (21, "21 занятие"), (22, "22 занятия")])
def test_lessons_in_russian(n, expected):
    assert translator("ru").ngettext("{n} lesson", "{n} lessons", n).format(n=n) == expected


@pytest.mark.parametrize("n,seats", [(1, "1 место"), (2, "2 места"), (4, "4 места"), (5, "5 мест"), (11, "11 мест"),
                                     (21, "21 место"), (22, "22 места")])
def test_room_seats_in_russian(n, seats):
    text = translator("ru").ngettext("{date}: room {room} has {seats} seat, but {students} students sit {exam}.",
                                     "{date}: room {room} has {seats} seats, but {students} students sit {exam}.",
                                     n).format(date="15.12.2025", room="101", seats=n, students=30, exam="Математика")
    assert text == f"15.12.2025: в аудитории 101 {seats}, а экзамен Математика сдают студентов: 30."


def test_english_one_and_many():
    problem = Problem(1, "autumn", "teaching_weeks", (("weeks", 1), ("expected", 15)))
    assert problem.message() == "the term has 1 teaching week, not 15"


def test_no_message_writes_a_plural_as_s_in_brackets():
    found = [m.id if isinstance(m.id, str) else m.id[0] for m in catalog_tool.load("ru")
             if m.id and re.search(r"\w\(s\)", m.id if isinstance(m.id, str) else " ".join(m.id))]
    assert found == []


@pytest.mark.parametrize("lang", ["ru", "ky", "kk"])
def test_every_plural_entry_has_the_forms_of_its_language(lang):
    catalog = catalog_tool.load(lang)
    want = {"ru": 3, "ky": 2, "kk": 2}[lang]
    plurals = [m for m in catalog if isinstance(m.id, tuple)]
    assert len(plurals) >= 20
    assert all(len(m.string) == want and all(m.string) for m in plurals)
