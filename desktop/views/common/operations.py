"""The one runner of model-layer operations (``desktop/models/operations.py``) in the window.

``run(page, text, op)`` executes the operation in one transaction; a refusal (``DomainError``) is
shown as a message and nothing goes on the stack; a stale write offers a reload. When it went
through, one ``OperationCommand`` is pushed on the page's undo stack: its undo and redo run the
operations the model returned (never closures written in a view), and every run announces the
outcome's ``Change`` flags to all pages (``AppContext.changed``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm.exc import StaleDataError

from desktop.models.base import DomainError
from desktop.models.operations import Change, Operation, Outcome
from desktop.views.common.undo import entry_text

# Who runs an operation: an area page (``ctx``, ``undo_stack``, ``refresh``, ``shows``), or a Host.
Owner = Any


class Host:
    """The owner of an operation that is not an area page (Settings → Document frame, the
    faculty editor): the shared context, and the window its messages belong to."""

    def __init__(self, ctx, parent: QWidget | None = None):
        self.ctx = ctx
        self.parent = parent


def _parent(page) -> QWidget | None:
    return page if isinstance(page, QWidget) else getattr(page, "parent", None)


def _reload(page: Owner) -> None:
    """The owner reloads what it shows (an area page's ``refresh``; a dialog may have none)."""
    refresh = getattr(page, "refresh", None)
    if refresh is not None:
        refresh()


def _execute(page: Owner, op: Operation, title: str | None, progress: str | None = None,
             refused: Callable[[str], object] | None = None,
             cancelled: str | None = None, progress_label: str = "") -> Outcome[Any] | None:
    """Run one operation in one transaction; None (the user told) when it was refused. With
    ``progress`` (a title), on a worker thread behind the progress dialog: the operation gets
    ``progress=`` and Cancel writes nothing (``cancelled``: what the status bar then says).
    ``refused(message)`` shows a refusal where the caller wants it (default: a message box)."""
    from desktop.views.common.tasks import TaskCancelled, run_with_progress

    def work(reporter) -> Outcome[Any]:
        with page.ctx.db.session() as s:
            return op(s, progress=reporter)

    try:
        if progress is not None:
            return run_with_progress(page, progress, work, progress_label)
        with page.ctx.db.session() as s:
            return op(s)
    except TaskCancelled:
        if cancelled:
            page.ctx.status_message.emit(cancelled)
        return None
    except StaleDataError:
        from desktop.views.common.stale import ask_reload, reload_everything

        if ask_reload(_parent(page)):
            if isinstance(page, QWidget) and page.window() is not page:
                reload_everything()  # a page in the main window: every page reloads
            else:
                _reload(page)  # a page on its own (tests), a dialog
        return None
    except DomainError as exc:
        if refused is not None:
            refused(str(exc))
        else:
            parent = _parent(page)
            QMessageBox.warning(parent, title or (parent.window().windowTitle() if parent else ""), str(exc))
        _reload(page)
        return None


def _announce(page: Owner, outcome: Outcome[Any], after: Callable[[Outcome[Any]], object] | None) -> None:
    if not outcome.changes & getattr(page, "shows", Change.NONE):
        _reload(page)  # otherwise the page reloads when it hears the flags, as every page does
    page.ctx.notify(outcome.changes)
    if after is not None:
        after(outcome)


class OperationCommand(QUndoCommand):
    """One entry of a page's undo stack: holds the operation that undoes what was done last
    (and, after an undo, the one that redoes it). A step the database refuses now (someone
    changed or deleted the record meanwhile) is told and leaves the stack (obsolete)."""

    def __init__(self, page: Owner, text: str, undo: Operation, after: Callable[[Outcome[Any]], object] | None,
                 title: str | None):
        super().__init__(text)
        self._page = page
        self._next = undo
        self._after = after
        self._title = title
        self._skip = True  # the first redo() comes from push(): the work is already done

    def _step(self) -> None:
        outcome = _execute(self._page, self._next, self._title)
        if outcome is None:
            self.setObsolete(True)
            return
        self._next = outcome.undo
        _announce(self._page, outcome, self._after)

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._step()

    def undo(self) -> None:
        self._step()


def run(page: Owner, text: str, op: Operation, *, after: Callable[[Outcome[Any]], object] | None = None,
        title: str | None = None, progress: str | None = None, refused: Callable[[str], object] | None = None,
        cancelled: str | None = None, stack: QUndoStack | None = None,
        progress_label: str = "") -> Outcome[Any] | None:
    """Carry out ``op`` now and put it on ``page.undo_stack`` under ``text`` (its undo entry's
    words come from ``undo.entry_text``). Returns the outcome, or None when it was refused (the
    message was shown, nothing written, nothing pushed). After each step (do, undo, redo) the page
    reloads once (through its ``shows`` flags, else ``page.refresh()``), then ``after(outcome)``
    runs (e.g. select the record again, or the one an undo brought back); ``title`` is the message
    box's title; ``progress``: long work, run the first time behind a progress dialog so titled
    (``progress_label``: its line of text; undo and redo run at once; ``cancelled``: the status
    bar's words after Cancel); ``refused``:
    shows a refusal in place of the message box (a dialog's own error line); ``stack``: the undo
    stack when ``page`` is not an area page (a dialog, the main window's Settings)."""
    outcome = _execute(page, op, title, progress, refused, cancelled, progress_label)
    if outcome is None:
        return None
    command = OperationCommand(page, entry_text(text), outcome.undo, after, title)
    (stack if stack is not None else page.undo_stack).push(command)
    _announce(page, outcome, after)
    return outcome
