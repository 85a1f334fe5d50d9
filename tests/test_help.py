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
