"""Parallel texts: the table of versions, which fields of which tables hold them, the language a
text's letters tell, and the plain shapes (``TextRef``, ``Text_``) the other parts pass around."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.i18n import N_, LabelledEnum
from desktop.models.base import Base


class Language(LabelledEnum):
    """A language a text is written in (``text_version.lang``), with its name."""

    KY = "ky", N_("Kyrgyz")
    KK = "kk", N_("Kazakh")
    RU = "ru", N_("Russian")
    EN = "en", N_("English")


CONTENT_LANGUAGES = ("ky", "kk", "ru")
# code -> English name (msgid), for the callers that look a name up by code: ``Language(code).label()``
LANGUAGE_NAMES = Language.labels()


class TextVersion(Base):
    __tablename__ = "text_version"
    __table_args__ = (UniqueConstraint("table_name", "row_id", "field", "lang", name="uq_text_version_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(40))
    lang: Mapped[str] = mapped_column(String(5))
    text: Mapped[str | None] = mapped_column(Text)  # NULL: the original (entity column) is in ``lang``
    source: Mapped[str | None] = mapped_column(Text)  # the original this version translates (NULL: unknown)


# Every printed text that can hold versions: table -> fields. A document names its texts through
# ``text_documents.document_texts``; reports and the translations view read them from there.
# (Migration 0019 keeps its own copy of this table as it was that day: a migration is history.)
TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "faculty": ("name", "university"),
    "workplan": ("title", "faculty_name", "approver_position"),
    "workplan_section": ("title",),
    "workplan_item": ("text", "deadline_text"),  # deadline_text: a deadline the office wrote as words
    "workplan_responsible": ("text",),
    "academic_calendar": ("title", "approval"),
    "calendar_event": ("title", "note"),
    "calendar_date": ("text",),
    "procedure_template": ("name",),
    "procedure_step": ("name", "unit", "condition"),
    "service_request": ("procedure_name", "refusal_reason"),
    "request_step": ("name", "unit"),
    "room": ("name", "building"),
    "discipline": ("name",),
    "meeting_series": ("name",),
    "agenda_item": ("title", "heard", "decided"),
    "meeting_decision": ("text",),
}
# Where a row's history and version counter live when it is part of another record
# (a responsible person belongs to its item, a date to its event).
OWNER: dict[str, tuple[str, str]] = {"workplan_responsible": ("workplan_item", "item_id"),
                                     "calendar_date": ("calendar_event", "event_id")}

# One saved version of a record for an undo: (field, lang, text, source); a NULL text records the
# original's language.
SavedVersion = tuple[str, str, str | None, str | None]
# (field, original text) -> [(lang, text)]: versions carried to rows re-created with the same text.
VersionsByText = dict[tuple[str, str], list[tuple[str, str | None]]]

KK_LETTERS = re.compile(r"[әғқұһіӘҒҚҰҺІ]")
KY_LETTERS = re.compile(r"[ңөүҢӨҮ]|аа|уу|ыы|ээ", re.IGNORECASE)  # and long vowels: Kyrgyz, rare in Russian
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@lru_cache(maxsize=20000)
def guess_language(text: str) -> str | None:
    """The language a text is written in, from its letters: Kazakh (ә ғ қ ұ һ і), Kyrgyz (ң ө ү or
    a long vowel "уу", "аа" without those), Russian (Cyrillic without either), else None."""
    if KK_LETTERS.search(text):
        return "kk"
    if KY_LETTERS.search(text):
        return "ky"
    if CYRILLIC.search(text):
        return "ru"
    return None


@dataclass(frozen=True, slots=True)
class TextRef:
    table: str
    row_id: int
    field: str

    @property
    def key(self) -> str:
        """The id a spreadsheet carries: ``workplan_item:12:text``."""
        return f"{self.table}:{self.row_id}:{self.field}"

    @classmethod
    def parse(cls, key: str) -> TextRef:
        parts = str(key).strip().split(":")
        if len(parts) != 3 or not parts[1].isdigit() or parts[2] not in TRANSLATABLE.get(parts[0], ()):
            raise ValueError(key)
        return cls(parts[0], int(parts[1]), parts[2])


@dataclass(slots=True)
class Text_:
    """One text of a document: the original, its language and its versions."""
    ref: TextRef
    label: str  # where it is in the document ("I. 3", "Event 2.1")
    original: str
    original_lang: str | None
    versions: dict[str, str]
    recorded_lang: bool = False  # the original's language was stated, not guessed
    stale: frozenset[str] = frozenset()  # languages whose version was written for an earlier original

    def text(self, lang: str) -> str:
        return self.versions.get(lang) or self.original


def same_text(a: str | None, b: str | None) -> bool:
    """Two originals are the same text when they differ only in spacing (the rule the Excel import
    uses for a "changed original", and the one that makes a version stale)."""
    return " ".join((a or "").split()) == " ".join((b or "").split())


def is_stale(source: str | None, original: str | None) -> bool:
    """A version written for ``source`` no longer translates ``original`` (unknown source: not stale)."""
    return source is not None and not same_text(source, original)


def _check(table: str, field: str) -> None:
    if field not in TRANSLATABLE.get(table, ()):
        raise ValueError(f"{table}.{field} holds no versions")


def _table(table: str):
    return Base.metadata.tables[table]
