"""Reading the student lists offices already keep in Excel, all or nothing.

The sheet is read once (openpyxl read-only; defusedxml guards the XML parser) after the zip
directory was checked for absurd uncompressed sizes. The header is looked for in the first 20
rows by the usual Russian, Kyrgyz, Kazakh and English titles; the user may correct the mapping.
Every row is checked before anything is written, and each problem names the Excel row the user
sees and the column title: ``row 7, column "Дата рождения": impossible date “31.02.2005”``.

A re-import updates only what the file states: a blank cell is "not stated" and a column the
file lacks changes nothing. A change of group is a transfer under the movements rules
(``movements.apply_movement``).

Modules by job
--------------
Reading (no database; every name importable from this package): ``words`` (fields and the headers
and words offices write), ``sheet`` (the sheet read, its header and mapping, ``ImportRefused``),
``values`` (names, dates, record-book numbers). Against the database: ``plan`` (``ImportPlan``,
what an import would do), ``checking`` (``plan_import``: every row checked, nothing written),
``writing`` (``apply_import`` in one transaction, and ``import_students``: read, check, write).
"""

from desktop.reports.student_import.sheet import (
    ImportRefused,
    Problem,
    Sheet,
    apply_mapping_text,
    check_zip,
    column_index,
    find_header,
    read_sheet,
)
from desktop.reports.student_import.values import parse_date, split_full_name
from desktop.reports.student_import.words import (
    FIELDS,
    FORM_WORDS,
    FUNDING_WORDS,
    GENDER_WORDS,
    HEADER_SEARCH_ROWS,
    SYNONYMS,
    ImportField,
    header_key,
    is_number_header,
    looks_like,
    match_field,
    normalize,
)

__all__ = [
    "FIELDS", "FORM_WORDS", "FUNDING_WORDS", "GENDER_WORDS", "HEADER_SEARCH_ROWS", "SYNONYMS", "ImportField",
    "ImportRefused", "Problem", "Sheet", "apply_mapping_text", "check_zip", "column_index", "find_header",
    "header_key", "is_number_header", "looks_like", "match_field", "normalize", "parse_date", "read_sheet",
    "split_full_name",
]
