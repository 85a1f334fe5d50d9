"""One entry for every importer: the kind of file decides the reader."""

from __future__ import annotations

from pathlib import Path

from desktop.i18n import _
from desktop.reports.table_read.files import ROW_LIMIT, TableRefused, file_kind, password_message
from desktop.reports.table_read.table import Table
from desktop.reports.table_read.text_tables import _read_csv, _read_html
from desktop.reports.table_read.workbooks import _read_xls, _read_xlsx


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

