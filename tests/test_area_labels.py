"""Codes of the faculty, groups, exams, document frame and Today areas carry their labels as
LabelledEnums (desktop/i18n.py), and the windows show them in the interface language."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel

from desktop.i18n import set_language
from desktop.models.document_frame import DOCUMENT_KINDS, DocumentKind, Frame
from desktop.models.exam_conflicts import ExamConflict
from desktop.models.exams import SEVERITIES, Severity
from desktop.models.faculty_profile import COUNTRIES, Country
from desktop.models.groups import TeachingLanguage
from desktop.models.today import Section, State


@pytest.mark.parametrize(("member", "lang", "expected"), [
    (Country.KZ, "ky", "Казакстан"),
    (Country.KZ, "ru", "Казахстан"),
    (TeachingLanguage.KY, "ru", "Киргизский"),
    (TeachingLanguage.KY, "ky", "Кыргызча"),
    (Severity.ERROR, "ky", "ката"),
    (Severity.ERROR, "ru", "ошибка"),
    (DocumentKind.EXAM_SCHEDULE, "ru", "Расписание экзаменов"),
    (DocumentKind.EXAM_SCHEDULE, "ky", "Сынак жадыбалы"),
    (State.OVERDUE, "ky", "Мөөнөтү өткөн"),
    (State.DUE, "ru", "Скоро"),
])
def test_each_code_speaks_its_label(member, lang, expected):
    assert member.label(lang) == expected


def test_the_stored_codes_are_unchanged():
    assert COUNTRIES == ("KG", "KZ", "RU")
    assert SEVERITIES == ("warning", "error")
    assert DOCUMENT_KINDS == ("plan", "exam_schedule", "headcount", "group_list", "requests", "progress",
                              "curators", "decisions", "teaching_log", "agenda", "calendar")
    assert [m.value for m in TeachingLanguage] == ["ky", "kk", "ru", "en"]
    assert [m.value for m in Section] == ["workplan", "meetings", "requests", "curators", "exams", "backup"]


def test_the_windows_show_the_labels_in_the_interface_language(qtbot):
    from desktop.views.exams.models import ConflictListModel
    from desktop.views.faculty import FacultyForm
    from desktop.views.frame_dialog import DocumentFrameDialog
    from desktop.views.groups import language_choices
    from desktop.views.today import _section, _state

    set_language("ru")
    form = FacultyForm()
    qtbot.addWidget(form)
    assert [form.country.itemText(i) for i in range(form.country.count())] == [
        "Кыргызстан (KG)", "Казахстан (KZ)", "Россия (RU)"]
    assert ("Киргизский", "ky") in language_choices()
    dialog = DocumentFrameDialog(Frame())
    qtbot.addWidget(dialog)
    assert "Расписание экзаменов" in {label.text() for label in dialog.findChildren(QLabel)}
    conflicts = ConflictListModel()
    conflicts.set_conflicts([ExamConflict("rest", "error", (1, 2), "…", dt.date(2026, 1, 12))])
    assert conflicts.index(0, 0).data() == "ошибка"
    assert (_section(Section.EXAMS), _state(State.OVERDUE)) == ("Экзаменационные сессии", "Просрочено")
