"""The log file, shared by the window and the command line (no Qt here)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from typing import TYPE_CHECKING

from desktop import paths

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def setup_logging() -> str:
    """Log to a rotating, owner-only file in the user's log folder. Never personal data:
    only exception types and stacks, and SQL errors without their parameters."""
    path = paths.log_dir() / "dekanat.log"
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # start-up chatter, no facts
    return str(path)


def event(what: str, **facts: object) -> None:
    """One line for support: what happened and its figures (rows, milliseconds, a file's base
    name, a revision). Callers pass counts and names of files, never values from the records."""
    parts = " ".join(f"{key}={value}" for key, value in facts.items())
    logging.getLogger("dekanat.events").info("%s%s", what, f" {parts}" if parts else "")


_hooked = False


def event_on_commit(session: Session, what: str, **facts: object) -> None:
    """Like ``event``, but written only when ``session``'s transaction commits: an import that is
    cancelled or refused later in the same transaction leaves no line saying it was written."""
    global _hooked
    if not _hooked:
        from sqlalchemy import event as sa_event
        from sqlalchemy.orm import Session as SessionClass

        sa_event.listen(SessionClass, "after_commit", _write_pending)
        sa_event.listen(SessionClass, "after_rollback", _drop_pending)
        _hooked = True
    session.info.setdefault("log_events", []).append((what, facts))


def _write_pending(session: Session) -> None:
    for what, facts in session.info.pop("log_events", []):
        event(what, **facts)


def _drop_pending(session: Session) -> None:
    session.info.pop("log_events", None)
