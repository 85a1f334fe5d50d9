"""Service requests (seed 002): a duplicate of a diploma, a certificate of study ... step by step.

**Which calendar.** A request stores the country whose working days it counts (KG, KZ, RU),
copied from the faculty setting ``country`` when the request is registered. Changing the
setting later does not move the dates of requests already running.

**When a step is due.** Each request holds its own copy of the procedure's steps. The planned
due date of a step counts from an *anchor*:

- the first step counts from the received date;
- every later step counts from the previous *taken* step's actual completion date when it is
  done, else from that step's planned due date (so a late or early step re-plans the rest);
- an optional step whose condition is not ticked is skipped: it has no date and is not an anchor.

From the anchor, a step of N **working days** is due on ``add_working_days(anchor, N)``: the
N-th working day *after* the anchor. "Registration within 1 working day" of documents received
on Friday 20.03.2026 in Kazakhstan is therefore due on Thursday 26.03.2026 (21-25 March are days
off). A step of N **calendar days** is due N days after the anchor; a **fixed** step ("no later
than 15 August") is due on the first such day on or after the received date (and on or after an
earlier fixed step's day: one procedure's fixed dates fall in one yearly cycle). When a calendar
or fixed due date falls on a day off, it moves to the next working day (the civil-law rule for
the last day of a term; seed 002's own durations end on working days).

**Overdue.** On a day D a step is overdue when it is taken, not done and its planned date is
before D (a step due today is not yet overdue). A request is overdue when it is in progress and
one of its steps is overdue. A step done after its planned date is shown as "done late".

**Status.** In progress until every taken step has an actual date (then done, closed on the
last actual date), or refused with a reason (refusal can be withdrawn).

Modules by job
--------------
``entities`` (the tables, channels, statuses), ``planning`` (due dates, re-planning, the check
rule), ``editing`` (every write and its undoable operation), ``queries`` (what the register,
the card, the agenda and today's page read), ``shapes`` (the typed rows, card and snapshot
those hand to the other layers). Every public name is importable from this package.
"""

from desktop.models.requests.editing import (
    SHOWN_REQUEST_FIELDS,
    change_channel,
    clean_documents,
    create_request,
    create_request_op,
    delete_request,
    delete_request_op,
    edit_request_op,
    record_step,
    refuse_request,
    request_snapshot,
    restore_request,
    set_condition,
    set_documents,
    update_request,
    withdraw_refusal,
)
from desktop.models.requests.entities import (
    DUE_SOON,
    REFUSAL_GROUNDS,
    Channel,
    RequestStatus,
    RequestStep,
    ServiceRequest,
)
from desktop.models.requests.planning import (
    fixed_due,
    planned_dates,
    replan,
    replan_open_requests,
    stale_plans,
)
from desktop.models.requests.queries import (
    DueStep,
    dashboard_counts,
    request_card,
    request_rows,
    requests_due,
    requests_overdue,
    week_of,
)
from desktop.models.requests.shapes import (
    CardStep,
    DashboardCounts,
    NewRequest,
    RequestCard,
    RequestRow,
    RequestSnapshot,
    StepSnapshot,
)

__all__ = [
    "DUE_SOON", "REFUSAL_GROUNDS", "SHOWN_REQUEST_FIELDS", "CardStep", "Channel", "DashboardCounts", "DueStep",
    "NewRequest",
    "RequestCard", "RequestRow", "RequestSnapshot", "RequestStatus", "RequestStep", "ServiceRequest", "StepSnapshot",
    "change_channel", "clean_documents", "create_request", "create_request_op",
    "dashboard_counts", "delete_request", "delete_request_op", "edit_request_op", "fixed_due", "planned_dates",
    "record_step", "refuse_request", "replan", "replan_open_requests", "request_card", "request_rows",
    "request_snapshot", "requests_due", "requests_overdue", "restore_request", "set_condition", "set_documents",
    "stale_plans", "update_request", "week_of", "withdraw_refusal",
]
