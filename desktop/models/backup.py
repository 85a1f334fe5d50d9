"""Consistent copies of the SQLite file through SQLite's backup API, never a file copy.

A backup is written to a temporary file, integrity-checked, then renamed into place.
Rotation keeps the last 10, one a day for 14 days and one a month for 12 months.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from pathlib import Path

from desktop.logs import event
from desktop.models.db import Database

log = logging.getLogger("dekanat")

KEEP_LAST = 10
KEEP_DAILY = 14
KEEP_MONTHLY = 12
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)(?:-(?P<reason>[a-z]+))?\.sqlite3$")


class BackupError(RuntimeError):
    pass


def backup_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + ".backups")


def _require_file(db: Database) -> Path:
    if db.path is None:
        raise BackupError("backups are made of SQLite files; a server database is backed up on the server")
    return db.path


def integrity_ok(path: Path, quick: bool = False) -> bool:
    try:
        from desktop.models.db import is_read_only, read_only_uri

        uri = read_only_uri(path) if is_read_only(path) else f"file:{_uri_path(path)}?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            return rows == [("ok",)]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def copy_database(source: Path, target: Path) -> None:
    """Copy ``source`` into ``target`` (temporary file, check, rename); owner-only."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    from desktop.models.db import is_read_only, read_only_uri

    uri = read_only_uri(source) if is_read_only(source) else f"file:{_uri_path(source)}?mode=ro"
    try:
        src = sqlite3.connect(uri, uri=True, timeout=30)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        if not integrity_ok(tmp):
            raise BackupError(f"the copy of {source} failed its integrity check")
    except BaseException as exc:  # a full disk, a kill signal, a failed check: no half copy stays behind
        for leftover in (tmp, Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
        reason = _copy_fault(exc, target)
        if reason is not None:
            from desktop.i18n import _

            raise BackupError(_("{path} was not written: {reason}. An existing file of that name was not changed.")
                              .format(path=target, reason=reason)) from exc
        raise
    os.replace(tmp, target)
    if os.name == "posix":
        os.chmod(target, 0o600)


def _copy_fault(exc: BaseException, target: Path) -> str | None:
    """What stopped writing the copy at ``target``, in the user's words (None: not a disk fault)."""
    from desktop.i18n import _
    from desktop.models.faults import describe_os_error

    if isinstance(exc, OSError):
        return describe_os_error(exc, target)
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        if "full" in text:
            return _("the disk is full")
        if "readonly" in text or "read-only" in text:
            return _("the folder is read-only")
    return None


# A delete of more rows than this, or of a whole plan, section, series or group, backs up first.
MASS_DELETE_ROWS = 20


def backup_before_delete(db: Database, rows: int, *, whole: bool = False) -> Path | None:
    """Before a mass delete (``rows`` over MASS_DELETE_ROWS, or ``whole``: a plan, a section with its
    items, a series with its meetings): a backup of a SQLite file, whose path the caller names to
    the user. None when no backup is due (few rows, a server, a read-only file); BackupError when it
    failed (then nothing may be deleted)."""
    if db.path is None or getattr(db, "read_only", False) or not (whole or rows > MASS_DELETE_ROWS):
        return None
    return make_backup(db, reason="delete")


def make_backup(db: Database, target: Path | None = None, *, reason: str = "") -> Path:
    """Back the database up; without ``target`` into its rotating backup folder (owner-only)."""
    path = _require_file(db)
    if target is None:
        folder = backup_dir(path)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix" and (folder.stat().st_mode & 0o777) != 0o700:
            os.chmod(folder, 0o700)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"{path.stem}-{stamp}{'-' + reason if reason else ''}.sqlite3"
        n = 1
        while target.exists():
            target = folder / f"{path.stem}-{stamp}-{n}{'-' + reason if reason else ''}.sqlite3"
            n += 1
    copy_database(path, Path(target))
    event("backup taken", file=Path(target).name, bytes=Path(target).stat().st_size, reason=reason or "manual")
    if target.parent == backup_dir(path):
        rotate(target.parent)
    return Path(target)


def list_backups(db_path: Path) -> list[tuple[dt.datetime, Path]]:
    """Backups of this file, newest first."""
    folder = backup_dir(db_path)
    found = []
    if folder.is_dir():
        for f in folder.iterdir():
            m = _NAME.match(f.name)
            if m:
                when = dt.datetime.strptime(m.group("stamp")[:15], "%Y%m%d-%H%M%S")
                found.append((when, f))
    return sorted(found, key=lambda x: (x[0], x[1].name), reverse=True)


def to_keep(stamps: list[dt.datetime]) -> set[dt.datetime]:
    """Which of these backup times the rotation keeps."""
    ordered = sorted(stamps, reverse=True)
    keep = set(ordered[:KEEP_LAST])
    days: dict[dt.date, dt.datetime] = {}
    months: dict[tuple[int, int], dt.datetime] = {}
    for s in ordered:
        days.setdefault(s.date(), s)
        months.setdefault((s.year, s.month), s)
    keep.update(sorted(days.values(), reverse=True)[:KEEP_DAILY])
    keep.update(sorted(months.values(), reverse=True)[:KEEP_MONTHLY])
    return keep


def rotate(folder: Path) -> list[Path]:
    entries = []
    for f in folder.iterdir():
        m = _NAME.match(f.name)
        if m:
            entries.append((dt.datetime.strptime(m.group("stamp")[:15], "%Y%m%d-%H%M%S"), f))
    # Distinct stamps per file: same-second backups are told apart by name order.
    entries.sort(key=lambda x: (x[0], x[1].name))
    stamps = [when + dt.timedelta(microseconds=i) for i, (when, _f) in enumerate(entries)]
    keep = to_keep(stamps)
    removed = []
    for stamp, (_when, f) in zip(stamps, entries, strict=True):
        if stamp not in keep:
            f.unlink(missing_ok=True)
            removed.append(f)
    if removed:
        event("backups rotated", removed=len(removed), kept=len(entries) - len(removed))
    return removed


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


def _uri_path(path: Path) -> str:
    """A path for a ``file:`` URI: ``?`` and ``%`` and ``#`` are taken literally."""
    from urllib.parse import quote

    return quote(str(Path(path).absolute()), safe="/:")


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
    return safety


def _pid_alive(pid: int) -> bool:
    from desktop.models.lock import _process_alive

    return pid == os.getpid() or _process_alive(pid)


_TEMP_COPY = re.compile(r"\.tmp(\d+)$")
_STAGED_RESTORE = re.compile(r"^\..+\.restore(\d+)(?:-wal|-shm|-journal)?$")


def remove_leftovers(db_path: Path) -> list[Path]:
    """Temporary copies left by an interrupted backup or restore (a kill, a full disk): removed at
    the next start once the process that wrote them is gone."""
    db_path = Path(db_path)
    removed = []
    candidates = []
    folder = backup_dir(db_path)
    if folder.is_dir():
        candidates += [(f, _TEMP_COPY.search(f.name)) for f in folder.iterdir()]
    if db_path.parent.is_dir():
        candidates += [(f, _STAGED_RESTORE.match(f.name)) for f in db_path.parent.glob(f".{db_path.name}.restore*")]
    for f, m in candidates:
        if m and not _pid_alive(int(m.group(1))):
            try:
                f.unlink()
                removed.append(f)
            except OSError:
                pass
    return removed


class UnusableDatabase(BackupError):
    """The --database given cannot be used for this command; nothing was created or changed."""


def check_database_path(db_path: Path, *, creating: bool, importing: bool = False) -> None:
    """Before a command opens ``db_path``: a missing file is created only by a command that creates
    (demo, restore, the set-up wizard); a file in a backups folder is a backup, to be restored, not
    worked in; an import goes only into a file that passes its quick check."""
    from desktop.i18n import _

    db_path = Path(db_path)
    if db_path.parent.name.endswith(".backups") and _NAME.match(db_path.name):
        raise UnusableDatabase(_("{path} is a backup, not a working database; it was not opened. "
                                 "To put it back, use: dekanat --database DATABASE restore {path}").format(path=db_path))
    if not db_path.exists():
        if not creating:
            raise UnusableDatabase(_("no such database: {path}").format(path=db_path))
        return
    if importing and db_path.stat().st_size > 0 and not integrity_ok(db_path, quick=True):
        raise UnusableDatabase(_("The database {path} fails its integrity check; nothing was imported. "
                                 "\"dekanat check\" tells more; \"dekanat restore\" puts a backup back.").format(
            path=db_path))


# Automatic backups and the start-up check ----------------------------------------------

def _latest_change(path: Path) -> float:
    """When the database last changed on disk (the WAL counts: that is where writes land first)."""
    times = [p.stat().st_mtime for p in (path, Path(str(path) + "-wal")) if p.exists()]
    return max(times) if times else 0.0


def backup_if_changed(db: Database, *, min_interval: dt.timedelta | None = None) -> Path | None:
    """Back up when the file changed since the newest backup (and that one is older than
    ``min_interval``); returns the new backup or None."""
    path = _require_file(db)
    if getattr(db, "read_only", False):  # nothing can change, and nothing can be written beside it
        return None
    found = list_backups(path)
    if found:
        newest_when, newest = found[0]
        if _latest_change(path) <= newest.stat().st_mtime:
            return None
        if min_interval is not None and dt.datetime.now() - newest_when < min_interval:
            return None
    elif not path.exists() or path.stat().st_size == 0:
        return None
    return make_backup(db, reason="auto")


def newest_good_backup(db_path: Path) -> tuple[dt.datetime, Path] | None:
    """The newest backup that passes an integrity check."""
    for when, path in list_backups(db_path):
        if integrity_ok(path, quick=True):
            return when, path
    return None


class DamagedDatabase(RuntimeError):
    """The file failed its start-up check and was set aside as ``.damaged``."""

    def __init__(self, message: str, damaged: Path, backup: tuple[dt.datetime, Path] | None):
        super().__init__(message)
        self.damaged = damaged
        self.backup = backup


def startup_check(db_path: Path, *, foreign_keys: bool = True) -> list[str]:
    """``quick_check`` and (unless ``foreign_keys`` is False) ``foreign_key_check`` of a file
    before it is opened for work. The window passes False: it has no use for the list, and on a
    faculty of 20,000 students the foreign-key pass costs a third of the check (``dekanat check``
    reports such problems).

    A damaged file is renamed ``<name>.damaged`` (never overwritten: a number is added when one
    exists already), with its -wal and -shm, and DamagedDatabase names the newest good backup.
    Returns the foreign-key problems (a sound file has none).
    """
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return []
    problems: list[str] = []
    from desktop.models.db import is_read_only, read_only_uri

    read_only = is_read_only(db_path)
    try:
        conn = sqlite3.connect(read_only_uri(db_path), uri=True, timeout=10) if read_only else \
            sqlite3.connect(db_path, timeout=10)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            if rows != ["ok"]:
                problems = [f"integrity: {r}" for r in rows]
            elif foreign_keys:
                fk = conn.execute("PRAGMA foreign_key_check").fetchall()
                return [f"foreign key: {t} row {rowid} refers to a missing {parent}" for t, rowid, parent, _ in fk]
            else:
                return []
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        problems = [f"unreadable: {exc}"]
    if read_only:  # it cannot be set aside; ``dekanat check`` and the window's messages tell the rest
        return problems
    damaged = set_aside(db_path)
    raise DamagedDatabase("; ".join(problems[:5]), damaged, newest_good_backup(db_path))


def set_aside(db_path: Path) -> Path:
    target = db_path.with_name(db_path.name + ".damaged")
    n = 1
    while target.exists():
        target = db_path.with_name(f"{db_path.name}.damaged.{n}")
        n += 1
    os.replace(db_path, target)
    for suffix in ("-wal", "-shm"):
        side = Path(str(db_path) + suffix)
        if side.exists():
            os.replace(side, Path(str(target) + suffix))
    return target


def restore_file(backup: Path, db_path: Path) -> None:
    """Put a backup in place of a missing (set-aside) database file."""
    copy_database(Path(backup), Path(db_path))
