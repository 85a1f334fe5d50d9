"""The operations layer: every write the window makes is an *operation*.

An operation is a callable ``op(session) -> Outcome`` made from a model-layer function and plain
arguments (``functools.partial`` or one of the helpers below). It enforces the domain rules (a
refusal is a ``DomainError``; a stale write a ``StaleDataError``), writes in the caller's session
(one transaction: the caller commits or rolls back), and returns an ``Outcome``:

- ``result``: what the caller wants back (a new id, a count, the old value);
- ``undo``: the operation that reverses this one, bound to plain data (ids, snapshots, the values
  written, so the reverse write keeps stale-write protection). Running ``undo`` returns in its own
  outcome the operation that redoes, so an undo stack only ever keeps "the next operation";
- ``changes``: a ``Change`` flag naming the areas whose data changed, so pages refresh on the flags
  they care about.

No Qt here: the window's runner is ``views/common/operations.run``; tests apply, undo and redo an
operation on a plain session (``apply_undo_redo``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from desktop.models import records
from desktop.models.base import Base

T = TypeVar("T")


class Change(enum.Flag):
    """What an operation changed; pages refresh on the flags they show."""

    NONE = 0
    FACULTY = enum.auto()
    STAFF = enum.auto()
    PROGRAMMES = enum.auto()
    GROUPS = enum.auto()
    STUDENTS = enum.auto()
    WORKPLAN = enum.auto()
    CALENDAR = enum.auto()
    MEETINGS = enum.auto()
    REQUESTS = enum.auto()
    EXAMS = enum.auto()
    RESULTS = enum.auto()
    CURATORS = enum.auto()
    TEXTS = enum.auto()
    COUNTRY = enum.auto()  # the country, hence working days and holidays
    DOCUMENT_FRAME = enum.auto()
    CONTENT_LANGUAGE = enum.auto()  # a user's choice of the language typed texts are shown in
    SETTINGS = enum.auto()  # shared settings (due days, horizons, grading scale)
    WORKDAYS = enum.auto()  # the office's days off and working days
    ALL = (FACULTY | STAFF | PROGRAMMES | GROUPS | STUDENTS | WORKPLAN | CALENDAR | MEETINGS | REQUESTS
           | EXAMS | RESULTS | CURATORS | TEXTS | COUNTRY | DOCUMENT_FRAME | CONTENT_LANGUAGE | SETTINGS
           | WORKDAYS)

    @classmethod
    def named(cls, name: str) -> Change:
        """The flag of an older announcement by name ("students", "document_frame", "*")."""
        if name == "*":
            return cls.ALL
        return cls.__members__.get(name.upper(), cls.ALL)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    result: T
    undo: Operation
    changes: Change


Operation = Callable[..., Outcome[Any]]  # op(session) (a Bound), op(session, progress=...) for long work


@dataclass(frozen=True)
class Bound:
    """A model function bound to plain arguments; called with the session as first argument.
    Bound to an ``*_op`` function it is an operation; bound to a plain model call (a reverse in
    ``undo_by``, a change in ``edit_request_op``) it returns what that call returns."""

    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]

    def __call__(self, session: Session, **extra: Any) -> Any:
        """``extra``: what only the first run gets (the window's ``progress`` for long work)."""
        return self.fn(session, *self.args, **self.kwargs, **extra)

    def __repr__(self) -> str:  # "set_staff_roles_op(3, {'dean'})" in a failing test's report
        parts = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return f"{self.fn.__name__}({', '.join(parts)})"


def bind(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Bound:
    """An operation (or a plain model call) from a model function whose first argument is the session."""
    return Bound(fn, args, kwargs)


def reversed_by(session: Session, reverse: Operation | Bound, redo: Operation, changes: Change) -> Outcome[Any]:
    """The undo of an operation that is redone by running it again: run the plain model call
    ``reverse`` (e.g. ``bind(movements.undo_movements, ids)``), then offer ``redo``."""
    return Outcome(reverse(session), redo, changes)


def undo_by(reverse: Bound, redo: Operation, changes: Change) -> Operation:
    """``reversed_by`` bound: what an operation returns as its ``undo``."""
    return bind(reversed_by, reverse, redo, changes)


def from_pair(changes: Change, do: Callable[[Session], T], reverse: Callable[[Session], object]) -> Operation:
    """An operation from two model-layer calls that undo each other exactly (set to X / set back)."""

    def op(session: Session) -> Outcome[T]:
        result = do(session)
        return Outcome(result, from_pair(changes, reverse, do), changes)

    return op


# Shapes most model functions already have, made operations once for all -------------------------
def updated(session: Session, update: Callable[..., dict[str, Any]], record_id: int, values: dict[str, Any],
            changes: Change) -> Outcome[dict[str, Any]]:
    """``update(session, record_id, **values)`` returns the old values of what it changed;
    undo calls it again with them."""
    old = update(session, record_id, **values)
    return Outcome(old, bind(updated, update, record_id, dict(old), changes), changes)


def deleted(session: Session, delete: Callable[..., Any], restore: Callable[[Session, Any], Any],
            record_id: int, changes: Change, expected: Any = None) -> Outcome[Any]:
    """``delete(session, record_id)`` returns a snapshot; undo is ``restore(session, snapshot)``.
    ``expected``: what the delete must find (a delete that takes ``expected`` refuses a record
    another office changed meanwhile as stale)."""
    snapshot = delete(session, record_id) if expected is None else delete(session, record_id, expected=expected)
    return Outcome(snapshot, bind(restored, delete, restore, snapshot, changes), changes)


def restored(session: Session, delete: Callable[..., Any], restore: Callable[[Session, Any], Any],
             snapshot: Any, changes: Change) -> Outcome[int]:
    """Undo of a delete; its redo deletes the record only as it was put back (when the delete
    takes ``expected``), never a change another office made since."""
    made = restore(session, snapshot)
    record_id = getattr(made, "id", None) or getattr(snapshot, "id", None) or snapshot["id"]
    expected = snapshot if _takes_expected(delete) else None
    return Outcome(record_id, bind(deleted, delete, restore, record_id, changes, expected), changes)


def _takes_expected(fn: Callable[..., Any]) -> bool:
    import inspect

    try:
        return "expected" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def created(session: Session, create: Bound, delete: Callable[[Session, int], Any],
            restore: Callable[[Session, Any], Any], changes: Change) -> Outcome[int]:
    """``create`` (a model call bound to its arguments) returns the new record or its id; undo
    deletes it through ``delete`` (keeping its snapshot), redo restores it with the same id."""
    made: Any = create(session)
    record_id: int = getattr(made, "id", made)
    return Outcome(record_id, bind(deleted, delete, restore, record_id, changes), changes)


# Which area a record of a table belongs to (for the generic record operations below).
TABLE_CHANGES: dict[str, Change] = {
    "faculty": Change.FACULTY,
    "department": Change.STAFF,
    "staff": Change.STAFF,
    "programme": Change.PROGRAMMES,
    "student_group": Change.GROUPS,
    "student": Change.STUDENTS,
}


def changes_of(entity: type[Base]) -> Change:
    return TABLE_CHANGES.get(entity.__tablename__, Change.ALL)


_UNSET = records._UNSET


def set_field(session: Session, entity: type[Base], record_id: int, field: str, value: Any,
              validators: dict[str, records.Validator] | None = None, *, expected: Any = _UNSET,
              changes: Change | None = None) -> Outcome[Any]:
    """Set one field (``records.set_field``: validation, stale check against ``expected``).
    Undo writes the old value back, expecting the value stored now."""
    old = records.set_field(session, entity, record_id, field, value, validators, expected=expected)
    written = getattr(session.get(entity, record_id), field)
    flags = changes if changes is not None else changes_of(entity)
    return Outcome(old, bind(set_field, entity, record_id, field, old, expected=written, changes=flags), flags)


def delete_record(session: Session, entity: type[Base], record_id: int, *,
                  changes: Change | None = None, expected: dict[str, Any] | None = None) -> Outcome[dict[str, Any]]:
    """Delete one record; undo re-creates it with the same id and values. ``expected``: the values
    the user saw (another office's change meanwhile is refused as stale); the redo deletes the
    record only as its undo put it back."""
    data = records.delete(session, entity, record_id, expected)
    flags = changes if changes is not None else changes_of(entity)
    return Outcome(data, bind(restore_record, entity, data, changes=flags), flags)


def restore_record(session: Session, entity: type[Base], data: dict[str, Any], *,
                   changes: Change | None = None) -> Outcome[int]:
    records.restore(session, entity, data)
    flags = changes if changes is not None else changes_of(entity)
    return Outcome(data["id"], bind(delete_record, entity, data["id"], changes=flags, expected=data), flags)


def apply_undo_redo(db, op: Operation) -> tuple[Outcome[Any], Outcome[Any], Outcome[Any]]:
    """Apply an operation, undo it, redo it, each in its own transaction (as the window does);
    for tests and scripts. Returns the three outcomes."""
    with db.session() as s:
        done = op(s)
    with db.session() as s:
        undone = done.undo(s)
    with db.session() as s:
        redone = undone.undo(s)
    return done, undone, redone
