"""Service requests on the weekly meeting's agenda: steps overdue, and steps due up to the
meeting's horizon ("due this week" for a weekly meeting)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from desktop import dates
from desktop.i18n import N_, _
from desktop.models import requests as rq
from desktop.models.meetings_agenda import AgendaProposal, register_source


def _proposal(step: rq.DueStep) -> AgendaProposal:
    title = _("Service request No. {number} ({procedure}): {step}, applicant {applicant}").format(
        number=step.request_id, procedure=_(step.procedure), step=_(step.step), applicant=step.applicant)
    return AgendaProposal("requests", title, f"request:{step.request_id}", speaker=step.unit and _(step.unit) or "",
                          due_date=step.planned, overdue=step.overdue,
                          note=_("due {date}").format(date=dates.table(step.planned)))


def requests_on_agenda(session: Session, meeting_date: dt.date, horizon: dt.date) -> list[AgendaProposal]:
    overdue = rq.requests_overdue(session, meeting_date)
    seen = {s.request_id for s in overdue}
    due = [s for s in rq.requests_due(session, meeting_date, horizon) if s.request_id not in seen]
    return [_proposal(s) for s in overdue + due]


register_source("requests", N_("Service request"), requests_on_agenda)
