"""Service requests out: the register to Excel and to PDF, a request's card (its steps) to PDF, in any language."""

from __future__ import annotations

import datetime as dt

from desktop.i18n import N_, NC_, translator
from desktop.models.request_templates import DurationKind, shown
from desktop.models.requests import CardStep, Channel, RequestCard, RequestRow, RequestStatus
from desktop.models.workdays import COUNTRY_NAMES
from desktop.reports.xlsx import Workbook, write_table


def status_text(tr, status: str, overdue: bool) -> str:
    """A request's status as the register and the card say it ("In progress, overdue")."""
    text = RequestStatus(status).label(tr)
    if overdue:
        text = tr("{status}, overdue").format(status=text)
    return text


def duration_text(tr, step: CardStep) -> str:
    if step.kind == DurationKind.FIXED:
        return tr("by {date}").format(date=f"{step.fixed_day:02d}.{step.fixed_month:02d}")
    if step.kind == DurationKind.CALENDAR:
        return tr("{n} cal. d.").format(n=step.days)
    return tr("{n} work. d.").format(n=step.days)


def moved_note(tr, step: CardStep) -> str:
    """Beside a fixed-date deadline that fell on a day off: why the planned date is later
    ("15.08 is a day off: moved to the next working day")."""
    planned = step.planned
    if step.kind != DurationKind.FIXED or not planned:
        return ""
    if (planned.month, planned.day) == (step.fixed_month, step.fixed_day):
        return ""
    return tr("{date} is a day off: moved to the next working day, {moved}").format(
        date=f"{step.fixed_day:02d}.{step.fixed_month:02d}", moved=tr.short_date(planned))


REGISTER_HEADERS = [N_("No"), N_("Applicant"), N_("Procedure"), NC_("date received", "Received"), N_("Channel"),
                    NC_("state", "Status"), N_("Current step"), N_("Unit"), N_("Step due"), N_("Days overdue"),
                    N_("Due (last step)"), N_("Closed"), N_("Note")]


def _frame(frame, faculty: str = ""):
    from dataclasses import replace

    from desktop.models.document_frame import blank_frame

    return frame or replace(blank_frame("requests"), faculty=faculty or "")


def register_xlsx(rows: list[RequestRow], target, lang: str, on_date: dt.date, title: str = "", frame=None) -> None:
    """The register of requests as the office prints it; overdue rows in red."""
    from desktop.reports.frame import framed_sheet, xlsx_bottom

    tr = translator(lang)
    frame = _frame(frame)
    book = Workbook(target)
    sheet = book.sheet(tr("Service requests"))
    ws = framed_sheet(sheet, book, frame, tr, 12)
    ws.write_string(0, 0, title or tr("Register of service requests"), book.fmt["title"])
    ws.write_string(1, 0, tr("As of {date}").format(date=tr.as_of(on_date)), book.fmt["subtitle"])
    red = {k: book.add_format(font_name="Arial", font_size=10, valign="top", text_wrap=True, border=1,
                              font_color="#9C0006", bg_color="#FFC7CE", **extra)
           for k, extra in (("cell", {}), ("date", {"num_format": "dd.mm.yyyy", "align": "center"}),
                            ("number", {"align": "right"}))}
    plain = {"cell": book.fmt["cell"], "date": book.fmt["date"], "number": book.fmt["number"]}
    kinds = ["number", "cell", "cell", "date", "cell", "cell", "cell", "cell", "date", "number", "date", "date",
             "cell"]
    headers = [tr(h) for h in REGISTER_HEADERS]
    write_table(book, ws, 3, headers, [], widths=[6, 30, 28, 11, 18, 16, 30, 20, 11, 9, 11, 11, 30])
    r = 4
    from desktop.reports.xlsx import write_row

    for row in rows:
        fmts = red if row["overdue"] else plain
        write_row(ws, r, [
            row["id"], row["applicant"], shown(tr, row["procedure"]), row["received"],
            Channel(row["channel"]).label(tr), status_text(tr, row["status"], row["overdue"]),
            shown(tr, row["current_step"]) if row["current_step"] else "",
            shown(tr, row["current_unit"]) if row["current_unit"] else "", row["step_due"],
            row["days_overdue"] or None, row["due"], row["closed"],
            row["refusal_reason"] or row["note"]], formats=[fmts[k] for k in kinds])
        r += 1
    ws.autofilter(3, 0, max(3, r - 1), len(headers) - 1)
    xlsx_bottom(sheet, book, frame, tr, ws.offset + r, 12)
    book.close()


def card_pdf(card: RequestCard, target, lang: str, on_date: dt.date, faculty: str = "", frame=None) -> None:
    """A request's card: who, what, when received, and every step with planned and actual dates."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    from desktop.reports.frame import pdf_bottom, pdf_top
    from desktop.reports.pdf import SANS, build_pdf, esc, fitted, styles, table_style_commands, widths_for_words

    tr = translator(lang)
    st = styles(lang=lang)
    frame = _frame(frame, faculty)
    story = [*pdf_top(frame, tr, 175 * mm)]
    story.append(Paragraph(esc(tr("Service request No {number}").format(number=card.id)), st["title"]))
    story.append(Paragraph(esc(shown(tr, card.procedure_name)), st["subtitle"]))
    status = status_text(tr, card.status, card.overdue)
    facts = [
        (tr("Applicant"), card.applicant),
        (tr.pgettext("date received", "Received"),
         f"{tr.short_date(card.received)} ({tr.weekday(card.received.weekday())})"),
        (tr("Channel"), Channel(card.channel).label(tr)),
        (tr("Working-day calendar"), tr(COUNTRY_NAMES[card.country]) if card.country in COUNTRY_NAMES
         else card.country),
        (tr.pgettext("state", "Status"), status + (f": {card.refusal_reason}" if card.refusal_reason else "")),
        (tr("Due (last step)"), tr.short_date(card.due) if card.due else ""),
    ]
    if card.status == RequestStatus.REFUSED:
        from desktop.reports.frame import approver_position

        facts += [(tr("Refused on"), tr.short_date(card.closed) if card.closed else ""),
                  (tr("Refusal signed by"),
                   f"{approver_position(frame, tr)} {frame.approver_name or '____________________'}")]
    if card.note:
        facts.append((tr("Note"), card.note))
    fact_rows = [[Paragraph(esc(k), st["cell_bold"]), Paragraph(esc(v), st["cell"])] for k, v in facts]
    story.append(Table(fact_rows, colWidths=[45 * mm, 130 * mm], hAlign="LEFT", splitInRow=1,
                       style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(Spacer(1, 5 * mm))
    widths = [7, 38, 27, 17, 23, 20, 21, 22]  # "Жоспарланған" (Planned) fits whole
    header = [tr("No"), tr("Step"), tr("Unit responsible"), tr.pgettext("procedure step", "Duration"), tr("Planned"),
              tr("Actual"), tr("Done by"), tr("Note")]
    from reportlab.lib.styles import ParagraphStyle

    head = ParagraphStyle("request_head", parent=st["cell_bold"], fontSize=8, leading=9.6)  # whole words fit
    widths = [w / mm for w in widths_for_words([w * mm for w in widths], [[h] for h in header], SANS + "-Bold", 8)]
    data = [[Paragraph(esc(h), head) for h in header]]
    commands = table_style_commands(1, SANS, 9)
    grey = ParagraphStyle("request_skipped", parent=st["cell"], textColor=colors.HexColor("#808080"))
    for i, step in enumerate(card.steps, 1):
        name = shown(tr, step.name)
        if step.optional:
            name += "\n" + tr("if: {condition}").format(condition=shown(tr, step.condition))
        planned = tr("not needed") if step.skipped else tr.short_date(step.planned) if step.planned else ""
        note = "; ".join(p for p in (moved_note(tr, step), step.note) if p)
        if step.overdue:
            note = tr("Overdue") + (f". {note}" if note else "")
            commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#FFE0E0")))
        elif step.late:
            note = tr("Done late") + (f". {note}" if note else "")
        cell = grey if step.skipped else st["cell"]
        actual = tr.short_date(step.actual) if step.actual else ""
        data.append([str(i)] + [fitted(esc(v), cell, w * mm - 6) for v, w in zip((
            name, shown(tr, step.unit), duration_text(tr, step), planned, actual, step.done_by, note),
            widths[1:], strict=True)])
    story.append(Table(data, colWidths=[w * mm for w in widths], repeatRows=1, style=commands, splitInRow=1))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(esc(tr("As of {date}").format(date=tr.as_of(on_date))), st["small"]))
    story += pdf_bottom(frame, tr, 175 * mm)
    build_pdf(target, story, tr, title=tr("Service request No {number}").format(number=card.id))


# Register columns in the PDF (mm; landscape A4 leaves 262 mm between the margins) and what each shows.
PDF_COLUMNS = [(N_("No"), 9), (N_("Applicant"), 37), (N_("Procedure"), 36), (NC_("date received", "Received"), 19),
               (N_("Channel"), 22), (NC_("state", "Status"), 27), (N_("Current step"), 36), (N_("Unit"), 25),
               (N_("Step due"), 19), (N_("Days overdue"), 16), (N_("Due (last step)"), 19)]


def register_pdf(rows: list[RequestRow], target, lang: str, on_date: dt.date, faculty: str = "", title: str = "",
                 frame=None) -> None:
    """The register of requests on landscape A4, as the office files it: overdue rows shaded red and
    their status saying so (the shade alone is lost on a black-and-white printer)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    from desktop.reports.frame import pdf_bottom, pdf_top
    from desktop.reports.pdf import SANS, build_pdf, esc, styles, table_style_commands

    tr = translator(lang)
    st = styles(lang=lang)
    frame = _frame(frame, faculty)
    cell = ParagraphStyle("register_cell", parent=st["cell"], fontSize=8, leading=9.6)
    bold = ParagraphStyle("register_bold", parent=st["cell_bold"], fontSize=8, leading=9.6)
    head = ParagraphStyle("register_head", parent=bold, alignment=1)
    number = {False: ParagraphStyle("register_number", parent=cell, alignment=2),
              True: ParagraphStyle("register_number_bold", parent=bold, alignment=2)}
    story = [*pdf_top(frame, tr, 267 * mm)]
    story.append(Paragraph(esc(title or tr("Register of service requests")), st["title"]))
    overdue = sum(1 for r in rows if r["overdue"])
    in_progress = sum(1 for r in rows if r["status"] == RequestStatus.IN_PROGRESS)
    story.append(Paragraph(esc(tr("As of {date}: {total} requests, {open} in progress, {overdue} overdue").format(
        date=tr.as_of(on_date), total=len(rows), open=in_progress, overdue=overdue)), st["center"]))
    story.append(Spacer(1, 3 * mm))
    data = [[Paragraph(esc(tr(h)), head) for h, _w in PDF_COLUMNS]]
    commands = table_style_commands(1, SANS, 8)
    red = colors.HexColor("#FFE0E0")

    def day(value) -> str:
        return tr.short_date(value) if value else ""

    for i, row in enumerate(rows, 1):
        status = status_text(tr, row["status"], row["overdue"])
        if row["refusal_reason"]:
            status += f": {row['refusal_reason']}"
        values = [str(row["id"]), row["applicant"], shown(tr, row["procedure"]), day(row["received"]),
                  Channel(row["channel"]).label(tr), status, shown(tr, row["current_step"]),
                  shown(tr, row["current_unit"]), day(row["step_due"]),
                  str(row["days_overdue"]) if row["days_overdue"] else "", day(row["due"])]
        data.append([Paragraph(esc(v), number[row["overdue"] and c == 9] if c in (0, 9) else
                               bold if row["overdue"] and c in (5, 8) else cell) for c, v in enumerate(values)])
        if row["overdue"]:
            commands.append(("BACKGROUND", (0, i), (-1, i), red))
    if not rows:
        data.append([Paragraph(esc(tr("No requests")), cell)] + [""] * (len(PDF_COLUMNS) - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))
    story.append(Table(data, colWidths=[w * mm for _h, w in PDF_COLUMNS], repeatRows=1, style=commands,
                       splitInRow=1))
    story += pdf_bottom(frame, tr, 267 * mm)
    build_pdf(target, story, tr, title=title or tr("Register of service requests"), is_landscape=True,
              margins_mm=(15, 15, 12, 14))


# Seed 002's papers: the receipt at acceptance and the motivated refusal letter ------------------------------

def _letter_start(frame, tr, st, title: str) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from desktop.reports.frame import header_lines
    from desktop.reports.pdf import esc

    story = [Paragraph("<br/>".join(f"<b>{esc(t)}</b>" if i == 0 else esc(t)
                                    for i, t in enumerate(header_lines(frame))), st["approval"]),
             Spacer(1, 8 * mm), Paragraph(esc(title), st["title"])]
    return story


def _signature(frame, tr, st, date_text: str) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

    from desktop.reports.frame import NAME_LINE, SIGN_LINE, approver_position
    from desktop.reports.pdf import esc

    t = Table([[Paragraph(esc(approver_position(frame, tr)), st["body"]),
                Paragraph(esc(f"{SIGN_LINE} {frame.approver_name or NAME_LINE}"), st["body"])]],
              colWidths=[95 * mm, 80 * mm], hAlign="LEFT",
              style=[("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [KeepTogether([Spacer(1, 10 * mm), t, Spacer(1, 3 * mm), Paragraph(esc(date_text), st["body"]),
                          Paragraph(esc(tr("Stamp")), st["small"])])]


def _documents(card: RequestCard) -> list[str]:
    """The documents received as stored, else three lines to fill in by hand."""
    listed = [line for line in (card.documents or "").splitlines() if line.strip()]
    return listed or ["________________________________________"] * 3


def receipt_pdf(card: RequestCard, target, lang: str, frame=None) -> None:
    """The receipt given at acceptance (seed 002): who received the documents, the incoming number
    and date, the documents received, and when the result is due."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    from desktop.reports.frame import NAME_LINE
    from desktop.reports.pdf import build_pdf, esc, styles

    tr = translator(lang)
    st = styles(lang=lang)
    frame = _frame(frame)
    story = _letter_start(frame, tr, st, tr("Receipt of documents"))
    registration = next((s for s in card.steps if s.taken), None)
    received_by = (registration.done_by if registration else "") or NAME_LINE
    due = tr.short_date(card.due) if card.due else NAME_LINE
    taken = [s for s in card.steps if s.planned]
    moved = [m for m in (moved_note(tr, taken[-1]),) if m] if taken else []  # why the due date is later
    facts = [
        (tr("Incoming number"), str(card.id)),
        (tr("Date received"), tr.short_date(card.received)),
        (tr("Applicant"), card.applicant),
        (tr("Service"), shown(tr, card.procedure_name)),
        (tr("Channel"), Channel(card.channel).label(tr)),
        (tr("Documents received"), "\n".join(
            f"{i}. {doc}" for i, doc in enumerate(_documents(card), 1))),
        (tr("The result is due"), due + (f" ({'; '.join(moved)})" if moved else "")),
        (tr("Documents received by"), received_by),
    ]
    # one document a line (a Paragraph takes a newline for a space)
    rows = [[Paragraph(esc(k), st["cell_bold"]), Paragraph(esc(v).replace("\n", "<br/>"), st["cell"])]
            for k, v in facts]
    story.append(Table(rows, colWidths=[55 * mm, 120 * mm], hAlign="LEFT", splitInRow=1,
                       style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    story.append(Spacer(1, 8 * mm))
    received_label = tr("Received by")
    story.append(Paragraph(esc(f"{received_label}: ______________ {received_by}"), st["body"]))
    story.append(Paragraph(esc(tr.short_date(card.received)), st["body"]))
    story.append(Paragraph(esc(tr("Stamp")), st["small"]))
    build_pdf(target, story, tr, title=tr("Receipt of documents"))


def refusal_pdf(card: RequestCard, target, lang: str, frame=None) -> None:
    """The motivated refusal letter (seed 002): to whom, what was refused, on what ground, the date
    of the refusal and the official who signs it."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from desktop.reports.pdf import build_pdf, esc, styles

    tr = translator(lang)
    st = styles(lang=lang)
    frame = _frame(frame)
    if card.status != RequestStatus.REFUSED:
        from desktop.models.base import DomainError

        raise DomainError(tr("Request No {number} is not refused.").format(number=card.id))
    story = [*_letter_start(frame, tr, st, tr("Motivated refusal"))]
    story.append(Paragraph(esc(tr("To: {applicant}").format(applicant=card.applicant)), st["body"]))
    story.append(Spacer(1, 5 * mm))
    ground = shown(tr, card.refusal_reason)  # a ground of seed 002 in the letter's language, or as typed
    text = tr("Your request No {number} of {received} for “{service}” is refused.").format(
        number=card.id, received=tr.short_date(card.received), service=shown(tr, card.procedure_name))
    story.append(Paragraph(esc(text), st["body"]))
    label = tr("Ground")
    story.append(Paragraph(f"<b>{esc(label)}:</b> {esc(ground)}", st["body"]))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(esc(tr("The refusal may be appealed in the procedure set by law.")), st["body"]))
    story += _signature(frame, tr, st,
                        tr.short_date(card.closed) if card.closed else "«____» ______________ 20___")
    build_pdf(target, story, tr, title=tr("Motivated refusal"))
