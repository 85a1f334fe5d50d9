"""The words of a student list: the fields, the headers offices write for them (ru, ky, kk, en),
and the words of funding, study form and gender."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from desktop.i18n import N_, LabelledEnum
from desktop.models.contingent import Funding, Gender, StudyForm
from desktop.reports.table_read import clean_text

HEADER_SEARCH_ROWS = 20

class ImportField(LabelledEnum):
    """The fields a column of a student list can be read into (``--map HEADER=FIELD``), in this order."""

    FULL_NAME = "full_name", N_("Full name")
    LAST_NAME = "last_name", N_("Last name")
    FIRST_NAME = "first_name", N_("First name")
    PATRONYMIC = "patronymic", N_("Patronymic")
    RECORD_BOOK = "record_book", N_("Record-book number")
    GROUP = "group", N_("Group")
    BIRTH_DATE = "birth_date", N_("Birth date")
    GENDER = "gender", N_("Gender")
    FUNDING = "funding", N_("Funding")
    STUDY_FORM = "study_form", N_("Study form")
    PHONE = "phone", N_("Phone")
    EMAIL = "email", N_("E-mail")


FIELDS = tuple(ImportField)

_SYNONYMS = {
    "full_name": ["фио", "ф и о", "фамилия имя отчество", "фамилия имя отчество студента", "фио студента",
                  "аты-жөнү", "аты жөнү", "аты-жөнүү", "студенттин аты-жөнү", "фамилиясы аты", "аты-жөні",
                  "аты жөні", "тегі аты әкесінің аты", "тегі аты", "студенттің аты-жөні", "full name", "name",
                  "student", "student name", "студент"],
    "last_name": ["фамилия", "фамилиясы", "тегі", "last name", "surname", "family name"],
    "first_name": ["имя", "аты", "first name", "given name"],
    "patronymic": ["отчество", "атасынын аты", "әкесінің аты", "patronymic", "middle name"],
    "record_book": ["номер зачетной книжки", "зачетная книжка", "зачетка", "№ зачетки", "номер зачетки", "№ з/к",
                    "шифр студента", "зачеттук китепчесинин номери", "сынақ кітапшасы №",
                    "зачеттук китепче", "зачеттук китепченин номери", "зачет китепчеси", "сынақ кітапшасы",
                    "сынақ кітапшасының нөмірі", "сынак китепчеси", "record book", "record-book number",
                    "record book number", "student id", "id"],
    "group": ["группа", "группа студента", "тайпа", "топ", "тобы", "group", "шифр группы"],
    "birth_date": ["дата рождения", "год рождения", "туулган күнү", "туулган датасы", "туған күні",
                   "туған күні айы жылы", "birth date", "date of birth", "dob", "birthday"],
    "gender": ["пол", "жынысы", "gender", "sex"],
    "funding": ["форма оплаты", "основа обучения", "финансирование", "бюджет контракт", "грант контракт",
                "каржылоо", "окуу негизи", "төлөм формасы", "қаржыландыру", "оқу ақысы", "оқу негізі",
                "funding", "tuition"],
    "study_form": ["форма обучения", "окуу формасы", "оқу нысаны", "оқу түрі", "study form", "form of study",
                   "mode of study"],
    "phone": ["телефон", "тел", "номер телефона", "телефон номери", "телефон нөмірі", "phone", "mobile"],
    "email": ["e-mail", "email", "эл почта", "электронная почта", "электрондук почта", "электрондық пошта",
              "почта", "mail"],
}

_FUNDING_WORDS = {
    Funding.GRANT: ["грант", "госзаказ", "бюджет", "бюджетная", "мемлекеттик грант", "мемлекеттік грант",
                    "мемгрант", "бюджеттик", "мамлекеттик грант", "мамлекеттик", "мамгрант", "state grant", "grant",
                    "budget", "г"],
    Funding.CONTRACT: ["контракт", "договор", "платная", "платно", "келишим", "келишим боюнча", "келишимдик",
                       "ақылы", "ақылы негізде", "шарт", "шарт бойынша", "contract", "paid", "fee", "к"],
}
_FORM_WORDS = {
    StudyForm.FULL_TIME: ["очная", "очно", "очное", "дневная", "күндүзгү", "күндізгі", "full-time", "full time",
                          "fulltime", "о"],
    StudyForm.EVENING: ["очно-заочная", "очно заочная", "вечерняя", "вечернее", "вечерняя форма", "кечки",
                        "кечки окуу", "кешкі", "кешкі оқу", "evening", "part-time", "part time", "в", "оз"],
    StudyForm.EXTRAMURAL: ["заочная", "заочно", "заочное", "сырттан", "сырттан окуу", "сырттай", "сырттай оқу",
                           "extramural", "correspondence", "з"],
    StudyForm.DISTANCE: ["дистанционная", "дистанционно", "дот", "дистанттык", "дистанттык окуу",
                         "қашықтықтан", "қашықтықтан оқыту", "distance", "remote", "online", "д"],
}
_GENDER_WORDS = {
    Gender.FEMALE: ["ж", "жен", "женский", "аял", "кыз", "әйел", "f", "female", "woman"],
    Gender.MALE: ["м", "муж", "мужской", "эркек", "ер", "m", "male", "man"],
}
_SPACE = re.compile(r"[\s_]+")
_PUNCT = re.compile(r"[.:;,№#*()\"'«»/\\]+")


def normalize(text: object) -> str:
    s = clean_text(str(text)).casefold().replace("ё", "е").replace("-", " ")
    s = _PUNCT.sub(" ", s)
    return _SPACE.sub(" ", s).strip()


def _table(words: Mapping[Any, list[str]]) -> dict[str, str]:
    return {normalize(w): key.value if hasattr(key, "value") else key for key, ws in words.items() for w in ws}


# Headers as offices write them: abbreviations spelled out, "№"/"N"/"No" and words that say
# nothing ("номер", "студента") dropped, every word cut to its stem so inflected forms match
# ("зачётной книжки" = "зачетная книжка" = "зачетки"; "китепчеси" = "китепченин").
_ABBREVIATIONS = {
    "зк": "зачетная книжка", "зач": "зачетная", "зачет": "зачетная", "кн": "книжка", "книж": "книжка",
    "тел": "телефон", "моб": "телефон", "др": "дата рождения", "рожд": "рождения", "фио": "фамилия имя отчество",
    "эл": "электронная", "обуч": "обучения", "з/к": "зачетная книжка",
}
_DROPPED = {"номер", "no", "n", "nr", "nо", "номери", "нөмірі", "нөмір", "студента", "студентов", "студенттин",
            "студенттің", "обучающегося", "of", "the", "number", "no.", "студенттердин"}
_NUMBER_COLUMN = {"номер", "no", "n", "пп", "рс", "сс", "қс", "кс", "р", "п"}
STEM = 4


def _tokens(text: object) -> list[str]:
    s = clean_text(str(text)).casefold().replace("ё", "е")
    s = re.sub(r"[№#]|(?<![^\W\d_])n[o°º]?(?=[\s.:]|$)", " номер ", s)
    s = re.sub(r"[-_.:;,*()\"'«»/\\]+", " ", s)
    tokens = s.split()
    joined: list[str] = []  # "ф и о" -> "фио", "з к" -> "зк"
    for t in tokens:
        if len(t) == 1 and joined and len(joined[-1]) < 4 and joined[-1] not in _DROPPED and joined[-1].isalpha() \
                and all(len(ch) == 1 for ch in joined[-1]) and t.isalpha():
            joined[-1] += t
        else:
            joined.append(t)
    return joined


def header_key(text: object) -> frozenset[str]:
    """The stems a header names, with abbreviations spelled out and empty words dropped."""
    words: list[str] = []
    for t in _tokens(text):
        words.extend(_ABBREVIATIONS.get(t, t).split())
    return frozenset(w[:STEM] for w in words if w not in _DROPPED)


def is_number_header(text: object) -> bool:
    """"№", "№ п/п", "N", "№ р/с": the running number of a list."""
    tokens = set(_tokens(text))
    return bool(tokens) and tokens <= _NUMBER_COLUMN


SYNONYMS = _table(_SYNONYMS)  # exact normalised wording -> field
_KEYS: dict[frozenset[str], str] = {}
for _f, _words in _SYNONYMS.items():
    for _w in _words:
        _KEYS.setdefault(header_key(_w), _f)
_KEYS.pop(frozenset(), None)
_STEMS = {stem: f for key, f in _KEYS.items() for stem in key if len(stem) >= 3}
FUNDING_WORDS = _table(_FUNDING_WORDS)
FORM_WORDS = _table(_FORM_WORDS)
GENDER_WORDS = _table(_GENDER_WORDS)


def match_field(text: object) -> str | None:
    """The field a header names, or None."""
    if text is None or not isinstance(text, str) or not text.strip():
        return None
    return SYNONYMS.get(normalize(text)) or _KEYS.get(header_key(text))


def looks_like(text: object) -> str | None:
    """The field an unmatched header seems to be about ("Телефон родителей" -> phone), or None."""
    if not isinstance(text, str):
        return None
    for stem in header_key(text):
        if stem in _STEMS:
            return _STEMS[stem]
    return None
