"""Undo commands that call model-layer functions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack


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
    then push it so Undo can reverse it. Returns what ``redo`` returned."""
    result = redo()
    stack.push(FunctionCommand(text, redo, undo, after, done=True))
    return result
