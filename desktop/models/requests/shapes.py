"""The typed shapes the requests hand to the other layers: a request's snapshot (what a delete
returns and an undo puts back), the register's rows and a request's card (what the window, the
reports and the command line read).

The card is a frozen dataclass. The snapshot is a TypedDict: it is the undo's payload, written
back as the entity's columns. The register's rows are TypedDicts too: they go into the shared
``RecordTableModel``, which reads a row's values by column key."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, NotRequired, TypeAlias, TypedDict

if TYPE_CHECKING:
    from desktop.models.text_versions import SavedVersion

# The language versions of a deleted request and its steps: (table, row id, saved versions).
SavedVersions: TypeAlias = "list[tuple[str, int, list[SavedVersion]]]"


class StepSnapshot(TypedDict):
    """One step of a request, as stored."""

    id: int
    position: int
    name: str  # msgid or the office's own text: show through the translator
    unit: str
    kind: str  # a DurationKind value
    days: int
    fixed_month: int | None
    fixed_day: int | None
    optional: bool
    condition: str
    taken: bool  # an optional step whose condition is ticked
    planned: dt.date | None
    actual: dt.date | None
    done_by: str
    note: str


class RequestSnapshot(TypedDict):
    """A request with its steps as stored (``request_snapshot``); a deleted one also carries its
    language versions, so an undo brings them back."""

    id: int
    procedure_id: int | None
    procedure_name: str
    student_id: int | None
    applicant: str
    received: dt.date
    channel: str  # a Channel value
    country: str
    status: str  # a RequestStatus value
    refusal_reason: str
    note: str
    due: dt.date | None
    closed: dt.date | None
    documents: str
    steps: list[StepSnapshot]
    versions: NotRequired[SavedVersions]


@dataclass(frozen=True, slots=True)
class CardStep:
    """A step on the card: as stored, and whether it is skipped (optional, not taken), overdue or
    done late on the card's day."""

    id: int
    position: int
    name: str  # msgid or the office's own text: show through the translator
    unit: str
    kind: str  # a DurationKind value
    days: int
    fixed_month: int | None
    fixed_day: int | None
    optional: bool
    condition: str
    taken: bool
    planned: dt.date | None
    actual: dt.date | None
    done_by: str
    note: str
    skipped: bool
    overdue: bool
    late: bool


@dataclass(frozen=True, slots=True)
class RequestCard:
    """A request with its steps' state on a day (``request_card``): the card, its PDF, the receipt
    and the refusal letter."""

    id: int
    procedure_id: int | None
    procedure_name: str
    student_id: int | None
    applicant: str
    received: dt.date
    channel: str
    country: str
    status: str
    refusal_reason: str
    note: str
    due: dt.date | None
    closed: dt.date | None
    documents: str
    steps: tuple[CardStep, ...]
    overdue: bool  # a step is overdue


class RequestRow(TypedDict):
    """One request in the register (``request_rows``) with its current step on a day."""

    id: int
    applicant: str
    student_id: int | None
    procedure: str  # the procedure's name: msgid or the office's own text
    procedure_id: int | None
    received: dt.date
    channel: str
    status: str
    current_step: str  # "" when no step is open
    current_unit: str
    step_due: dt.date | None
    due: dt.date | None
    closed: dt.date | None
    overdue: bool
    days_overdue: int
    due_this_week: bool
    refusal_reason: str
    country: str
    note: str
    versions_text: NotRequired[str]  # every language version, for the filter (add_request_search_texts)


class DashboardCounts(TypedDict):
    """The requests area's counts (``dashboard_counts``): in progress, overdue, due soon."""

    open: int
    overdue: int
    due_soon: int  # not overdue, with a step due within the "due soon" horizon


class NewRequest(TypedDict):
    """The arguments of ``create_request`` (the new-request dialog gives them all)."""

    procedure_id: int | None
    received: dt.date
    student_id: NotRequired[int | None]
    applicant: NotRequired[str]
    channel: NotRequired[str]
    note: NotRequired[str]
    documents: NotRequired[str]
    conditions: NotRequired[set[int]]  # positions of the optional steps whose condition holds
