"""Before a database is opened: leftovers of an interrupted copy removed, the path checked for
the command, the file's start-up check (a damaged file set aside, the newest good backup named)."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from desktop.models.backup.copies import _NAME, BackupError, backup_dir, integrity_ok, newest_good_backup


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
                                 "To put it back, use: dekanat --database DATABASE restore {path}").format(
            path=db_path))
    if not db_path.exists():
        if not creating:
            raise UnusableDatabase(_("no such database: {path}").format(path=db_path))
        return
    if importing and db_path.stat().st_size > 0 and not integrity_ok(db_path, quick=True):
        raise UnusableDatabase(_("The database {path} fails its integrity check; nothing was imported. "
                                 "\"dekanat check\" tells more; \"dekanat restore\" puts a backup back.").format(
            path=db_path))


# Automatic backups and the start-up check ----------------------------------------------
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

