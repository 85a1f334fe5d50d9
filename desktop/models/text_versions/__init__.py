"""Parallel texts: one record, its printed texts in the state language and in Russian.

A text the office types (a work-plan item, a calendar event, a procedure step ...) stays in its
entity's own column: that is the ORIGINAL. Its versions in other languages are rows of
``text_version`` (table, row id, field, language, text), so no area's table changes shape:

* a row with a text is the version of that field in that language;
* a row whose text is NULL records the language the original is written in (at most one per field).
  Where none is recorded (every text typed before migration 0017, or typed in the window) the
  language is read from the letters (:func:`guess_language`) and, for a text with no telling
  letter, from the other texts of its document.

Writing a version is a change of the record it belongs to: the record's version counter goes up
(optimistic locking: a stale ``expected_version`` is refused) and the audit trail gets a row
``field[lang]`` with the old and new text, as for a hand edit.

Each version keeps the original it was written against (``source``, migration 0019). Once the
original is edited (in the window, on the command line, by an import) the version is STALE: the
same rule as the Excel import's "changed original" (:func:`same_text`: equal but for spacing).
Reports print a stale version but count it with the missing ones (the warning, ``--strict``);
the translations view marks it; writing the version again (or :func:`confirm_version`) makes it
current. A version written before 0019 was stamped by the migration with the original of that day.

Reports ask :func:`resolve` / :func:`localize` for the text in their language (falling back to
the original) and :func:`missing` for the texts that have none; filters ask :func:`matching_ids`
so a row is found by any of its versions.

Modules by job
--------------
``entities`` (the table, what is translatable, the language of a text's letters, ``TextRef`` and
``Text_``), ``reading`` (versions and texts of a document, what is missing, filters), ``writing``
(one version, many, snapshots for undo, the operations). Every public name is importable from
this package.
"""

from desktop.models.text_versions.entities import (
    CONTENT_LANGUAGES,
    CYRILLIC,
    KK_LETTERS,
    KY_LETTERS,
    LANGUAGE_NAMES,
    OWNER,
    TRANSLATABLE,
    Language,
    SavedVersion,
    Text_,
    TextRef,
    TextVersion,
    VersionsByText,
    guess_language,
    is_stale,
    same_text,
)
from desktop.models.text_versions.reading import (
    any_version_like,
    common_language,
    get_version,
    load,
    matching_ids,
    missing,
    original_language,
    originals_of,
    resolve,
    settle_languages,
    settled_language,
    stale_count,
    texts_of,
    version_source,
    version_text_index,
)
from desktop.models.text_versions.writing import (
    add_versions,
    apply_versions,
    carry_by_text,
    confirm_version,
    confirm_version_op,
    copy_versions,
    delete_versions,
    restore_versions,
    set_original_language,
    set_originals_language,
    set_version,
    set_version_op,
    snapshot_versions,
    versions_by_text,
)

__all__ = [
    "CONTENT_LANGUAGES", "CYRILLIC", "KK_LETTERS", "KY_LETTERS", "LANGUAGE_NAMES", "Language", "OWNER", "TRANSLATABLE",
    "SavedVersion", "VersionsByText",
    "TextRef", "TextVersion", "Text_", "add_versions", "any_version_like", "apply_versions", "carry_by_text",
    "common_language", "confirm_version", "confirm_version_op", "copy_versions", "delete_versions", "get_version",
    "guess_language", "is_stale", "load", "matching_ids", "missing", "original_language", "originals_of", "resolve",
    "restore_versions", "same_text", "set_original_language", "set_originals_language", "set_version",
    "set_version_op", "settle_languages", "settled_language", "snapshot_versions", "stale_count", "texts_of",
    "version_source", "version_text_index", "versions_by_text",
]
