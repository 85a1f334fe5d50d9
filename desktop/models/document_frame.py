"""The official frame of the faculty's documents: who approves each kind of document, the
council's decision that approved the work plan, who compiles the documents, and the city.

University and faculty names come from the Faculty row; the rest is one ``app_setting`` row
("document_frame", JSON) shared by everyone on the database. Every field may stay blank: the
documents then print blank lines to sign and fill in by hand, never "None".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, LabelledEnum
from desktop.models import settings
from desktop.models.base import DomainError
from desktop.models.org import Faculty

FRAME = settings.declare("document_frame", {})



class DocumentKind(LabelledEnum):
    """The documents an office files, each with its approving official."""

    PLAN = "plan", N_("Work plan")
    EXAM_SCHEDULE = "exam_schedule", N_("Exam schedule")
    HEADCOUNT = "headcount", N_("Headcount")
    GROUP_LIST = "group_list", N_("Group lists")
    REQUESTS = "requests", N_("Service requests")
    PROGRESS = "progress", N_("Work plan progress")
    CURATORS = "curators", N_("Curator reports")
    DECISIONS = "decisions", N_("Decisions register")
    TEACHING_LOG = "teaching_log", N_("Teaching log")
    AGENDA = "agenda", N_("Meeting agendas and minutes")
    CALENDAR = "calendar", N_("Academic calendar")


DOCUMENT_KINDS: tuple[str, ...] = tuple(kind.value for kind in DocumentKind)
# The position printed when the office has not typed one (in the report's language).
DEFAULT_POSITIONS = {
    "exam_schedule": N_("Vice-rector for academic affairs"),
    "calendar": N_("Vice-rector for academic affairs"),
}
DEAN_POSITION = N_("Dean of the faculty")
COMPILER_POSITION = N_("Methodist")
MAX_TEXT = 300


@dataclass
class Official:
    position: str = ""
    name: str = ""


@dataclass
class Frame:
    """What the office typed (blank = not stated)."""

    city: str = ""
    approvers: dict[str, Official] = field(default_factory=dict)
    plan_by_council: bool = False  # the plan approved by the council's decision, not by the dean
    council_name: str = ""  # "Ученый совет", typed as the office writes it
    council_number: str = ""  # "205-1"
    council_date: dt.date | None = None
    compiler: Official = field(default_factory=Official)

    def approver(self, kind: str) -> Official:
        return self.approvers.get(kind) or Official()


@dataclass(frozen=True)
class DocumentFrame:
    """The frame of one document, ready for a report (positions untranslated when defaulted)."""

    kind: str
    university: str = ""
    faculty: str = ""
    city: str = ""
    approver_position: str = ""  # typed by the office; blank -> ``default_position`` translated
    approver_name: str = ""
    default_position: str = DEAN_POSITION
    by_council: bool = False
    council_name: str = ""
    council_number: str = ""
    council_date: dt.date | None = None
    compiler_position: str = ""
    compiler_name: str = ""


def _text(value, where: str) -> str:
    text = "" if value is None else str(value).strip()
    if len(text) > MAX_TEXT:
        raise DomainError(f"{where}: longer than {MAX_TEXT} characters")
    return text


class OfficialJson(TypedDict):
    position: str
    name: str


class FrameJson(TypedDict):
    """The frame as stored (the ``document_frame`` setting) and as ``dekanat frame show`` prints it."""

    city: str
    approvers: dict[str, OfficialJson]  # kind of document -> who approves it (only those stated)
    plan_by_council: bool
    council_name: str
    council_number: str
    council_date: str  # YYYY-MM-DD or ""
    compiler: OfficialJson


def to_json(frame: Frame) -> FrameJson:
    return {
        "city": frame.city,
        "approvers": {k: {"position": o.position, "name": o.name} for k, o in frame.approvers.items()
                      if o.position or o.name},
        "plan_by_council": frame.plan_by_council,
        "council_name": frame.council_name,
        "council_number": frame.council_number,
        "council_date": frame.council_date.isoformat() if frame.council_date else "",
        "compiler": {"position": frame.compiler.position, "name": frame.compiler.name},
    }


def from_json(data: object) -> Frame:
    """A frame from its stored (or typed) form, whatever was read; names the bad field and
    accepts nothing partial."""
    if not isinstance(data, dict):
        raise DomainError("document frame: not an object")
    approvers = {}
    raw_approvers = data.get("approvers") or {}
    if not isinstance(raw_approvers, dict):
        raise DomainError("approvers: not an object of kinds of documents")
    for kind, value in raw_approvers.items():
        if kind not in DOCUMENT_KINDS:
            raise DomainError(f"approvers: unknown kind of document {kind!r}")
        value = value or {}
        if not isinstance(value, dict):
            raise DomainError(f"approvers.{kind}: not an object with position and name")
        approvers[kind] = Official(_text(value.get("position"), f"approvers.{kind}.position"),
                                   _text(value.get("name"), f"approvers.{kind}.name"))
    raw_date = data.get("council_date") or ""
    if isinstance(raw_date, dt.date):
        council_date = raw_date
    elif raw_date:
        try:
            council_date = dt.date.fromisoformat(str(raw_date).strip())
        except ValueError:
            raise DomainError(f"council_date: {raw_date!r} is not a date (YYYY-MM-DD)") from None
    else:
        council_date = None
    by_council = data.get("plan_by_council", False)
    if not isinstance(by_council, bool):
        raise DomainError(f"plan_by_council: {by_council!r} is not true or false")
    compiler = data.get("compiler") or {}
    if not isinstance(compiler, dict):
        raise DomainError("compiler: not an object with position and name")
    return Frame(
        city=_text(data.get("city"), "city"),
        approvers=approvers,
        plan_by_council=by_council,
        council_name=_text(data.get("council_name"), "council_name"),
        council_number=_text(data.get("council_number"), "council_number"),
        council_date=council_date,
        compiler=Official(_text(compiler.get("position"), "compiler.position"),
                          _text(compiler.get("name"), "compiler.name")),
    )


def load_frame(session: Session) -> Frame:
    return from_json(settings.get(session, FRAME.key) or {})


def save_frame(session: Session, frame: Frame | Mapping[str, object]) -> Frame:
    """Store the whole frame (one write); its stored or typed form is checked field by field first."""
    if not isinstance(frame, Frame):
        frame = from_json(frame)
    settings.put(session, FRAME.key, to_json(frame))
    return frame


def _faculty(session: Session) -> Faculty | None:
    return session.scalars(select(Faculty).order_by(Faculty.id).limit(1)).first()


def document_frame(session: Session, kind: str, lang: str | None = None) -> DocumentFrame:
    """The frame of a ``kind`` document: faculty names (their versions in ``lang`` where there
    are), its approver, council line, compiler, city."""
    if kind not in DOCUMENT_KINDS:
        raise DomainError(f"unknown kind of document {kind!r}")
    frame = load_frame(session)
    faculty = _faculty(session)
    approver = frame.approver(kind)
    by_council = kind == "plan" and frame.plan_by_council
    university = (faculty.university if faculty else "") or ""
    faculty_name = (faculty.name if faculty else "") or ""
    if lang and faculty is not None:
        from desktop.models.text_versions import get_version

        university = get_version(session, "faculty", faculty.id, "university", lang) or university
        faculty_name = get_version(session, "faculty", faculty.id, "name", lang) or faculty_name
    return DocumentFrame(
        kind=kind,
        university=university,
        faculty=faculty_name,
        city=frame.city or ((faculty.city if faculty else "") or ""),
        approver_position=approver.position,
        approver_name=approver.name,
        default_position=DEFAULT_POSITIONS.get(kind, DEAN_POSITION),
        by_council=by_council,
        council_name=frame.council_name,
        council_number=frame.council_number,
        council_date=frame.council_date,
        compiler_position=frame.compiler.position,
        compiler_name=frame.compiler.name,
    )


def blank_frame(kind: str) -> DocumentFrame:
    """A frame with nothing stated (lines to fill in by hand)."""
    return DocumentFrame(kind=kind, default_position=DEFAULT_POSITIONS.get(kind, DEAN_POSITION))


def save_frame_op(session: Session, values: Mapping[str, object]):
    """Store the frame (operations layer, models/operations.py); undo stores the one before."""
    from desktop.models.operations import Change, Outcome, bind

    old = to_json(load_frame(session))
    save_frame(session, values)
    return Outcome(None, bind(save_frame_op, old), Change.DOCUMENT_FRAME)
