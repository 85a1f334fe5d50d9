"""The one shape every reader returns (:class:`Table`): the visible rows holding a value, each with
the row number the user sees, bounded by the row limit while it is read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.i18n import _
from desktop.reports.table_read.files import TableRefused
from desktop.reports.table_read.text import clean_text


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

