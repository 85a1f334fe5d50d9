"""Undo commands that call model-layer functions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm.exc import StaleDataError


class FunctionCommand(QUndoCommand):
    """``redo`` and ``undo`` are plain callables that each run one model-layer operation;
    ``after`` runs after either (refresh the view)."""

    def __init__(self, text: str, redo: Callable[[], object], undo: Callable[[], object],
                 after: Callable[[], object] | None = None, *, done: bool = False):
        super().__init__(text)
        self._redo = redo
        self._undo = undo
        self._after = after
        self._skip = done

    def redo(self) -> None:
        if self._skip:  # already carried out by perform()
            self._skip = False
        else:
            self._redo()
        if self._after:
            self._after()

    def undo(self) -> None:
        self._undo()
        if self._after:
            self._after()


def perform(stack: QUndoStack, text: str, redo: Callable[[], object], undo: Callable[[], object],
            after: Callable[[], object] | None = None):
    """Carry the operation out now (its errors reach the caller, nothing goes on the stack),
    then push it so Undo can reverse it. Returns what ``redo`` returned.

    A write refused because another install changed the record meanwhile (StaleDataError) is
    handled here for every page: the user is told and offered a reload (``after`` reloads the
    view), then StaleRecord (a DomainError) reaches the caller."""
    try:
        result = redo()
    except StaleDataError as exc:
        from desktop.views.common.stale import StaleRecord, ask_reload, stale_message

        if ask_reload() and after:
            after()
        raise StaleRecord(stale_message()) from exc
    stack.push(FunctionCommand(text, redo, undo, after, done=True))
    return result
