"""Restoring a backup: the candidate checked read-only, staged and migrated beside the database,
then put in place in one transaction of the live file."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path

from desktop.logs import event
from desktop.models.backup.copies import (
    BackupError,
    _require_file,
    _uri_path,
    copy_database,
    integrity_ok,
    make_backup,
)
from desktop.models.db import Database

log = logging.getLogger("dekanat")

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every Dekanat database has had since its first schema (0001).
DEKANAT_TABLES = ("alembic_version", "faculty", "student", "student_group", "app_setting")
AUDIT_TRIGGERS = {
    "audit_log_no_update": "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                           "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "audit_log_no_delete": "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                           "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
}


class RestoreRefused(BackupError):
    """The candidate file is not one this Dekanat can restore; nothing was changed."""


def check_restore_candidate(source: Path, db_path: Path | None = None) -> str:
    """Everything about ``source`` a restore needs, checked read-only before anything is touched:
    a SQLite file, a Dekanat database, of a schema this program knows, whole, with sound references.
    Returns its schema revision; raises RestoreRefused naming the file and the reason."""
    from desktop.i18n import _
    from desktop.models.migrate import known_revisions

    source = Path(source)

    def refuse(reason: str) -> RestoreRefused:
        return RestoreRefused(_("{file} was not restored: {reason}. The database was not changed.").format(
            file=source, reason=reason))

    if not source.exists():
        raise refuse(_("no such file"))
    if not source.is_file():
        raise refuse(_("it is not a file"))
    if db_path is not None and _same_file(source, db_path):
        raise refuse(_("it is the database itself"))
    try:
        with open(source, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise refuse(exc.strerror or str(exc)) from exc
    if header != SQLITE_HEADER:
        raise refuse(_("it is empty") if not header else _("it is not a database file"))
    try:
        conn = sqlite3.connect(f"file:{_uri_path(source)}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise refuse(_("it cannot be opened")) from exc
    try:
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        except sqlite3.DatabaseError as exc:
            raise refuse(_("it is damaged or not a database file")) from exc
        if not set(DEKANAT_TABLES) <= tables:
            raise refuse(_("it is not a Dekanat database"))
        revisions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
        known = known_revisions()
        if len(revisions) != 1:
            raise refuse(_("it is not a Dekanat database"))
        revision = revisions[0]
        if revision not in known:
            if revision.isdigit() and revision > known[-1]:
                raise refuse(_("it was written by a newer Dekanat (schema {found}; this program knows {known})").format(
                    found=revision, known=known[-1]))
            raise refuse(_("its schema {found} is unknown to this program").format(found=revision))
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            raise refuse(_("it failed its integrity check"))
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise refuse(_("it has broken references between tables"))
        if "audit_log" in tables and not set(AUDIT_TRIGGERS) <= triggers:
            missing = sorted(set(AUDIT_TRIGGERS) - triggers)
            log.warning("restore candidate lacks audit triggers %s; they are re-created", ", ".join(missing))
        return revision
    except sqlite3.DatabaseError as exc:
        raise refuse(_("it is damaged or not a database file")) from exc
    finally:
        conn.close()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).absolute() == Path(b).absolute()


def _ensure_audit_triggers(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "audit_log" not in tables:
            return
        have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        for name, sql in AUDIT_TRIGGERS.items():
            if name not in have:
                conn.execute(sql)
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def restore(db: Database, source: Path) -> Path | None:
    """Replace the database with ``source``: the candidate is checked first (read-only), copied and
    brought to this program's schema beside the database, and only then is the current file backed
    up and replaced in one transaction. Any refusal or failure leaves the database as it was.

    Returns the backup of the current file (the caller names it to the user), None when there was
    no data to back up (an empty or new file).
    """
    from desktop.models.migrate import upgrade

    started = time.perf_counter()
    path = _require_file(db)
    source = Path(source)
    check_restore_candidate(source, path)
    staged = path.with_name(f".{path.name}.restore{os.getpid()}")
    try:
        copy_database(source, staged)
        _ensure_audit_triggers(staged)
        candidate = Database(staged)
        try:
            upgrade(candidate, backup=False)
        finally:
            candidate.dispose()
        _ensure_audit_triggers(staged)  # and back to a single file (no -wal) before the rename
        if not integrity_ok(staged):
            raise BackupError(f"the restored copy of {source} failed its integrity check")
        empty = not path.exists() or path.stat().st_size == 0
        safety = None if empty else make_backup(db, reason="restore")
        db.dispose()
        # SQLite's backup API writes the whole file in one transaction of the live database:
        # all or nothing under a kill, and safe with its -wal and any reader.
        src = sqlite3.connect(staged)
        try:
            dst = sqlite3.connect(path, timeout=30)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    finally:
        for leftover in (staged, Path(f"{staged}-wal"), Path(f"{staged}-shm"), Path(f"{staged}-journal")):
            leftover.unlink(missing_ok=True)
    event("database restored", source=source.name, backup=safety.name if safety else "none",
          bytes=path.stat().st_size, ms=round((time.perf_counter() - started) * 1000))
    return safety


def restore_file(backup: Path, db_path: Path) -> None:
    """Put a backup in place of a missing (set-aside) database file."""
    copy_database(Path(backup), Path(db_path))
    event("database put back from a backup", source=Path(backup).name, bytes=Path(db_path).stat().st_size)
