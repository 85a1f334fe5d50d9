"""The program's idea of "today".

Everything that asks "what is due", "what is overdue" or "which academic year is this" asks
``clock.today()`` rather than ``datetime.date.today()``, so that one setting pins the day: the
tests pin it (``tests/conftest.py``), and so can a support session reproducing what an office saw
on a given day (``DEKANAT_TODAY=2026-02-16 dekanat ...``). Timestamps of what really happened
(audit rows, backups, log lines) keep the real clock.
"""

from __future__ import annotations

import datetime as dt
import os

ENV = "DEKANAT_TODAY"


def today() -> dt.date:
    """Today's date, or the day ``DEKANAT_TODAY`` (YYYY-MM-DD) pins."""
    pinned = os.environ.get(ENV, "").strip()
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass  # a malformed pin is ignored rather than stopping the program
    return dt.date.today()
