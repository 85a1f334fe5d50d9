"""The words of undo entries. The undo commands themselves are made by the one runner of
model-layer operations, ``views/common/operations.run``."""

from __future__ import annotations

from desktop.i18n import _, current_language, pgettext


# An undo entry has its own words: the Edit menu says "Отменить Изменение данных студента", not
# the command's name ("Изменить присутствие"). The pages keep passing the command's text; ``run``
# looks it up here and pushes the entry's text (context "undo" in the catalogs).
def _entry_texts() -> dict[str, str]:
    return {
        "Accept the report": pgettext("undo", "Accept the report"),
        "Add agenda item": pgettext("undo", "Add agenda item"),
        "Add attendee": pgettext("undo", "Add attendee"),
        "Add decision": pgettext("undo", "Add decision"),
        "Add discipline": pgettext("undo", "Add discipline"),
        "Add event": pgettext("undo", "Add event"),
        "Add exam": pgettext("undo", "Add exam"),
        "Add item": pgettext("undo", "Add item"),
        "Add lesson": pgettext("undo", "Add lesson"),
        "Add line": pgettext("undo", "Add line"),
        "Add programme": pgettext("undo", "Add programme"),
        "Add room": pgettext("undo", "Add room"),
        "Add section": pgettext("undo", "Add section"),
        "Add staff member": pgettext("undo", "Add staff member"),
        "Add sub-row": pgettext("undo", "Add sub-row"),
        "Add ticked to agenda": pgettext("undo", "Add ticked to agenda"),
        "Add to agenda": pgettext("undo", "Add to agenda"),
        "Cancel decision": pgettext("undo", "Cancel decision"),
        "Change a discipline's examiner and form": pgettext("undo", "Change a discipline's examiner and form"),
        "Change attendance": pgettext("undo", "Change attendance"),
        "Change calendar properties": pgettext("undo", "Change calendar properties"),
        "Change condition": pgettext("undo", "Change condition"),
        "Change curator": pgettext("undo", "Change curator"),
        "Change date": pgettext("undo", "Change date"),
        "Change days off": pgettext("undo", "Change days off"),
        "Change decision status": pgettext("undo", "Change decision status"),
        "Change responsible": pgettext("undo", "Change responsible"),
        "Change roles": pgettext("undo", "Change roles"),
        "Change the due-soon horizon": pgettext("undo", "Change the due-soon horizon"),
        "Change the session's dates": pgettext("undo", "Change the session's dates"),
        "Clear step date": pgettext("undo", "Clear step date"),
        "Copy calendar to next year": pgettext("undo", "Copy calendar to next year"),
        "Copy exam": pgettext("undo", "Copy exam"),
        "Copy last month's plan": pgettext("undo", "Copy last month's plan"),
        "Copy the exam to groups": pgettext("undo", "Copy the exam to groups"),
        "Copy to next year": pgettext("undo", "Copy to next year"),
        "Create the session": pgettext("undo", "Create the session"),
        "Delete agenda item": pgettext("undo", "Delete agenda item"),
        "Delete decision": pgettext("undo", "Delete decision"),
        "Delete discipline": pgettext("undo", "Delete discipline"),
        "Delete event": pgettext("undo", "Delete event"),
        "Delete exam": pgettext("undo", "Delete exam"),
        "Delete item": pgettext("undo", "Delete item"),
        "Delete lesson": pgettext("undo", "Delete lesson"),
        "Delete line": pgettext("undo", "Delete line"),
        "Delete meeting": pgettext("undo", "Delete meeting"),
        "Delete plan": pgettext("undo", "Delete plan"),
        "Delete procedure": pgettext("undo", "Delete procedure"),
        "Delete programme": pgettext("undo", "Delete programme"),
        "Delete room": pgettext("undo", "Delete room"),
        "Delete section": pgettext("undo", "Delete section"),
        "Delete series": pgettext("undo", "Delete series"),
        "Delete service request": pgettext("undo", "Delete service request"),
        "Delete staff member": pgettext("undo", "Delete staff member"),
        "Distance-learning permission": pgettext("undo", "Distance-learning permission"),
        "Draft the schedule": pgettext("undo", "Draft the schedule"),
        "Edit agenda item": pgettext("undo", "Edit agenda item"),
        "Edit decision": pgettext("undo", "Edit decision"),
        "Edit event": pgettext("undo", "Edit event"),
        "Edit exam": pgettext("undo", "Edit exam"),
        "Edit item": pgettext("undo", "Edit item"),
        "Edit lesson": pgettext("undo", "Edit lesson"),
        "Edit meeting": pgettext("undo", "Edit meeting"),
        "Edit plan header": pgettext("undo", "Edit plan header"),
        "Edit procedure": pgettext("undo", "Edit procedure"),
        "Edit programme": pgettext("undo", "Edit programme"),
        "Edit room": pgettext("undo", "Edit room"),
        "Edit section": pgettext("undo", "Edit section"),
        "Edit series": pgettext("undo", "Edit series"),
        "Edit staff member": pgettext("undo", "Edit staff member"),
        "Edit student": pgettext("undo", "Edit student"),
        "Edit the remarks": pgettext("undo", "Edit the remarks"),
        "Edit the report": pgettext("undo", "Edit the report"),
        "Enrolment": pgettext("undo", "Enrolment"),
        "Import work plan": pgettext("undo", "Import work plan"),
        "Make group head": pgettext("undo", "Make group head"),
        "Move agenda item": pgettext("undo", "Move agenda item"),
        "Move exam": pgettext("undo", "Move exam"),
        "Move item": pgettext("undo", "Move item"),
        "New calendar": pgettext("undo", "New calendar"),
        "New plan": pgettext("undo", "New plan"),
        "New procedure": pgettext("undo", "New procedure"),
        "New series": pgettext("undo", "New series"),
        "New service request": pgettext("undo", "New service request"),
        "Next meeting": pgettext("undo", "Next meeting"),
        "Refuse the request": pgettext("undo", "Refuse the request"),
        "Remove a discipline from the session": pgettext("undo", "Remove a discipline from the session"),
        "Remove attendee": pgettext("undo", "Remove attendee"),
        "Rename discipline": pgettext("undo", "Rename discipline"),
        "Return the report": pgettext("undo", "Return the report"),
        "Step done": pgettext("undo", "Step done"),
        "Submit the report": pgettext("undo", "Submit the report"),
        "Withdraw refusal": pgettext("undo", "Withdraw refusal"),
    }


_entries_cache: dict[str, dict[str, str]] = {}


def entry_text(text: str) -> str:
    """The undo entry for a command's (translated) text; other texts unchanged."""
    lang = current_language()
    table = _entries_cache.get(lang)
    if table is None:
        table = _entries_cache[lang] = {_(source): entry for source, entry in _entry_texts().items()}
    return table.get(text, text)
