"""The user guide that ships with the program: ``resources/help/<lang>/index.html`` (one chapter
per area and per daily job) in a QTextBrowser; F1 opens the current area's chapter, and F1 in any
dialog the chapter of that dialog's job (``DialogHelp``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from desktop import i18n, paths
from desktop.i18n import _

# Chapters beyond the areas' own (anchors in every language's guide).
CHAPTERS = ("today", "setup", "students", "workplan", "meetings", "calendar", "exams", "curators", "requests",
            "results", "staff", "backup")

# Dialogs whose job is not the area of their module (``desktop.views.<module>``): the set-up
# assistant and the Faculty editor, the document frame (names and people printed on documents),
# the groups editor (the chapter on staff, programmes and groups).
MODULE_CHAPTERS = {"faculty": "setup", "frame_dialog": "setup", "groups": "staff"}


def guide_path(lang: str) -> Path:
    """The guide in ``lang``, or the English one when that language has none."""
    folder = paths.resources_dir() / "help"
    path = folder / lang / "index.html"
    return path if path.is_file() else folder / "en" / "index.html"


class HelpWindow(QDialog):
    """A window beside the main one (not modal): the guide at a chapter."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.chapter = "today"
        self.resize(760, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("User guide"))
        self.show_chapter(self.chapter)

    def show_chapter(self, chapter: str) -> None:
        self.chapter = chapter if chapter in CHAPTERS else "today"
        path = guide_path(i18n.current_language())
        url = QUrl.fromLocalFile(str(path))
        url.setFragment(self.chapter)
        self.browser.setSource(url)  # the same file again only moves to the anchor
        self.browser.scrollToAnchor(self.chapter)


def chapter_for(widget: QWidget | None) -> str | None:
    """The chapter for a dialog's job: its own ``help_chapter``, else the area of the module that
    defines it (``desktop.views.exams.dialogs`` -> ``exams``, see MODULE_CHAPTERS), else that of
    the window it was opened from (Qt's own dialogs: a file dialog opened by the students area is
    about students; one opened by the main window, about its current area). None when nothing says."""
    while widget is not None:
        chapter = getattr(widget, "help_chapter", None)
        if chapter in CHAPTERS:
            return chapter
        parts = type(widget).__module__.split(".")
        if parts[:2] == ["desktop", "views"] and len(parts) > 2:
            chapter = MODULE_CHAPTERS.get(parts[2], parts[2])
            if chapter in CHAPTERS:
                return chapter
        pages = getattr(widget, "pages", None)
        current_page = getattr(widget, "current_page", None)
        if isinstance(pages, dict) and callable(current_page):  # the main window
            page = current_page()
            return next((key for key, p in pages.items() if p is page), None)
        widget = widget.parentWidget()
    return None


class DialogHelp:
    """F1 in every dialog the program opens (the set-up assistant, the Faculty editor, the groups
    editor, import and exam dialogs, Qt's file and message boxes ...) opens the guide at that
    dialog's chapter (``chapter_for``).

    A modal dialog blocks the main window's F1, so each dialog gets its own: the first time a
    dialog window takes the focus (``window_menus.equip_dialog``, on the application's
    ``focusChanged``), an F1 action is added to it. The guide opens in a window over the dialog (a
    window under a modal dialog could not be scrolled), closed with it.
    """

    @staticmethod
    def equip(dialog: QDialog) -> None:
        if isinstance(dialog, HelpWindow) or dialog.property("dekanatF1"):
            return
        dialog.setProperty("dekanatF1", True)
        action = QAction(dialog)
        action.setObjectName("dialogHelp")
        action.setShortcut(QKeySequence.StandardKey.HelpContents)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda: DialogHelp.open(dialog))
        dialog.addAction(action)

    @staticmethod
    def open(dialog: QDialog) -> HelpWindow:
        chapter = chapter_for(dialog) or "today"
        help_window = dialog.findChild(HelpWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if help_window is None:
            help_window = HelpWindow(dialog)
        help_window.show_chapter(chapter)
        help_window.show()
        help_window.raise_()
        return help_window
