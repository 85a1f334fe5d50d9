"""Two small jobs shared by the areas whose records sit in ordered lists (an agenda's items, a
meeting's attendees, a work plan section's items): finding the record a write is about, refused
by name when another office deleted it meanwhile, and numbering a list's rows 0, 1, 2 ... again
after an insert, a move or a delete."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.base import Base, DomainError

R = TypeVar("R", bound=Base)


class Positioned(Protocol):
    position: int


def get_or_refuse(session: Session, entity: type[R], record_id: int) -> R:
    """The record, or a DomainError saying it was deleted meanwhile (the list shown is stale)."""
    record = session.get(entity, record_id)
    if record is None:
        raise DomainError(_("The record was deleted meanwhile; reload the list."))
    return record


def renumber(rows: Iterable[Positioned]) -> None:
    """Positions 0, 1, 2 ... in the list's order."""
    for i, row in enumerate(rows):
        row.position = i
