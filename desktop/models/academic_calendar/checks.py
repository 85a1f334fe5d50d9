"""The calendars' rule for ``dekanat check``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.models.academic_calendar.queries import calendar_engine, calendars
from desktop.models.academic_calendar.rules import load

# ``dekanat check`` -------------------------------------------------------------------

def _register_check_rule() -> None:
    from desktop.models.check import rule

    @rule
    def _calendars_resolve(session: Session) -> list[str]:
        """Errors of every calendar (see ``calendar_checks.SEVERITY``: warnings do not fail the check)."""
        from desktop.models.calendar_checks import errors

        out = []
        for cal_id, year, level, layout in calendars(session):
            data = load(session, cal_id)
            titles = {e.id: f"{e.number} {e.title}" for e in data.events}
            for p in errors(data, calendar_engine(session, data)):
                out.append(f"calendar {year} {level} {layout}: {titles.get(p.event_id, '?')} [{p.term}]: "
                           f"{p.message()}")
        return out


_register_check_rule()
