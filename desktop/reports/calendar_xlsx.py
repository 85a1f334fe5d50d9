"""The academic calendar in Excel: the official table (same rows as the PDF) and the holidays."""

from __future__ import annotations

from desktop.i18n import translator
from desktop.models.academic_calendar import CalendarData, Resolved
from desktop.models.workdays import WorkCalendar
from desktop.reports.calendar_table import headers, holidays_in_year, table_rows, title_lines
from desktop.reports.xlsx import Workbook, write_row


def calendar_xlsx(target, data: CalendarData, resolved: Resolved, work: WorkCalendar, lang: str = "ru",
                  frame=None) -> None:
    """``frame`` as in :func:`calendar_pdf.calendar_pdf`."""
    from desktop.models.document_frame import blank_frame
    from desktop.reports.calendar_pdf import own_approval
    from desktop.reports.frame import xlsx_bottom, xlsx_top

    tr = translator(lang)
    book = Workbook(target)
    ws = book.sheet(tr("Academic calendar"))
    frame = frame or blank_frame("calendar")
    row = xlsx_top(ws, book, frame, tr, len(data.columns) + 2, approval=own_approval(data))
    if data.title and data.title.strip().casefold() != frame.university.strip().casefold():
        ws.write_string(row, 0, data.title, book.fmt["title"])
        row += 1
    for line in title_lines(data, tr):
        ws.write_string(row, 1, line, book.fmt["title"])
        row += 1
    row += 1
    head = headers(data, tr)
    header_row = row
    write_row(ws, row, head, book.fmt["header"])
    row += 1
    for r in table_rows(data, resolved, tr):
        if r.is_category:
            write_row(ws, row, [r.number, r.title, *[""] * (len(head) - 2)], book.fmt["section"])
        else:
            write_row(ws, row, [r.number, r.title, *r.cells, r.note], book.fmt["cell"])
        row += 1
    ws.set_column(0, 0, 7)
    ws.set_column(1, 1, 55)
    ws.set_column(2, len(head) - 2, 30)
    ws.set_column(len(head) - 1, len(head) - 1, 28)
    ws.freeze_panes(header_row + 1, 2)
    ws.autofilter(header_row, 0, row - 1, len(head) - 1)
    ws.repeat_rows(header_row)
    xlsx_bottom(ws, book, frame, tr, row, len(head) - 1)

    hs = book.sheet(tr("Holidays"), is_landscape=False)
    write_row(hs, 0, [tr("Date"), tr("Holiday")], book.fmt["header"])
    for i, (day, name) in enumerate(holidays_in_year(data, work, lang), 1):
        write_row(hs, i, [day, name], formats=[book.fmt["date"], book.fmt["cell"]])
    hs.set_column(0, 0, 14)
    hs.set_column(1, 1, 60)
    hs.freeze_panes(1, 0)
    book.close()
