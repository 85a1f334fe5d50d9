"""Schema migrations at start-up.

Revisions are numbered ``0001``, ``0002`` ... in ``desktop/migrations/versions`` (file
``NNNN_name.py``, ``revision = "NNNN"``), one straight line. Knowing that, start-up checks
whether the file is current without importing Alembic; only a real upgrade loads it.
"""

from __future__ import annotations

import re

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.pool import NullPool

from desktop import __version__, paths
from desktop.models.db import Database

_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


class MigrationError(RuntimeError):
    """A migration failed; the schema and data are as they were before it."""


class DatabaseTooNew(RuntimeError):
    """The file was written by a newer Dekanat; it is left untouched."""


def known_revisions() -> list[str]:
    versions = paths.migrations_dir() / "versions"
    return sorted(m.group(1) for f in versions.iterdir() if (m := _REVISION_FILE.match(f.name)))


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(db: Database) -> bool:
    current = current_revision(db)
    known = known_revisions()
    if current is not None and current not in known:
        raise DatabaseTooNew(
            f"The database {db.display_name} was written by a newer version of Dekanat "
            f"(schema {current}; this is Dekanat {__version__} with schema {known[-1]}). "
            "It was not changed. Install the newer Dekanat to open it."
        )
    return current != known[-1]


def alembic_config(db: Database):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def upgrade(db: Database, *, backup: bool = True, revision: str = "head") -> bool:
    """Bring the schema to ``revision``; a backup of a non-empty SQLite file is taken first.

    Returns True when anything was migrated.
    """
    if revision == "head" and not needs_upgrade(db):
        return False
    if getattr(db, "read_only", False):
        from desktop.i18n import _
        from desktop.models.base import DomainError

        raise DomainError(_("The database {db} is read-only and was written by an older Dekanat: it must be "
                            "brought up to date before use. Make the file writable, or open a copy.").format(
            db=db.display_name))
    if backup and db.path is not None and current_revision(db) is not None:
        from desktop.models import backup as backups

        backups.make_backup(db, reason="migration")
    from alembic import command

    cfg = alembic_config(db)
    engine = _migration_engine(db)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            if db.is_sqlite:
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise MigrationError(f"the migration left {len(broken)} broken references; nothing was changed")
    finally:
        if engine is not db.engine:
            engine.dispose()
    db.engine.dispose()  # connections opened before the upgrade may cache the old schema
    from desktop.logs import event as log_event

    log_event("schema migrated", to=revision if revision != "head" else head_revision(),
          database="sqlite" if db.is_sqlite else "server")
    return True


def _migration_engine(db: Database):
    """For SQLite: one connection with transactional DDL (the driver's lazy BEGIN would commit
    each CREATE/ALTER on its own) and foreign keys off while batch migrations rebuild tables
    (a DROP TABLE with foreign keys on would cascade into other tables); the references are
    checked with ``foreign_key_check`` before the commit."""
    if not db.is_sqlite:
        return db.engine
    engine = create_engine(db.url, poolclass=NullPool, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("foreign_keys=OFF", "busy_timeout=5000", "journal_mode=WAL", "synchronous=FULL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def open_database(path_or_url=None, *, migrate: bool = True) -> Database:
    """Open (and create or upgrade) the database the user asked for."""
    db = Database(path_or_url)
    if migrate:
        upgrade(db)
    return db
