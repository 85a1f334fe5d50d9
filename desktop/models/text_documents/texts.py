"""The printed texts of each document (a work plan, an academic calendar, the procedures of
service requests, a meeting, the exam sessions' disciplines and rooms), for translation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, LabelledEnum, _
from desktop.models.base import DomainError
from desktop.models.text_versions import Text_, settle_languages, texts_of

if TYPE_CHECKING:
    from desktop.models.workplan import PlanTree


class TextDocument(LabelledEnum):
    """The documents whose texts are translated side by side (``document_texts``, the sheets)."""

    WORKPLAN = "workplan", N_("Work plan")
    CALENDAR = "calendar", N_("Academic calendar")
    PROCEDURES = "procedures", N_("Procedures of service requests")
    MEETING = "meeting", N_("Meeting")
    EXAMS = "exams", N_("Disciplines and rooms")


# Work plan -----------------------------------------------------------------------------------

def plan_texts(session: Session, plan_id: int, tree: PlanTree | None = None) -> list[Text_]:
    """Every text of the plan with its versions. With ``tree`` (``workplan.plan_tree`` of this plan)
    the sections and items are taken from it, so only the persons' ids and the versions are read."""
    return _plan_texts(session, plan_id, tree)[0]


def _plan_texts(session: Session, plan_id: int, tree: PlanTree | None
                ) -> tuple[list[Text_], dict[int, list[int]]]:
    from desktop.models.workplan import (
        WorkPlan,
        WorkPlanItem,
        WorkPlanResponsible,
        WorkPlanSection,
        roman,
    )

    if tree is None:
        plan = session.get(WorkPlan, plan_id)
        if plan is None:
            raise DomainError(_("The record was deleted meanwhile; reload the list."))
        header = {"title": plan.title, "faculty_name": plan.faculty_name, "approver_position": plan.approver_position}
        rows = session.execute(select(WorkPlanSection.id, WorkPlanSection.position, WorkPlanSection.title)
                               .where(WorkPlanSection.plan_id == plan_id).order_by(WorkPlanSection.position)).all()
        sections = [(sid, roman(pos + 1), title) for sid, pos, title in rows]
        numeral = {sid: number for sid, number, _t in sections}
        items, deadlines = [], []
        for iid, sid, pos, text, deadline in session.execute(
                select(WorkPlanItem.id, WorkPlanItem.section_id, WorkPlanItem.position, WorkPlanItem.text,
                       WorkPlanItem.deadline)
                .join(WorkPlanSection).where(WorkPlanSection.plan_id == plan_id)
                .order_by(WorkPlanSection.position, WorkPlanItem.position)):
            items.append((iid, f"{numeral[sid]}.{pos + 1}", text))
            if (deadline or {}).get("kind") == "text":
                deadlines.append((iid, f"{numeral[sid]}.{pos + 1}", deadline.get("text", "")))
    else:
        header = {"title": tree["title"], "faculty_name": tree["faculty_name"],
                  "approver_position": tree["approver_position"]}
        sections = [(sec["id"], sec["number"], sec["title"]) for sec in tree["sections"]]
        items = [(item["id"], f"{sec['number']}.{item['number']}", item["text"])
                 for sec in tree["sections"] for item in sec["items"]]
        deadlines = [(item["id"], f"{sec['number']}.{item['number']}", item["deadline"].get("text", ""))
                     for sec in tree["sections"] for item in sec["items"] if item["deadline"].get("kind") == "text"]
    out = texts_of(session, "workplan", [(plan_id, "title", header.get("title") or "", _("Title")),
                                         (plan_id, "faculty_name", header.get("faculty_name") or "", _("Faculty")),
                                         (plan_id, "approver_position", header.get("approver_position") or "",
                                          _("Approved by"))])
    section_ids = select(WorkPlanSection.id).where(WorkPlanSection.plan_id == plan_id)
    item_ids = select(WorkPlanItem.id).where(WorkPlanItem.section_id.in_(section_ids))
    out += texts_of(session, "workplan_section", [(sid, "title", title, number) for sid, number, title in sections],
                    section_ids)
    deadline_word = _("Deadline")
    out += texts_of(session, "workplan_item", [(iid, "text", text, label) for iid, label, text in items]
                    + [(iid, "deadline_text", text, f"{label} · {deadline_word}") for iid, label, text in deadlines],
                    item_ids)
    label = {iid: lab for iid, lab, _t in items}
    people_rows = list(session.execute(
        select(WorkPlanResponsible.id, WorkPlanResponsible.item_id, WorkPlanResponsible.text)
        .where(WorkPlanResponsible.item_id.in_(item_ids))
        .order_by(WorkPlanResponsible.item_id, WorkPlanResponsible.position)).all())
    people: dict[int, list[int]] = {}
    for rid, iid, _text in people_rows:
        people.setdefault(iid, []).append(rid)
    order = {iid: n for n, (iid, _l, _t) in enumerate(items)}
    people_rows.sort(key=lambda r: order.get(r[1], 0))
    responsible = _("Responsible")
    out += texts_of(session, "workplan_responsible",
                    [(rid, "text", text, f"{label.get(iid, '')} · {responsible}") for rid, iid, text in people_rows],
                    select(WorkPlanResponsible.id).where(WorkPlanResponsible.item_id.in_(item_ids)))
    return settle_languages(out), people


# Academic calendar ---------------------------------------------------------------------------

def calendar_texts(session: Session, calendar_id: int) -> list[Text_]:
    from desktop.models import academic_calendar as ac

    cal = session.get(ac.AcademicCalendar, calendar_id)
    if cal is None:
        raise DomainError(_("The calendar was deleted meanwhile; reload the list."))
    data = ac.load(session, calendar_id)
    out = texts_of(session, "academic_calendar", [(cal.id, "title", cal.title, _("Title")),
                                                  (cal.id, "approval", cal.approval, _("Approval"))])
    numerals = {e.id: f"{numeral}.{e.number}" for numeral, _c, events in data.by_category() for e in events}
    rows, note = [], _("Note")
    for e in data.events:
        rows.append((e.id, "title", e.title, numerals.get(e.id, e.number)))
        rows.append((e.id, "note", e.note, f"{numerals.get(e.id, e.number)} · {note}"))
    out += texts_of(session, "calendar_event", rows)
    dates = session.execute(select(ac.CalendarDate.id, ac.CalendarDate.event_id, ac.CalendarDate.term,
                                   ac.CalendarDate.text)
                            .join(ac.CalendarEvent, ac.CalendarDate.event_id == ac.CalendarEvent.id)
                            .where(ac.CalendarEvent.calendar_id == calendar_id, ac.CalendarDate.text != "")).all()
    out += texts_of(session, "calendar_date", [
        (did, "text", text, f"{numerals.get(eid, '')} · {ac.term_label(term)}")
        for did, eid, term, text in dates])
    return settle_languages(out)



# Procedures of service requests -------------------------------------------------------------

def procedure_texts(session: Session) -> list[Text_]:
    from desktop.models.request_templates import ProcedureStep, ProcedureTemplate

    faculty = _faculty_texts(session)
    procs = session.execute(select(ProcedureTemplate.id, ProcedureTemplate.name).order_by(ProcedureTemplate.id)).all()
    number = {pid: str(i) for i, (pid, _n) in enumerate(procs, 1)}
    out = texts_of(session, "procedure_template", [(pid, "name", name, number[pid]) for pid, name in procs])
    steps = session.execute(select(ProcedureStep.id, ProcedureStep.template_id, ProcedureStep.position,
                                   ProcedureStep.name, ProcedureStep.unit, ProcedureStep.condition)
                            .order_by(ProcedureStep.template_id, ProcedureStep.position)).all()
    rows, unit_word, condition_word = [], _("Unit"), _("Condition")
    for sid, pid, pos, name, unit, condition in steps:
        label = f"{number.get(pid, '?')}.{pos + 1}"
        rows += [(sid, "name", name, label), (sid, "unit", unit, f"{label} · {unit_word}"),
                 (sid, "condition", condition, f"{label} · {condition_word}")]
    out += texts_of(session, "procedure_step", rows)
    return faculty + settle_languages([t for t in out if t.original.strip()])


def _faculty_texts(session: Session) -> list[Text_]:
    """The faculty's and university's names, as the registers' and minutes' frames print them."""
    from desktop.models.org import Faculty

    rows = []
    for fid, name, university in session.execute(select(Faculty.id, Faculty.name, Faculty.university)):
        rows += [(fid, "name", name, _("Faculty")), (fid, "university", university, _("University"))]
    return settle_languages([t for t in texts_of(session, "faculty", rows) if t.original.strip()])


# Meeting -----------------------------------------------------------------------------------

def meeting_texts(session: Session, meeting_id: int) -> list[Text_]:
    from desktop.models.meetings import AgendaItem, Decision, Meeting, MeetingSeries

    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise DomainError(_("The record was deleted meanwhile; reload the list."))
    series = session.get(MeetingSeries, meeting.series_id) if getattr(meeting, "series_id", None) else None
    faculty = _faculty_texts(session)
    out = texts_of(session, "meeting_series", [(series.id, "name", series.name, _("Series"))]) if series else []
    items = session.execute(select(AgendaItem.id, AgendaItem.position, AgendaItem.title, AgendaItem.heard,
                                   AgendaItem.decided).where(AgendaItem.meeting_id == meeting_id)
                            .order_by(AgendaItem.position)).all()
    rows, heard_word, decided_word = [], _("Heard:"), _("Decided:")
    for aid, pos, title, heard, decided in items:
        rows += [(aid, "title", title, str(pos + 1)), (aid, "heard", heard, f"{pos + 1} · {heard_word}"),
                 (aid, "decided", decided, f"{pos + 1} · {decided_word}")]
    out += texts_of(session, "agenda_item", rows)
    decisions = session.execute(select(Decision.id, Decision.text).where(Decision.meeting_id == meeting_id)
                                .order_by(Decision.id)).all()
    decision = _("Decision")
    out += texts_of(session, "meeting_decision",
                    [(did, "text", text, f"{decision} {i}") for i, (did, text) in enumerate(decisions, 1)])
    return faculty + settle_languages([t for t in out if t.original.strip()])


def document_texts(session: Session, kind: str, doc_id: int | None = None) -> list[Text_]:
    if kind == TextDocument.WORKPLAN:
        assert doc_id is not None  # a plan's, a calendar's and a meeting's texts name the document
        return plan_texts(session, doc_id)
    if kind == TextDocument.CALENDAR:
        assert doc_id is not None
        return calendar_texts(session, doc_id)
    if kind == TextDocument.PROCEDURES:
        return procedure_texts(session)
    if kind == TextDocument.MEETING:
        assert doc_id is not None
        return meeting_texts(session, doc_id)
    if kind == TextDocument.EXAMS:
        return exam_texts(session)
    raise ValueError(kind)


def exam_texts(session: Session) -> list[Text_]:
    """Disciplines and rooms (names, buildings): what exam schedules print."""
    from desktop.models.exams import Discipline, Room

    building = _("Building")
    out = settle_languages(texts_of(session, "discipline", [
        (did, "name", name, _("Discipline")) for did, name in session.execute(
            select(Discipline.id, Discipline.name).order_by(Discipline.name))]))
    out += settle_languages(texts_of(session, "room", [
        row for rid, name, b in session.execute(select(Room.id, Room.name, Room.building).order_by(Room.name))
        for row in ((rid, "name", name, _("Room")), (rid, "building", b, f"{name} · {building}"))]))
    return [t for t in out if t.original.strip()]

