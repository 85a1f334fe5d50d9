"""Service requests due this week (and overdue ones) come onto the weekly meeting's agenda."""

import datetime as dt

from sqlalchemy import select

from desktop.models import settings
from desktop.models.meetings_agenda import draft_for
from desktop.models.request_templates import ProcedureTemplate, ensure_builtin_procedures
from desktop.models.requests import create_request, record_step, request_snapshot

D = dt.date


def _duplicate_request(s, received):
    settings.put(s, "country", "KZ")
    ensure_builtin_procedures(s)
    dup = s.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "duplicate_diploma"))
    return create_request(s, dup, received, applicant="Әлиева Ғалия")


def test_a_step_due_this_week_is_proposed_and_an_overdue_one_first(db):
    with db.session() as s:
        rid = _duplicate_request(s, D(2026, 3, 20))  # registration due Thu 26.03 (21-25 March off in KZ)
        # The Monday meeting of 23 March looks ahead to Sunday 29: the registration step is due.
        week = [p for p in draft_for(s, None, D(2026, 3, 23)) if p.source == "requests"]
        assert [p.ref for p in week] == [f"request:{rid}"]
        assert not week[0].overdue and week[0].due_date == D(2026, 3, 26)
        assert "Әлиева Ғалия" in week[0].title
        # A week later the registration is still not done: overdue.
        late = [p for p in draft_for(s, None, D(2026, 3, 30)) if p.source == "requests"]
        assert late and late[0].overdue
        # Once every step is done, the request leaves the agenda.
        for step in request_snapshot(s, rid)["steps"]:
            if step["taken"]:
                record_step(s, step["id"], D(2026, 3, 26), "Беделова Н.С.")
        assert not [p for p in draft_for(s, None, D(2026, 3, 30)) if p.source == "requests"]
