"""The user guide ships with the program in ky, kk and ru: every chapter and picture is there, and
F1 in an area opens that area's chapter in the interface language."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from desktop import i18n
from desktop.views.areas import AREAS
from desktop.views.help import CHAPTERS, guide_path


@pytest.mark.parametrize("lang", ["ky", "kk", "ru", "en"])
def test_every_language_has_every_chapter_and_picture(lang):
    path = guide_path(lang)
    assert path.parent.name == lang
    html = path.read_text(encoding="utf-8")
    anchors = set(re.findall(r'<h2 id="([a-z]+)">', html))
    assert anchors == set(CHAPTERS)
    assert {a.key for a in AREAS} <= anchors  # F1 in every area finds its chapter
    pictures = re.findall(r'<img src="([^"]+)"', html)
    assert len(pictures) >= 6
    for src in pictures:
        assert (path.parent / src).is_file(), src


def test_f1_opens_the_current_area_chapter_in_the_interface_language(qtbot, demo_db):
    from PySide6.QtTest import QTest

    from desktop.views.main_window import MainWindow

    i18n.set_language("ky")
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.show_area("exams")
    assert w.act_guide.shortcut().toString() == "F1"
    QTest.keyClick(w.current_page(), Qt.Key.Key_F1)
    help_window = w.help_window
    assert help_window is not None and help_window.isVisible()
    assert help_window.chapter == "exams"
    assert help_window.browser.source().fragment() == "exams"
    assert help_window.browser.source().toLocalFile().endswith("ky/index.html")
    assert "Сессиянын жадыбалы Excelге" in help_window.browser.toPlainText()
    assert help_window.windowTitle() == "Колдонуучунун колдонмосу"
    w.set_interface_language("kk")
    assert help_window.browser.source().toLocalFile().endswith("kk/index.html")
    assert "Сессия кестесін Excel-ге" in help_window.browser.toPlainText()
    w.show_area("students")
    w.act_guide.trigger()
    assert help_window.chapter == "students"


def _modal_exec(dialog) -> int:
    """QDialog.exec as Qt runs it (application-modal, a nested event loop), for the tests that answer
    the dialog from inside (tests/conftest.py refuses an unanswered exec)."""
    from PySide6.QtCore import QEventLoop

    dialog.setModal(True)
    dialog.show()
    loop = QEventLoop()
    dialog.finished.connect(loop.quit)
    loop.exec()
    return dialog.result()


def _f1_in_the_dialog_opened_by(monkeypatch, open_dialog) -> dict:
    """Run ``open_dialog`` (which opens a modal dialog with exec); once that dialog has the focus,
    press F1 in it, note what the guide shows, close the guide and the dialog."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog

    monkeypatch.setattr(QDialog, "exec", _modal_exec)

    from desktop.views.help import HelpWindow

    seen: dict = {}
    tries = iter(range(150))  # 3 s at most

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.property("dekanatF1"):  # not shown or not focused yet
            if next(tries, None) is not None:
                QTimer.singleShot(20, press)
            elif dialog is not None:
                dialog.reject()  # never equipped with F1: the caller's assertions fail
            return
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_F1)
        guide = dialog.findChild(HelpWindow)
        seen.update(dialog=type(dialog).__name__, visible=guide is not None and guide.isVisible(),
                    chapter=guide.browser.source().fragment() if guide else None,
                    text=guide.browser.toPlainText() if guide else "")
        if guide is not None:
            guide.close()
        dialog.reject()

    QTimer.singleShot(0, press)
    open_dialog()
    return seen


def test_f1_in_a_modal_dialog_opens_the_chapter_of_its_job(qtbot, demo_db, monkeypatch):
    """The main window's F1 is blocked while a modal dialog runs: every dialog has its own, and the
    guide opens over the dialog at the chapter of what the dialog does."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.views.main_window import MainWindow

    i18n.set_language("ru")
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    w.show()
    faculty = _f1_in_the_dialog_opened_by(monkeypatch, w.open_faculty_editor)
    assert faculty["dialog"] == "FacultyDialog" and faculty["visible"] and faculty["chapter"] == "setup"
    assert "Настройка факультета" in faculty["text"]  # the Russian guide's set-up chapter
    staff = w.show_area("staff")
    groups = _f1_in_the_dialog_opened_by(monkeypatch, staff.add_group)
    assert (groups["dialog"], groups["chapter"]) == ("NewGroupDialog", "staff")
    exams = w.show_area("exams")
    exam = _f1_in_the_dialog_opened_by(monkeypatch, exams.add_exam)
    assert (exam["dialog"], exam["chapter"]) == ("ExamDialog", "exams")
    calendar = w.show_area("calendar")
    properties = _f1_in_the_dialog_opened_by(monkeypatch, lambda: calendar.new_calendar("2031-2032"))
    assert (properties["dialog"], properties["chapter"]) == ("CalendarPropertiesDialog", "calendar")
    # Qt's own dialogs: the chapter of the area that opened them
    box = _f1_in_the_dialog_opened_by(monkeypatch, lambda: QMessageBox.question(w.show_area("requests"), "?", "?"))
    assert (box["dialog"], box["chapter"]) == ("QMessageBox", "requests")
    # the main window's own F1 still opens the current area's chapter
    w.show_area("curators")
    w.act_guide.trigger()
    assert w.help_window.chapter == "curators"


def test_f1_in_the_set_up_assistant(qtbot, db, monkeypatch):
    from desktop.views.main_window import MainWindow

    i18n.set_language("ky")
    w = MainWindow(db)
    qtbot.addWidget(w)
    w.show()
    wizard = _f1_in_the_dialog_opened_by(monkeypatch, w.offer_setup)
    assert (wizard["dialog"], wizard["visible"], wizard["chapter"]) == ("SetupWizard", True, "setup")
