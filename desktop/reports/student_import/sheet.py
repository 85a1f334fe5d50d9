"""A sheet read for import: its rows, the header found and the mapping of its columns to fields,
and the refusal that lists every problem."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.i18n import _
from desktop.models.base import DomainError
from desktop.reports.student_import.words import (
    FIELDS,
    HEADER_SEARCH_ROWS,
    ImportField,
    is_number_header,
    looks_like,
    match_field,
    normalize,
)
from desktop.reports.table_read import ROW_LIMIT, TableRefused, clean_text, read_table


class ImportRefused(DomainError):
    """The file was refused; ``problems`` lists every reason (nothing was written)."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
        self.doubtful: list[tuple[str, str]] = []  # (column letter, header) the mapping only guessed


@dataclass
class Problem:
    row: int  # as the user sees it in Excel
    column: str  # the column's title in the file
    message: str

    def __str__(self) -> str:
        return _('row {row}, column "{column}": {message}').format(row=self.row, column=self.column,
                                                                    message=self.message)


@dataclass
class Sheet:
    """The visible rows holding a value of the sheet read: ``rows[i]`` is Excel row ``numbers[i]``,
    cells (value, is_formula, number_format)."""
    path: Path
    title: str
    rows: list[list[tuple]]
    header_row: int | None = None  # 0-based index into rows
    mapping: dict[str, int] = field(default_factory=dict)  # field -> 0-based column
    numbers: list[int] = field(default_factory=list)  # the Excel row number of each of ``rows``
    hidden_rows: list[int] = field(default_factory=list)
    hidden_sheets: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    kind: str = "xlsx"
    ignored_columns: set[int] = field(default_factory=set)  # unmatched columns the user let go

    def __post_init__(self):
        if not self.numbers:
            self.numbers = list(range(1, len(self.rows) + 1))

    def row_number(self, index: int) -> int:
        return self.numbers[index]

    def headers(self) -> list[str]:
        if self.header_row is None:
            return []
        return ["" if c[0] is None else clean_text(str(c[0])) for c in self.rows[self.header_row]]

    def column_title(self, col: int) -> str:
        headers = self.headers()
        title = headers[col] if col < len(headers) else ""
        return title or _column_letter(col)

    def column_label(self, col: int) -> str:
        """"G «№ зачётной книжки»"."""
        headers = self.headers()
        title = headers[col] if col < len(headers) else ""
        return f"{_column_letter(col)} «{title}»" if title else _column_letter(col)

    def layout_key(self) -> str:
        """Identifies a file layout (its header titles) so the window can remember a mapping."""
        return "|".join(normalize(h) for h in self.headers())

    def unmapped_columns(self) -> list[tuple[int, str | None]]:
        """Columns with a header that no field reads: (column, the field it looks like or None);
        the running-number column is not listed."""
        used = set(self.mapping.values())
        out = []
        for col, title in enumerate(self.headers()):
            if not title or col in used or is_number_header(title):
                continue
            out.append((col, looks_like(title)))
        return out

    def mapping_lines(self) -> list[str]:
        """Column by column: what each column becomes, and what is ignored."""
        lines = []
        by_col = {c: f for f, c in self.mapping.items()}
        for col in sorted(by_col):
            lines.append(_("{column} → {field}").format(column=self.column_label(col),
                                                        field=ImportField(by_col[col]).label()))
        for col, like in self.unmapped_columns():
            if like and col not in self.ignored_columns:
                lines.append(_("{column}: not read, but it looks like “{field}”; map it or ignore it.").format(
                    column=self.column_label(col), field=ImportField(like).label()))
            else:
                lines.append(_("{column}: ignored").format(column=self.column_label(col)))
        return lines

    def doubtful_columns(self) -> list[tuple[int, str]]:
        """Unmatched columns that look like a known field and were not let go by the user."""
        return [(c, like) for c, like in self.unmapped_columns() if like and c not in self.ignored_columns]


def column_index(letter: str) -> int | None:
    """"G" -> 6; None for what is not a column letter."""
    letter = letter.strip().upper()
    if not re.fullmatch(r"[A-Z]{1,3}", letter):
        return None
    n = 0
    for ch in letter:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _column_letter(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def check_zip(path: Path) -> None:
    """Refuse what is not a regular .xlsx file, would unpack to an absurd size or carries an entity
    bomb, before any XML is parsed (the grade-sheet importer uses it too)."""
    import zipfile

    from desktop.reports.package_guard import package_problem
    from desktop.reports.table_read import check_regular_file, file_kind, password_message

    try:
        check_regular_file(path)
    except TableRefused as exc:
        raise ImportRefused([str(exc)]) from exc
    try:
        problem = package_problem(path)
    except (zipfile.BadZipFile, OSError) as exc:
        if file_kind(path) == "encrypted":
            raise ImportRefused([password_message(path)]) from exc
        raise ImportRefused([_("{file}: not an Excel workbook (.xlsx).").format(file=path.name)]) from exc
    if problem:
        raise ImportRefused([problem])


def read_sheet(path: str | Path, *, sheet: str | None = None, limit: int = ROW_LIMIT) -> Sheet:
    """Read the active (or named) sheet of any supported file and find the header."""
    path = Path(path)
    try:
        table = read_table(path, sheet=sheet, limit=limit)
    except TableRefused as exc:
        raise ImportRefused([str(exc)]) from exc
    result = Sheet(path, table.title, table.rows, numbers=table.numbers, hidden_rows=table.hidden_rows,
                   hidden_sheets=table.hidden_sheets, sheets=table.sheets, kind=table.kind)
    result.header_row, result.mapping = find_header(table.rows)
    if result.header_row is None:
        what = {"csv": _("plain text"), "html": _("a web page (HTML)")}.get(
            table.kind, _("the sheet “{sheet}”").format(sheet=table.title))
        raise ImportRefused([_("{file} holds {what}, and none of its first {n} rows names the columns of a student "
                               "list (a name and a group, a record-book number …). Save the list from Excel as "
                               ".xlsx, with a header row, and import that.").format(
            file=path.name, what=what, n=HEADER_SEARCH_ROWS)])
    return result


def find_header(rows: Sequence[Sequence[tuple]]) -> tuple[int | None, dict[str, int]]:
    """The row among the first 20 that names the most known columns (a name column among them)."""
    best: tuple[int, int | None, dict[str, int]] = (0, None, {})
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping: dict[str, int] = {}
        for col, cell in enumerate(row[:200]):
            f = match_field(cell[0])
            if f and f not in mapping:
                mapping[f] = col
        has_name = "full_name" in mapping or "last_name" in mapping
        if has_name and len(mapping) >= 2 and len(mapping) > best[0]:
            best = (len(mapping), i, mapping)
    return best[1], best[2]


def apply_mapping_text(sheet: Sheet, specs: Sequence[str]) -> None:
    """``--map "№ зачётной книжки=record_book"`` (a header or a column letter = a field name)."""
    for spec in specs:
        head, sep, name = spec.rpartition("=")
        name = name.strip()
        if not sep or name not in FIELDS:
            raise ImportRefused([_("--map {spec}: write HEADER=FIELD, FIELD one of {fields}.").format(
                spec=spec, fields=", ".join(FIELDS))])
        col = None
        for i, title in enumerate(sheet.headers()):
            if normalize(title) == normalize(head):
                col = i
                break
        if col is None:
            col = column_index(head)
        if col is None:
            raise ImportRefused([_("--map {spec}: the header row has no column “{header}”.").format(
                spec=spec, header=head)])
        sheet.mapping = {f: c for f, c in sheet.mapping.items() if c != col and f != name}
        sheet.mapping[name] = col

