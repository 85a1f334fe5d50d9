"""The base of every area page shown in the main window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop import i18n
from desktop.models.db import Database


class AppContext(QObject):
    """What pages share: the database, the report language, and change notifications."""

    # An area changed data others show (argument: a short name such as "students", "staff").
    data_changed = Signal(str)
    status_message = Signal(str)

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db

    @property
    def report_language(self) -> str:
        from desktop.views import settings

        return settings.get(settings.REPORT_LANGUAGE) or i18n.current_language()

    @property
    def country(self) -> str:
        from desktop.models import settings as model_settings

        with self.db.session() as s:
            return model_settings.get(s, "country")


class AreaPage(QWidget):
    """An area of the office's work. Subclasses build their widgets in ``__init__``,
    set texts in ``retranslate_ui`` (called again when the language changes), and reload
    from the database in ``refresh``. Edits go on ``self.undo_stack``."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(self)

    def retranslate_ui(self) -> None:  # override
        pass

    def refresh(self) -> None:  # override
        pass

    def accepts_file(self, path: str) -> bool:
        """Whether a file dropped on the window belongs to this area (e.g. an .xlsx list)."""
        return False

    def import_file(self, path: str) -> None:
        pass
