"""Consistent copies of the SQLite file through SQLite's backup API, never a file copy.

A backup is written to a temporary file, integrity-checked, then renamed into place.
Rotation keeps the last 10, one a day for 14 days and one a month for 12 months.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from desktop.logs import event
from desktop.models.db import Database

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


def _stamp_time(stamp: str) -> dt.datetime:
    """The time in a backup's name ("20261130-081502", the _NAME pattern's digits). Read by hand:
    ``strptime`` would import its locale machinery at every start (a few ms)."""
    d, t = stamp[:8], stamp[9:15]
    return dt.datetime(int(d[:4]), int(d[4:6]), int(d[6:8]), int(t[:2]), int(t[2:4]), int(t[4:6]))


def list_backups(db_path: Path) -> list[tuple[dt.datetime, Path]]:
    """Backups of this file, newest first."""
    folder = backup_dir(db_path)
    found = []
    if folder.is_dir():
        for f in folder.iterdir():
            m = _NAME.match(f.name)
            if m:
                found.append((_stamp_time(m.group("stamp")), f))
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
            entries.append((_stamp_time(m.group("stamp")), f))
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


def _uri_path(path: Path) -> str:
    """A path for a ``file:`` URI: ``?`` and ``%`` and ``#`` are taken literally."""
    from urllib.parse import quote

    return quote(str(Path(path).absolute()), safe="/:")



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
