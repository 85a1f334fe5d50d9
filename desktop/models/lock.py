"""One lock per database file, the same for the window and the command line.

``<database>.lock`` holds ``pid``, the program name and the host, one a line (the layout QLockFile
uses). It is created with O_EXCL, so of two processes only one gets it; a lock whose process is
gone (on this host) is stale and taken over, as after a crash or kill -9. Writing commands and the
window take it; commands that only read (check, export, backup) run beside its holder.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.i18n import _
from desktop.models.base import DomainError

APP = "dekanat"


class DatabaseLocked(DomainError):
    """Another Dekanat process holds the database; the message names its process and host."""

    def __init__(self, message: str, holder: Holder | None = None):
        super().__init__(message)
        self.holder = holder


@dataclass(frozen=True)
class Holder:
    pid: int
    app: str
    host: str


def lock_path(db_path: str | os.PathLike) -> Path:
    return Path(f"{os.path.abspath(db_path)}.lock")


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_holder(path: Path) -> Holder | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    try:
        pid = int(lines[0])
    except (IndexError, ValueError):
        return None
    return Holder(pid, lines[1] if len(lines) > 1 else "", lines[2] if len(lines) > 2 else "")


def is_stale(holder: Holder | None, path: Path) -> bool:
    if holder is None:  # empty or garbled: stale once it is older than a writer needs to fill it
        try:
            return time.time() - path.stat().st_mtime > 5
        except OSError:
            return True
    if holder.host and holder.host != socket.gethostname():
        return False  # another computer's process: it cannot be asked, so it is honoured
    return not _process_alive(holder.pid)


class DatabaseLock:
    """``acquire()`` or DatabaseLocked; ``release()`` removes the file only if it is still ours."""

    def __init__(self, db_path: str | os.PathLike):
        self.path = lock_path(db_path)
        self.held = False

    def try_acquire(self) -> Holder | None:
        """None when the lock is now ours; else who holds it. OSError when it cannot be created."""
        for _attempt in range(20):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                holder = read_holder(self.path)
                if is_stale(holder, self.path):
                    self._remove_stale()
                    continue
                if holder is None:  # being written this instant
                    time.sleep(0.05)
                    continue
                return holder
            try:
                os.write(fd, f"{os.getpid()}\n{APP}\n{socket.gethostname()}\n".encode())
            finally:
                os.close(fd)
            self.held = True
            return None
        holder = read_holder(self.path)
        return holder or Holder(0, "", "")

    def _remove_stale(self) -> None:
        # Renamed first: of two processes taking over the same stale lock, one rename succeeds.
        aside = self.path.with_name(f"{self.path.name}.stale{os.getpid()}")
        try:
            os.replace(self.path, aside)
            aside.unlink(missing_ok=True)
        except OSError:
            pass

    def acquire(self) -> None:
        try:
            holder = self.try_acquire()
        except OSError as exc:
            raise DatabaseLocked(_("The lock file {path} cannot be created: {reason}").format(
                path=self.path, reason=exc.strerror or exc)) from exc
        if holder is not None:
            raise DatabaseLocked(_("This database is already open in Dekanat (process {pid} on {host}).").format(
                pid=holder.pid, host=holder.host or "?"), holder)

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        holder = read_holder(self.path)
        if holder is not None and holder.pid == os.getpid():
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
