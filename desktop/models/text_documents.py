"""The printed texts of each document (a work plan, an academic calendar, the procedures of
service requests, a meeting) for translation, and the same documents in one language for reports.

``document_texts(session, kind, doc_id)`` lists every text of a document (one query per table);
``localize_plan`` / ``localize_calendar`` give a report the texts of its language (the original
where a text has none) and say which texts had none.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, _
from desktop.models.base import DomainError
from desktop.models.text_versions import Text_, missing, settle_languages, texts_of

if TYPE_CHECKING:
    from desktop.models.workplan import PlanTree, TreeItem, TreeSection

DOCUMENT_KINDS = {"workplan": N_("Work plan"), "calendar": N_("Academic calendar"),
                  "procedures": N_("Procedures of service requests"), "meeting": N_("Meeting"),
                  "exams": N_("Disciplines and rooms")}


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


def localize_plan(session: Session, tree: PlanTree, lang: str) -> tuple[PlanTree, list[Text_]]:
    """The plan tree (``workplan.plan_tree``) with every text in ``lang`` where it has a version;
    returns (tree, texts without one).

    Every export reads it, so it stays light: ONE query for the versions in ``lang`` (and the
    originals' recorded languages) of the plan's four tables, the persons' ids taken from the tree,
    one walk over the tree, and objects made only for the texts without a version (the same texts
    and languages as :func:`plan_texts` with :func:`missing`)."""
    from sqlalchemy import and_, func, or_

    from desktop.models.org import Faculty
    from desktop.models.text_versions import (
        TextRef,
        TextVersion,
        common_language,
        guess_language,
        is_stale,
        settled_language,
    )
    from desktop.models.workplan import (
        WorkPlanItem,
        WorkPlanResponsible,
        WorkPlanSection,
    )

    plan_id = tree["id"]
    section_ids = select(WorkPlanSection.id).where(WorkPlanSection.plan_id == plan_id)
    item_ids = select(WorkPlanItem.id).where(WorkPlanItem.section_id.in_(section_ids))
    person_ids = select(WorkPlanResponsible.id).where(WorkPlanResponsible.item_id.in_(item_ids))
    faculty_id = select(func.min(Faculty.id)).scalar_subquery()  # the one the document frame names
    versions: dict[tuple, str] = {}  # (table, row, field) -> text in lang
    sources: dict[tuple, str | None] = {}  # (table, row, field) -> the original that version translates
    recorded: dict[tuple, str] = {}  # (table, row, field) -> language of the original
    for table, row_id, field, text_lang, version_text, source in session.execute(
            select(TextVersion.table_name, TextVersion.row_id, TextVersion.field, TextVersion.lang, TextVersion.text,
                   TextVersion.source)
            .where(or_(TextVersion.text.is_(None), TextVersion.lang == lang), or_(
                and_(TextVersion.table_name == "workplan", TextVersion.row_id == plan_id),
                and_(TextVersion.table_name == "workplan_section", TextVersion.row_id.in_(section_ids)),
                and_(TextVersion.table_name == "workplan_item", TextVersion.row_id.in_(item_ids)),
                and_(TextVersion.table_name == "workplan_responsible", TextVersion.row_id.in_(person_ids)),
                and_(TextVersion.table_name == "faculty", TextVersion.row_id == faculty_id)))):
        if version_text is None:
            recorded[(table, row_id, field)] = text_lang
        else:
            versions[(table, row_id, field)] = version_text
            sources[(table, row_id, field)] = source

    every: list[tuple[tuple, str]] = []  # (key, original) of every text: the document's common language
    originals: list[tuple[tuple, str, str]] = []  # (key, original, label) of texts printed as they are
    stale: list[Text_] = []  # versions written for an original edited since (printed, and counted)

    def text(key: tuple, original: str, label: str) -> str:
        original = original or ""
        every.append((key, original))
        version = versions.get(key)
        if version:
            if is_stale(sources.get(key), original):
                stale.append(Text_(TextRef(*key), label, original, recorded.get(key) or guess_language(original),
                                   {lang: version}, key in recorded, frozenset((lang,))))
            return version
        originals.append((key, original, label))
        return original

    # a copy of what changes (sections, items, persons), not a deep copy of 300 items' deadlines
    out: PlanTree = {**tree, "lang": lang, "sections": []}
    out["title"] = text(("workplan", plan_id, "title"), tree["title"] or "", _("Title"))
    out["faculty_name"] = text(("workplan", plan_id, "faculty_name"), tree["faculty_name"] or "", _("Faculty"))
    out["approver_position"] = text(("workplan", plan_id, "approver_position"), tree["approver_position"] or "",
                                    _("Approved by"))
    if tree.get("frames"):  # the frame's university and faculty (the faculty's own names) in lang too
        faculty = session.scalar(select(func.min(Faculty.id)))
        plan_frame = tree["frames"].get("plan")
        if faculty is not None and plan_frame is not None and plan_frame.university:
            university = text(("faculty", faculty, "university"), plan_frame.university, _("University"))
            name = versions.get(("faculty", faculty, "name"))  # the plan's own faculty name comes first
            out["frames"] = {kind: dataclasses.replace(
                frame, university=university if frame.university == plan_frame.university else frame.university,
                faculty=name if name and frame.faculty == plan_frame.faculty else frame.faculty)
                for kind, frame in tree["frames"].items()}
    responsible, deadline_word = _("Responsible"), _("Deadline")
    shown_originals: list[TreeItem] = []  # items whose editor shows the original: its label says its settled language
    for original_section in tree["sections"]:
        section: TreeSection = {**original_section, "items": []}
        out["sections"].append(section)
        section["title"] = text(("workplan_section", section["id"], "title"), section["title"], section["number"])
        for original_item in original_section["items"]:
            item: TreeItem = {**original_item, "responsible": [r.copy() for r in original_item["responsible"]]}
            section["items"].append(item)
            label = f"{section['number']}.{item['number']}"
            key = ("workplan_item", item["id"], "text")
            item["original_text"] = item["text"]
            # which text the editor shows: a version (its language) or the original (None)
            item["shown_lang"] = lang if versions.get(key) else None
            item["original_lang"] = recorded.get(key) or guess_language(item["text"] or "")
            if not item["shown_lang"]:
                shown_originals.append(item)
            item["text"] = text(key, item["text"], label)
            if item["deadline"].get("kind") == "text":
                item["deadline"] = {**item["deadline"], "text": text(
                    ("workplan_item", item["id"], "deadline_text"), item["deadline"]["text"],
                    f"{label} · {deadline_word}")}
            for ref in item["responsible"]:
                if ref.get("id") is not None:
                    ref["text"] = text(("workplan_responsible", ref["id"], "text"), ref["text"],
                                       f"{label} · {responsible}")
            item["responsible_text"] = ", ".join(r["text"] for r in item["responsible"])
    # the language of each original, as plan_texts settles it (over the whole document)
    langs = {key: recorded.get(key) or guess_language(original) for key, original in every}
    common = common_language((original, langs[key]) for key, original in every)
    missing_texts = []
    for key, original, label in originals:
        if not original.strip():
            continue
        found = settled_language(original, langs.get(key), key in recorded, common)
        if found is not None and found != lang:
            missing_texts.append(Text_(TextRef(*key), label, original, found, {}, key in recorded))
    for item in shown_originals:  # the editor's label says the original's settled language
        key = ("workplan_item", item["id"], "text")
        item["original_lang"] = settled_language(item["original_text"], langs.get(key), key in recorded, common)
    return out, missing_texts + stale


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


def localize_calendar(session: Session, data, lang: str):
    """``academic_calendar.load`` data with every text in ``lang``; returns (data, texts without one)."""
    from desktop.models import academic_calendar as ac

    texts = calendar_texts(session, data.id)
    by = {(t.ref.table, t.ref.row_id, t.ref.field): t for t in texts}

    def text(table, row_id, field, original):
        t = by.get((table, row_id, field))
        return t.text(lang) if t is not None else original

    date_ids = {(eid, term): did for did, eid, term in session.execute(
        select(ac.CalendarDate.id, ac.CalendarDate.event_id, ac.CalendarDate.term)
        .join(ac.CalendarEvent, ac.CalendarDate.event_id == ac.CalendarEvent.id)
        .where(ac.CalendarEvent.calendar_id == data.id))}
    out = copy.deepcopy(data)
    out.title = text("academic_calendar", data.id, "title", data.title)
    out.approval = text("academic_calendar", data.id, "approval", data.approval)
    for e in out.events:
        # which fields show a version (the window edits that version, not the original)
        e.shown_versions = {f for f in ("title", "note")
                            if (t := by.get(("calendar_event", e.id, f))) is not None and t.versions.get(lang)}
        e.title = text("calendar_event", e.id, "title", e.title)
        e.note = text("calendar_event", e.id, "note", e.note)
        for term, entry in list(e.entries.items()):
            did = date_ids.get((e.id, term))
            if entry.text and did is not None:
                e.entries[term] = dataclasses.replace(entry, text=text("calendar_date", did, "text", entry.text))
    return out, missing(texts, lang)


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
    if kind == "workplan":
        assert doc_id is not None  # a plan's, a calendar's and a meeting's texts name the document
        return plan_texts(session, doc_id)
    if kind == "calendar":
        assert doc_id is not None
        return calendar_texts(session, doc_id)
    if kind == "procedures":
        return procedure_texts(session)
    if kind == "meeting":
        assert doc_id is not None
        return meeting_texts(session, doc_id)
    if kind == "exams":
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


# Round trip through a spreadsheet ------------------------------------------------------------

@dataclasses.dataclass
class FilledRow:
    """One row of a filled-in translation sheet: where it was, its id, the original as exported,
    and the text in each language column."""
    line: int
    key: str
    original: str
    texts: dict[str, str]


@dataclasses.dataclass
class TextImport:
    changes: list = dataclasses.field(default_factory=list)  # (TextRef, lang, text)
    changed_originals: list[tuple[int, str]] = dataclasses.field(default_factory=list)  # (line, key)
    sources: dict[str, str] = dataclasses.field(default_factory=dict)  # key -> the sheet's (older) original
    errors: list[str] = dataclasses.field(default_factory=list)


def check_filled(texts: list[Text_], rows: list[FilledRow]) -> TextImport:
    """What a filled-in sheet would change, checked row by row against the document's texts.

    Every id must be one of this document's texts, once; a refused row names its line. A row whose
    original differs from today's (the text was edited since the export, or the translator retyped
    it) is flagged and its original left alone; its other languages are still taken."""
    from desktop.models.text_versions import CONTENT_LANGUAGES, TextRef, same_text

    by_key = {t.ref.key: t for t in texts}
    result = TextImport()
    seen: dict[str, int] = {}
    for row in rows:
        try:
            TextRef.parse(row.key)
        except ValueError:
            result.errors.append(_("Row {row}: the id {id!r} is not a text id.").format(row=row.line, id=row.key))
            continue
        text = by_key.get(row.key)
        if text is None:
            result.errors.append(_("Row {row}: the id {id} is not a text of this document.").format(
                row=row.line, id=row.key))
            continue
        if row.key in seen:
            result.errors.append(_("Row {row}: the id {id} is also in row {other}.").format(
                row=row.line, id=row.key, other=seen[row.key]))
            continue
        seen[row.key] = row.line
        changed = not same_text(row.original, text.original)
        if changed:  # its versions translate the sheet's original: they come in stale
            result.changed_originals.append((row.line, row.key))
            result.sources[row.key] = row.original
        for lang in CONTENT_LANGUAGES:
            if lang not in row.texts:
                continue
            new = (row.texts[lang] or "").strip()
            if lang == text.original_lang:
                if new and not same_text(new, text.original) and not changed:
                    result.changed_originals.append((row.line, row.key))
                continue
            if not new:
                continue  # a blank is "not stated", never "erase"
            if new != (text.versions.get(lang) or ""):
                result.changes.append((text.ref, lang, new))
    return result


def import_filled(session: Session, kind: str, doc_id: int | None, rows: list[FilledRow]) -> TextImport:
    """Check the whole sheet, then write all of it or (with any error) nothing."""
    from desktop.models.text_versions import apply_versions

    result = check_filled(document_texts(session, kind, doc_id), rows)
    if result.errors:
        return result
    apply_versions(session, result.changes, result.sources)
    return result


# Service requests: register and card ---------------------------------------------------------

def _request_memory(session: Session, lang: str) -> dict[str, str]:
    """Original -> version in ``lang`` of every procedure, step, unit and condition: a request
    keeps a copy of its procedure's texts, so the procedure's translation serves its requests."""
    from desktop.models.request_templates import ProcedureStep, ProcedureTemplate
    from desktop.models.text_versions import TextVersion

    memory: dict[str, str] = {}
    for table, entity, fields in (("procedure_template", ProcedureTemplate, ("name",)),
                                  ("procedure_step", ProcedureStep, ("name", "unit", "condition"))):
        for field in fields:
            column = getattr(entity, field)
            for original, text in session.execute(
                    select(column, TextVersion.text).join(TextVersion, TextVersion.row_id == entity.id)
                    .where(TextVersion.table_name == table, TextVersion.field == field, TextVersion.lang == lang,
                           TextVersion.text.is_not(None))):
                memory.setdefault(original, text)
    return memory


def _request_own(session: Session, lang: str) -> dict[tuple[str, int, str], str]:
    from desktop.models.text_versions import TextVersion

    return {(t, r, f): text or "" for t, r, f, text in session.execute(
        select(TextVersion.table_name, TextVersion.row_id, TextVersion.field, TextVersion.text)
        .where(TextVersion.table_name.in_(("service_request", "request_step")), TextVersion.lang == lang,
               TextVersion.text.is_not(None)))}


def _needs_version(original: str, lang: str, translate) -> bool:
    """A typed text in another language with no version (built-in names come from the catalogs)."""
    from desktop.models.text_versions import guess_language

    if not original.strip() or translate(original) != original:
        return False
    found = guess_language(original)
    return found is not None and found != lang


def localize_request_rows(session: Session, rows: list[dict], lang: str) -> tuple[list[dict], list[Text_]]:
    """The register rows (``requests.request_rows``) with procedure, step, unit and refusal ground in
    ``lang`` where a version exists; returns (rows, texts without one, each once)."""
    from desktop.i18n import translator
    from desktop.models.text_versions import TextRef

    memory, own, tr = _request_memory(session, lang), _request_own(session, lang), translator(lang)
    missing: dict[str, Text_] = {}
    out = []

    def pick(original: str, table: str, row_id: int, field: str) -> str:
        version = own.get((table, row_id, field)) or memory.get(original)
        if version:
            return version
        if _needs_version(original, lang, tr):
            from desktop.models.text_versions import guess_language

            missing.setdefault(original, Text_(TextRef(table, row_id, field), str(row_id), original,
                                               guess_language(original), {}))
        return original

    for row in rows:
        row = dict(row)
        row["procedure"] = pick(row["procedure"], "service_request", row["id"], "procedure_name")
        row["refusal_reason"] = pick(row.get("refusal_reason") or "", "service_request", row["id"], "refusal_reason")
        if row.get("current_step"):
            row["current_step"] = memory.get(row["current_step"], row["current_step"])
        if row.get("current_unit"):
            row["current_unit"] = memory.get(row["current_unit"], row["current_unit"])
        out.append(row)
    return out, list(missing.values())


def localize_request_card(session: Session, card: dict, lang: str) -> tuple[dict, list[Text_]]:
    """One request's card (``requests.request_card``) in ``lang``; returns (card, texts without a version)."""
    from desktop.i18n import translator
    from desktop.models.text_versions import TextRef, guess_language

    memory, own, tr = _request_memory(session, lang), _request_own(session, lang), translator(lang)
    missing: list[Text_] = []

    def pick(original: str, table: str, row_id: int, field: str) -> str:
        version = own.get((table, row_id, field)) or memory.get(original)
        if version:
            return version
        if _needs_version(original or "", lang, tr):
            missing.append(Text_(TextRef(table, row_id, field), str(row_id), original, guess_language(original), {}))
        return original

    out = {**card, "steps": [dict(s) for s in card["steps"]]}
    out["procedure_name"] = pick(card["procedure_name"], "service_request", card["id"], "procedure_name")
    out["refusal_reason"] = pick(card.get("refusal_reason") or "", "service_request", card["id"], "refusal_reason")
    for step in out["steps"]:
        for field in ("name", "unit"):
            step[field] = pick(step.get(field) or "", "request_step", step["id"], field)
        if step.get("condition"):
            step["condition"] = memory.get(step["condition"], step["condition"])
    return out, missing


def faculty_name(session: Session, lang: str) -> str:
    """The faculty's name as a document frame prints it in ``lang`` (its version, else the original)."""
    from desktop.models.org import the_faculty
    from desktop.models.text_versions import get_version

    faculty = the_faculty(session)
    if faculty is None:
        return ""
    return get_version(session, "faculty", faculty.id, "name", lang) or faculty.name


# Meetings: agenda and minutes ----------------------------------------------------------------

def localize_meeting(session: Session, tree: dict, lang: str) -> tuple[dict, list[Text_]]:
    """The meeting tree (``meetings.meeting_tree``) with series, agenda items, minutes, decisions
    and the faculty's names in ``lang`` where a version exists; returns (tree, texts without one)."""
    from desktop.models.org import the_faculty
    from desktop.models.text_versions import get_version

    texts = meeting_texts(session, tree["id"])
    by = {(t.ref.table, t.ref.row_id, t.ref.field): t for t in texts}
    shown: set[tuple[str, int, str]] = set()  # the texts shown in their version (the window edits that)

    def text(table, row_id, field, original):
        t = by.get((table, row_id, field))
        if t is not None and t.versions.get(lang):
            shown.add((table, row_id, field))
        return t.text(lang) if t is not None else original

    out = {**tree, "series": text("meeting_series", tree["series_id"], "name", tree["series"]),
           "decisions": [dict(d) for d in tree["decisions"]], "shown": shown, "lang": lang}
    faculty = the_faculty(session)
    if faculty is not None:
        out["faculty"] = get_version(session, "faculty", faculty.id, "name", lang) or tree["faculty"]
        out["university"] = get_version(session, "faculty", faculty.id, "university", lang) or tree["university"]
    decided = {}
    for d in out["decisions"]:
        original = d["text"]
        d["text"] = text("meeting_decision", d["id"], "text", original)
        as_decided = d.get("decided_text", original)
        if d.get("decided_versions") is not None:  # signed: the versions as they were then
            d["decided_text"] = d["decided_versions"].get(lang) or as_decided
        elif as_decided == original:  # the register has not reworded it: its versions are the decided text's
            d["decided_text"] = d["text"]
        d["series"] = out["series"]
        decided[d["id"]] = d
    out["items"] = []
    for item in tree["items"]:
        item = {**item}
        for field in ("title", "heard", "decided"):
            item[field] = text("agenda_item", item["id"], field, item.get(field) or "")
        item["decisions"] = [decided.get(d["id"], d) for d in item["decisions"]]
        out["items"].append(item)
    return out, missing(texts, lang)


# Exam sessions: disciplines and rooms ------------------------------------------------------

def localize_schedule(session: Session, schedule, lang: str):
    """An exam schedule (``exam_schedule.load_schedule``) with discipline and room names in
    ``lang`` where a version exists; returns (schedule, texts without one)."""
    from desktop.models.text_versions import missing as missing_in

    disciplines = settle_languages(texts_of(session, "discipline", [
        (did, "name", name, name) for did, name in schedule.disciplines.items()]))
    rooms = settle_languages(texts_of(session, "room", [
        (rid, field, value, name) for rid, (name, _cap, building) in schedule.rooms.items()
        for field, value in (("name", name), ("building", building))]))
    by = {(t.ref.table, t.ref.row_id, t.ref.field): t for t in disciplines + rooms}
    out = copy.copy(schedule)
    out.disciplines = {did: by[("discipline", did, "name")].text(lang) for did in schedule.disciplines}
    out.rooms = {rid: (by[("room", rid, "name")].text(lang), cap, by[("room", rid, "building")].text(lang))
                 for rid, (_n, cap, _b) in schedule.rooms.items()}
    used_d = {e.discipline_id for e in schedule.exams}  # only what the schedule prints is counted
    used_r = {e.room_id for e in schedule.exams} | {e.consult_room_id for e in schedule.exams}
    texts = [t for t in disciplines if t.ref.row_id in used_d] + [t for t in rooms if t.ref.row_id in used_r]
    return out, missing_in(texts, lang)


def add_request_search_texts(session: Session, rows: list[dict]) -> list[dict]:
    """``versions_text`` on each register row: its procedure and current step as typed and every
    language version of them and of its refusal ground, so the register's filter finds a request
    by any of them (whichever the page shows)."""
    from desktop.models.request_templates import ProcedureStep, ProcedureTemplate
    from desktop.models.text_versions import TextVersion

    memory: dict[str, list[str]] = {}
    for table, entity, field in (("procedure_template", ProcedureTemplate, "name"),
                                 ("procedure_step", ProcedureStep, "name")):
        column = getattr(entity, field)
        for original, text in session.execute(
                select(column, TextVersion.text).join(TextVersion, TextVersion.row_id == entity.id)
                .where(TextVersion.table_name == table, TextVersion.field == field, TextVersion.text.is_not(None))):
            memory.setdefault(original, []).append(text)
    own: dict[int, list[str]] = {}
    for row_id, text in session.execute(select(TextVersion.row_id, TextVersion.text).where(
            TextVersion.table_name == "service_request", TextVersion.text.is_not(None))):
        assert text is not None  # is_not(None) above
        own.setdefault(row_id, []).append(text)
    for row in rows:  # the originals too: a row shown in the interface language is found by them
        row["versions_text"] = " ".join([row["procedure"], row.get("current_step") or ""]
                                        + memory.get(row["procedure"], []) + memory.get(row.get("current_step", ""), [])
                                        + own.get(row["id"], []))
    return rows


# Operations (undoable, models/operations.py) ------------------------------------------------------
def import_texts_op(session: Session, kind: str, doc_id: int | None, rows: list[FilledRow]):
    """A filled-in sheet of one document's texts: every row or none (the refusal names the rows);
    undo puts back the versions it replaced, each with the original it was written for (an
    out-of-date version comes back out of date)."""
    from desktop.models.operations import Change, Outcome, bind
    from desktop.models.text_versions import get_version, version_source

    preview = check_filled(document_texts(session, kind, doc_id), rows)
    before = [(ref, lang, get_version(session, ref.table, ref.row_id, ref.field, lang))
              for ref, lang, _text in preview.changes]
    stamps = [(ref, lang, version_source(session, ref.table, ref.row_id, ref.field, lang))
              for ref, lang, old in before if old]
    result = import_filled(session, kind, doc_id, rows)
    if result.errors:
        raise DomainError("\n".join(result.errors[:20]))
    return Outcome(result, bind(restore_versions_op, before, stamps, list(result.changes), result.sources),
                   Change.TEXTS)


def restore_versions_op(session: Session, versions: list, stamps: list, redo: list, redo_sources: dict | None):
    """Write back ``versions`` with the originals ``stamps`` recorded for them (the undo of an
    import); redo writes ``redo`` again with its ``redo_sources``."""
    from desktop.models.operations import Change, Outcome, bind
    from desktop.models.text_versions import apply_versions, confirm_version

    apply_versions(session, versions)
    for ref, lang, source in stamps:
        confirm_version(session, ref.table, ref.row_id, ref.field, lang, source)
    return Outcome(None, bind(apply_versions_op, redo, redo_sources, versions, stamps), Change.TEXTS)


def apply_versions_op(session: Session, versions: list, sources: dict | None, replaced: list, stamps: list):
    """Write ``versions`` (``sources``: originals they were written for, where not today's); undo
    writes back ``replaced`` with its ``stamps``."""
    from desktop.models.operations import Change, Outcome, bind
    from desktop.models.text_versions import apply_versions

    apply_versions(session, versions, sources)
    return Outcome(None, bind(restore_versions_op, replaced, stamps, versions, sources), Change.TEXTS)
