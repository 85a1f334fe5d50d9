"""Headcount on a date: programme × course × study form × funding with totals (reports 3-НК, 2-НК)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from desktop.i18n import translator
from desktop.models.contingent import StudyForm
from desktop.models.students import headcount


def headcount_table(session: Session, on: dt.date, lang: str) -> tuple[list[str], list[list], list[int]]:
    """(headers, rows, indexes of total rows); programme subtotals and a grand total included."""
    tr = translator(lang)
    headers = [tr("Programme"), tr("Course"), tr("Study form"), tr("State grant"), tr("Contract"),
               tr.pgettext("sum column", "Total")]
    rows: list[list] = []
    totals: list[int] = []
    grand = [0, 0, 0]
    data = headcount(session, on)
    for code in dict.fromkeys(r.programme_code for r in data):
        sub = [0, 0, 0]
        for r in (r for r in data if r.programme_code == code):
            rows.append([f"{code} {r.programme_name}".strip() or "—", r.course,
                         StudyForm(r.study_form).label(tr), r.grant, r.contract, r.total])
            for i, n in enumerate((r.grant, r.contract, r.total)):
                sub[i] += n
                grand[i] += n
        totals.append(len(rows))
        rows.append([tr("Total for {programme}").format(programme=code or "—"), "", "", *sub])
    totals.append(len(rows))
    rows.append([tr.pgettext("sum row", "Total"), "", "", *grand])
    return headers, rows, totals


def export_headcount_xlsx(session: Session, target, on: dt.date, lang: str) -> None:
    from desktop.models.document_frame import document_frame
    from desktop.reports.frame import xlsx_bottom, xlsx_top
    from desktop.reports.xlsx import Workbook, write_row

    tr = translator(lang)
    headers, rows, totals = headcount_table(session, on, lang)
    frame = document_frame(session, "headcount")
    book = Workbook(target)
    ws = book.sheet(tr("Headcount"), is_landscape=False)
    top = xlsx_top(ws, book, frame, tr, len(headers) - 1)
    ws.write_string(top, 0, tr("Headcount of students on {date}").format(date=tr.as_of(on)), book.fmt["title"])
    head = top + 2
    write_row(ws, head, headers, book.fmt["header"])
    for i, row in enumerate(rows):
        fmt = book.fmt["total"] if i in totals else book.fmt["cell"]
        write_row(ws, head + 1 + i, row, fmt)
    for col, width in enumerate((40, 8, 16, 12, 12, 10)):
        ws.set_column(col, col, width)
    ws.freeze_panes(head + 1, 0)
    ws.autofilter(head, 0, head + len(rows), len(headers) - 1)
    ws.repeat_rows(head)
    xlsx_bottom(ws, book, frame, tr, head + 1 + len(rows), len(headers) - 1)
    book.close()


def export_headcount_pdf(session: Session, target, on: dt.date, lang: str) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    from desktop.models.document_frame import document_frame
    from desktop.reports.frame import pdf_bottom, pdf_top
    from desktop.reports.pdf import (
        SANS,
        SECTION_FILL,
        build_pdf,
        esc,
        styles,
        table_style_commands,
        wrap,
    )

    tr = translator(lang)
    st = styles(lang=lang)
    frame = document_frame(session, "headcount")
    headers, rows, totals = headcount_table(session, on, lang)
    widths = [70 * mm, 15 * mm, 30 * mm, 22 * mm, 22 * mm, 20 * mm]
    data = [[wrap(h, SANS + "-Bold", 9, w - 6, lang) for h, w in zip(headers, widths, strict=True)]]
    data += [[wrap(r[0], SANS, 9, widths[0] - 6, lang), *(str(v) for v in r[1:])] for r in rows]
    style = table_style_commands() + [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
    for i in totals:
        style += [("BACKGROUND", (0, i + 1), (-1, i + 1), SECTION_FILL),
                  ("FONT", (0, i + 1), (-1, i + 1), SANS + "-Bold", 9, 10.8)]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(style)
    story = [*pdf_top(frame, tr, 179 * mm),
             Paragraph(esc(tr("Headcount of students on {date}").format(date=tr.as_of(on))), st["title"]),
             table, *pdf_bottom(frame, tr, 179 * mm)]
    build_pdf(target, story, tr, title=tr("Headcount"))
