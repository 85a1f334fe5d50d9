"""Translating a document side by side: one row per text, the original beside each language.

Missing versions are highlighted and can be filtered; every edit is an undoable command that
calls ``text_versions.set_version``. The texts go to a spreadsheet for a colleague and come back
(all or nothing). Before an export, :func:`confirm_missing` lists the texts without a version in
the report's language and offers "Translate now" or "Export anyway".

Modules by job: ``models`` (the texts' table and its filter), ``dialogs`` (the translations
dialog and the one listing missing texts), ``content`` (which language pages show typed texts
in, and the question before an export). Every public name is importable from this package.
"""

from desktop.views.translations.content import (
    confirm_missing,
    content_language,
    content_language_command,
    shown_versions,
)
from desktop.views.translations.dialogs import MissingDialog, TranslationsDialog
from desktop.views.translations.models import (
    LANG_COLUMNS,
    MISSING_FILL,
    MISSING_ROLE,
    ORIGINAL,
    ORIGINAL_FILL,
    STALE_FILL,
    WHERE,
    TextsFilter,
    TextsModel,
)

__all__ = [
    "LANG_COLUMNS", "MISSING_FILL", "MISSING_ROLE", "ORIGINAL", "ORIGINAL_FILL", "STALE_FILL", "WHERE",
    "MissingDialog", "TextsFilter", "TextsModel", "TranslationsDialog", "confirm_missing", "content_language",
    "content_language_command", "shown_versions",
]
