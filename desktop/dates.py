"""Dates as each language of the office writes them: one module for every report, window and message.

Month names come from Babel (CLDR); the case forms Kyrgyz and Kazakh need around them are built
here by their vowel harmony. The forms, with what the seeds write:

=================  ==========================  ============================  ========================
form               Russian                     Kyrgyz (seed 000)             Kazakh (seed 004)
=================  ==========================  ============================  ========================
``table``          01.09.2025                  01.09.2025                    01.09.2025
``long``           1 сентября 2025 г.          2025-жылдын 1-сентябры        1 қыркүйек 2025 ж.
``month_year``     сентябрь 2025               сентябрь, 2025                2025 ж. қыркүйек
  ``heading``      Сентябрь 2025               Сентябрь, 2025                2025 ж. қыркүйек
``long_range``     15–30 декабря 2025 г.       2025-жылдын 15–30-декабры     15–30 желтоқсан 2025 ж.
``table_range``    14.08–27.08.2025            14.08–27.08.2025              14.08. - 27.08.2025 ж.
``as_of``          1 октября 2025 г.           2025-жылдын 1-октябрына       2025 жылғы 1 қазандағы
=================  ==========================  ============================  ========================

``as_of`` is the date as the "as of a date" phrases of the catalogs take it: Russian «по состоянию
на {date}», Kyrgyz «{date} карата» (dative), Kazakh «{date} жағдай бойынша» (locative + -ғы).
Month names in the middle of a phrase are lower case in all three languages; only ``heading``
capitalises (a heading that starts with the month). No Qt here.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Literal

DASH = "–"  # en dash, no spaces between days; spaced between whole dates

_BACK = set("аоуыяёюэ")
_FRONT = set("әеиіөүү")
_VOWELS = _BACK | _FRONT | {"ұ"}
_VOICELESS = set("кқпстфхцчшщ")


@cache
def _names(lang: str, context: Literal["format", "stand-alone"]) -> dict[int, str]:
    from babel.dates import get_month_names

    return dict(get_month_names("wide", context=context, locale=lang))


def month_name(month: int, lang: str) -> str:
    """The month's name in the nominative as it stands inside a phrase (lower case but in English)."""
    name = _names(lang, "stand-alone")[month]
    return name if lang == "en" else name.lower()


def _last_vowel(word: str) -> str:
    return next((ch for ch in reversed(word.lower()) if ch in _VOWELS), "а")


def _ky_possessive(name: str) -> str:
    """Kyrgyz 3rd-person possessive of a month: сентябрь -> сентябры, июнь -> июну, апрель -> апрели."""
    stem = name.removesuffix("ь")
    vowel = _last_vowel(stem)
    suffix = {"а": "ы", "ы": "ы", "я": "ы", "е": "и", "и": "и", "э": "и", "о": "у", "у": "у", "ю": "у", "ё": "у",
              "ө": "ү", "ү": "ү"}.get(vowel, "ы")
    return stem + suffix


def _ky_dative_possessive(name: str) -> str:
    """сентябрь -> сентябрына, апрель -> апрелине (possessive + dative -на/-не)."""
    poss = _ky_possessive(name)
    return poss + ("не" if _last_vowel(poss) in _FRONT else "на")


def _kk_locative_adjective(name: str) -> str:
    """Kazakh locative + -ғы/-гі: қазан -> қазандағы, қыркүйек -> қыркүйектегі, сәуір -> сәуірдегі."""
    front = _last_vowel(name) in _FRONT
    t = "т" if name[-1] in _VOICELESS else "д"
    return name + t + ("егі" if front else "ағы")


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso(text: str) -> dt.date:
    """A date written YYYY-MM-DD (the command line, settings, files we wrote): ValueError otherwise.
    Stricter than ``date.fromisoformat``, which also takes 20260320 and 2026-W12-5."""
    if not _ISO.fullmatch(text.strip()):
        raise ValueError(f"not a date written YYYY-MM-DD: {text!r}")
    return dt.date.fromisoformat(text.strip())


_TABLE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")


def parse_table(text: str) -> dt.date:
    """A date written as the office writes it, dd.mm.yyyy (17.11.2025, also 7.1.2026): ValueError otherwise."""
    if not _TABLE.fullmatch(text.strip()):
        raise ValueError(f"not a date written dd.mm.yyyy: {text!r}")
    day, month, year = (int(part) for part in text.strip().split("."))
    return dt.date(year, month, day)


def parse_academic_year(text: str) -> tuple[int, int]:
    """An academic year written YYYY-YYYY, the second year the next: "2025-2026" -> (2025, 2026);
    ValueError otherwise."""
    m = re.fullmatch(r"(\d{4})-(\d{4})", text.strip())
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        raise ValueError(f"not an academic year written YYYY-YYYY: {text!r}")
    return int(m.group(1)), int(m.group(2))


def parse_time(text: str) -> dt.time:
    """A time of day as the office types it: "9:00", "09.30", "9" -> ``time``; ValueError otherwise."""
    raw = text.strip().replace(".", ":")
    hours, _sep, minutes = raw.partition(":")
    if not (hours.isdigit() and len(hours) <= 2 and (not _sep or (minutes.isdigit() and len(minutes) == 2))):
        raise ValueError(f"not a time: {text!r}")
    return dt.time(int(hours), int(minutes or 0))  # ValueError past 23:59


# -- months and academic years --------------------------------------------------------------------

def month_end(year: int, month: int) -> dt.date:
    """The last day of a month (the day before the next month's first; no ``calendar`` module to load)."""
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and the last day of a month."""
    return dt.date(year, month, 1), month_end(year, month)


def academic_year_of(day: dt.date) -> str:
    """The academic year a date belongs to, "2025-2026" (years start on 1 September)."""
    first = day.year if day.month >= 9 else day.year - 1
    return f"{first}-{first + 1}"


def academic_year_bounds(first_year: int) -> tuple[dt.date, dt.date]:
    """1 September of ``first_year`` to 31 August of the next: the academic year's days."""
    return dt.date(first_year, 9, 1), dt.date(first_year + 1, 8, 31)


def parse_year_month(text: str) -> tuple[int, int]:
    """A month written YYYY-MM (2025-10, also 2025-9): (year, month); ValueError otherwise."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f"not a month written YYYY-MM: {text!r}")
    return int(m.group(1)), int(m.group(2))


# -- the forms -----------------------------------------------------------------------------------

def table(value: dt.date | None, blank: str = "") -> str:
    """dd.mm.yyyy: every table and field, in every language of the region; ``blank`` for no date
    (a blank is "not stated")."""
    return value.strftime("%d.%m.%Y") if value else blank


def table_time(value: dt.datetime, seconds: bool = False) -> str:
    """dd.mm.yyyy hh:mm (with ``seconds`` hh:mm:ss): a moment, as a backup or a history entry shows it."""
    return value.strftime("%d.%m.%Y %H:%M:%S" if seconds else "%d.%m.%Y %H:%M")


def long(value: dt.date, lang: str) -> str:
    """The long form of titles and sentences."""
    d, m, y = value.day, value.month, value.year
    if lang == "ru":
        return f"{d} {_names('ru', 'format')[m]} {y} г."
    if lang == "ky":
        return f"{y}-жылдын {d}-{_ky_possessive(month_name(m, 'ky'))}"
    if lang == "kk":
        return f"{d} {month_name(m, 'kk')} {y} ж."
    return f"{d} {month_name(m, 'en')} {y}"


def as_of(value: dt.date, lang: str) -> str:
    """The date in the case the "as of {date}" phrases of the catalogs need."""
    d, m, y = value.day, value.month, value.year
    if lang == "ky":
        return f"{y}-жылдын {d}-{_ky_dative_possessive(month_name(m, 'ky'))}"
    if lang == "kk":
        return f"{y} жылғы {d} {_kk_locative_adjective(month_name(m, 'kk'))}"
    return long(value, lang)


def month_year(year: int, month: int, lang: str, *, heading: bool = False) -> str:
    """A month of a year: "сентябрь 2025" mid-phrase; ``heading`` capitalises a leading month name."""
    name = month_name(month, lang)
    if lang == "kk":
        return f"{year} ж. {name}"
    text = f"{name}, {year}" if lang == "ky" else f"{name} {year}"
    return text[0].upper() + text[1:] if heading else text


def months_year(year: int, months: list[str] | tuple[str, ...], lang: str, *, heading: bool = False) -> str:
    """Month names (or runs like "ноябрь–декабрь") of one year: "ноябрь, декабрь 2026", "2026 ж. қараша"."""
    names = ", ".join(months)
    if lang == "kk":
        return f"{year} ж. {names}"
    text = f"{names}, {year}" if lang == "ky" else f"{names} {year}"
    return text[0].upper() + text[1:] if heading else text


def long_range(first: dt.date, last: dt.date, lang: str) -> str:
    """A span of days in the long form, the shared month and year written once."""
    if first == last:
        return long(first, lang)
    same_year, same_month = first.year == last.year, (first.year, first.month) == (last.year, last.month)
    if lang == "ru":
        gen = _names("ru", "format")
        if same_month:
            return f"{first.day}{DASH}{last.day} {gen[last.month]} {last.year} г."
        if same_year:
            return f"{first.day} {gen[first.month]} {DASH} {last.day} {gen[last.month]} {last.year} г."
    elif lang == "ky":
        def poss(m: int) -> str:
            return _ky_possessive(month_name(m, "ky"))

        if same_month:
            return f"{last.year}-жылдын {first.day}{DASH}{last.day}-{poss(last.month)}"
        if same_year:
            return f"{last.year}-жылдын {first.day}-{poss(first.month)} {DASH} {last.day}-{poss(last.month)}"
    elif lang == "kk":
        if same_month:
            return f"{first.day}{DASH}{last.day} {month_name(last.month, 'kk')} {last.year} ж."
        if same_year:
            return (f"{first.day} {month_name(first.month, 'kk')} {DASH} "
                    f"{last.day} {month_name(last.month, 'kk')} {last.year} ж.")
    else:
        if same_month:
            return f"{first.day}{DASH}{last.day} {month_name(last.month, 'en')} {last.year}"
        if same_year:
            return (f"{first.day} {month_name(first.month, 'en')} {DASH} "
                    f"{last.day} {month_name(last.month, 'en')} {last.year}")
    return f"{long(first, lang)} {DASH} {long(last, lang)}"


def table_range(first: dt.date, last: dt.date, lang: str) -> str:
    """A span in table form: 14.08–27.08.2025 (Kazakh as seed 004: 14.08. - 27.08.2025 ж.)."""
    if lang == "kk":  # seed 004 verbatim: "14.08. - 27.08.2025 ж.", "22.08.2025 ж."
        if first == last:
            return f"{table(first)} ж."
        head = first.strftime("%d.%m.") if first.year == last.year else table(first)
        return f"{head} - {table(last)} ж."
    if first == last:
        return table(first)
    head = first.strftime("%d.%m") if first.year == last.year else table(first)
    return f"{head}{DASH}{table(last)}"


def weekday_name(weekday: int, lang: str) -> str:
    """``weekday`` 0 = Monday, lower case mid-phrase (but in English)."""
    from babel.dates import get_day_names

    name = get_day_names("wide", context="stand-alone", locale=lang)[weekday]
    return name if lang == "en" else name.lower()
