"""The working-day engine: one answer, for every area, to "is this a working day",
"N working days later", "working days between", "which teaching week".

Days off come from the ``holidays`` package per country (KG, KZ, RU), with its moved days off
and working Saturdays, plus the office's own overrides (a decree that came after the package
release): an extra day off, or a working day on a weekend. Kazakhstan's rule that a holiday
falling on a day off moves the day off to the next working day is part of the package's KZ
calendar ("observed" days) and is checked by the tests against the official 2026 dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import Date, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop import dates
from desktop.i18n import N_, LabelledEnum, Translator, translator
from desktop.models.base import Base, DomainError

COUNTRIES = ("KG", "KZ", "RU")
COUNTRY_NAMES = {"KG": N_("Kyrgyzstan"), "KZ": N_("Kazakhstan"), "RU": N_("Russia")}
ONE_DAY = dt.timedelta(days=1)
# The longest span the engine counts (a hundred years): beyond it a count is a typing mistake, and
# counting day by day would not end in a human time.
MAX_SPAN_DAYS = 36_500


def _check_span(days: int) -> None:
    from desktop.i18n import _

    if abs(days) > MAX_SPAN_DAYS:
        raise DomainError(_("{days} days is out of range: at most {limit} days (a hundred years) are counted.").format(
            days=days, limit=MAX_SPAN_DAYS))


def _outside(start: dt.date, days: int) -> DomainError:
    from desktop.i18n import _

    return DomainError(_("{start} plus {days} days is outside the calendar (years 1 to 9999).").format(
        start=start.isoformat(), days=days))


def _shifted(start: dt.date, days: int) -> dt.date:
    try:
        return start + dt.timedelta(days=days)
    except OverflowError:
        raise _outside(start, days) from None

# The package gives only the dates and its English names; every language's name comes from our
# catalogs, so one holiday has one name in every year and every language (the package's own kk
# names said "(бағаланған)" for "estimated" and named Republic Day two ways in 2025 and 2026).
HOLIDAY_NAMES = [
    N_("Additional public holiday"), N_("Capital Day"), N_("Christmas Day"), N_("Constitution Day"),
    N_("Day of the Great October Socialist Revolution"), N_("Day of the People's April Revolution"),
    N_("Days of History and Commemoration of Ancestors"), N_("Defender of the Fatherland Day"),
    N_("Eid al-Adha"), N_("Eid al-Fitr"), N_("Fatherland Defender's Day"), N_("First President Day"),
    N_("Holiday of Spring and Labor"), N_("Independence Day"), N_("International Women's Day"),
    N_("Kazakhstan's People Solidarity Holiday"), N_("Labor Day"), N_("May Holidays"),
    N_("New Year Holidays"), N_("New Year's Day"), N_("Nooruz Holiday"), N_("Nowruz Holiday"),
    N_("Orthodox Christmas"), N_("Republic Day"), N_("Russia Day"), N_("Unity Day"), N_("Victory Day"),
]
_SUBSTITUTED = re.compile(r"^Day off \(substituted from (\d\d)/(\d\d)/(\d{4})\)$")
_SUFFIX = re.compile(r"^(.*) \((observed|estimated)\)$")


class OverrideKind(LabelledEnum):
    DAY_OFF = "day_off", N_("Extra day off")
    WORKING_DAY = "working_day", N_("Working day by decree")


class WorkdayOverride(Base):
    """The office's own correction of the country calendar (decrees come after package releases)."""

    __tablename__ = "workday_override"
    __table_args__ = (UniqueConstraint("country", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(String(2))
    day: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(String(300), default="")


@lru_cache(maxsize=64)
def _package_holidays(country: str, year: int, language: str):
    import holidays  # imported on first use: keeps it out of start-up

    return holidays.country_holidays(country, years=year, language=language)


def _english(country: str, year: int):
    return _package_holidays(country, year, "en_US")


def localize_holiday(name: str, tr: Translator) -> str:
    """An English holiday name from the package in ``tr``'s language, through our catalogs."""
    parts = []
    for part in name.split("; "):
        m = _SUBSTITUTED.match(part)
        if m:
            moved = dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
            parts.append(tr("Day off (moved from {date})").format(date=dates.table(moved)))
            continue
        m = _SUFFIX.match(part)
        if m:
            base = tr(m.group(1))
            parts.append(tr("{holiday} (moved day off)").format(holiday=base) if m.group(2) == "observed"
                         else tr("{holiday} (estimated)").format(holiday=base))
            continue
        parts.append(tr(part))
    return "; ".join(parts)


class WorkCalendar:
    """Working days of one country with the office's overrides."""

    def __init__(self, country: str, overrides: Iterable[tuple[dt.date, str, str]] = ()):
        country = country.upper()
        if country not in COUNTRIES:
            raise DomainError(f"country must be one of {', '.join(COUNTRIES)}, not {country!r}")
        self.country = country
        self.extra_off: dict[dt.date, str] = {}
        self.extra_work: dict[dt.date, str] = {}
        for day, kind, note in overrides:
            (self.extra_off if kind == OverrideKind.DAY_OFF else self.extra_work)[day] = note
        self._off_years: dict[int, frozenset[dt.date]] = {}

    # Days off ---------------------------------------------------------------
    def _days_off(self, year: int) -> frozenset[dt.date]:
        off = self._off_years.get(year)
        if off is None:
            h = _english(self.country, year)
            workdays = {d for d in h.weekend_workdays if d.year == year}
            days = set(h.keys())
            d = dt.date(year, 1, 1)
            while d.year == year:
                if d.weekday() >= 5 and d not in workdays:
                    days.add(d)
                d += ONE_DAY
            days -= workdays
            days |= {d for d in self.extra_off if d.year == year}
            days -= {d for d in self.extra_work if d.year == year}
            off = self._off_years[year] = frozenset(days)
        return off

    def is_working_day(self, day: dt.date) -> bool:
        return day not in self._days_off(day.year)

    def is_day_off(self, day: dt.date) -> bool:
        return not self.is_working_day(day)

    def holiday_name(self, day: dt.date, lang: str = "en") -> str | None:
        """The name of the holiday (or moved day off) on ``day``, None on a plain weekend or working day."""
        for d, name in self.days_off(day.year, lang):
            if d == day:
                return name
        return None

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``start`` (before it when ``n`` is negative).

        "Within 5 working days after the exam" is ``add_working_days(exam_end, 5)``; "no later than
        the next working day" is ``add_working_days(day, 1)``; ``n == 0`` gives ``start`` or,
        when it is a day off, the next working day.
        """
        _check_span(n)
        if n == 0:
            return self.next_working_day(start)
        step = ONE_DAY if n > 0 else -ONE_DAY
        day, left = start, abs(n)
        try:
            while left:
                day += step
                if self.is_working_day(day):
                    left -= 1
        except OverflowError:
            raise _outside(start, n) from None
        return day

    def add_calendar_days(self, start: dt.date, n: int, *, roll_forward: bool = False) -> dt.date:
        """``n`` calendar days later; with ``roll_forward`` a day off moves to the next working day."""
        _check_span(n)
        day = _shifted(start, n)
        return self.next_working_day(day) if roll_forward else day

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        """Working days in [first, last], both included (0 when last is before first)."""
        if last < first:
            return 0
        _check_span((last - first).days)
        count = 0
        day = first
        while day <= last:
            if self.is_working_day(day):
                count += 1
            day += ONE_DAY
        return count

    def days_off(self, year: int, lang: str = "en") -> list[tuple[dt.date, str]]:
        """Holidays and moved days off of ``year`` (not ordinary weekends) with names in ``lang``."""
        tr = translator(lang)
        result: dict[dt.date, str] = {}
        for day, name in _english(self.country, year).items():
            if day in self.extra_work:
                continue
            result[day] = name if lang == "en" else localize_holiday(name, tr)
        for day, note in self.extra_off.items():
            if day.year == year:
                result[day] = note or tr("Day off by decree")
        return sorted(result.items())


def teaching_week(day: dt.date, term_start: dt.date) -> int:
    """Teaching-week number of ``day`` in a term starting ``term_start`` (weeks run Monday to Sunday;
    the week holding the first day is week 1). 0 or less before the term."""
    monday = term_start - dt.timedelta(days=term_start.weekday())
    return (day - monday).days // 7 + 1


def load_overrides(session: Session, country: str) -> list[tuple[dt.date, str, str]]:
    rows = session.execute(
        select(WorkdayOverride.day, WorkdayOverride.kind, WorkdayOverride.note)
        .where(WorkdayOverride.country == country.upper())
    ).all()
    return [(day, kind, note) for day, kind, note in rows]


def work_calendar(session: Session, country: str | None = None) -> WorkCalendar:
    """The engine for ``country`` (default: the faculty's setting) with the office's overrides."""
    from desktop.models import settings

    country = (country or settings.get(session, "country")).upper()
    return WorkCalendar(country, load_overrides(session, country))


def set_override(session: Session, country: str, day: dt.date, kind: OverrideKind | None, note: str = "") -> None:
    """Add, change or (kind None) remove the office's override for ``day``."""
    row = session.scalar(select(WorkdayOverride).where(WorkdayOverride.country == country.upper(),
                                                       WorkdayOverride.day == day))
    if kind is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(WorkdayOverride(country=country.upper(), day=day, kind=OverrideKind(kind).value, note=note))
    else:
        row.kind, row.note = OverrideKind(kind).value, note


# Days off that a government sets for the public sector only (state and municipal bodies and
# institutions, enterprises funded from the state budget): not in the general calendar, so not in
# the holidays package, but binding on a state university's office. Offered to an office whose
# faculty is a state institution (setting ``state_institution``), applied as its own overrides.
PUBLIC_SECTOR_DECREES: dict[str, list[tuple[dt.date, OverrideKind, str]]] = {
    # Resolution of the Cabinet of Ministers of the Kyrgyz Republic (December 2025) extending the
    # New Year holidays to 12 January 2026 for employees of state and municipal bodies, institutions
    # and budget-funded enterprises on a five-day week: 8 and 9 January are days off, worked on
    # Saturday 7 February and Saturday 25 April 2026.
    "KG": [
        (dt.date(2026, 1, 8), OverrideKind.DAY_OFF,
         N_("Cabinet of Ministers: New Year days off for state institutions")),
        (dt.date(2026, 1, 9), OverrideKind.DAY_OFF,
         N_("Cabinet of Ministers: New Year days off for state institutions")),
        (dt.date(2026, 2, 7), OverrideKind.WORKING_DAY, N_("Cabinet of Ministers: worked for 8 January")),
        (dt.date(2026, 4, 25), OverrideKind.WORKING_DAY, N_("Cabinet of Ministers: worked for 9 January")),
    ],
}


def public_sector_overrides_to_offer(session: Session,
                                     country: str | None = None) -> list[tuple[dt.date, OverrideKind, str]]:
    """The public-sector decree days the office does not have yet; empty unless the faculty is a
    state institution."""
    from desktop.models import settings

    if not settings.get(session, "state_institution"):
        return []
    country = (country or settings.get(session, "country")).upper()
    have = {(day, kind) for day, kind, _note in load_overrides(session, country)}
    return [(day, kind, note) for day, kind, note in PUBLIC_SECTOR_DECREES.get(country, [])
            if (day, kind.value) not in have]


def apply_public_sector_overrides(session: Session, country: str | None = None) -> list[dt.date]:
    """Add the offered decree days as the office's overrides (their notes in the interface
    language); returns the days added."""
    from desktop.i18n import _
    from desktop.models import settings

    country = (country or settings.get(session, "country")).upper()
    offered = public_sector_overrides_to_offer(session, country)
    for day, kind, note in offered:
        set_override(session, country, day, kind, _(note))
    return [day for day, _kind, _note in offered]
