"""Tables saved as text: CSV (streamed, UTF-8 or Windows-1251) and HTML tables saved as ".xls"."""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser
from pathlib import Path

from desktop.i18n import _
from desktop.reports.table_read.files import TableRefused, _decode
from desktop.reports.table_read.table import Table, _add_row


def _read_csv(path: Path, limit: int) -> Table:
    """Streamed (a huge file is refused at the row limit, not held whole): UTF-8 (with or without a
    BOM), else Windows-1251; the separator that the first lines use most among ; tab and ,."""
    with open(path, "rb") as f:
        head = f.read(64 * 1024)
    encoding = "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8"
    for attempt in (encoding, "cp1251"):
        try:
            with open(path, encoding=attempt, newline="") as f:
                sample = "".join(f.readline() for _i in range(20))
                counts = {sep: sample.count(sep) for sep in (";", "\t", ",")}
                sep = max(counts, key=lambda s: counts[s]) if any(counts.values()) else ";"
                f.seek(0)
                table = Table(path, path.stem, sheets=[path.stem], kind="csv")
                for number, values in enumerate(csv.reader(f, delimiter=sep), start=1):
                    _add_row(table, number, [(v if v.strip() else None, False, None) for v in values], limit)
            return table
        except UnicodeDecodeError:
            continue
        except csv.Error as exc:
            raise TableRefused(_("{file}: the text is in an unknown encoding; save it from Excel as CSV "
                                 "UTF-8.").format(file=path.name)) from exc
    raise TableRefused(_("{file}: the text is in an unknown encoding; save it from Excel as CSV UTF-8.").format(
        file=path.name))


class _HTMLTable(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = 1
        self._skip = 0
        self.tables = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "table":
            self.tables += 1
        elif tag == "tr":
            self._end_row()
            self._row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row = []
            self._cell = []
            try:
                self._span = max(1, min(int(dict(attrs).get("colspan") or 1), 50))
            except ValueError:
                self._span = 1
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()

    def handle_data(self, data):
        if self._cell is not None and not self._skip:
            self._cell.append(data)

    def _end_cell(self):
        if self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell))
            self._row.extend([""] * (self._span - 1))
        self._cell = None

    def _end_row(self):
        self._end_cell()
        if self._row is not None:
            self.rows.append(self._row)
        self._row = None


def _read_html(path: Path, limit: int) -> Table:
    data = path.read_bytes()
    head = data[:2048].decode("ascii", errors="ignore").lower()
    m = re.search(r"charset=[\"']?([\w-]+)", head)
    encoding = m.group(1) if m else None
    text = None
    if encoding:
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            text = None
    text = text if text is not None else _decode(data)
    if text is None:
        raise TableRefused(_("{file}: the text is in an unknown encoding; save it from Excel as .xlsx.").format(
            file=path.name))
    parser = _HTMLTable()
    for start in range(0, len(text), 1 << 20):  # fed in pieces: a page past the row limit stops early
        parser.feed(text[start:start + (1 << 20)])
        if len(parser.rows) > limit:
            raise TableRefused(_("{file} has more than {limit} rows, more than a faculty has; it was not read. "
                                 "Split it, or raise the limit in the settings.").format(file=path.name, limit=limit))
    parser.close()
    if not parser.tables:
        raise TableRefused(_("{file} is a web page without a table; save the list from Excel as .xlsx.").format(
            file=path.name))
    table = Table(path, path.stem, sheets=[path.stem], kind="html")
    for number, values in enumerate(parser.rows, start=1):
        _add_row(table, number, [(v if v.strip() else None, False, None) for v in values], limit)
    return table
