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

Modules by job
--------------
``files`` (what a file is, ``TableRefused``), ``text`` (cleaning, look-alike letters, signature
lines), ``table`` (the ``Table`` every reader returns), ``workbooks`` (.xlsx, .xls), ``text_tables``
(CSV, HTML) and ``reading`` (``read_table``). Every public name is importable from this package.
"""

from desktop.reports.table_read.files import (
    OLE2,
    ROW_LIMIT,
    TableRefused,
    check_regular_file,
    file_kind,
    password_message,
)
from desktop.reports.table_read.reading import read_table
from desktop.reports.table_read.table import CELLS_PER_ROW, Table
from desktop.reports.table_read.text import (
    LOOKALIKES,
    SIGNATURE_WORDS,
    clean_text,
    fold_key,
    fold_lookalikes,
    is_signature_line,
)

__all__ = [
    "CELLS_PER_ROW", "LOOKALIKES", "OLE2", "ROW_LIMIT", "SIGNATURE_WORDS", "Table", "TableRefused",
    "check_regular_file", "clean_text", "file_kind", "fold_key", "fold_lookalikes", "is_signature_line",
    "password_message", "read_table",
]
