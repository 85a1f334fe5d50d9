"""Reading versions: one text in a language, every text of a table with its versions (one
query), the language most of a document is in, what is missing or stale, filters by any version."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from desktop.models.text_versions.entities import (
    CYRILLIC,
    Text_,
    TextRef,
    TextVersion,
    _table,
    guess_language,
    is_stale,
)


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



def version_source(session: Session, table: str, row_id: int, field: str, lang: str) -> str | None:
    """The original the version in ``lang`` was written for (None: no version, or not known)."""
    return session.scalar(select(TextVersion.source).where(
        TextVersion.table_name == table, TextVersion.row_id == row_id, TextVersion.field == field,
        TextVersion.lang == lang, TextVersion.text.is_not(None)))


def any_version_like(column, table: str, field: str, id_column, needle: str):
    """A WHERE clause: ``column`` contains ``needle`` or one of its versions does."""
    pattern = f"%{needle.strip().lower()}%"
    return or_(func.lower(column).like(pattern), id_column.in_(matching_ids(table, field, needle)))
