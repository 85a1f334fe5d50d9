"""No Russian or English from Qt itself in a Kyrgyz window: Qt's own texts come from our catalogs,
and a language switch retranslates what is open, the exam conflicts list included."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QWizard

from desktop import i18n
from desktop.views.app import QtTranslations

KY = [("QPlatformTheme", "Cancel", "Жокко чыгаруу"), ("QPlatformTheme", "&Yes", "&Ооба"),
      ("QUndoGroup", "Undo %1", "Артка кайтаруу: %1"), ("QUndoGroup", "Redo", "Кайра аткаруу"),
      ("QFileDialog", "&Look in:", "&Папка:"), ("QFileDialog", "Files of &type:", "Файлдын &түрү:"),
      ("QLineEdit", "&Paste", "&Коюу"), ("QPrintPreviewDialog", "Fit width", "Туурасы боюнча"),
      ("QWizard", "&Next >", "&Кийинки >")]


@pytest.fixture
def qt_texts(qapp):
    qt = QtTranslations(qapp)
    yield qt
    qt.apply("en")


def test_qt_contexts_answer_from_our_catalog_in_kyrgyz(qt_texts):
    assert qt_texts.apply("ky")
    for context, source, kyrgyz in KY:
        assert QCoreApplication.translate(context, source) == kyrgyz
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.No)
    assert [b.text() for b in box.buttons()] == ["OK", "Жокко чыгаруу", "&Жок"]
    # a text our catalog does not hold falls through to Qt's own catalog
    assert QCoreApplication.translate("QPlatformTheme", "Don't Save") != ""


def test_kazakh_fills_what_qt_leaves_english(qt_texts):
    assert qt_texts.apply("kk")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Қарау орны:"
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "Файл түрі:"
    assert qt_texts.apply("en")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"


def test_kyrgyz_file_dialog_undo_menu_and_line_edit_menu(qtbot, qt_texts, demo_db):
    from desktop.views.main_window import MainWindow

    i18n.set_language("ky")
    qt_texts.apply("ky")
    dialog = QFileDialog(None, "", "", "*.xlsx")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {w.text() for w in dialog.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QLabel)}
    assert {"&Папка:", "Файлдын &түрү:", "Файлдын &аты:"} <= labels
    assert not labels & {"&Look in:", "Files of &type:", "&Имя файла:"}
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert "&Коюу" in texts and "Баарын тандоо" in texts and not {"В&ставить", "&Paste"} & set(texts)
    w = MainWindow(demo_db, qt_translations=qt_texts)
    qtbot.addWidget(w)
    page = w.page("staff")
    w.show_area("staff")
    page.create_group({"name": "ТЕСТ-1-26", "programme": None, "course": 1, "study_form": "full_time",
                       "language": "ky"})
    assert w.act_undo.text() == "Артка кайтаруу: Тайпа кошуу"
    wizard = QWizard()
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Жокко чыгаруу"


def test_language_switch_retranslates_the_exam_conflicts(qtbot, demo_db):
    from desktop.views.main_window import MainWindow

    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    page = w.page("exams")
    page.year.setCurrentIndex(page.year.findText("2025-2026"))
    page.kind.setCurrentIndex(page.kind.findData("winter"))
    page._reload()
    english = [page.conflict_model.index(r, 2).data(Qt.ItemDataRole.DisplayRole)
               for r in range(page.conflict_model.rowCount())]
    assert any("has two exams on one day" in t for t in english)
    w.set_interface_language("ru")
    russian = [page.conflict_model.index(r, 2).data(Qt.ItemDataRole.DisplayRole)
               for r in range(page.conflict_model.rowCount())]
    assert len(russian) == len(english) == 4
    assert any("два экзамена в один день" in t for t in russian)
    assert not any("has two exams on one day" in t for t in russian)


def _texts(widget) -> set[str]:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel

    found = {w.text() for kind in (QLabel, QAbstractButton) for w in widget.findChildren(kind)}
    found |= {w.title() for w in widget.findChildren(QGroupBox)}
    found |= {c.itemText(i) for c in widget.findChildren(QComboBox) for i in range(c.count())}
    return found - {""}


def test_kyrgyz_page_setup_and_print_preview_texts_come_from_our_catalog(qtbot, qt_texts):
    """Qt's page-setup dialog and print preview in a Kyrgyz window: our Kyrgyz, none of the Russian
    that qtbase_ru (the catalog below ours) would give."""
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPageSetupDialog, QPrinter, QPrintPreviewDialog

    qt_texts.apply("ky")
    printer = QPrinter()
    setup = QPageSetupDialog(printer)  # built, never run: offscreen there is no native printer
    qtbot.addWidget(setup)
    texts = _texts(setup)
    assert {"Кагаз", "Барактын өлчөмү:", "Туурасы:", "Бийиктиги:", "Багыты", "Тик", "Жантык", "Тескери тик",
            "Тескери жантык", "Талаалар", "Беттердин жайгашуусу", "Беттердин &тартиби:",
            "Бир баракка &беттер:", "Миллиметр (мм)", "Дюймдар (дюйм)"} <= texts
    assert not texts & {"Бумага", "Размер страницы:", "Ширина:", "Высота:", "Ориентация", "Книжная", "Альбомная",
                        "Поля", "Размещение страниц", "Paper", "Orientation", "Page &order:", "Pages &per sheet:"}
    preview = QPrintPreviewDialog(printer)
    qtbot.addWidget(preview)
    actions = {a.text() for a in preview.findChildren(QAction)}
    assert {"Барактын параметрлери", "Тик", "Жантык", "Туурасы боюнча"} <= actions
    assert not actions & {"Параметры страницы", "Книжная", "Альбомная", "Page setup"}


@pytest.mark.parametrize(("lang", "up", "space"), [("ky", "Өйдө", "Боштук"), ("kk", "Жоғары", "Бос орын"),
                                                    ("ru", "Вверх", "Пробел")])
def test_key_names_in_menus_come_from_our_catalog(qt_texts, lang, up, space):
    """Key names Qt spells out in menus ("Ctrl+Up") in the window's language; key caps stay as printed."""
    from PySide6.QtGui import QKeySequence

    native = QKeySequence.SequenceFormat.NativeText
    qt_texts.apply(lang)
    assert QKeySequence("Ctrl+Up").toString(native) == f"Ctrl+{up}"
    assert QKeySequence("Shift+Space").toString(native) == f"Shift+{space}"
    assert QKeySequence("Del").toString(native) == "Del"
    assert QKeySequence("Ctrl+Backspace").toString(native) == "Ctrl+Backspace"
    assert QKeySequence("F1").toString(native) == "F1"
