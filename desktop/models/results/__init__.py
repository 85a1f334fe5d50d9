"""Grade sheets (ведомость) and the results on them.

A sheet is issued for one exam of a session: numbered within the academic year, with the date
issued, the form of control and the grading scale in force. Issuing it fixes its list of
students: those of the exam's groups who are studying on the exam's day (from the movement
history, so a student expelled the day before is not on it), each a row of ``exam_result``
with the group the student was in. Results are typed into those rows; a retake is a later
sheet (the FX or retake session) with its own rows, so the earlier result stays beside it.

Modules by job
--------------
``entities`` (the tables, the office's alphabetical order), ``sheets`` (issuing, reading and the
form of control of a sheet, the faculty's frame), ``entering`` (results typed, a sheet at once, a
filled sheet read back; the values replaced, for undo), ``checks`` (the rule of ``dekanat check``).
Every public name is importable from this package.
"""

from desktop.models.results import checks  # noqa: F401  (registers the check rule)
from desktop.models.results.entering import (
    ResultValues,
    enter_many,
    enter_result,
    enter_text,
    import_filled,
    restore_many,
    restore_result,
    result_entry_text,
)
from desktop.models.results.entities import (
    ALPHABET,
    MAX_DEBTS,
    RESULT_FIELDS,
    ExamResult,
    GradeSheet,
    name_key,
    student_sort_key,
)
from desktop.models.results.sheets import (
    Frame,
    Sheet,
    SheetHead,
    SheetRow,
    delete_sheets,
    earlier_results,
    entered_counts,
    faculty_frame,
    issue_sheet,
    issue_sheets,
    load_sheet,
    outcome_of,
    scale_for,
    set_control,
    sheet_heads,
    students_on,
    studying_by_group,
)

__all__ = [
    "ALPHABET", "MAX_DEBTS", "RESULT_FIELDS", "ExamResult", "Frame", "GradeSheet", "ResultValues", "Sheet",
    "SheetHead", "SheetRow", "delete_sheets", "earlier_results", "enter_many", "entered_counts", "enter_result",
    "enter_text",
    "faculty_frame", "import_filled", "issue_sheet", "issue_sheets", "load_sheet", "name_key", "outcome_of",
    "restore_many", "restore_result", "result_entry_text", "scale_for", "set_control", "sheet_heads",
    "student_sort_key", "students_on", "studying_by_group",
]
