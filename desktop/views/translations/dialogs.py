"""The translations dialog (a document's texts side by side, edited through undo, round trip
through a spreadsheet) and the dialog listing texts without a version before an export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStringListModel
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.i18n import _, ngettext
from desktop.models.operations import bind
from desktop.models.text_versions import CONTENT_LANGUAGES, LANGUAGE_NAMES, Language, Text_
from desktop.views import settings as ui_settings
from desktop.views.common.operations import run
from desktop.views.translations.models import WHERE, TextsFilter, TextsModel


class TranslationsDialog(QDialog):
    """The texts of one document with their versions: ``kind`` and ``doc_id`` as in
    ``text_documents.document_texts``; ``missing_lang`` opens it filtered to one language's gaps."""

    def __init__(self, ctx, kind: str, doc_id: int | None, title: str, *, missing_lang: str | None = None,
                 undo_stack: QUndoStack | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.kind, self.doc_id = ctx, kind, doc_id
        self.undo_stack = undo_stack or QUndoStack(self)
        self.changed = False
        self.setWindowTitle(_("Translations: {document}").format(document=title))
        self._build_table()
        top = self._build_filter_row()
        bottom = self._build_buttons()
        hint = QLabel(_("Double-click a language cell to write its version. Yellow: no version yet, "
                        "the original is printed. Grey: the original's own language.") + " "
                     + _("Red: out of date, the original was edited after the version was written."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        layout.addLayout(bottom)
        self.show_combo.currentIndexChanged.connect(self._filter)
        self.filter_box.textChanged.connect(self._filter)
        self.resize(1200, 640)
        self.reload()
        if missing_lang:
            self.show_combo.setCurrentIndex(max(self.show_combo.findData(missing_lang), 0))

    def _build_table(self) -> None:
        self.model = TextsModel(self)
        self.model.on_edit = self.edit
        self.proxy = TextsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        head = self.view.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(WHERE, QHeaderView.ResizeMode.ResizeToContents)

    def _build_filter_row(self) -> QHBoxLayout:
        self.show_combo = QComboBox()
        self.show_combo.addItem(_("All texts"), None)
        self.show_combo.addItem(_("Missing in any language"), "any")
        for code in CONTENT_LANGUAGES:
            self.show_combo.addItem(_("Missing in {language}").format(language=Language(code).label()), code)
        self.filter_box = QLineEdit()
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(_("Filter…"))
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Show:")))
        top.addWidget(self.show_combo)
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.count)
        return top

    def _build_buttons(self) -> QHBoxLayout:
        self.undo_button, self.redo_button = QPushButton(_("Undo")), QPushButton(_("Redo"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.redo_stack)
        self.undo_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())
        self.export_button = QPushButton(_("Export to Excel…"))
        self.import_button = QPushButton(_("Import from Excel…"))
        self.export_button.clicked.connect(self.export_sheet)
        self.import_button.clicked.connect(self.import_sheet)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        for b in (self.undo_button, self.redo_button, self.export_button, self.import_button):
            bottom.addWidget(b)
        bottom.addStretch(1)
        bottom.addWidget(close)
        return bottom

    def redo_stack(self) -> None:
        self.undo_stack.redo()

    def reload(self) -> None:
        from desktop.models.text_documents import document_texts

        with self.ctx.db.session() as s:
            self.model.set_texts(document_texts(s, self.kind, self.doc_id))
        self._filter()
        self.view.resizeRowsToContents()

    def _filter(self) -> None:
        self.proxy.set_filter(self.show_combo.currentData(), self.filter_box.text())
        missing = sum(1 for t in self.model.texts for code in CONTENT_LANGUAGES if self.model.is_missing(t, code))
        self.count.setText(ngettext("{shown} of {total} text", "{shown} of {total} texts", len(self.model.texts))
                           .format(shown=self.proxy.rowCount(), total=len(self.model.texts))
                           + " · " + ngettext("{n} version missing", "{n} versions missing", missing).format(n=missing))

    # Editing -------------------------------------------------------------------------------
    def edit(self, text: Text_, lang: str, value: str) -> None:
        from desktop.models.text_versions import confirm_version_op, set_version_op

        ref, old = text.ref, text.versions.get(lang)
        if value and value == old:  # the same text again: the out-of-date version is checked, and current
            op = bind(confirm_version_op, ref.table, ref.row_id, ref.field, lang)
        else:
            op = bind(set_version_op, ref.table, ref.row_id, ref.field, lang, value)
        if run(self, _("Translate text"), op, title=self.windowTitle(), after=self._written) is None:
            self.reload()

    def _written(self, _outcome=None) -> None:
        self.changed = True
        self.reload()

    # Spreadsheet round trip -----------------------------------------------------------------
    def export_sheet(self) -> str | None:
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or str(Path.home())
        path, _f = QFileDialog.getSaveFileName(self, _("Export to Excel"),
                                               str(Path(folder) / f"texts-{self.kind}.xlsx"),
                                               _("Excel workbooks (*.xlsx)"))
        if path:
            ui_settings.put(ui_settings.LAST_FOLDER, str(Path(path).parent))
            self.do_export(path)
        return path or None

    def do_export(self, path: str) -> None:
        from desktop.reports.text_xlsx import texts_xlsx
        from desktop.views.common.tasks import write_report_file

        texts = list(self.model.texts)
        write_report_file(self, _("Export to Excel"), path,
                          lambda target, _progress: texts_xlsx(target, texts, self.kind, self.doc_id,
                                                               self.ctx.report_language))

    def import_sheet(self) -> None:
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or str(Path.home())
        path, _f = QFileDialog.getOpenFileName(self, _("Import from Excel"), folder, _("Excel workbooks (*.xlsx)"))
        if path:
            self.do_import(path)

    def do_import(self, path: str) -> list[str]:
        """Import a filled-in sheet of this document: all or nothing; returns the messages shown."""
        from desktop.reports.text_xlsx import NotATextSheet, read_texts_xlsx

        try:
            kind, doc_id, rows = read_texts_xlsx(path, self.ctx.report_language)
        except NotATextSheet as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return [str(exc)]
        if (kind, doc_id) != (self.kind, self.doc_id):
            message = _("{file} holds the texts of another document; nothing was imported.").format(
                file=Path(path).name)
            QMessageBox.warning(self, self.windowTitle(), message)
            return [message]
        from desktop.models.text_documents import import_texts_op

        refusal: list[str] = []

        def refused(error: str) -> None:
            refusal.append(_("Nothing was imported.") + "\n" + error)
            QMessageBox.warning(self, self.windowTitle(), refusal[0])

        outcome = run(self, _("Import translations"), bind(import_texts_op, kind, doc_id, rows), after=self._written,
                      refused=refused)
        if outcome is None:
            return refusal
        result = outcome.result
        messages = [ngettext("{n} version written", "{n} versions written", len(result.changes)).format(
            n=len(result.changes))]
        for line, key in result.changed_originals:
            messages.append(_("Row {row}: the original of {id} differs from the one in the database; "
                              "the original was left as it is.").format(row=line, id=key))
        self.changed = True
        QMessageBox.information(self, self.windowTitle(), "\n".join(messages))
        return messages


class MissingDialog(QDialog):
    """Before an export: the texts without a version in the report's language."""

    TRANSLATE, EXPORT = 2, 3

    def __init__(self, missing: list[Text_], lang: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Texts without a translation"))
        from desktop.models.text_versions import stale_count

        language = Language(lang).label() if lang in LANGUAGE_NAMES else _(lang)
        stale = stale_count(missing, lang)
        lines = []
        if len(missing) > stale:
            lines.append(ngettext("{n} text of this document has no version in {language}; it would be printed "
                                  "in its original.",
                                  "{n} texts of this document have no version in {language}; they would be printed "
                                  "in their original.", len(missing) - stale).format(n=len(missing) - stale,
                                                                                     language=language))
        if stale:
            lines.append(ngettext("{n} text's version in {language} was written before its original was edited; "
                                  "check it.",
                                  "{n} texts' versions in {language} were written before their originals were "
                                  "edited; check them.", stale).format(n=stale, language=language))
        label = QLabel("\n".join(lines))
        label.setWordWrap(True)
        outdated = _("(out of date)")
        self.texts = QStringListModel([f"{t.label}  {t.original[:120]}"
                                       + (f"  {outdated}" if lang in t.stale and t.versions.get(lang) else "")
                                       for t in missing], self)
        self.list = QListView()
        self.list.setModel(self.texts)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox()
        self.translate = buttons.addButton(_("Translate now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export = buttons.addButton(_("Export anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.translate.clicked.connect(lambda: self.done(self.TRANSLATE))
        self.export.clicked.connect(lambda: self.done(self.EXPORT))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
