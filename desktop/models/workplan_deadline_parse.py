"""A work plan deadline read from the office's words in ky, kk, ru or en ("Сентябрь, октябрь 2025",
"16-23-сентябрь", "Дүйшөмбү сайын", "Кышкы сессиядан кийин"): the data of ``workplan_deadline``,
or free text when nothing else fits. Reached as ``workplan_deadline.parse``."""

from __future__ import annotations

import datetime as dt
import re

from desktop.models.workplan_deadline import Deadline

# Month stems in Kyrgyz and Russian (the same names) and Kazakh.
_MONTH_STEMS = [
    (1, ("янв", "қаңтар", "jan")), (2, ("фев", "ақпан", "feb")), (3, ("мар", "наурыз", "mar")),
    (4, ("апр", "сәуір", "apr")), (5, ("май", "мая", "мамыр", "may")), (6, ("июн", "маусым", "jun")),
    (7, ("июл", "шілде", "jul")), (8, ("авг", "тамыз", "aug")), (9, ("сен", "қыркүйек", "sep")),
    (10, ("окт", "қазан", "oct")), (11, ("ноя", "қараша", "nov")), (12, ("дек", "желтоқсан", "dec")),
]
_WEEKDAY_STEMS = [
    (0, ("дүйшөмбү", "дуйшембу", "понедельник", "дүйсенбі", "monday")),
    (1, ("шейшемби", "вторник", "сейсенбі", "tuesday")),
    (2, ("шаршемби", "сред", "сәрсенбі", "wednesday")),
    (3, ("бейшемби", "четверг", "бейсенбі", "thursday")),
    (4, ("пятниц", "жұма", "friday")),
    (5, ("ишемби", "суббот", "сенбі", "saturday")),
    (6, ("жекшемби", "воскресен", "жексенбі", "sunday")),
]
_YEAR_ROUND = ("жыл бою", "жыл бойы", "жыл ичинде", "окуу жылы ичинде", "в течение года",
               "в течение учебного года", "оқу жылы бойы", "throughout the year", "year-round", "all year")
_MONTHLY = ("айына бир", "ар айда", "ай сайын", "әр ай", "айына бір", "ежемесяч", "каждый месяц", "monthly",
            "once a month")
_WEEKLY = ("жумасына бир", "аптасына бір", "апта сайын", "еженедель", "каждую неделю", "раз в неделю",
           "weekly", "once a week")
_AFTER = ("кийин", "после", "кейін", "after")
_WINTER = ("кышкы", "зимн", "қысқы", "winter")
_SUMMER = ("жайкы", "летн", "жазғы", "summer")
# Words that may stand between months and years without making the text free text.
_FILLER = {"жана", "и", "және", "and", "айы", "айында", "ж", "г", "год", "года", "жыл", "жылы", "жылдын", "ай"}

_DATE_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[-–—]", re.UNICODE)


def _month_of(word: str) -> int | None:
    for month, stems in _MONTH_STEMS:
        for stem in stems:
            if word.startswith(stem) and (len(stem) >= 4 or len(word) <= 9):
                if stem == "мар" and word.startswith("мам"):
                    continue
                return month
    return None


def _weekday_of(word: str) -> int | None:
    if word == "жума":  # Kyrgyz Friday; as a stem it would also catch "жумасына" (a week)
        return 4
    for day, stems in _WEEKDAY_STEMS:
        if any(word.startswith(s) for s in stems):
            return day
    return None


def _normalise(text: str) -> str:
    text = text.replace("\u00ad", "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # hyphenated line breaks
    text = re.sub(r"(\d{3}) (\d)\b", r"\1\2", text)  # "202 1"
    return " ".join(text.split())


def _year_of_month(month: int, first_year: int) -> int:
    return first_year if month >= 9 else first_year + 1


def parse_text(text: str, first_year: int) -> Deadline:
    """The office's deadline text in ky/kk/ru/en as data; free text when it does not fit."""
    clean = _normalise(text or "")
    low = clean.lower()
    if not low:
        return {"kind": "text", "text": ""}
    if any(p in low for p in _YEAR_ROUND) and not any(p in low for p in ("график", "чейин", "баштап")):
        return {"kind": "year_round"}
    if any(p in low for p in _MONTHLY):
        return {"kind": "monthly"}
    words = [t for t in _TOKEN.findall(low)]
    if any(a in low for a in _AFTER) and ("сесси" in low or "session" in low):
        events = []
        if any(w in low for w in _WINTER):
            events.append("after_winter_session")
        if any(w in low for w in _SUMMER):
            events.append("after_summer_session")
        if events:
            return {"kind": "event", "events": events}
    weekdays = sorted({d for w in words if (d := _weekday_of(w)) is not None and not w.startswith("жумасы")})
    if weekdays == [4] and re.search(r"(?<!\w)жума сайын", low):
        # Kyrgyz offices mean "every week" by "Жума сайын"; Friday is "жума күнү сайын".
        return {"kind": "weekly", "weekdays": []}
    if weekdays and any(w in low for w in ("сайын", "күндөрү", "кундеру", "күндері", "кажд", "по ", "әр ", "every")):
        return {"kind": "weekly", "weekdays": weekdays}
    if any(p in low for p in _WEEKLY):
        return {"kind": "weekly", "weekdays": weekdays}
    parsed = _parse_dates(low, words, first_year)
    if parsed:
        return parsed
    return {"kind": "text", "text": clean}


def _parse_dates(low: str, words: list[str], first_year: int) -> Deadline | None:
    dmy = _DATE_DMY.findall(low)
    if dmy:
        rest = _DATE_DMY.sub(" ", low)
        if re.search(r"[^\W\d_]", rest):
            return None
        days = [dt.date(int(y), int(m), int(d)) for d, m, y in dmy]
        return {"kind": "dates", "start": min(days).isoformat(), "end": max(days).isoformat()}
    # Tokens: ("m", month) ("y", year) ("d", day) ("-",) ; anything else makes it free text.
    tokens: list[tuple] = []
    for w in words:
        if w in "-–—":
            tokens.append(("-",))
        elif w.isdigit():
            n = int(w)
            if 1900 < n < 2200:
                tokens.append(("y", n))
            elif 1 <= n <= 31:
                tokens.append(("d", n))
            else:
                return None
        elif (m := _month_of(w)) is not None:
            tokens.append(("m", m))
        elif w in _FILLER:
            continue
        else:
            return None
    if not any(t[0] == "m" for t in tokens):
        return None
    day_numbers: list[int] = [t[1] for t in tokens if t[0] == "d"]
    if day_numbers:  # "16-23-сентябрь", "16 сентября 2025"
        named: list[int] = [t[1] for t in tokens if t[0] == "m"]
        written: list[int] = [t[1] for t in tokens if t[0] == "y"]
        if len(named) != 1 or len(day_numbers) > 2:
            return None
        year = written[0] if written else _year_of_month(named[0], first_year)
        try:
            start = dt.date(year, named[0], day_numbers[0])
            end = dt.date(year, named[0], day_numbers[-1])
        except ValueError:
            return None
        return {"kind": "dates", "start": start.isoformat(), "end": max(start, end).isoformat()}
    # Months with ranges; each month takes the next year written after it.
    months: list[int] = []
    years: list[int | None] = []
    pending: list[int] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t[0] == "m":
            if pending and i >= 2 and tokens[i - 1][0] == "-" and tokens[i - 2][0] == "m":
                a = tokens[i - 2][1]
                run = []
                m = a
                while m != t[1]:
                    m = m % 12 + 1
                    run.append(m)
                pending.extend(run)
            else:
                pending.append(t[1])
        elif t[0] == "y":
            for m in pending:
                months.append(m)
                years.append(t[1])
            pending = []
        i += 1
    for m in pending:
        months.append(m)
        years.append(None)
    out: list[list[int]] = []
    for m, y in zip(months, years, strict=True):
        pair = [y if y is not None else _year_of_month(m, first_year), m]
        if pair not in out:
            out.append(pair)
    return {"kind": "months", "months": sorted(out)}
