"""Progress and cancellation for long work, without Qt.

Long model functions take ``progress: Progress | None`` and call ``progress.step(done, total)``;
when the user pressed Cancel it raises :class:`Cancelled`, the surrounding transaction rolls
back, and nothing partial is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled; nothing was written."""


class Progress:
    def __init__(self, report: Callable[[int, int, str], None] | None = None):
        self._report = report
        self._cancel = threading.Event()
        self.label = ""

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, label: str | None = None) -> None:
        if label is not None:
            self.label = label
        if self._cancel.is_set():
            raise Cancelled()
        if self._report is not None:
            self._report(done, total, self.label)


def step(progress: Progress | None, done: int, total: int, label: str | None = None) -> None:
    """``progress.step`` that tolerates ``None`` (command line, tests)."""
    if progress is not None:
        progress.step(done, total, label)
