"""The declarative base every entity derives from."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import MetaData, Table
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names so Alembic batch migrations on SQLite can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Every entity is declared on a Table (not a join or a select), so Core's insert/update/delete take it.
    __table__: ClassVar[Table]


class DomainError(ValueError):
    """A rule of the office was broken; the message is for the user (already translated)."""
