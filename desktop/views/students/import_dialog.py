"""Importing an Excel list: map the columns (remembered per layout), check (dry run), import."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop.i18n import _
from desktop.reports.student_import import FIELDS, ImportField, Sheet
from desktop.views import settings as ui_settings

LAYOUTS = ui_settings.STUDENTS_IMPORT_LAYOUTS


def remembered_mapping(sheet: Sheet) -> dict[str, int] | None:
    layouts = json.loads(ui_settings.get(LAYOUTS) or "{}")
    return layouts.get(sheet.layout_key())


def remember_mapping(sheet: Sheet, mapping: dict[str, int]) -> None:
    layouts = json.loads(ui_settings.get(LAYOUTS) or "{}")
    layouts[sheet.layout_key()] = mapping
    ui_settings.put(LAYOUTS, json.dumps(layouts, ensure_ascii=False))


class ImportDialog(QDialog):
    """The column-mapping step. ``check`` and ``run`` are callables given by the page:
    ``check(mapping) -> (ok, report text)`` writes nothing; ``run(mapping)`` imports."""

    def __init__(self, sheet: Sheet, check, run, parent=None):
        super().__init__(parent)
        self.sheet = sheet
        self._check, self._run = check, run
        saved = remembered_mapping(sheet)
        if saved:
            sheet.mapping = {k: int(v) for k, v in saved.items()}
        headers = sheet.headers()
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for f in FIELDS:
            combo = QComboBox()
            combo.addItem(_("(not in the file)"), -1)
            for col in range(len(headers)):
                combo.addItem(f"{sheet.column_title(col)}", col)
            combo.setCurrentIndex(max(combo.findData(sheet.mapping.get(f, -1)), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[f] = combo
            form.addRow(ImportField(f).label() + ":", combo)
        # A column that looks like a known one but is read as nothing: the user confirms letting it go.
        self.let_go = QCheckBox()
        self.let_go.toggled.connect(self._let_go_toggled)
        self._update_let_go()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.check_button = QPushButton(_("Check (dry run)"))
        self.check_button.clicked.connect(self.check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("File: {file}, sheet “{sheet}”; header in row {row}.").format(
            file=sheet.path.name, sheet=sheet.title,
            row=sheet.row_number(sheet.header_row) if sheet.header_row is not None else 1)))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.let_go)
        layout.addWidget(self.check_button)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        self.setWindowTitle(_("Import students"))
        self.resize(640, 720)
        from desktop.views.common.page import fit_to_screen

        fit_to_screen(self)  # 720 px and a title bar are taller than a 1366×768 screen's working area

    def mapping(self) -> dict[str, int]:
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None
                and c.currentData() >= 0}

    def _doubtful(self) -> list[tuple[int, str]]:
        saved = self.sheet.ignored_columns
        self.sheet.ignored_columns = set()
        try:
            self.sheet.mapping = self.mapping()
            return self.sheet.doubtful_columns()
        finally:
            self.sheet.ignored_columns = saved

    def _update_let_go(self) -> None:
        doubtful = self._doubtful()
        self.let_go.setVisible(bool(doubtful))
        self.let_go.setText(_("Import without these columns, which look known but are not read: {columns}").format(
            columns=", ".join(self.sheet.column_label(c) for c, _f in doubtful)))
        self._let_go_toggled(self.let_go.isChecked())

    def _let_go_toggled(self, checked: bool) -> None:
        self.sheet.ignored_columns = {c for c, _f in self._doubtful()} if checked else set()
        if hasattr(self, "import_button"):
            self.import_button.setEnabled(False)

    def _mapping_changed(self) -> None:
        self._update_let_go()
        self.import_button.setEnabled(False)

    def check(self) -> bool:
        ok, text = self._check(self.mapping())
        self.report.setPlainText(text)
        self.import_button.setEnabled(ok)
        return ok

    def do_import(self) -> None:
        mapping = self.mapping()
        remember_mapping(self.sheet, mapping)
        if self._run(mapping):
            self.accept()
