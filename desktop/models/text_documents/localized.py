"""The same documents in one language for reports and windows: each text's version where there
is one (else the original), and which texts had none."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.text_documents.texts import calendar_texts, meeting_texts
from desktop.models.text_versions import Text_, missing, settle_languages, texts_of

if TYPE_CHECKING:
    from desktop.models.workplan import PlanTree, TreeItem, TreeSection


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


def faculty_name(session: Session, lang: str) -> str:
    """The faculty's name as a document frame prints it in ``lang`` (its version, else the original)."""
    from desktop.models.org import the_faculty
    from desktop.models.text_versions import get_version

    faculty = the_faculty(session)
    if faculty is None:
        return ""
    return get_version(session, "faculty", faculty.id, "name", lang) or faculty.name




# Meetings: agenda and minutes ----------------------------------------------------------------

def localize_meeting(session: Session, tree: Mapping[str, Any], lang: str) -> tuple[dict[str, Any], list[Text_]]:
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

    out: dict[str, Any] = {**tree, "series": text("meeting_series", tree["series_id"], "name", tree["series"]),
           "decisions": [dict(d) for d in tree["decisions"]], "shown": shown, "lang": lang}
    faculty = the_faculty(session)
    if faculty is not None:
        out["faculty"] = get_version(session, "faculty", faculty.id, "name", lang) or tree["faculty"]
        out["university"] = get_version(session, "faculty", faculty.id, "university", lang) or tree["university"]
    decided: dict[int, dict[str, Any]] = {}
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

