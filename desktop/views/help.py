"""The user guide that ships with the program: ``resources/help/<lang>/index.html`` (one chapter
per area and per daily job) in a QTextBrowser; F1 opens the current area's chapter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

from desktop import i18n, paths
from desktop.i18n import _

# Chapters beyond the areas' own (anchors in every language's guide).
CHAPTERS = ("today", "setup", "students", "workplan", "meetings", "calendar", "exams", "curators", "requests",
            "results", "staff", "backup")


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
