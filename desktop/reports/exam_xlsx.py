"""The exam schedule in Excel: the list, the matrix of dates by groups, and timetables.

Written with ``constant_memory`` (rows strictly in order, nothing kept in memory) and a fixed
set of formats made once per workbook: the 5,000-exam matrix costs about what xlsxwriter
needs to write the same cells. Print-ready: landscape A4, fit to width, repeated header rows,
borders, merged programme headers and merged cells for groups sitting one exam together.
"""

from __future__ import annotations

import datetime as dt

from desktop.i18n import translator
from desktop.models.exam_schedule import Schedule
from desktop.reports import exam_layout as L
from desktop.reports.xlsx import Workbook

LIST_WIDTHS = (12, 8, 18, 34, 14, 20, 12, 24)


def _list_headers(tr) -> list[str]:
    return [tr("Date"), tr("Time"), tr("Group"), tr("Discipline"), tr("Form"), tr("Examiner"), tr("Room"),
            tr("Consultation")]


ROWS_PER_PAGE = 24  # timetable rows on one printed landscape page before a continuation


class _Doc:
    """What every sheet of one export shares: the frame and the draft mark."""

    def __init__(self, frame, errors: list[str], lang: str):
        from desktop.models.document_frame import blank_frame
        from desktop.reports.exam_pdf import DRAFT

        self.frame = frame or blank_frame("exam_schedule")
        self.errors = errors
        self.mark = DRAFT.get(lang, "DRAFT") if errors else ""


def _title(ws, book, schedule, sheet_title, tr, doc: _Doc | None = None, last_col: int = 7) -> int:
    """Frame, title and subtitle rows; returns the first free row (after one blank row)."""
    from desktop.reports.frame import xlsx_top

    r = 0
    if doc is not None:
        if doc.mark:
            ws.set_header(f'&C&"Arial,Bold"&14&KC62828{doc.mark}')
        r = xlsx_top(ws, book, doc.frame, tr, last_col)
    ws.write_string(r, 0, L.session_title(schedule, tr), book.fmt["title"])
    ws.write_string(r + 1, 0, f"{sheet_title}. {L.period_line(schedule, tr)}", book.fmt["subtitle"])
    return r + 3


def _close(ws, book, doc: _Doc, tr, row: int, last_col: int) -> None:
    from desktop.reports.frame import xlsx_bottom

    xlsx_bottom(ws, book, doc.frame, tr, row, last_col)


def _errors_sheet(book, doc: _Doc, tr) -> None:
    ws = book.sheet(tr("Errors"))
    ws.set_column(0, 0, 6)
    ws.set_column(1, 1, 110)
    if doc.mark:
        ws.set_header(f'&C&"Arial,Bold"&14&KC62828{doc.mark}')
    ws.write_string(0, 0, tr("Errors to resolve before the schedule is final"), book.fmt["title"])
    for n, message in enumerate(doc.errors, 1):
        ws.write_number(n + 1, 0, n, book.fmt["number"])
        ws.write_string(n + 1, 1, message, book.fmt["cell"])


def session_xlsx(target, schedule: Schedule, lang: str, layout: str = "matrix", by: str = "course",
                 frame=None, errors: list[str] | None = None) -> None:
    """Write the schedule in ``layout`` ("list", "matrix", "examiner" or "room"); sheets per ``by``.

    ``frame`` gives the header, approval block and signature line; with unresolved ``errors`` every
    printed page is headed "ПРОЕКТ" and a last sheet lists the errors."""
    tr = translator(lang)
    book = Workbook(target, constant_memory=True)
    doc = _Doc(frame, list(errors or []), lang)
    fmt = book.fmt
    fmt["day"] = book.add_format(font_name="Arial", font_size=10, bold=True, border=1, text_wrap=True,
                                 align="center", valign="vcenter", bg_color="#F2F2F2")
    fmt["exam"] = book.add_format(font_name="Arial", font_size=9, border=1, text_wrap=True, align="center",
                                  valign="vcenter")
    try:
        if layout == "matrix":
            for sheet in L.sheets(schedule, by, tr):
                _matrix_sheet(book, schedule, sheet, tr, doc)
        elif layout == "list":
            for sheet in L.sheets(schedule, by, tr):
                _list_sheet(book, schedule, sheet, tr, doc)
        else:
            _timetable_sheet(book, schedule, layout, tr, doc)
        if not book._sheet_names:
            ws = book.sheet(tr("Schedule"))
            _title(ws, book, schedule, tr("No exams"), tr, doc)
        if doc.errors:
            _errors_sheet(book, doc, tr)
    finally:
        book.close()


def _list_sheet(book: Workbook, schedule: Schedule, sheet: L.Sheet, tr, doc: _Doc) -> None:
    ws = book.sheet(sheet.title)
    for c, w in enumerate(LIST_WIDTHS):
        ws.set_column(c, c, w)
    header = _title(ws, book, schedule, sheet.title, tr, doc, len(LIST_WIDTHS) - 1)
    for c, text in enumerate(_list_headers(tr)):
        ws.write_string(header, c, text, book.fmt["header"])
    r = header + 1
    cell, date = book.fmt["cell"], book.fmt["date"]
    for row in L.list_rows(schedule, sheet.group_ids, tr):
        ws.write_datetime(r, 0, dt.datetime(row[0].year, row[0].month, row[0].day), date)
        for c in range(1, 8):
            ws.write_string(r, c, row[c], cell)
        r += 1
    ws.freeze_panes(header + 1, 0)
    ws.autofilter(header, 0, max(header, r - 1), len(LIST_WIDTHS) - 1)
    ws.repeat_rows(header - 2, header)  # "Course 1. period" with the column headers on every page
    _close(ws, book, doc, tr, r, len(LIST_WIDTHS) - 1)


def _matrix_sheet(book: Workbook, schedule: Schedule, sheet: L.Sheet, tr, doc: _Doc) -> None:
    ws = book.sheet(sheet.title)
    groups = sheet.group_ids
    ws.set_column(0, 0, 13)
    ws.set_column(1, len(groups), 22)
    top = _title(ws, book, schedule, sheet.title, tr, doc, max(len(groups), 4))
    header, exam, day_fmt = book.fmt["header"], book.fmt["exam"], book.fmt["day"]
    # Two header rows: the programme merged over its groups, then the group names.
    # constant_memory flushes a row once a later one is written: finish row ``top`` first.
    for first, last, code in L.programme_spans(schedule, groups):
        if first == last:
            ws.write_string(top, first + 1, code, header)
        else:
            ws.merge_range(top, first + 1, top, last + 1, code, header)
    ws.merge_range(top, 0, top + 1, 0, tr("Date"), header)
    for c, g in enumerate(groups):
        ws.write_string(top + 1, c + 1, schedule.groups[g].name, header)
    r = top + 2
    for row in L.matrix(schedule, groups):
        ws.set_row(r, 15 * max(3, max(t.count("\n") + 1 for _a, _b, t in row.blocks)))
        ws.write_string(r, 0, L.day_label(row.day, tr), day_fmt)
        filled = 0
        for first, last, text in row.blocks:
            for c in range(filled, first):
                ws.write_blank(r, c + 1, None, exam)
            if first == last:
                ws.write_string(r, first + 1, text, exam)
            else:
                ws.merge_range(r, first + 1, r, last + 1, text, exam)
            filled = last + 1
        for c in range(filled, len(groups)):
            ws.write_blank(r, c + 1, None, exam)
        r += 1
    ws.freeze_panes(top + 2, 1)
    ws.repeat_rows(top - 2, top + 1)  # "Course 1. period" and the group headers on every page
    ws.repeat_columns(0)
    _close(ws, book, doc, tr, r, max(len(groups), 4))


def _timetable_sheet(book: Workbook, schedule: Schedule, by: str, tr, doc: _Doc) -> None:
    """One sheet; each examiner (room) starts a printed page, the column headers repeat on every
    page, and a block longer than a page continues under "Name (continued)"."""
    from desktop.reports.exam_pdf import continued

    ws = book.sheet(tr("Examiners") if by == "examiner" else tr("Rooms"))
    widths = (12, 13, 34, 22, 18, 14)
    last = len(widths) - 1
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    header = _title(ws, book, schedule, tr("Timetable of each examiner") if by == "examiner"
                    else tr("Timetable of each room"), tr, doc, last)
    headers = [tr("Date"), tr("Time"), tr("Discipline"), tr("Groups"),
               tr("Room") if by == "examiner" else tr("Examiner"), tr("Form")]
    for c, text in enumerate(headers):
        ws.write_string(header, c, text, book.fmt["header"])
    ws.freeze_panes(header + 1, 0)
    ws.repeat_rows(header)
    r = header + 1
    breaks = []
    for n, (name, rows) in enumerate(L.timetables(schedule, by, tr)):
        for at in range(0, max(1, len(rows)), ROWS_PER_PAGE):
            if n or at:
                breaks.append(r)
            ws.merge_range(r, 0, r, last, name if at == 0 else continued(name, tr), book.fmt["section"])
            r += 1
            for row in rows[at:at + ROWS_PER_PAGE]:
                ws.write_datetime(r, 0, dt.datetime(row[0].year, row[0].month, row[0].day), book.fmt["date"])
                for c in range(1, 6):
                    ws.write_string(r, c, row[c], book.fmt["cell"])
                r += 1
    if breaks:
        ws.set_h_pagebreaks(breaks)
    _close(ws, book, doc, tr, r, last)
