"""The decisions register as an Excel sheet: overdue decisions in red, ready to filter and print."""

from __future__ import annotations

import datetime as dt

from desktop import clock
from desktop.i18n import translator
from desktop.models.meetings import DecisionStatus
from desktop.models.meetings_decisions import DecisionRow
from desktop.reports.xlsx import Workbook, write_table, write_value


def decisions_xlsx(target, rows: list[DecisionRow], lang: str, on_date: dt.date | None = None, frame=None) -> None:
    from desktop.models.document_frame import blank_frame
    from desktop.reports.frame import framed_sheet, xlsx_bottom

    tr = translator(lang)
    on_date = on_date or clock.today()
    frame = frame or blank_frame("decisions")
    book = Workbook(target)
    sheet = book.sheet(tr("Decisions"))
    ws = framed_sheet(sheet, book, frame, tr, 8)
    ws.write_string(0, 0, tr("Register of decisions"), book.fmt["title"])
    ws.write_string(1, 0, tr("As of {date}").format(date=tr.as_of(on_date)), book.fmt["subtitle"])
    headers = [tr("No."), tr("Decision"), tr("Responsible"), tr("Due date"), tr.pgettext("state", "Status"),
               tr("Meeting series"), tr("Meeting date"), tr("Minutes No."), tr("Closed on")]
    red = {"bg_color": "#FDE2E1", "font_color": "#B71C1C"}
    cell, date = book.fmt["cell"], book.fmt["date"]
    late_cell = book.add_format(font_name="Arial", font_size=10, valign="top", text_wrap=True, border=1, **red)
    late_date = book.add_format(font_name="Arial", font_size=10, valign="top", border=1, align="center",
                                num_format="dd.mm.yyyy", **red)
    first = 3
    write_table(book, ws, first, headers, [], widths=(5, 60, 28, 12, 14, 30, 12, 10, 12))
    for i, r in enumerate(rows, 1):
        c, d = (late_cell, late_date) if r["overdue"] else (cell, date)
        status = DecisionStatus(r["status"]).label(tr)
        if r["overdue"]:
            status = tr("{status} (overdue)").format(status=status)
        values = [i, r["text"], r["responsible"], r["due_date"], status, r["series"], r["meeting_date"],
                  r["meeting_number"], r["closed_on"]]
        formats = [book.fmt["number"], c, c, d, c, c, date, book.fmt["number"], date]
        for col, value in enumerate(values):
            write_value(ws, first + i, col, value, formats[col])
    ws.autofilter(first, 0, first + max(len(rows), 1), len(headers) - 1)
    xlsx_bottom(sheet, book, frame, tr, ws.offset + first + len(rows) + 1, 8)
    book.close()
