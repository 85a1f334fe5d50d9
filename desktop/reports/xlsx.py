"""What every Excel export shares, written with XlsxWriter (the fastest writer).

User text is always written with ``write_string``: a cell that starts with ``=``, ``+``,
``-`` or ``@`` stays text and never becomes a formula. Sheets are set up for printing:
frozen header, autofilter, repeated title rows, fit to page width.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence

import xlsxwriter

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


class Workbook:
    """An XlsxWriter workbook with the office's formats."""

    def __init__(self, target, *, constant_memory: bool = False):
        options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
                   "constant_memory": constant_memory, "default_date_format": "dd.mm.yyyy"}
        if hasattr(target, "write"):
            options["in_memory"] = True  # a file object: no scratch files anywhere
        else:
            # Scratch files beside the workbook (in the private folder of reports/output.atomic_file),
            # never in the system's temporary folder: they hold the whole list.
            options["tmpdir"] = os.path.dirname(os.path.abspath(target))
        self.book = xlsxwriter.Workbook(str(target) if not hasattr(target, "write") else target, options)
        base = {"font_name": "Arial", "font_size": 10, "valign": "top", "text_wrap": True}
        border = {"border": 1}
        self.fmt = {
            "title": self.book.add_format({"font_name": "Arial", "bold": True, "font_size": 13}),
            "subtitle": self.book.add_format({"font_name": "Arial", "font_size": 10, "italic": True}),
            "header": self.book.add_format({**base, **border, "bold": True, "bg_color": "#D9E1F2",
                                            "align": "center", "valign": "vcenter"}),
            "cell": self.book.add_format({**base, **border}),
            "center": self.book.add_format({**base, **border, "align": "center"}),
            "number": self.book.add_format({**base, **border, "align": "right"}),
            "date": self.book.add_format({**base, **border, "num_format": "dd.mm.yyyy", "align": "center"}),
            "section": self.book.add_format({**base, **border, "bold": True, "bg_color": "#F2F2F2"}),
            "total": self.book.add_format({**base, **border, "bold": True, "bg_color": "#F2F2F2", "align": "right"}),
            "plain": self.book.add_format(base),
            "bold": self.book.add_format({**base, "bold": True}),
        }
        self._sheet_names: set[str] = set()

    def add_format(self, **props):
        return self.book.add_format(props)

    def sheet(self, name: str, *, is_landscape: bool = True):
        ws = self.book.add_worksheet(self.unique_sheet_name(name))
        ws.set_paper(9)  # A4
        if is_landscape:
            ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.set_footer("&C&P / &N")
        return ws

    def unique_sheet_name(self, name: str) -> str:
        base = _BAD_SHEET_CHARS.sub("_", name).strip("'") or "Sheet"
        base = base[:31]
        candidate, n = base, 2
        while candidate.lower() in self._sheet_names:
            suffix = f" ({n})"
            candidate = base[: 31 - len(suffix)] + suffix
            n += 1
        self._sheet_names.add(candidate.lower())
        return candidate

    def close(self) -> None:
        self.book.close()


def write_value(ws, row: int, col: int, value, fmt=None) -> None:
    """Write one value by type; strings are never formulas."""
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, (dt.date, dt.datetime)):
        if not isinstance(value, dt.datetime):
            value = dt.datetime(value.year, value.month, value.day)
        ws.write_datetime(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def write_row(ws, row: int, values: Sequence, fmt=None, formats: Sequence | None = None) -> None:
    for col, value in enumerate(values):
        write_value(ws, row, col, value, formats[col] if formats else fmt)


def write_table(book: Workbook, ws, first_row: int, headers: Sequence[str], rows: Iterable[Sequence],
                widths: Sequence[float] | None = None, formats: Sequence | None = None) -> int:
    """A header row and data rows, frozen header, autofilter, header repeated on every printed page.

    Returns the index of the row after the table.
    """
    write_row(ws, first_row, headers, book.fmt["header"])
    r = first_row + 1
    cell_formats = formats or [book.fmt["cell"]] * len(headers)
    for values in rows:
        write_row(ws, r, values, formats=cell_formats)
        r += 1
    if widths:
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
    ws.freeze_panes(first_row + 1, 0)
    ws.autofilter(first_row, 0, max(first_row, r - 1), len(headers) - 1)
    ws.repeat_rows(first_row)
    return r
