"""A curator's monthly report as PDF (one report, or all reports of a month one per page, each
under the faculty's frame of kind "curators": header and approval block; the curator signs it),
and the month's reports as an Excel workbook (one sheet per part)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop import dates
from desktop.i18n import translator
from desktop.models.curator_reports import ReportDocument
from desktop.models.curators import (
    AchievementKind,
    ActivityKind,
    ContactWay,
    ReportStatus,
    RiskAction,
    RiskReason,
)
from desktop.models.progress import Progress
from desktop.reports.pdf import SANS, build_pdf, esc, styles, table_style_commands, wrap

CELL_SIZE = 9


def part_tables(tr, doc: ReportDocument) -> list[tuple[str, list[str], list[list[str]], list[float]]]:
    """The four parts as (title, headers, rows of text, column widths in mm)."""
    def d(value):
        return tr.short_date(value) if value else ""

    p = doc.parts
    return [
        (tr("1. Activities held"), [tr("No"), tr("Date"), tr("Kind"), tr("Topic"), tr("Students present")],
         [[str(i), d(a["day"]), ActivityKind(a["kind"]).label(tr), a["topic"], str(a["present"])]
          for i, a in enumerate(p["activities"], 1)], [10, 22, 38, 85, 20]),
        (tr("2. Students at risk"), [tr("No"), tr("Student"), tr("Reason"), tr("Action taken"), tr("Result")],
         [[str(i), r["student_name"], RiskReason(r["reason"]).label(tr),
           RiskAction(r["action"]).label(tr), r["result"]]
          for i, r in enumerate(p["risks"], 1)], [10, 45, 30, 40, 50]),
        (tr("3. Contacts with parents"), [tr("No"), tr("Date"), tr("Student"), tr("Way"), tr("Topic")],
         [[str(i), d(c["day"]), c["student_name"], ContactWay(c["way"]).label(tr), c["subject"]]
          for i, c in enumerate(p["contacts"], 1)], [10, 22, 50, 30, 63]),
        (tr("4. Achievements"), [tr("No"), tr("Student"), tr("Kind"), tr("Title"), tr("Result")],
         [[str(i), a["student_name"], AchievementKind(a["kind"]).label(tr), a["title"], a["result"]]
          for i, a in enumerate(p["achievements"], 1)], [10, 45, 28, 62, 30]),
    ]


def _story(tr, doc: ReportDocument, frame) -> list:
    from desktop.reports.frame import nbsp_name, pdf_top

    st = styles()
    story = [
        *pdf_top(frame, tr, 175 * mm),
        Paragraph(esc(tr("Curator's report for {month} {year}").format(
            month=dates.month_name(doc.month, tr.lang), year=doc.year)), st["title"]),
        Paragraph(esc(tr("Group: {group}").format(group=doc.group)), st["body"]),
        Paragraph(esc(tr("Curator: {name}").format(name=doc.curator)), st["body"]),
        Paragraph(esc(tr("Due date: {date}").format(date=tr.long_date(doc.due))), st["body"]),
        Spacer(1, 3 * mm),
    ]
    for title, headers, rows, widths in part_tables(tr, doc):
        story.append(Paragraph(esc(title), st["heading"]))
        if not rows:
            story.append(Paragraph(esc(tr("None.")), st["body"]))
            continue
        data = [[Paragraph(esc(h), st["cell_bold"]) for h in headers]]
        # Plain wrapped cells, not Paragraphs: a month of a big faculty is hundreds of pages.
        data += [[wrap(c, SANS, CELL_SIZE, w * mm - 6) for c, w in zip(row, widths, strict=True)] for row in rows]
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1, splitInRow=1)
        table.setStyle(TableStyle(table_style_commands(size=CELL_SIZE)))
        story.append(table)
    story.append(Paragraph(esc(tr("5. Remarks")), st["heading"]))
    story.append(Paragraph(esc(doc.remarks or "—"), st["body"]))
    story.append(Spacer(1, 8 * mm))
    status = ReportStatus(doc.status).label(tr)
    story.append(Paragraph(esc(tr("Status: {status}").format(status=status)), st["body"]))
    if doc.submitted_on:
        story.append(Paragraph(esc(tr("Submitted: {date}").format(date=tr.short_date(doc.submitted_on))), st["body"]))
    if doc.status == ReportStatus.ACCEPTED and doc.accepted_on:
        who = ", ".join(p for p in (doc.accepted_by, tr.short_date(doc.accepted_on)) if p)
        story.append(Paragraph(esc(tr("Accepted by the dean's office: {who}").format(who=who)), st["body"]))
    if doc.status == ReportStatus.RETURNED:
        story.append(Paragraph(esc(tr("Returned: {comment}").format(comment=doc.return_comment)), st["body"]))
    story.append(Spacer(1, 10 * mm))
    story.append(Paragraph(esc(tr("Curator")) + " ____________________ " + esc(nbsp_name(doc.curator)),
                           st["body"]))
    return story


def write_reports_pdf(target, docs: list[ReportDocument], lang: str, faculty: str = "",
                      progress: Progress | None = None, frame=None) -> None:
    """``frame``: the document frame (kind "curators"); without one, blank lines under ``faculty``."""
    from dataclasses import replace

    from desktop.models.document_frame import blank_frame

    tr = translator(lang)
    frame = frame or replace(blank_frame("curators"), faculty=faculty)
    story: list = []
    for i, doc in enumerate(docs):
        if i:
            story.append(PageBreak())
        story += _story(tr, doc, frame)
    if not docs:
        story.append(Paragraph(esc(tr("No curator reports for this month.")), styles()["body"]))
    build_pdf(target, story, tr, title=tr("Curator reports"), progress=progress)


def write_reports_xlsx(target, docs: list[ReportDocument], lang: str) -> None:
    """One sheet per part; every line carries its group and curator so the office can filter."""
    from desktop.reports.xlsx import Workbook, write_table

    tr = translator(lang)
    book = Workbook(target)
    sheets: list[list] | None = None  # [title, headers, rows, widths] per part
    for doc in docs:
        tables = part_tables(tr, doc)
        if sheets is None:
            sheets = [[t[0], [tr("Group"), tr("Curator"), *t[1][1:]], [], t[3]] for t in tables]
        for sheet, (_title, _h, rows, _w) in zip(sheets, tables, strict=True):
            sheet[2] += [[doc.group, doc.curator, *r[1:]] for r in rows]
    overview = book.sheet(tr("Reports"))
    overview.write_string(0, 0, tr("Curator reports"), book.fmt["title"])
    write_table(book, overview, 2,
                [tr("Group"), tr("Curator"), tr.pgettext("state", "Status"), tr("Submitted"), tr("Remarks")],
                [[d.group, d.curator, ReportStatus(d.status).label(tr), d.submitted_on, d.remarks]
                 for d in docs], widths=[16, 30, 14, 12, 50],
                formats=[book.fmt["cell"], book.fmt["cell"], book.fmt["cell"], book.fmt["date"], book.fmt["cell"]])
    for title, headers, rows, widths in sheets or []:
        ws = book.sheet(title)
        write_table(book, ws, 0, headers, rows, widths=[16, 30, *[w * 0.6 for w in widths[1:]]])
    book.close()
