"""The one translation helper for windows and reports.

Source strings are English. Catalogs are gettext ``.po`` files in
``translations/<lang>/LC_MESSAGES/dekanat.po``; a stale or missing ``.mo`` is compiled
on first use into the user cache, so running from source needs no compile step.

- ``_("...")`` translates into the interface language (windows).
- ``N_("...")`` marks a string for extraction and returns it untranslated (module constants).
- ``translator(lang)`` gives a :class:`Translator` for a report's own language:
  ``tr = translator("kk"); tr("Deadline"); tr.long_date(d); tr.as_of(d); tr.month_year(2025, 9)``
  (dates as each language writes them come from ``desktop/dates.py``).
- ``NC_(context, "...")`` / ``pgettext`` / ``tr.pgettext``: one English word with two meanings on
  screen or paper gets a message context (``msgctxt``) per meaning.
"""

from __future__ import annotations

import datetime as dt
import enum
import gettext
import io
import os
from collections.abc import Callable
from functools import cache, cached_property
from typing import Any, Literal

from desktop import paths

DOMAIN = "dekanat"
LANGUAGES: tuple[str, ...] = ("ky", "kk", "ru", "en")
TRANSLATED: tuple[str, ...] = ("ky", "kk", "ru")
LANGUAGE_NAMES = {"ky": "Кыргызча", "kk": "Қазақша", "ru": "Русский", "en": "English"}
DEFAULT_LANGUAGE = "ru"


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated where it is shown."""
    return message


class ContextMessage(str):
    """An English message that carries its message context (``msgctxt``) to where it is translated."""

    context: str

    def __new__(cls, context: str, message: str):
        self = super().__new__(cls, message)
        self.context = context
        return self


def NC_(context: str, message: str) -> str:
    """``N_`` with a message context: one English word with two meanings on screen or paper
    ("Action" of the record history and of a curator's report) gets one entry per meaning.
    ``_()`` and ``tr()`` translate the returned string in its context."""
    return ContextMessage(context, message)


class LabelledEnum(enum.StrEnum):
    """A StrEnum whose members carry their English label, marked for extraction, beside their value::

        class Funding(LabelledEnum):
            GRANT = "grant", N_("State grant")

    ``member.label()`` is the label in the interface language, ``member.label(tr)`` through a
    report's ``Translator`` (or a language code); ``Enum.labels()`` maps every member to its
    untranslated label. The value (what the database stores) is only the first item."""

    msgid: str

    def __new__(cls, value: str, msgid: str | None = None):
        member = str.__new__(cls, value)
        member._value_ = value
        member.msgid = value if msgid is None else msgid
        return member

    def label(self, tr: Callable[[str], str] | str | None = None) -> str:
        if tr is None:
            return current()(self.msgid)
        if isinstance(tr, str):
            return translator(tr)(self.msgid)
        return tr(self.msgid)

    @classmethod
    def labels(cls) -> dict[Any, str]:  # keys: the members, also found by their stored str values
        """{member: English label} in the order of the class (a StrEnum member also finds its value)."""
        return {member: member.msgid for member in cls}


def _po_path(lang: str):
    return paths.translations_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    if lang not in TRANSLATED:
        return gettext.NullTranslations()
    po = _po_path(lang)
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with open(mo, "rb") as fh:
            return gettext.GNUTranslations(fh)
    if not po.exists():
        return gettext.NullTranslations()
    stat = po.stat()
    cached = paths.cache_dir() / f"{DOMAIN}-{lang}-{stat.st_mtime_ns}-{stat.st_size}.mo"
    if not cached.exists():
        data = compile_po(po)
        tmp = cached.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        os.replace(tmp, cached)
    with open(cached, "rb") as fh:
        return gettext.GNUTranslations(fh)


def compile_po(po_path) -> bytes:
    """Compile a ``.po`` file to ``.mo`` bytes (fuzzy entries are left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(po_path, "rb") as fh:
        catalog = read_po(fh)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


class Translator:
    """Translations, dates and numbers in one language."""

    def __init__(self, lang: str):
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
        self.lang = lang
        self._t = _catalog(lang)

    def __call__(self, message: str) -> str:
        if isinstance(message, ContextMessage):
            return self._t.pgettext(message.context, message)
        return self._t.gettext(message)

    gettext = __call__

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._t.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._t.pgettext(context, message)

    @cached_property
    def locale(self):
        from babel import Locale

        return Locale.parse(self.lang)

    # Dates and numbers come from CLDR in this language.
    def date(self, value: dt.date, format: str = "medium") -> str:
        from babel.dates import format_date

        return format_date(value, format=format, locale=self.locale)

    def short_date(self, value: dt.date) -> str:
        """The office's usual dd.mm.yyyy (used in every language of the region)."""
        from desktop import dates

        return dates.table(value)

    # The office's own forms (desktop/dates.py): use these in titles and sentences, not ``date``.
    def long_date(self, value: dt.date) -> str:
        """"1 сентября 2025 г.", "2025-жылдын 1-сентябры", "1 қыркүйек 2025 ж."."""
        from desktop import dates

        return dates.long(value, self.lang)

    def as_of(self, value: dt.date) -> str:
        """The date as "As of {date}" phrases take it ("2025-жылдын 1-октябрына", "2025 жылғы 1 қазандағы")."""
        from desktop import dates

        return dates.as_of(value, self.lang)

    def month_year(self, year: int, month: int, heading: bool = False) -> str:
        """"сентябрь 2025", "сентябрь, 2025", "2025 ж. қыркүйек"; ``heading`` capitalises a leading month."""
        from desktop import dates

        return dates.month_year(year, month, self.lang, heading=heading)

    def date_range(self, first: dt.date, last: dt.date) -> str:
        """"15–30 декабря 2025 г."."""
        from desktop import dates

        return dates.long_range(first, last, self.lang)

    def month(self, month: int, width: Literal["abbreviated", "narrow", "wide"] = "wide",
              standalone: bool = True) -> str:
        from babel.dates import get_month_names

        names = get_month_names(width, context="stand-alone" if standalone else "format", locale=self.locale)
        return names[month]

    def weekday(self, weekday: int, width: Literal["abbreviated", "narrow", "short", "wide"] = "wide",
                standalone: bool = True) -> str:
        """``weekday`` 0 = Monday."""
        from babel.dates import get_day_names

        names = get_day_names(width, context="stand-alone" if standalone else "format", locale=self.locale)
        return names[weekday]

    def number(self, value) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.locale)


@cache
def translator(lang: str) -> Translator:
    return Translator(lang)


_current: Translator | None = None
_listeners: list[Callable[[str], None]] = []


def current() -> Translator:
    global _current
    if _current is None:
        _current = translator(os.environ.get("DEKANAT_LANG", DEFAULT_LANGUAGE))
    return _current


def current_language() -> str:
    return current().lang


def set_language(lang: str) -> None:
    """Switch the interface language; listeners (open windows) retranslate at once."""
    global _current
    _current = translator(lang)
    for listener in list(_listeners):
        listener(lang)


def on_language_changed(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def remove_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _(message: str) -> str:
    return current()(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return current().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return current().pgettext(context, message)


def reload_catalogs() -> None:
    """Forget loaded catalogs (after the .po files changed, in tests and tools)."""
    global _current
    lang = _current.lang if _current else None
    _catalog.cache_clear()
    translator.cache_clear()
    if lang:
        _current = translator(lang)
