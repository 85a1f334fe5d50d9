"""The "Today" page's data: what needs the office this week, gathered from every area's own
query functions in one read (no Qt; the page and the tests call :func:`today_rows`).

Each row is a :class:`TodayRow`: its ``section`` (a :class:`Section`), ``state`` (a :class:`State`),
``date``, ``title``, ``detail``, ``area`` (the area key that opens it) and ``target`` (what to
select there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from desktop import dates
from desktop.i18n import N_, LabelledEnum, _


class Section(LabelledEnum):
    """Where a row comes from (the page lists them in this order)."""

    WORKPLAN = "workplan", N_("Work plan")
    MEETINGS = "meetings", N_("Meetings")
    REQUESTS = "requests", N_("Service requests")
    CURATORS = "curators", N_("Curator reports")
    EXAMS = "exams", N_("Exam sessions")
    BACKUP = "backup", N_("Backups")


class State(LabelledEnum):
    """How pressing a row is (the page lists overdue first)."""

    OVERDUE = "overdue", N_("Overdue")
    DUE = "due", N_("Coming up")
    INFO = "info", N_("Note")


# What a row selects in its area: an item, meeting, request or exam session id, or for curator
# reports the month and the assignments concerned.
Target = int | tuple[tuple[int, int], tuple[int, ...]] | None
MAX_ROWS = 50  # per section: the page is a summary, the area holds the rest
SESSION_AHEAD = 75  # days


@dataclass(frozen=True, slots=True)
class TodayRow:
    """One line of the Today page."""

    section: Section
    state: State
    date: dt.date | None
    title: str
    detail: str = ""
    area: str = ""  # the area key that opens it
    target: Target = None


def _row(section: Section, state: State, date: dt.date | None, title: str, detail: str = "",
         area: str = "", target: Target = None) -> TodayRow:
    return TodayRow(section, state, date, title, detail, area or section.value, target)


def _workplan(session: Session, today: dt.date, week_end: dt.date) -> list[TodayRow]:
    from desktop.models import workplan as wp
    from desktop.models import workplan_deadline as dl

    rows, seen = [], set()
    for item in wp.items_overdue(session, today)[:MAX_ROWS]:
        seen.add(item.id)
        last = dl.last_day(item.deadline or {}, item.section.plan.year.first_year)
        rows.append(_row(Section.WORKPLAN, State.OVERDUE, last, item.text, item.section.title, target=item.id))
    for item in wp.items_due(session, today, week_end):
        if item.id in seen or (item.deadline or {}).get("kind") in ("year_round", "weekly", "monthly"):
            continue
        last = dl.last_day(item.deadline or {}, item.section.plan.year.first_year)
        rows.append(_row(Section.WORKPLAN, State.DUE, last, item.text, item.section.title, target=item.id))
        if len(rows) >= MAX_ROWS:
            break
    return rows


def _meetings(session: Session, today: dt.date) -> list[TodayRow]:
    from desktop.models.meetings import meetings_between

    rows = []
    upcoming = [m for m in meetings_between(session, today, today + dt.timedelta(days=31)) if not m["held"]]
    seen_series = set()
    for m in upcoming:
        if m["series_id"] in seen_series:
            continue  # the next meeting of each series
        seen_series.add(m["series_id"])
        drafted = m["items"] > 0
        detail = (_("agenda drafted: {n} items").format(n=m["items"]) if drafted
                  else _("the agenda is not drafted yet"))
        rows.append(_row(Section.MEETINGS, State.DUE if drafted else State.OVERDUE, m["date"], m["series"],
                         f"{m['time']} · {detail}", target=m["id"]))
    return rows


def _step(step) -> str:
    """A step as the office reads it (built-in procedures' steps and units are msgids)."""
    return f"{_(step.step)} ({_(step.unit)})" if step.unit else _(step.step)


def _requests(session: Session, today: dt.date, week_end: dt.date) -> list[TodayRow]:
    from desktop.models.requests import requests_due, requests_overdue

    rows = []
    for step in requests_overdue(session, today)[:MAX_ROWS]:
        rows.append(_row(Section.REQUESTS, State.OVERDUE, step.planned, f"{step.applicant}: {_(step.procedure)}",
                         _step(step), target=step.request_id))
    overdue = {r.target for r in rows}
    for step in requests_due(session, today, week_end):
        if step.request_id in overdue:
            continue
        rows.append(_row(Section.REQUESTS, State.DUE, step.planned, f"{step.applicant}: {_(step.procedure)}",
                         _step(step), target=step.request_id))
        if len(rows) >= MAX_ROWS:
            break
    return rows


def _curators(session: Session, today: dt.date, week_end: dt.date) -> list[TodayRow]:
    from desktop.models.curator_reports import build_matrix
    from desktop.models.curators import CellState
    from desktop.models.org import academic_year_of

    year = academic_year_of(today)
    from sqlalchemy import select

    from desktop.models.org import AcademicYear

    if session.scalar(select(AcademicYear.id).where(AcademicYear.name == year)) is None:
        return []
    matrix = build_matrix(session, year, today)
    rows = []
    for i, ((y, m), due) in enumerate(zip(matrix.months, matrix.dues, strict=True)):
        missing = [r.assignment for r in matrix.rows if r.cells[i][0] is CellState.MISSING]
        coming = due >= today and due <= week_end
        waiting = [r.assignment for r in matrix.rows if r.cells[i][0] is CellState.NOT_DUE]
        month = dt.date(y, m, 1)
        if missing:
            rows.append(_row(Section.CURATORS, State.OVERDUE, due,
                             _("Reports for {month}: {n} not handed in").format(
                                 month=month.strftime("%m.%Y"), n=len(missing)),
                             ", ".join(a.group for a in missing[:8]) + ("…" if len(missing) > 8 else ""),
                             target=((y, m), tuple(a.id for a in missing))))
        if coming and waiting:
            rows.append(_row(Section.CURATORS, State.DUE, due,
                             _("Reports for {month} are due: {n} still to come").format(
                                 month=month.strftime("%m.%Y"), n=len(waiting)),
                             "", target=((y, m), tuple(a.id for a in waiting))))
    return rows[-MAX_ROWS:]


def _exams(session: Session, today: dt.date) -> list[TodayRow]:
    from sqlalchemy import select

    from desktop.models.exam_conflicts import check_session
    from desktop.models.exams import ExamSession, SessionKind

    rows = []
    # Sessions in progress or starting within SESSION_AHEAD days (their conflicts need resolving now).
    sessions = session.execute(select(ExamSession.id, ExamSession.kind, ExamSession.end_date)
                               .where(ExamSession.end_date >= today,
                                      ExamSession.start_date <= today + dt.timedelta(days=SESSION_AHEAD))).all()
    for session_id, kind, _end in sessions:
        _schedule, conflicts = check_session(session, session_id)
        errors = [c for c in conflicts if c.severity == "error"]
        if conflicts:
            first = min((c.day for c in conflicts if c.day), default=None)
            rows.append(_row(Section.EXAMS, State.OVERDUE if errors else State.DUE, first,
                             SessionKind(kind).label(),
                             _("{errors} errors, {warnings} warnings to resolve").format(
                                 errors=len(errors), warnings=len(conflicts) - len(errors)), target=session_id))
    return rows


def _backup(db_path: Path | None, today: dt.date) -> list[TodayRow]:
    if db_path is None:
        return [_row(Section.BACKUP, State.INFO, None, _("A server database is backed up on the server."), area="")]
    from desktop.models.backup import list_backups

    backups = list_backups(db_path)
    if not backups:
        return [_row(Section.BACKUP, State.OVERDUE, None, _("No backup has been taken yet."), area="")]
    stamp, path = max(backups)
    old = (today - stamp.date()).days > 7
    return [_row(Section.BACKUP, State.OVERDUE if old else State.INFO, stamp.date(),
                 _("Last backup: {when}").format(when=dates.table_time(stamp)), path.name, area="")]


def today_rows(session: Session, today: dt.date, db_path: Path | None = None) -> list[TodayRow]:
    """Everything the Today page lists, section by section; the week is today to Sunday."""
    week_end = today + dt.timedelta(days=6 - today.weekday())
    rows: list[TodayRow] = []
    rows += _workplan(session, today, week_end)
    rows += _meetings(session, today)
    rows += _requests(session, today, week_end)
    rows += _curators(session, today, week_end)
    rows += _exams(session, today)
    rows += _backup(db_path, today)
    return rows
