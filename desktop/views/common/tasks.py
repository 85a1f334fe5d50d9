"""Long work (over a second) in a worker thread behind a progress dialog that can cancel.

The work is a model-layer function taking ``progress: Progress``; it runs in one transaction,
so Cancel (which raises ``Cancelled`` at its next step) leaves no partial data.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.i18n import _
from desktop.models.progress import Cancelled, Progress
from desktop.logs import event


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object, object)  # result, exception

    def __init__(self, fn: Callable[[Progress], Any]):
        super().__init__()
        self.fn = fn
        self.progress = Progress(lambda done, total, label: self.progressed.emit(done, total, label))

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # handed to the GUI thread
            self.finished.emit(None, exc)
        else:
            self.finished.emit(result, None)


class TaskCancelled(Exception):
    pass


def run_with_progress(parent: QWidget | None, title: str, fn: Callable[[Progress], Any],
                      label: str = "") -> Any:
    """Run ``fn(progress)`` in a thread; returns its result, raises its error or TaskCancelled."""
    dialog = QProgressDialog(label or title, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    thread = QThread()
    worker = _Worker(fn)
    worker.moveToThread(thread)
    outcome: dict[str, Any] = {}

    def on_progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        if text:
            dialog.setLabelText(text)

    loop = QEventLoop()

    def on_finished(result, exc) -> None:
        outcome["result"], outcome["error"] = result, exc
        loop.quit()

    worker.progressed.connect(on_progress)
    worker.finished.connect(on_finished)
    dialog.canceled.connect(worker.progress.cancel)
    thread.started.connect(worker.run)
    thread.start()
    if "error" not in outcome:
        loop.exec()
    thread.quit()
    thread.wait()
    dialog.reset()
    dialog.close()
    dialog.deleteLater()
    error = outcome["error"]
    if isinstance(error, Cancelled):
        raise TaskCancelled() from error
    if error is not None:
        raise error
    return outcome["result"]


def make_report(parent: QWidget | None, title: str, fn: Callable[[Progress], Any], label: str = "") -> Any:
    """Make a report (PDF bytes for a preview, say) behind the progress dialog; None when cancelled."""
    try:
        return run_with_progress(parent, title, fn, label or _("Preparing the report…"))
    except TaskCancelled:
        return None


def write_report_file(parent: QWidget | None, title: str, path: str | os.PathLike,
                      write: Callable[[str, Progress], Any]) -> bool:
    """Write an export behind the progress dialog: ``write(temporary_path, progress)`` writes a file
    beside ``path``, which is renamed into place only when it is whole. Cancel or an error leaves
    no file (and an existing one untouched). Returns False when cancelled or when the folder or
    disk refused the file (the user is told which file and why)."""
    target = Path(path)
    temporary = None

    def work(progress: Progress) -> None:
        write(temporary, progress)
        os.replace(temporary, target)

    try:
        fd, temporary = tempfile.mkstemp(prefix=".~", suffix=target.suffix, dir=target.parent)
        os.close(fd)
        run_with_progress(parent, title, work, _("Writing {name}…").format(name=target.name))
        event("export written", file=target.name, bytes=target.stat().st_size)
        return True
    except TaskCancelled:
        return False
    except OSError as exc:  # a read-only folder, a full disk, the file open in Excel ...
        QMessageBox.warning(parent, title, _("{path} could not be written: {error}").format(
            path=target, error=exc.strerror or exc))
        return False
    finally:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
