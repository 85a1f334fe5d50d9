"""The declarative base every entity derives from."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import MetaData, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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


class Versioned:
    """The version counter of an entity several people edit (``class Student(Versioned, Base)``).

    Optimistic locking: an UPDATE/DELETE names the version it read; a stale one raises
    StaleDataError. The column is the one the migrations made (``version INTEGER NOT NULL
    DEFAULT 1``); in the mapped table it now comes after the entity's own columns."""

    version: Mapped[int] = mapped_column(default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        table: Table = cls.__table__  # type: ignore[attr-defined]  # set by the declarative base it is mixed into
        return {"version_id_col": table.c.version}


class DomainError(ValueError):
    """A rule of the office was broken; the message is for the user (already translated)."""
