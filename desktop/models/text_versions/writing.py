"""Writing versions: one at a time (the owner's counter and audit row), in bulk (imports,
copies, the demo), a deleted record's snapshot and its restore, and the undoable operations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from sqlalchemy import delete, event, insert, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.i18n import _
from desktop.models.base import DomainError
from desktop.models.text_versions.entities import (
    CONTENT_LANGUAGES,
    OWNER,
    TRANSLATABLE,
    SavedVersion,
    TextRef,
    TextVersion,
    VersionsByText,
    _check,
    _table,
)
from desktop.models.text_versions.reading import _original, get_version, originals_of, version_source


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



_TODAYS = object()


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



# Undo of a delete: the versions go with the snapshot and come back with the record ----------

def snapshot_versions(session: Session, table: str, row_id: int) -> list[SavedVersion]:
    """(field, lang, text, source) of a record's versions and recorded original language."""
    return [(field, lang, text, source) for field, lang, text, source in session.execute(
        select(TextVersion.field, TextVersion.lang, TextVersion.text, TextVersion.source).where(
            TextVersion.table_name == table, TextVersion.row_id == row_id))]


def restore_versions(session: Session, table: str, row_id: int, saved: Sequence[SavedVersion] | None) -> None:
    """Put back what :func:`snapshot_versions` saw (the record was restored, maybe under a new id)."""
    delete_versions(session, table, [row_id])
    if saved:
        session.execute(insert(TextVersion), [{"table_name": table, "row_id": row_id, "field": v[0], "lang": v[1],
                                              "text": v[2], "source": v[3] if len(v) > 3 else None} for v in saved])


def versions_by_text(session: Session, table: str, rows: Iterable[tuple[int, dict[str, str]]]) -> VersionsByText:
    """(field, original text) -> [(lang, text)] of rows about to be re-created (a procedure's steps
    are replaced on every edit): :func:`carry_by_text` gives them to the new rows with that text."""
    rows = list(rows)
    by_id = {row_id: values for row_id, values in rows}
    out: VersionsByText = {}
    if not rows:
        return out
    for row_id, field, lang, text in session.execute(
            select(TextVersion.row_id, TextVersion.field, TextVersion.lang, TextVersion.text).where(
                TextVersion.table_name == table, TextVersion.row_id.in_(list(by_id)))):
        original = by_id[row_id].get(field)
        if original:
            out.setdefault((field, original), []).append((lang, text))
    return out


def carry_by_text(session: Session, table: str, saved: VersionsByText,
                  rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    values: list[dict[str, object]] = [
        {"table_name": table, "row_id": row_id, "field": field, "lang": lang, "text": text,
         "source": original if text is not None else None}
        for row_id, fields in rows for field, original in fields.items()
        for lang, text in saved.get((field, original), [])]
    if values:
        delete_versions(session, table, {cast(int, v["row_id"]) for v in values})
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
