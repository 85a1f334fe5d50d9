"""Excel workbooks: .xlsx (openpyxl read-only, the package checked first) and old .xls (xlrd)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.i18n import _
from desktop.reports.table_read.files import TableRefused, password_message
from desktop.reports.table_read.table import _EMPTY, Table, _add_row, _blank, _choose


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
