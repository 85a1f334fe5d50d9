"""Reading the tables offices really have: .xlsx, old .xls, CSV and HTML tables saved as ".xls".

Every reader returns the same :class:`Table`: only the rows that hold a value, each with the row
number the user sees, so a stray styled cell at XFD1048576 or a declared dimension of a million
rows costs nothing (the work grows with the cells that hold values). Only what the user sees is
read: the active sheet (or the one named), never a hidden sheet; hidden rows are skipped and
counted. A file with more rows than a faculty could have is refused while it is read, before it
is held in memory.

Also here, shared by every importer: the text cleaning (control, bidirectional-override and
zero-width characters, non-breaking spaces), the folding of Latin look-alike letters in
Cyrillic words, and the recognition of signature and approval lines under a table.
"""

from __future__ import annotations

import csv
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from desktop.i18n import _
from desktop.models.base import DomainError

ROW_LIMIT = 100_000  # the default of the "import_row_limit" setting
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


class TableRefused(DomainError):
    """The file cannot be read as a table; the message says what it is and what to do."""


# Files -------------------------------------------------------------------------------------------

def check_regular_file(path: Path) -> None:
    """Refuse at once what is not a regular file (a FIFO, a device, a folder, a link to one):
    opening a FIFO would block forever."""
    try:
        st = os.stat(path)  # follows a symbolic link to what it points at
    except OSError as exc:
        raise TableRefused(_("{file}: no such file.").format(file=path.name)) from exc
    if not stat.S_ISREG(st.st_mode):
        raise TableRefused(_("{file} is not a regular file (a pipe, a device or a folder); save the list as a "
                             "file and import that.").format(file=path.name))


def file_kind(path: Path) -> str:
    """"xlsx", "xls", "encrypted", "html", "csv" or "unknown", from the first bytes (not the name)."""
    check_regular_file(path)
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "xlsx"
    if head.startswith(OLE2):
        # An encrypted .xlsx/.docx is an OLE2 file holding "EncryptedPackage"; look through the directory.
        with open(path, "rb") as f:
            data = f.read(min(os.path.getsize(path), 8 * 1024 * 1024))
        return "encrypted" if _ENCRYPTED in data else "xls"
    if head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"{\\rtf")):
        return "unknown"  # a PDF, a picture or an RTF document under a table's name
    text = _decode(head, partial=True)
    if text is None or "\x00" in text:
        return "unknown"
    low = text.lstrip("\ufeff \r\n\t").lower()
    if low.startswith(("<!doctype html", "<html", "<table", "<?xml", "<meta", "<head", "<body")) or "<table" in low:
        return "html"
    return "csv"


def password_message(path: Path) -> str:
    return _("{file} is protected with a password. Open it in Excel, remove the password (File → Info → "
             "Protect workbook) and import the saved copy.").format(file=path.name)


# Text -------------------------------------------------------------------------------------------

# Control characters, zero-width characters, bidirectional marks and overrides, the BOM.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u2069\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\r\n]+")


def clean_text(text: str) -> str:
    """A cell's text as the user means it: invisible characters gone, odd spaces made one space."""
    text = _INVISIBLE.sub("", text)
    return " ".join(_SPACES.sub(" ", text).split(" ")).strip()


# Latin letters that look like Cyrillic ones (upper and lower case).
LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxyY", "АаВСсЕеНКМОоРрТХхуУ")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+")


def fold_lookalikes(text: str) -> str:
    """Latin look-alike letters inside words that also hold Cyrillic letters become Cyrillic."""
    if not _CYRILLIC.search(text):
        return text
    return _WORD.sub(lambda m: m.group(0).translate(LOOKALIKES) if _CYRILLIC.search(m.group(0)) else m.group(0),
                     text)


def fold_key(text: str) -> str:
    """A comparison key where every look-alike letter is Cyrillic ("MAT-1-25" = "МАТ-1-25")."""
    return clean_text(text).translate(LOOKALIKES).casefold()


# Signature and approval lines ---------------------------------------------------------------------

SIGNATURE_WORDS = (
    # ru
    "декан", "заместитель", "зам", "методист", "заведующий", "зав", "исполнитель", "исп", "подпись", "ректор",
    "проректор", "секретарь", "составил", "согласовано", "утверждаю", "председатель", "начальник", "мп",
    # ky
    "деканы", "деканаттын", "деканатынын", "орун басары", "басары", "методисти", "башчысы", "аткаруучу", "колу", "колдо",
    "түзгөн", "макулдашылды", "бекитемин", "катчы", "төрагасы",
    # kk
    "деканның", "орынбасары", "әдіскер", "әдіскері", "меңгерушісі", "орындаушы", "қолы", "құрастырған",
    "келісілді", "бекітемін", "хатшы", "төрағасы",
    # en
    "dean", "signature", "signed", "approved", "head", "secretary",
)
_SIGNATURE_TOKENS = {w for w in SIGNATURE_WORDS if " " not in w}
_SIGNATURE_PHRASES = [w for w in SIGNATURE_WORDS if " " in w]
_UNDERSCORES = re.compile(r"_{3,}")
_MP = re.compile(r"(?<!\w)[МM]\.\s*[ПP]\.?(?!\w)")
_LONE_DATE = re.compile(r"^[«\"„]?\s*\d{1,2}\s*[»\"“]?\s*[./\-\s]\s*[\w.]+\s*[./\-\s]?\s*\d{2,4}\s*(?:г\.?|ж\.?|жыл\w*)?$")


def is_signature_line(texts: list[str]) -> bool:
    """A line under a table that signs, approves or dates it: "Декан факультета ____ Сопуев У.А.",
    "Деканаттын методисти", "М.П.", "«12» мая 2025 г."."""
    texts = [t for t in texts if t]
    if not texts:
        return False
    for text in texts:
        if "@" in text:
            continue  # an e-mail address ("head@...") signs nothing
        if _UNDERSCORES.search(text) or _MP.search(text):
            return True
        low = text.casefold().replace("ё", "е")
        tokens = re.findall(r"[^\W\d_]+", low)
        if any(t in _SIGNATURE_TOKENS for t in tokens[:3]):  # "Декан факультета", "Факультеттин деканы"
            return True
        if any(low.startswith(p) for p in _SIGNATURE_PHRASES):
            return True
    return len(texts) == 1 and bool(_LONE_DATE.match(texts[0].strip()))


# Tables ---------------------------------------------------------------------------------------------

@dataclass
class Table:
    """The visible rows holding a value: ``rows[i]`` is the cells of Excel row ``numbers[i]``;
    a cell is (value, is_formula, number_format)."""
    path: Path
    title: str
    rows: list[list[tuple]] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_sheets: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    kind: str = "xlsx"
    _shared: dict = field(default_factory=dict, repr=False)
    _cells: int = 0


def _limit_check(table: Table, limit: int) -> None:
    if len(table.rows) >= limit:
        raise TableRefused(_("{file} has more than {limit} rows, more than a faculty has; it was not read. Split "
                             "it, or raise the limit in the settings.").format(file=table.path.name, limit=limit))


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


CELLS_PER_ROW = 5  # filled cells a file may hold: the row limit × this (20,000 students × 12 columns fit)
_EMPTY = (None, False, None)


def _add_row(table: Table, number: int, cells: list[tuple], limit: int) -> None:
    """Keep a row holding a value; repeated plain values share one cell tuple (group names, dates,
    "грант" repeat on every row), and the count of cells is bounded, so memory stays bounded."""
    while cells and _blank(cells[-1][0]):
        cells.pop()
    if not cells:
        return
    _limit_check(table, limit)
    shared = table._shared
    for i, cell in enumerate(cells):
        if cell[0] is None:
            cells[i] = _EMPTY
        elif not cell[1] and cell[2] is None:
            cells[i] = shared.setdefault(cell[0], cell)
            table._cells += 1
        else:
            table._cells += 1
    if table._cells > limit * CELLS_PER_ROW:
        raise TableRefused(_("{file} holds more than {cells} filled cells, more than a faculty's list; it was not "
                             "read. Split it, or raise the row limit in the settings.").format(
            file=table.path.name, cells=limit * CELLS_PER_ROW))
    table.rows.append(cells)
    table.numbers.append(number)


def _choose(names: list[str], visible: list[bool], active: int, wanted: str | None, path: Path) -> int:
    if wanted is not None:
        for i, name in enumerate(names):
            if name == wanted or name.casefold() == wanted.casefold():
                return i
        raise TableRefused(_("{file} has no sheet “{sheet}”; its sheets are: {sheets}.").format(
            file=path.name, sheet=wanted, sheets=", ".join(names)))
    if 0 <= active < len(names) and visible[active]:
        return active
    for i, v in enumerate(visible):
        if v:
            return i
    raise TableRefused(_("{file}: every sheet is hidden.").format(file=path.name))


def read_table(path: str | Path, *, sheet: str | None = None, limit: int = ROW_LIMIT,
               data_only: bool = False) -> Table:
    """The visible rows of the active (or named) sheet of any file kind; TableRefused otherwise.
    ``data_only``: a formula cell reads as the value Excel last computed (else as the formula)."""
    path = Path(path)
    kind = file_kind(path)
    if kind == "encrypted":
        raise TableRefused(password_message(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm") and kind != "xlsx":
        # Web systems save HTML tables as ".xls", never as ".xlsx": text under that name is a mistake.
        what = {"xls": _("an old Excel workbook (.xls)"), "html": _("a web page (HTML)"),
                "csv": _("plain text (CSV)")}.get(kind, _("no table at all"))
        raise TableRefused(_("{file} is not an Excel workbook (.xlsx) although its name says so: it holds {what}. "
                             "Give it the right extension, or open it in Excel and save it as .xlsx.").format(
            file=path.name, what=what))
    if kind == "xlsx":
        return _read_xlsx(path, sheet, limit, data_only)
    if kind == "xls":
        return _read_xls(path, sheet, limit)
    if kind == "html":
        return _read_html(path, limit)
    if kind == "csv":
        return _read_csv(path, limit)
    raise TableRefused(_("{file} is neither an Excel workbook (.xlsx, .xls) nor a CSV or HTML table; save the "
                         "list from Excel as .xlsx and import that.").format(file=path.name))


def _read_xlsx(path: Path, wanted: str | None, limit: int, data_only: bool = False) -> Table:
    import openpyxl
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._reader import WorkSheetParser

    from desktop.reports.package_guard import package_problem

    try:
        problem = package_problem(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise TableRefused(_("{file}: not an Excel workbook (.xlsx): the file is damaged.").format(
            file=path.name)) from exc
    if problem:
        raise TableRefused(problem)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise TableRefused(_("{file}: the workbook cannot be read ({error}); open it in Excel and save it "
                             "again.").format(file=path.name, error=type(exc).__name__)) from exc
    try:
        sheets = book.worksheets
        names = [ws.title for ws in sheets]
        visible = [ws.sheet_state == "visible" for ws in sheets]
        index = _choose(names, visible, book._active_sheet_index, wanted, path)
        ws = sheets[index]
        table = Table(path, ws.title, sheets=names, kind="xlsx",
                      hidden_sheets=[n for n, v in zip(names, visible, strict=True) if not v])
        if not hasattr(ws, "_get_source"):  # a chart sheet
            raise TableRefused(_("{file}: the sheet “{sheet}” holds no table.").format(file=path.name, sheet=ws.title))
        with ws._get_source() as src:
            parser = WorkSheetParser(src, ws._shared_strings, data_only=data_only, epoch=book.epoch,
                                     date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
            for number, cells in parser.parse():
                held = [c for c in cells if not _blank(c["value"])]
                if not held:
                    continue
                attrs = parser.row_dimensions.get(str(number)) or {}
                if attrs.get("hidden") in ("1", "true"):
                    table.hidden_rows.append(number)
                    continue
                width = max(c["column"] for c in held)
                row: list[tuple] = [_EMPTY] * width
                for c in held:
                    value = c["value"]
                    if c["data_type"] == "f":
                        row[c["column"] - 1] = (value, True, None)
                    elif isinstance(value, (int, float)) and not isinstance(value, bool):
                        # The number format keeps a record book's leading zeros ("000000").
                        row[c["column"] - 1] = (value, False, ReadOnlyCell(ws, **c).number_format)
                    else:
                        row[c["column"] - 1] = (value, False, None)
                _add_row(table, number, row, limit)
    except TableRefused:
        raise
    except Exception as exc:  # a missing shared string, a NUL byte in the XML ...
        raise TableRefused(_("{file}: the workbook is damaged ({error}); open it in Excel and save it "
                             "again.").format(file=path.name, error=type(exc).__name__)) from exc
    finally:
        book.close()
    return table


def _read_xls(path: Path, wanted: str | None, limit: int) -> Table:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except xlrd.biffh.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise TableRefused(password_message(path)) from exc
        raise TableRefused(_("{file}: the old Excel workbook (.xls) cannot be read ({error}); open it in Excel "
                             "and save it as .xlsx.").format(file=path.name, error=exc)) from exc
    except Exception as exc:
        raise TableRefused(_("{file}: the old Excel workbook (.xls) cannot be read ({error}); open it in Excel "
                             "and save it as .xlsx.").format(file=path.name, error=type(exc).__name__)) from exc
    try:
        names = book.sheet_names()
        visible = []
        for i in range(len(names)):
            visible.append(getattr(book.sheet_by_index(i), "visibility", 0) == 0)
        index = _choose(names, visible, 0, wanted, path)
        ws = book.sheet_by_index(index)
        table = Table(path, ws.name, sheets=names, kind="xls",
                      hidden_sheets=[n for n, v in zip(names, visible, strict=True) if not v])
        hidden = {r for r, info in getattr(ws, "rowinfo_map", {}).items() if getattr(info, "hidden", 0)}
        for r in range(ws.nrows):
            cells = []
            for c, cell in enumerate(ws.row(r)):
                value = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    import datetime as dt

                    value = dt.datetime(*xlrd.xldate_as_tuple(value, book.datemode))
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(value)
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
                    value = None
                fmt = None
                if cell.ctype == xlrd.XL_CELL_NUMBER:  # "000000" keeps a record book's leading zeros
                    try:
                        fmt = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
                    except (IndexError, KeyError, TypeError):
                        fmt = None
                cells.append((value, False, fmt))
                del c
            if r in hidden and any(not _blank(v[0]) for v in cells):
                table.hidden_rows.append(r + 1)
                continue
            _add_row(table, r + 1, cells, limit)
    finally:
        book.release_resources()
    return table


def _decode(data: bytes, partial: bool = False) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace" if partial else "strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if partial and exc.start >= len(data) - 3:  # a character cut at the end of the sample
            return data[:exc.start].decode("utf-8")
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError:
        return None


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
