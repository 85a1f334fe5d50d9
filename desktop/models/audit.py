"""The audit trail: who (OS user and host) changed what (table, record, field), when, old and new value.

Covered: students, movements and work plan items (with their responsible persons).

* ORM changes are recorded by a Session ``after_flush`` hook (the attribute history and the new
  rows' ids are both known then, and the rows go into the same transaction), so every model
  function is covered without edits to it.
* Core bulk writes bypass the hook. The movement functions record their rows with
  :func:`record_rows`; a student import or the demo is recorded as ONE summary entry
  (:func:`record_bulk`, action ``import`` / ``demo``) rather than 10,000 × 12 field rows.

The table is append-only, enforced by the database itself (triggers made by migration 0012 raise
on UPDATE and DELETE, and on TRUNCATE on PostgreSQL). Audit values are never logged.
"""

from __future__ import annotations

import datetime as dt
import enum
import getpass
import json
import socket
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, TypedDict

from sqlalchemy import DateTime, Index, String, Text, event, insert, inspect, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.i18n import N_, LabelledEnum
from desktop.models.base import Base
from desktop.models.contingent import Student
from desktop.models.movements import Movement
from desktop.models.workplan import WorkPlanItem, WorkPlanResponsible


class Action(LabelledEnum):
    INSERT = "insert", N_("Created")
    UPDATE = "update", N_("Changed")
    DELETE = "delete", N_("Deleted")
    IMPORT = "import", N_("Imported")
    DEMO = "demo", N_("Demo data")


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_record", "table_name", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)  # local time of the install that wrote it
    os_user: Mapped[str] = mapped_column(String(100))
    host: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int | None]
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(255))  # the imported file, for an import's changes


# class -> (table the history is shown under, attribute holding that record's id, field prefix or None)
AUDITED: dict[type, tuple[str, str, str | None]] = {
    Student: ("student", "id", None),
    Movement: ("movement", "id", None),
    WorkPlanItem: ("workplan_item", "id", None),
    # A responsible person is part of its item's history ("responsible" field).
    WorkPlanResponsible: ("workplan_item", "item_id", "responsible"),
}
# Bookkeeping columns that say nothing to the office.
SKIPPED = {"id", "version", "position", "item_id"}


@lru_cache(maxsize=1)
def who() -> tuple[str, str]:
    """The OS user and host of this install (looked up once)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (service accounts, containers)
        user = "?"
    try:
        host = socket.gethostname()
    except OSError:
        host = "?"
    return user[:100], host[:200]


def as_text(value: Any) -> str | None:
    """A value as the audit stores it (dates ISO, JSON for structured values)."""
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == {} or value == []


class EntryValues(TypedDict):
    """One ``audit_log`` row as it is inserted."""

    at: dt.datetime
    os_user: str
    host: str
    action: str
    table_name: str
    record_id: int | None
    field: str | None
    old_value: str | None
    new_value: str | None
    source: str | None


def _entry(action: str, table: str, record_id: int | None, field: str | None, old: Any, new: Any,
           when: dt.datetime, source: str | None = None) -> EntryValues:
    user, host = who()
    return {"at": when, "os_user": user, "host": host, "action": action, "table_name": table,
            "record_id": record_id, "field": field, "old_value": as_text(old), "new_value": as_text(new),
            "source": source[:255] if source else None}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _columns(obj) -> list[str]:
    return [a.key for a in inspect(type(obj)).column_attrs if a.key not in SKIPPED]


def _entries_of_flush(session: Session) -> list[EntryValues]:
    when = _now()
    rows: list[EntryValues] = []
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        spec = AUDITED.get(type(obj))
        if spec is None:
            continue
        table, id_attr, prefix = spec
        state = inspect(obj)
        record_id = state.dict.get(id_attr)
        if obj in session.deleted:
            action, values = Action.DELETE, [(k, state.dict.get(k), None) for k in _columns(obj)]
        elif obj in session.new:
            action, values = Action.INSERT, [(k, None, state.dict.get(k)) for k in _columns(obj)]
        else:
            action, values = Action.UPDATE, []
            for key in _columns(obj):
                hist = state.attrs[key].history
                if hist.added or hist.deleted:
                    old = hist.deleted[0] if hist.deleted else None
                    new = hist.added[0] if hist.added else None
                    if old != new:
                        values.append((key, old, new))
        for key, old, new in values:
            if action is not Action.UPDATE and _empty(old) and _empty(new):
                continue
            if prefix:
                if key not in ("text", "staff_id") or (key == "staff_id" and state.dict.get("text")):
                    continue  # the person as the office wrote them; the staff id only when no text
                key = prefix
            rows.append(_entry(action, table, record_id, key, old, new, when))
    return rows


@event.listens_for(Session, "after_flush")
def _record_flush(session: Session, _flush_context) -> None:
    rows = _entries_of_flush(session)
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)


def record_rows(session: Session, action: str, table: str,
                changes: Iterable[tuple[int | None, str | None, Any, Any]], source: str | None = None) -> int:
    """Record changes a Core statement made: (record id, field, old, new) each; ``source`` names the
    imported file they came from. Returns the count."""
    when = _now()
    rows = [_entry(action, table, rid, field, old, new, when, source) for rid, field, old, new in changes
            if action is not Action.UPDATE or old != new]
    if rows:
        session.execute(insert(AuditEntry.__table__), rows)
    return len(rows)


def record_inserted(session: Session, table: str, ids: Sequence[int], rows: Sequence[Mapping[str, Any]],
                    fields: Sequence[str], source: str | None = None) -> int:
    """Record rows a Core ``insert()`` made (ids in the order of ``rows``)."""
    return record_rows(session, Action.INSERT, table, (
        (rid, f, None, row.get(f)) for rid, row in zip(ids, rows, strict=True) for f in fields
        if not _empty(row.get(f))), source)


def record_bulk(session: Session, action: str, table: str, ids: Sequence[int], note: str = "",
                source: str | None = None) -> None:
    """ONE entry for a bulk write (a student import, the demo) instead of one per row and field:
    field ``rows`` holds "count: first id-last id" so a record's history can find it; ``note`` says
    what else happened, without personal data."""
    if not ids and not note:
        return
    span = f"{len(ids)}: {min(ids)}-{max(ids)}" if ids else "0"
    record_rows(session, action, table, [(None, "rows", note or None, span)], source)


def _covers(entry: AuditEntry, record_id: int) -> bool:
    try:
        first, last = (entry.new_value or "").split(": ", 1)[1].split("-")
        return int(first) <= record_id <= int(last)
    except (AttributeError, IndexError, ValueError):
        return False


def history(session: Session, table: str, record_id: int) -> list[AuditEntry]:
    """The record's entries, oldest first, with the bulk entry (import, demo) that created it."""
    entries = session.scalars(select(AuditEntry).where(
        AuditEntry.table_name == table,
        or_(AuditEntry.record_id == record_id, AuditEntry.record_id.is_(None))).order_by(AuditEntry.id))
    return [e for e in entries if e.record_id is not None or _covers(e, record_id)]
