"""The agenda and the minutes of a meeting as PDFs in the usual form: the faculty and the meeting in
the heading, date, time and place, attendees, numbered items, "Heard:" / "Decided:" in the
minutes, signatures of the chair and the secretary. Input is ``meetings.meeting_tree``.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop.i18n import translator
from desktop.reports.pdf import SANS, build_pdf, esc, styles, table_style_commands, wrap

FONT_SIZE = 10


def _heading(tree: dict, tr, st, title: str) -> list:
    out = []
    if tree.get("university"):
        out.append(Paragraph(esc(tree["university"]), st["center"]))
    if tree.get("faculty"):
        out.append(Paragraph(f"<b>{esc(tree['faculty'])}</b>", st["center"]))
    out += [Spacer(1, 5 * mm), Paragraph(esc(title), st["title"]),
            Paragraph(esc(tree["series"]), st["subtitle"])]
    when = tr("{date}, {time}").format(date=tr.long_date(tree["date"]), time=tree["time"])
    place = tree.get("place") or ""
    t = Table([[Paragraph(esc(when), st["body"]), Paragraph(esc(place), st["right"])]], colWidths=[100 * mm, 75 * mm])
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    out += [t, Spacer(1, 3 * mm)]
    return out


def _people_line(label: str, people: list[str], st) -> Paragraph:
    return Paragraph(f"<b>{esc(label)}</b> {esc(', '.join(people))}", st["body"])


def _name(person: dict | None) -> str:
    return person["short_name"] if person else ""


def _signatures(tree: dict, tr, st, chair: bool = True) -> Table:
    rows = []
    if chair:
        rows.append([Paragraph(esc(tr("Chair")), st["body"]), "______________", Paragraph(esc(_name(tree["chair"])), st["body"])])
    rows.append([Paragraph(esc(tr("Secretary")), st["body"]), "______________",
                 Paragraph(esc(_name(tree["secretary"])), st["body"])])
    t = Table(rows, colWidths=[55 * mm, 50 * mm, 70 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 8),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 8 * mm), t]


def agenda_story(tree: dict, tr) -> list:
    st = styles()
    story = _heading(tree, tr, st, tr("Agenda"))
    invited = [a["short_name"] for a in tree["attendees"]]
    if invited:
        story += [_people_line(tr("Invited:"), invited, st), Spacer(1, 4 * mm)]
    widths = [12 * mm, 103 * mm, 40 * mm, 20 * mm]
    rows = [[tr("No."), tr("Agenda item"), tr("Speaker"), tr("Time, min")]]
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


def _decision_line(number: str, d: dict, tr) -> str:
    """What was decided at the meeting: text, responsible, due date. Never the decision's status
    today ("(Done)"): a signed protocol reads the same whenever it is printed; the status lives
    in the decisions register."""
    details = []
    if d["responsible"]:
        label = tr("Responsible:")
        details.append(f"<i>{esc(label)}</i> {esc(d['responsible'])}")
    if d["due_date"]:
        label = tr("Due:")
        details.append(f"<i>{esc(label)}</i> {esc(tr.short_date(d['due_date']))}")
    return f"{number} {esc(d['text'])}" + (" — " + "; ".join(details) if details else "")


def minutes_story(tree: dict, tr) -> list:
    st = styles()
    story = _heading(tree, tr, st, tr("Minutes No. {number}").format(number=tree["number"]))
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


def agenda_pdf(target, tree: dict, lang: str) -> None:
    tr = translator(lang)
    build_pdf(target, agenda_story(tree, tr), tr, title=tr("Agenda") + " — " + tree["series"])


def minutes_pdf(target, tree: dict, lang: str) -> None:
    tr = translator(lang)
    build_pdf(target, minutes_story(tree, tr), tr, title=tr("Minutes") + " — " + tree["series"])


def meeting_pdf(target, tree: dict, lang: str) -> None:
    """The agenda, followed by the minutes once the meeting is held."""
    tr = translator(lang)
    story = agenda_story(tree, tr)
    if tree["held"]:
        story += [PageBreak()] + minutes_story(tree, tr)
    build_pdf(target, story, tr, title=tr("Agenda") + " — " + tree["series"])
