"""The printed texts of each document (a work plan, an academic calendar, the procedures of
service requests, a meeting) for translation, and the same documents in one language for reports.

``document_texts(session, kind, doc_id)`` lists every text of a document (one query per table);
``localize_plan`` / ``localize_calendar`` give a report the texts of its language (the original
where a text has none) and say which texts had none.
``add_request_search_texts`` / ``localize_request_*`` do the same for service requests, and
``import_filled`` takes a filled-in translation sheet back.

Modules by job
--------------
``texts`` (every text of each document), ``localized`` (a document in one language),
``request_texts`` (the register and card of service requests in one language), ``sheet`` (the
round trip through a spreadsheet). Every public name is importable from this package.
"""

from desktop.models.text_documents.localized import (
    faculty_name,
    localize_calendar,
    localize_meeting,
    localize_plan,
    localize_schedule,
)
from desktop.models.text_documents.request_texts import (
    add_request_search_texts,
    localize_request_card,
    localize_request_rows,
)
from desktop.models.text_documents.sheet import (
    FilledRow,
    TextImport,
    apply_versions_op,
    check_filled,
    import_filled,
    import_texts_op,
    restore_versions_op,
)
from desktop.models.text_documents.texts import (
    TextDocument,
    calendar_texts,
    document_texts,
    exam_texts,
    meeting_texts,
    plan_texts,
    procedure_texts,
)

__all__ = [
    "TextDocument", "FilledRow", "TextImport", "add_request_search_texts", "apply_versions_op", "calendar_texts",
    "check_filled", "document_texts", "exam_texts", "faculty_name", "import_filled", "import_texts_op",
    "localize_calendar", "localize_meeting", "localize_plan", "localize_request_card", "localize_request_rows",
    "localize_schedule", "meeting_texts", "plan_texts", "procedure_texts", "restore_versions_op",
]
