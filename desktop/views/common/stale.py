"""A write refused because another install changed the record meanwhile (version counters,
``sqlalchemy.orm.exc.StaleDataError``): tell the user plainly and offer to reload."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.i18n import _
from desktop.models.base import DomainError


class StaleRecord(DomainError):
    """Raised to the caller of ``perform`` after the user was told (nothing was written)."""


def stale_message() -> str:
    return _("Someone else changed this record meanwhile. Reload to see their change?")


def ask_reload(parent: QWidget | None = None) -> bool:
    """The message with Reload / Cancel; True when the user chose Reload."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Changed by someone else"), stale_message(),
                      QMessageBox.StandardButton.Cancel, parent or QApplication.activeWindow())
    reload = box.addButton(_("Reload"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(reload)
    box.exec()
    return box.clickedButton() is reload


def reload_everything() -> None:
    """After an undo/redo from the Edit menu ran into a stale record: every open page reloads."""
    for widget in QApplication.topLevelWidgets():
        for page in getattr(widget, "pages", {}).values():
            page.refresh()
