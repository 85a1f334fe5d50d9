"""Which database files passed the window's start-up check, and exactly as what they were on disk.

The window checks its file (``PRAGMA quick_check``, ``backup.startup_check``) before anything
writes to it. Checking the same bytes twice tells nothing new, so after a clean check the file's
*stamp* is kept in a small JSON file beside the user's settings; the next start skips the check
when the stamp is the same, and checks whenever anything differs.

A stamp is what the operating system says about the file and its write-ahead log: device, inode,
size, modification and status-change times in nanoseconds. Any write to the file changes its
modification time; a file copied or restored over it is a new inode; and the status-change time
(``st_ctime``) cannot be set back by a program, so a file damaged and then given its old
modification time (``os.utime``) is still checked. A write that has reached only the -wal changes
the -wal's stamp (an empty -wal holds nothing and counts as none); a rollback -journal left
behind by a crash is never skipped.

What no stamp shows is a disk that decays under an unchanged file; so a skipped check is only
skipped for a week (``RECHECK_AFTER``) after the last one that ran.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

KEPT = 20  # files remembered per user (the most recently checked)
RECHECK_AFTER = 7 * 24 * 3600  # seconds: an unchanged file is checked again a week after its last check


def file_stamp(db_path: Path) -> list | None:
    """The stamp of a database file and its -wal, or None when there is nothing to stamp (no file,
    an empty file, or a -journal left by an interrupted write: those are always checked)."""
    db_path = Path(db_path)
    try:
        st = db_path.stat()
    except OSError:
        return None
    if st.st_size == 0 or _size(Path(f"{db_path}-journal")):
        return None
    stamp: list = [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]
    wal = Path(f"{db_path}-wal")
    try:
        wst = wal.stat()
    except OSError:
        wst = None
    if wst is not None and wst.st_size > 0:
        stamp += [wst.st_ino, wst.st_size, wst.st_mtime_ns]
    return stamp


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _key(db_path: Path) -> str:
    return str(Path(db_path).resolve())


def _read(store: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(store).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def passed_unchanged(store: Path | None, db_path: Path, stamp: list | None, *, now: float | None = None) -> bool:
    """True when ``db_path`` passed its check as exactly ``stamp`` less than ``RECHECK_AFTER`` ago
    (so it need not be checked again)."""
    if store is None or stamp is None:
        return False
    entry = _read(store).get(_key(db_path))
    if not isinstance(entry, dict) or entry.get("stamp") != stamp or not isinstance(entry.get("at"), (int, float)):
        return False
    age = (time.time() if now is None else now) - entry["at"]
    return 0 <= age < RECHECK_AFTER


def remember_passed(store: Path | None, db_path: Path, stamp: list | None, *, now: float | None = None) -> None:
    """Keep ``stamp`` (taken *before* the check that passed) as the file's last clean state, with
    the time of that check. A store that cannot be written costs only a check at the next start."""
    if store is None or stamp is None:
        return
    store = Path(store)
    data = _read(store)
    data.pop(_key(db_path), None)
    # the newest last: the oldest are dropped past KEPT
    data[_key(db_path)] = {"stamp": stamp, "at": time.time() if now is None else now}
    scratch = store.with_name(f".{store.name}.{os.getpid()}")
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        scratch.write_text(json.dumps(dict(list(data.items())[-KEPT:])), encoding="utf-8")
        os.replace(scratch, store)  # whole or not at all: two windows never leave half a file
    except OSError:
        scratch.unlink(missing_ok=True)
