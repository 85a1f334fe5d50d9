"""A cell's value as a student's field: a full name split, a date in any of the offices' spellings,
a record-book number kept as text."""

from __future__ import annotations

import datetime as dt
import re

from desktop import clock

# Patronymic words of Kyrgyz and Kazakh names: "Бекмурза уулу", "Асқар ұлы", "Рашид кызы".
_KIN_WORDS = {"уулу", "кызы", "ұлы", "қызы", "улы", "уулы", "кизи", "oglu", "kyzy", "uulu"}

_DATE_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s*(?:г\.?|ж\.?))?$")
_DATE_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def split_full_name(text: str) -> tuple[str, str, str]:
    """"Бекмурза уулу Ыдырыс" -> ("Бекмурза уулу", "Ыдырыс", ""); "Асанов Азамат Бекмурза уулу" ->
    ("Асанов", "Азамат", "Бекмурза уулу"): Kyrgyz and Kazakh kin words stay with their name."""
    parts = text.split()
    if len(parts) >= 3 and parts[1].casefold() in _KIN_WORDS:
        return f"{parts[0]} {parts[1]}", parts[2], " ".join(parts[3:])
    if not parts:
        return "", "", ""
    return parts[0], parts[1] if len(parts) > 1 else "", " ".join(parts[2:])


def parse_date(value) -> dt.date:
    """An Excel date, an Excel serial number or text dd.mm.yyyy / yyyy-mm-dd; ValueError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        raise ValueError
    text = str(value).strip()
    m = _DATE_DMY.match(text)
    if m:
        d, mo, y = (int(x) for x in m.groups())
        if y < 100:
            y += 1900 if y > clock.today().year % 100 else 2000
        return dt.date(y, mo, d)
    m = _DATE_YMD.match(text)
    if m:
        return dt.date(*(int(x) for x in m.groups()))
    raise ValueError


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _record_book(value, number_format) -> str:
    """Record-book numbers are text; a number cell formatted "000000" keeps its leading zeros."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = str(int(value))
        if number_format and re.fullmatch(r"0+", number_format):
            digits = digits.zfill(len(number_format))
        return digits
    return _text(value)
