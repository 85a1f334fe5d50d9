"""The one choice of which language typed texts are shown in (originals, or the interface
language where a version exists), shared by every page, and the question asked before an export
when texts have no version in the report's language."""

from __future__ import annotations

from desktop.models.text_versions import CONTENT_LANGUAGES, Text_
from desktop.views import settings as ui_settings
from desktop.views.translations.dialogs import MissingDialog


def content_language() -> str | None:
    """The language typed texts are shown in (the interface's, where a version exists), or None
    for their originals: one setting (QSettings ``content/shown``) for every page."""
    from desktop.i18n import current_language

    lang = current_language()
    return lang if ui_settings.get(ui_settings.CONTENT_SHOWN) == "interface" and lang in CONTENT_LANGUAGES else None


def shown_versions(session, table: str, field: str) -> dict[int, str]:
    """Row id -> the version of ``table.field`` the pages show (none when they show originals)."""
    from desktop.models.text_versions import load

    lang = content_language()
    if lang is None:
        return {}
    return {row_id: text for (row_id, _f), found in load(session, table, None, [field]).items()
            if (text := found.get(lang))}


def content_language_command(page, on_change) -> None:
    """The one setting as a page's check command "Show texts in the interface language" (key
    ``content_lang``, named by the page's ``set_command_texts``), kept in step with the other
    pages; ``on_change()`` reloads the page's texts (through :func:`content_language`)."""
    from PySide6.QtGui import QAction

    act = QAction(page, checkable=True)
    act.setChecked(ui_settings.get(ui_settings.CONTENT_SHOWN) == "interface")

    def toggled(on: bool) -> None:
        ui_settings.put(ui_settings.CONTENT_SHOWN, "interface" if on else "original")
        page.ctx.data_changed.emit("content_language")  # every page, this one too, shows the choice

    def changed(what: str) -> None:
        if what != "content_language":
            return
        act.blockSignals(True)
        act.setChecked(ui_settings.get(ui_settings.CONTENT_SHOWN) == "interface")
        act.blockSignals(False)
        on_change()

    act.toggled.connect(toggled)
    page.adopt_command("content_lang", act, kind="other")
    page.ctx.data_changed.connect(changed)


def confirm_missing(parent, missing: list[Text_], lang: str, translate) -> bool:
    """True to go on with the export. With texts missing, asks: "Translate now" calls
    ``translate(lang)`` (opens the translations view filtered to them) and stops the export."""
    if not missing or lang not in CONTENT_LANGUAGES:
        return True
    answer = MissingDialog(missing, lang, parent).exec()
    if answer == MissingDialog.TRANSLATE:
        translate(lang)
        return False
    return answer == MissingDialog.EXPORT
