"""Parallel texts: one record, its printed texts in the state language and in Russian.

A text the office types (a work-plan item, a calendar event, a procedure step ...) stays in its
entity's own column: that is the ORIGINAL. Its versions in other languages are rows of
``text_version`` (table, row id, field, language, text), so no area's table changes shape:

* a row with a text is the version of that field in that language;
* a row whose text is NULL records the language the original is written in (at most one per field).
  Where none is recorded (every text typed before migration 0017, or typed in the window) the
  language is read from the letters (:func:`guess_language`) and, for a text with no telling
  letter, from the other texts of its document.

Writing a version is a change of the record it belongs to: the record's version counter goes up
(optimistic locking: a stale ``expected_version`` is refused) and the audit trail gets a row
``field[lang]`` with the old and new text, as for a hand edit.

Each version keeps the original it was written against (``source``, migration 0019). Once the
original is edited (in the window, on the command line, by an import) the version is STALE: the
same rule as the Excel import's "changed original" (:func:`same_text`: equal but for spacing).
Reports print a stale version but count it with the missing ones (the warning, ``--strict``);
the translations view marks it; writing the version again (or :func:`confirm_version`) makes it
current. A version written before 0019 was stamped by the migration with the original of that day.

Reports ask :func:`resolve` / :func:`localize` for the text in their language (falling back to
the original) and :func:`missing` for the texts that have none; filters ask :func:`matching_ids`
so a row is found by any of its versions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from sqlalchemy import (
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql import Select

from desktop.i18n import N_, _
from desktop.models.base import Base, DomainError

CONTENT_LANGUAGES = ("ky", "kk", "ru")
LANGUAGE_NAMES = {"ky": N_("Kyrgyz"), "kk": N_("Kazakh"), "ru": N_("Russian"), "en": N_("English")}


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
# DOCUMENTS below; reports and the translations view read them from there.
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


# Reading ---------------------------------------------------------------------------------

def load(session: Session, table: str, row_ids: Iterable[int] | Select | None = None,
         fields: Iterable[str] | None = None) -> dict[tuple[int, str], dict[str, str | None]]:
    """Every version of ``table``'s rows in ONE query: (row id, field) -> {lang: text or None}.
    ``row_ids``: ids, or a SELECT of ids (a subquery, so a 300-item plan is not a 300-value IN)."""
    q = select(TextVersion.row_id, TextVersion.field, TextVersion.lang, TextVersion.text).where(
        TextVersion.table_name == table)
    if row_ids is not None:
        q = q.where(TextVersion.row_id.in_(row_ids if isinstance(row_ids, Select) else list(row_ids)))
    if fields is not None:
        q = q.where(TextVersion.field.in_(list(fields)))
    out: dict[tuple[int, str], dict[str, str | None]] = {}
    for row_id, field, lang, text in session.execute(q):
        out.setdefault((row_id, field), {})[lang] = text
    return out


def get_version(session: Session, table: str, row_id: int, field: str, lang: str) -> str | None:
    """The version in ``lang`` (None when there is none; the original is not a version)."""
    return session.scalar(select(TextVersion.text).where(
        TextVersion.table_name == table, TextVersion.row_id == row_id, TextVersion.field == field,
        TextVersion.lang == lang))


def original_language(session: Session, table: str, row_id: int, field: str) -> str | None:
    """The recorded language of the original, else the one its letters say."""
    recorded = session.scalar(select(TextVersion.lang).where(
        TextVersion.table_name == table, TextVersion.row_id == row_id, TextVersion.field == field,
        TextVersion.text.is_(None)))
    if recorded:
        return recorded
    return guess_language(_original(session, table, row_id, field) or "")


def _original(session: Session, table: str, row_id: int, field: str) -> str | None:
    t = _table(table)
    if field == "deadline_text":  # the words of a deadline of kind "text" (in the JSON column)
        deadline = session.scalar(select(t.c.deadline).where(t.c.id == row_id)) or {}
        return deadline.get("text", "") if deadline.get("kind") == "text" else ""
    return session.scalar(select(t.c[field]).where(t.c.id == row_id))


def resolve(session: Session, table: str, row_id: int, field: str, lang: str) -> str:
    """The text in ``lang``: its version, else the original."""
    version = get_version(session, table, row_id, field, lang)
    return version if version else (_original(session, table, row_id, field) or "")


def texts_of(session: Session, table: str, rows: Iterable[tuple[int, str, str, str]],
             ids_select: Select | None = None) -> list[Text_]:
    """``rows`` (row id, field, original, label) of one table with their versions (one query;
    ``ids_select`` bounds it to the document's rows); an original without a recorded language
    takes the language its letters tell (:func:`settle_languages` does the rest)."""
    rows = list(rows)
    if not rows:
        return []
    ids = {r[0] for r in rows}
    versions: dict[tuple[int, str], dict[str, str]] = {}
    sources: dict[tuple[int, str], dict[str, str | None]] = {}
    recorded: dict[tuple[int, str], str] = {}
    q = select(TextVersion.row_id, TextVersion.field, TextVersion.lang, TextVersion.text, TextVersion.source).where(
        TextVersion.table_name == table)
    if ids_select is not None:  # the document's rows as a subquery (a 300-item plan is no 300-value IN)
        q = q.where(TextVersion.row_id.in_(ids_select))
    elif len(ids) <= 50:
        q = q.where(TextVersion.row_id.in_(ids))
    for row_id, field, lang, text, source in session.execute(q):  # one query per table
        if row_id not in ids:
            continue
        if text is None:
            recorded[(row_id, field)] = lang
        else:
            versions.setdefault((row_id, field), {})[lang] = text
            sources.setdefault((row_id, field), {})[lang] = source
    out = []
    for row_id, field, original, label in rows:
        key = (row_id, field)
        stated = recorded.get(key)
        original = original or ""
        stale = frozenset(code for code, source in sources.get(key, {}).items() if is_stale(source, original))
        out.append(Text_(TextRef(table, row_id, field), label, original, stated or guess_language(original),
                         versions.get(key, {}), stated is not None, stale))
    return out


def settle_languages(texts: list[Text_]) -> list[Text_]:
    """A text with no telling letter ("Деканат", "Ректор") is taken to be in the language most of
    its document is written in."""
    common = common_language((t.original, t.original_lang) for t in texts)
    if common:
        for t in texts:
            t.original_lang = settled_language(t.original, t.original_lang, t.recorded_lang, common)
    return texts


def common_language(texts: Iterable[tuple[str, str | None]]) -> str | None:
    """The language most of (original, its language) are written in."""
    counts = Counter(lang for original, lang in texts if lang and original.strip())
    return counts.most_common(1)[0][0] if counts else None


def settled_language(original: str, lang: str | None, recorded: bool, common: str | None) -> str | None:
    """The language of one original, its document's ``common`` language considered."""
    if common is None or recorded:
        return lang
    if lang in (None, "ru") and common != "ru" and not (lang == "ru" and len(original.split()) >= 3):
        # a Russian sentence in a Kyrgyz plan is Russian; a single word may be shared by both
        return common if lang or CYRILLIC.search(original) else None
    if lang is None and CYRILLIC.search(original):
        return common
    return lang


def missing(texts: Iterable[Text_], lang: str) -> list[Text_]:
    """The texts with no version in ``lang`` whose original is in another language (a text whose
    language nothing tells, like "Canvas LMS" or "2025", reads the same in every language), and
    those whose version in ``lang`` is stale (the original was edited since it was written)."""
    return [t for t in texts if t.original.strip() and t.original_lang is not None and t.original_lang != lang
            and (not t.versions.get(lang) or lang in t.stale)]


def stale_count(texts: Iterable[Text_], lang: str) -> int:
    """How many of ``texts`` have a version in ``lang`` that is stale (the rest have none)."""
    return sum(1 for t in texts if t.versions.get(lang) and lang in t.stale)


def matching_ids(table: str, field: str, needle: str) -> Select:
    """SELECT of the ids of ``table``'s rows whose ``field`` has a version containing ``needle``
    (case-insensitive); OR it with the filter on the original column."""
    pattern = f"%{needle.strip().lower()}%"
    return select(TextVersion.row_id).where(
        TextVersion.table_name == table, TextVersion.field == field, TextVersion.text.is_not(None),
        func.lower(TextVersion.text).like(pattern))


def version_text_index(session: Session, table: str, row_ids: Iterable[int] | Select | None = None) -> dict[int, str]:
    """Row id -> every version of its texts joined by newlines (for filters over loaded rows)."""
    out: dict[int, list[str]] = {}
    for (row_id, _field), found in load(session, table, row_ids).items():
        out.setdefault(row_id, []).extend(t for t in found.values() if t)
    return {k: "\n".join(v) for k, v in out.items()}


# Writing ---------------------------------------------------------------------------------

def _bump(session: Session, table: str, row_id: int, expected_version: int | None) -> None:
    """The owning record's version counter goes up (stale ``expected_version`` refused)."""
    t = _table(table)
    if "version" not in t.c:
        if session.scalar(select(t.c.id).where(t.c.id == row_id)) is None:
            raise DomainError(_("The record was deleted meanwhile; reload the list."))
        return
    q = update(t).where(t.c.id == row_id).values(version=t.c.version + 1)
    if expected_version is not None:
        q = q.where(t.c.version == expected_version)
    if cast(CursorResult, session.execute(q)).rowcount != 1:
        if session.scalar(select(t.c.id).where(t.c.id == row_id)) is None:
            raise DomainError(_("The record was deleted meanwhile; reload the list."))
        raise StaleDataError(f"{table} {row_id}: changed meanwhile")
    # an ORM copy of the record in this session reads its new version on next use
    for obj in list(session.identity_map.values()):
        if getattr(obj, "__tablename__", None) == table and getattr(obj, "id", None) == row_id:
            session.expire(obj, ["version"])


def _owner(session: Session, table: str, row_id: int) -> tuple[str, int]:
    if table not in OWNER:
        return table, row_id
    owner, column = OWNER[table]
    t = _table(table)
    owner_id = session.scalar(select(t.c[column]).where(t.c.id == row_id))
    if owner_id is None:
        raise DomainError(_("The record was deleted meanwhile; reload the list."))
    return owner, owner_id


def set_version(session: Session, table: str, row_id: int, field: str, lang: str, text: str | None, *,
                expected_version: int | None = None) -> str | None:
    """Write (or, with a blank ``text``, remove) the version in ``lang``; returns the old one for undo.

    The record's version counter goes up and the audit trail records ``field[lang]``. Writing the
    version in the original's own language is refused: that is an edit of the original."""
    from desktop.models.audit import Action, record_rows

    _check(table, field)
    if lang not in CONTENT_LANGUAGES:
        raise DomainError(_("Unknown language: {lang}").format(lang=lang))
    text = (text or "").strip() or None
    old = get_version(session, table, row_id, field, lang)
    if old == text:
        return old
    source = _original(session, table, row_id, field) or ""  # the original this version translates
    recorded = session.scalar(select(TextVersion.lang).where(
        TextVersion.table_name == table, TextVersion.row_id == row_id, TextVersion.field == field,
        TextVersion.text.is_(None)))
    if recorded == lang:
        raise DomainError(_("The original of this text is in this language; edit the text itself."))
    owner, owner_id = _owner(session, table, row_id)
    _bump(session, owner, owner_id, expected_version)
    key = (TextVersion.table_name == table, TextVersion.row_id == row_id, TextVersion.field == field,
           TextVersion.lang == lang)
    if old is None and text is not None:
        session.execute(insert(TextVersion).values(table_name=table, row_id=row_id, field=field, lang=lang, text=text,
                                                   source=source))
    elif text is None:
        session.execute(delete(TextVersion).where(*key))
    else:
        session.execute(update(TextVersion).where(*key).values(text=text, source=source))
    audit_field = f"{field}[{lang}]" if owner == table else f"{table}.{field}[{lang}]"
    record_rows(session, Action.UPDATE, owner, [(owner_id, audit_field, old, text)])
    return old


def set_original_language(session: Session, table: str, row_id: int, field: str, lang: str | None) -> str | None:
    """Record the language the original (the entity's column) is written in; returns the old record."""
    _check(table, field)
    key = (TextVersion.table_name == table, TextVersion.row_id == row_id, TextVersion.field == field)
    old = session.scalar(select(TextVersion.lang).where(*key, TextVersion.text.is_(None)))
    if old == lang:
        return old
    session.execute(delete(TextVersion).where(*key, TextVersion.text.is_(None)))
    if lang is not None:
        if get_version(session, table, row_id, field, lang):
            raise DomainError(_("This text already has a version in that language."))
        session.execute(insert(TextVersion).values(table_name=table, row_id=row_id, field=field, lang=lang,
                                                   text=None))
    return old


def set_originals_language(session: Session, refs: Iterable[TextRef], lang: str) -> None:
    """Record one language for many originals (an import, a built-in text), in bulk."""
    refs = list(refs)
    if not refs:
        return
    for table in {r.table for r in refs}:
        ids = [r.row_id for r in refs if r.table == table]
        session.execute(delete(TextVersion).where(TextVersion.table_name == table, TextVersion.row_id.in_(ids),
                                                  TextVersion.text.is_(None)))
    session.execute(insert(TextVersion), [
        {"table_name": r.table, "row_id": r.row_id, "field": r.field, "lang": lang, "text": None} for r in refs])


def add_versions(session: Session, rows: Iterable[tuple[TextRef, str, str]]) -> int:
    """Bulk insert of (ref, lang, text) for rows just made (the demo, built-in content, a copy):
    no counters, no audit rows (the records' own creation is their history); each version is
    stamped with its original of now. Returns the count."""
    rows = [(r, lang, text) for r, lang, text in rows if text is not None]
    wanted: dict[tuple[str, str], set[int]] = {}
    for r, _lang, _text in rows:
        wanted.setdefault((r.table, r.field), set()).add(r.row_id)
    originals = {(table, field, row_id): text for (table, field), ids in wanted.items()
                 for row_id, text in originals_of(session, table, field, ids).items()}
    values = [{"table_name": r.table, "row_id": r.row_id, "field": r.field, "lang": lang, "text": text,
               "source": originals.get((r.table, r.field, r.row_id))} for r, lang, text in rows]
    if values:
        session.execute(insert(TextVersion), values)
    return len(values)


def originals_of(session: Session, table: str, field: str, row_ids: Iterable[int]) -> dict[int, str]:
    """Row id -> the original text of ``field`` (in bulk; a deadline's words from its JSON)."""
    ids = list(row_ids)
    if not ids:
        return {}
    t = _table(table)
    if field == "deadline_text":
        return {row_id: (d or {}).get("text", "") if (d or {}).get("kind") == "text" else ""
                for row_id, d in session.execute(select(t.c.id, t.c.deadline).where(t.c.id.in_(ids)))}
    return {row_id: text or "" for row_id, text in session.execute(select(t.c.id, t.c[field]).where(t.c.id.in_(ids)))}


_TODAYS = object()


def version_source(session: Session, table: str, row_id: int, field: str, lang: str) -> str | None:
    """The original the version in ``lang`` was written for (None: no version, or not known)."""
    return session.scalar(select(TextVersion.source).where(
        TextVersion.table_name == table, TextVersion.row_id == row_id, TextVersion.field == field,
        TextVersion.lang == lang, TextVersion.text.is_not(None)))


def confirm_version(session: Session, table: str, row_id: int, field: str, lang: str,
                    source=_TODAYS) -> str | None:
    """The version in ``lang`` still translates the (edited) original: it is current again.
    ``source``: the original to record (default: today's; an undo gives back the old one);
    returns the old one."""
    _check(table, field)
    key = (TextVersion.table_name == table, TextVersion.row_id == row_id, TextVersion.field == field,
           TextVersion.lang == lang, TextVersion.text.is_not(None))
    old = session.scalar(select(TextVersion.source).where(*key))
    if source is _TODAYS:
        source = _original(session, table, row_id, field) or ""
    session.execute(update(TextVersion).where(*key).values(source=source))
    return old


def copy_versions(session: Session, table: str, id_map: dict[int, int]) -> int:
    """Copy every version (and recorded original language) of ``table``'s rows to their copies
    (old id -> new id): copy to next year carries the translations along."""
    if not id_map:
        return 0
    rows = session.execute(select(TextVersion.row_id, TextVersion.field, TextVersion.lang, TextVersion.text,
                                  TextVersion.source).where(
        TextVersion.table_name == table, TextVersion.row_id.in_(list(id_map)))).all()
    values = [{"table_name": table, "row_id": id_map[r], "field": f, "lang": lang, "text": text, "source": source}
              for r, f, lang, text, source in rows]
    if values:
        session.execute(insert(TextVersion), values)
    return len(values)


def delete_versions(session: Session, table: str, row_ids: Iterable[int]) -> None:
    ids = list(row_ids)
    if ids:
        session.execute(delete(TextVersion).where(TextVersion.table_name == table, TextVersion.row_id.in_(ids)))


@event.listens_for(Session, "before_flush")
def _note_new_rows(session: Session, _flush_context, _instances) -> None:
    """Rows made without an id (new ones, not an undo putting a record back under its own id)."""
    fresh = session.info.setdefault("text_versions_fresh", [])
    for obj in session.new:
        if getattr(obj, "__tablename__", None) in TRANSLATABLE and getattr(obj, "id", None) is None:
            fresh.append(obj)


@event.listens_for(Session, "after_flush")
def _new_rows_start_bare(session: Session, _flush_context) -> None:
    """A deleted record's versions stay, so an undo that restores it (under its own id) finds them;
    a NEW record that gets a freed id (SQLite reuses the highest) must not inherit them."""
    fresh = session.info.pop("text_versions_fresh", [])
    ids: dict[str, list[int]] = {}
    for obj in fresh:
        if getattr(obj, "id", None) is not None:
            ids.setdefault(obj.__tablename__, []).append(obj.id)
    for table, row_ids in ids.items():
        session.connection().execute(delete(TextVersion.__table__).where(
            TextVersion.table_name == table, TextVersion.row_id.in_(row_ids)))


def apply_versions(session: Session, changes: Iterable[tuple[TextRef, str, str | None]],
                   sources: dict[str, str] | None = None) -> int:
    """Write many versions (an Excel import, the translations view's paste) in the caller's
    transaction, each with its counter and audit row; returns how many changed. ``sources``:
    ref key -> the original a version was written for, where not today's (a sheet exported before
    the original was edited): such a version is stale from the start."""
    n = 0
    for ref, lang, text in changes:
        old = get_version(session, ref.table, ref.row_id, ref.field, lang)
        if (old or None) != ((text or "").strip() or None):
            set_version(session, ref.table, ref.row_id, ref.field, lang, text)
            if sources and ref.key in sources and (text or "").strip():
                confirm_version(session, ref.table, ref.row_id, ref.field, lang, sources[ref.key])
            n += 1
    return n


def any_version_like(column, table: str, field: str, id_column, needle: str):
    """A WHERE clause: ``column`` contains ``needle`` or one of its versions does."""
    pattern = f"%{needle.strip().lower()}%"
    return or_(func.lower(column).like(pattern), id_column.in_(matching_ids(table, field, needle)))


__all__ = ["CONTENT_LANGUAGES", "TRANSLATABLE", "TextRef", "TextVersion", "Text_", "add_versions",
           "any_version_like", "confirm_version", "copy_versions", "get_version", "guess_language", "is_stale",
           "load", "missing", "original_language", "resolve", "same_text", "set_original_language", "set_version",
           "stale_count", "texts_of"]


# Undo of a delete: the versions go with the snapshot and come back with the record ----------

def snapshot_versions(session: Session, table: str, row_id: int) -> list[tuple]:
    """(field, lang, text, source) of a record's versions and recorded original language."""
    return [tuple(r) for r in session.execute(
        select(TextVersion.field, TextVersion.lang, TextVersion.text, TextVersion.source).where(
            TextVersion.table_name == table, TextVersion.row_id == row_id))]


def restore_versions(session: Session, table: str, row_id: int, saved) -> None:
    """Put back what :func:`snapshot_versions` saw (the record was restored, maybe under a new id)."""
    delete_versions(session, table, [row_id])
    if saved:
        session.execute(insert(TextVersion), [{"table_name": table, "row_id": row_id, "field": v[0], "lang": v[1],
                                              "text": v[2], "source": v[3] if len(v) > 3 else None} for v in saved])


def versions_by_text(session: Session, table: str, rows: Iterable[tuple[int, dict[str, str]]]) -> dict:
    """(field, original text) -> [(lang, text)] of rows about to be re-created (a procedure's steps
    are replaced on every edit): :func:`carry_by_text` gives them to the new rows with that text."""
    rows = list(rows)
    by_id = {row_id: values for row_id, values in rows}
    out: dict[tuple[str, str], list] = {}
    if not rows:
        return out
    for row_id, field, lang, text in session.execute(
            select(TextVersion.row_id, TextVersion.field, TextVersion.lang, TextVersion.text).where(
                TextVersion.table_name == table, TextVersion.row_id.in_(list(by_id)))):
        original = by_id[row_id].get(field)
        if original:
            out.setdefault((field, original), []).append((lang, text))
    return out


def carry_by_text(session: Session, table: str, saved: dict, rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    values = [{"table_name": table, "row_id": row_id, "field": field, "lang": lang, "text": text,
               "source": original if text is not None else None}
              for row_id, fields in rows for field, original in fields.items()
              for lang, text in saved.get((field, original), [])]
    if values:
        delete_versions(session, table, {v["row_id"] for v in values})
        session.execute(insert(TextVersion), values)


# Operations (undoable, models/operations.py) ------------------------------------------------------
def set_version_op(session: Session, table: str, row_id: int, field: str, lang: str, text: str | None,
                   changes=None, source=_TODAYS):
    """Write (or remove) one language version; undo puts the old one back, with the original it
    was written for (an out-of-date version comes back out of date). ``changes``: the ``Change``
    flags of the area the text belongs to (TEXTS when not given); ``source``: the original to
    record for the version (default: today's)."""
    from desktop.models.operations import Change, Outcome, bind

    flags = Change.TEXTS if changes is None else changes
    old_source = version_source(session, table, row_id, field, lang)
    old = set_version(session, table, row_id, field, lang, text)
    if text and source is not _TODAYS:
        confirm_version(session, table, row_id, field, lang, source)
    return Outcome(old, bind(set_version_op, table, row_id, field, lang, old, flags, old_source), flags)


def confirm_version_op(session: Session, table: str, row_id: int, field: str, lang: str, source=_TODAYS,
                       changes=None):
    """The version in ``lang`` still translates the edited original (the translations view: the
    same text entered again); undo records the old original again, so it is out of date again."""
    from desktop.models.operations import Change, Outcome, bind

    flags = Change.TEXTS if changes is None else changes
    old = confirm_version(session, table, row_id, field, lang, source)
    return Outcome(old, bind(confirm_version_op, table, row_id, field, lang, old, flags), flags)
