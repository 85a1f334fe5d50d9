"""Small generic operations on one record, used by simple editors (undo needs the old value).

Each call is one unit of work in the caller's session; validation errors are DomainErrors
naming the field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.i18n import _
from desktop.models.base import Base, DomainError

_UNSET = object()

Validator = Callable[[Session, Any, Any], Any]  # (session, record, value) -> cleaned value


def set_field(session: Session, entity: type[Base], record_id: int, field: str, value: Any,
              validators: dict[str, Validator] | None = None, *, expected: Any = _UNSET) -> Any:
    """Set one field; returns the old value (for undo).

    ``expected`` is the value the user saw: when another install changed the field since, the write
    is refused with StaleDataError (the version counter only guards the moment of the write)."""
    record = session.get(entity, record_id)
    if record is None:
        raise DomainError(_("The record was deleted meanwhile; reload the list."))
    if expected is not _UNSET and getattr(record, field) != expected:
        raise StaleDataError(f"{entity.__tablename__} {record_id}: {field} changed meanwhile")
    if validators and field in validators:
        value = validators[field](session, record, value)
    old = getattr(record, field)
    setattr(record, field, value)
    session.flush()
    return old


# A record's column values by column key, enough to re-create it with the same id (any entity).
Snapshot = dict[str, Any]


def snapshot(record: Base) -> Snapshot:
    """Column values of a record, enough to re-create it with the same id."""
    mapper = sa_inspect(type(record))
    return {c.key: getattr(record, c.key) for c in mapper.column_attrs}


def delete(session: Session, entity: type[Base], record_id: int, expected: Snapshot | None = None
           ) -> Snapshot:
    """Delete one record; returns its snapshot. ``expected``: the values the user saw (or the
    snapshot an undo put back); when another office changed one of its columns meanwhile, the
    delete is refused with StaleDataError, never done unseen. Keys that are not columns (a list's
    display values) and the version counter are not compared."""
    record = session.get(entity, record_id)
    if record is None:
        raise DomainError(_("The record was deleted meanwhile; reload the list."))
    data = snapshot(record)
    if expected is not None:
        changed = [k for k, v in expected.items() if k in data and k != "version" and data[k] != v]
        if changed:
            raise StaleDataError(f"{entity.__tablename__} {record_id}: {', '.join(changed)} changed meanwhile")
    session.delete(record)
    session.flush()
    return data


def restore(session: Session, entity: type[Base], data: Snapshot) -> Base:
    record = entity(**data)
    session.add(record)
    session.flush()
    return record
