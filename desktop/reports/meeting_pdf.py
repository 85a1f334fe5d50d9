"""The agenda and the minutes of a meeting as PDFs in the usual form: the faculty and the meeting in
the heading, date, time and place, attendees, numbered items, "Heard:" / "Decided:" in the
minutes, signatures of the chair and the secretary. Input is ``meetings.meeting_tree``.

The document frame (kind "agenda"): the agenda carries the header and the approval block; the
minutes carry the header only, a protocol being signed by its chair and secretary, not approved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop.i18n import translator
from desktop.reports.pdf import SANS, build_pdf, esc, styles, table_style_commands, wrap

FONT_SIZE = 10


WIDTH = 175 * mm


def _frame(tree: Mapping[str, Any], frame):
    """The frame with the faculty's names in the report's language (as ``localize_meeting`` put them)."""
    from desktop.models.document_frame import blank_frame

    frame = frame or blank_frame("agenda")
    return replace(frame, university=tree.get("university") or frame.university,
                   faculty=tree.get("faculty") or frame.faculty)


def _heading(tree: Mapping[str, Any], tr, st, title: str, frame=None, approved: bool = True) -> list:
    from desktop.reports.frame import pdf_header, pdf_top

    frame = _frame(tree, frame)
    out = pdf_top(frame, tr, WIDTH) if approved else [*pdf_header(frame), Spacer(1, 2 * mm)]
    out += [Spacer(1, 3 * mm), Paragraph(esc(title), st["title"]),
            Paragraph(esc(tree["series"]), st["subtitle"])]
    when = tr("{date}, {time}").format(date=tr.long_date(tree["date"]), time=tree["time"])
    place = tree.get("place") or ""
    t = Table([[Paragraph(esc(when), st["body"]), Paragraph(esc(place), st["right"])]], colWidths=[100 * mm, 75 * mm])
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    out += [t, Spacer(1, 3 * mm)]
    return out


def _people_line(label: str, people: list[str], st) -> Paragraph:
    return Paragraph(f"<b>{esc(label)}</b> {esc(', '.join(people))}", st["body"])


def _name(person: Mapping[str, Any] | None) -> str:
    return person["short_name"] if person else ""


def _signatures(tree: Mapping[str, Any], tr, st, chair: bool = True) -> Table:
    rows = []
    if chair:
        rows.append([Paragraph(esc(tr("Chair")), st["body"]), "______________",
                     Paragraph(esc(_name(tree["chair"])), st["body"])])
    rows.append([Paragraph(esc(tr("Secretary")), st["body"]), "______________",
                 Paragraph(esc(_name(tree["secretary"])), st["body"])])
    t = Table(rows, colWidths=[55 * mm, 50 * mm, 70 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 8),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 8 * mm), t]


def agenda_story(tree: Mapping[str, Any], tr, frame=None) -> list:
    st = styles()
    story = _heading(tree, tr, st, tr("Agenda"), frame)
    invited = [a["short_name"] for a in tree["attendees"]]
    if invited:
        story += [_people_line(tr("Invited:"), invited, st), Spacer(1, 4 * mm)]
    widths = [12 * mm, 103 * mm, 40 * mm, 20 * mm]
    # header cells wrap ("Регламент, мин" is wider than its column)
    rows = [[Paragraph(esc(h), st["cell_bold"])
             for h in (tr("No."), tr("Agenda item"), tr("Speaker"), tr("Time, min"))]]
    for item in tree["items"]:
        rows.append([f"{item['number']}.", wrap(item["title"], SANS, FONT_SIZE - 1, widths[1] - 6),
                     wrap(item["speaker"], SANS, FONT_SIZE - 1, widths[2] - 6),
                     str(item["minutes_allotted"] or "")])
    if len(rows) == 1:
        rows.append(["", tr("No items yet"), "", ""])
    t = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)  # an item taller than a page goes on
    t.setStyle(TableStyle(table_style_commands(1, SANS, FONT_SIZE - 1) + [("ALIGN", (3, 1), (3, -1), "CENTER"),
                                                                           ("ALIGN", (0, 1), (0, -1), "RIGHT")]))
    story += [t, KeepTogether(_signatures(tree, tr, st, chair=False))]
    return story


def _decision_line(number: str, d: Mapping[str, Any], tr) -> str:
    """What was decided at the meeting: text, responsible, due date AS DECIDED (``decided_*``),
    never the register's later state nor the status today ("(Done)"): a signed protocol reads the
    same whenever it is printed; the rest lives in the decisions register."""
    text = d.get("decided_text", d["text"])
    responsible = d.get("decided_responsible", d["responsible"])
    due = d.get("decided_due_date", d["due_date"])
    details = []
    if responsible:
        label = tr("Responsible:")
        details.append(f"<i>{esc(label)}</i> {esc(responsible)}")
    if due:
        label = tr("Due:")
        details.append(f"<i>{esc(label)}</i> {esc(tr.short_date(due))}")
    return f"{number} {esc(text)}" + (" — " + "; ".join(details) if details else "")


def minutes_story(tree: Mapping[str, Any], tr, frame=None) -> list:
    st = styles()
    story = _heading(tree, tr, st, tr("Minutes No. {number}").format(number=tree["number"]), frame, approved=False)
    present = [a["short_name"] for a in tree["attendees"] if a["present"]]
    absent = [a["short_name"] + (f" ({a['note']})" if a["note"] else "") for a in tree["attendees"] if not a["present"]]
    story += [_people_line(tr("Chair:"), [_name(tree["chair"])], st),
              _people_line(tr("Secretary:"), [_name(tree["secretary"])], st),
              _people_line(tr("Present ({count}):").format(count=len(present)), present, st)]
    if absent:
        story.append(_people_line(tr("Absent ({count}):").format(count=len(absent)), absent, st))
    story += [Spacer(1, 3 * mm), Paragraph(esc(tr("Agenda").upper()), st["heading"])]
    for item in tree["items"]:
        speaker = f" ({esc(item['speaker'])})" if item["speaker"] else ""
        story.append(Paragraph(f"{item['number']}. {esc(item['title'])}{speaker}", st["body"]))
    for item in tree["items"]:
        block = [Spacer(1, 3 * mm), Paragraph(f"<b>{item['number']}. {esc(item['title'])}</b>", st["body"])]
        heard = item["heard"] or (item["speaker"] and tr("Report by {speaker}.").format(speaker=item["speaker"])) or ""
        heard_label, decided_label = tr("Heard:"), tr("Decided:")
        block.append(Paragraph(f"<b>{esc(heard_label)}</b> {esc(heard)}", st["body"]))
        decided = [esc(item["decided"])] if item["decided"] else []
        decided += [_decision_line(f"{item['number']}.{i}.", d, tr) for i, d in enumerate(item["decisions"], 1)]
        if not decided:
            decided = [esc(tr("Take note."))]
        block.append(Paragraph(f"<b>{esc(decided_label)}</b> " + "<br/>".join(decided), st["body"]))
        story.append(block)
    loose = [d for d in tree["decisions"] if d["agenda_item_id"] is None]
    if loose:
        story += [Spacer(1, 3 * mm), Paragraph(esc(tr("Other decisions")), st["heading"])]
        story += [Paragraph(_decision_line(f"{i}.", d, tr), st["body"]) for i, d in enumerate(loose, 1)]
    # the signatures never stand alone on a page: they keep the last item or decision with them
    tail = story.pop() if tree["items"] or loose else []
    story.append((tail if isinstance(tail, list) else [tail]) + _signatures(tree, tr, st))
    return [KeepTogether(f) if isinstance(f, list) else f for f in story]


def agenda_pdf(target, tree: Mapping[str, Any], lang: str, frame=None) -> None:
    tr = translator(lang)
    build_pdf(target, agenda_story(tree, tr, frame), tr, title=tr("Agenda") + " — " + tree["series"])


def minutes_pdf(target, tree: Mapping[str, Any], lang: str, frame=None) -> None:
    tr = translator(lang)
    build_pdf(target, minutes_story(tree, tr, frame), tr, title=tr("Minutes") + " — " + tree["series"])


def meeting_pdf(target, tree: Mapping[str, Any], lang: str, frame=None) -> None:
    """The agenda, followed by the minutes once the meeting is held."""
    tr = translator(lang)
    story = agenda_story(tree, tr, frame)
    if tree["held"]:
        story += [PageBreak()] + minutes_story(tree, tr, frame)
    build_pdf(target, story, tr, title=tr("Agenda") + " — " + tree["series"])
