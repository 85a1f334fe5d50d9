"""The one way every export reaches the disk (CLI and window alike).

``atomic_file(target)`` hands out a temporary path in a private folder beside the target
(``.~dekanat-<pid>-<random>/``); XlsxWriter's own scratch files go there too (``reports/xlsx.py`` sets its
``tmpdir`` to the folder of the file it writes). When the writer returns, the file is flushed to
disk and renamed over the target in one step; on any failure, Cancel or exception, the folder is
removed and an existing target is untouched. Nothing is written to the system's temporary folder.

Faults are reported as ``ExportFailed`` with a message naming the file and what happened
(the disk is full, the folder is read-only, the file is open in another program ...).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.i18n import _
from desktop.models.base import DomainError
from desktop.models.db import protected_paths
from desktop.models.faults import describe_os_error, os_error_of

log = logging.getLogger("dekanat")

SCRATCH_PREFIX = ".~dekanat-"


class ExportFailed(DomainError):
    """An export could not be written; the message names the file and the cause, and says that
    an existing file of that name was left as it was."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def _failed(target: Path, reason: str) -> ExportFailed:
    return ExportFailed(_("{path} was not written: {reason}. An existing file of that name was not changed.").format(
        path=target, reason=reason), target)


def check_target(target: Path) -> None:
    """Refuse a target that is the open database, its side files, its lock or backups folder."""
    absolute = Path(os.path.abspath(target))
    for protected in protected_paths():
        same = absolute == protected
        if not same and absolute.exists() and protected.exists():
            try:
                same = os.path.samefile(absolute, protected)
            except OSError:
                same = False
        if same or protected in absolute.parents and protected.name.endswith(".backups"):
            raise _failed(absolute, _("it is the database or one of its own files"))
    if absolute.is_dir():
        raise _failed(absolute, _("it is a folder"))
    if not absolute.parent.is_dir():
        raise _failed(absolute, _("the folder does not exist"))


@contextmanager
def atomic_file(target: str | os.PathLike) -> Iterator[Path]:
    """``with atomic_file(path) as temporary: write(temporary)``: the file appears at ``path``
    only when the block ends without an error, whole and flushed to disk."""
    started = time.perf_counter()
    target = Path(os.path.abspath(target))
    check_target(target)
    remove_leftovers(target.parent)
    scratch: Path | None = None
    try:
        try:
            scratch = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=target.parent))
        except OSError as exc:
            raise _failed(target, describe_os_error(exc, target)) from exc
        temporary = scratch / target.name
        try:
            yield temporary
            with open(temporary, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(temporary, target)
            _sync_folder(target.parent)
            from desktop.logs import event

            event("export written", file=target.name, bytes=target.stat().st_size,
                  ms=round((time.perf_counter() - started) * 1000))
        except ExportFailed:
            raise
        except Exception as exc:
            cause = os_error_of(exc)
            if cause is None:
                raise
            log.warning("export to a file failed: %s (errno %s)", type(cause).__name__, cause.errno)
            raise _failed(target, describe_os_error(cause, target)) from exc
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def write_bytes(target: str | os.PathLike, data: bytes) -> None:
    """Put ``data`` (a PDF made for a preview, say) at ``target`` through ``atomic_file``."""
    with atomic_file(target) as temporary:
        temporary.write_bytes(data)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_leftovers(folder: Path) -> list[Path]:
    """Scratch folders left by a killed export (named ``.~dekanat-<pid>-...``): removed by the next
    export into that folder once their process is gone."""
    import re

    from desktop.models.lock import _process_alive

    removed = []
    for entry in Path(folder).glob(SCRATCH_PREFIX + "*"):
        m = re.match(re.escape(SCRATCH_PREFIX) + r"(\d+)-", entry.name)
        if not m or not entry.is_dir():
            continue
        pid = int(m.group(1))
        if pid != os.getpid() and not _process_alive(pid):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed
