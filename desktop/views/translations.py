"""Translating a document side by side: one row per text, the original beside each language.

Missing versions are highlighted and can be filtered; every edit is an undoable command that
calls ``text_versions.set_version``. The texts go to a spreadsheet for a colleague and come back
(all or nothing). Before an export, :func:`confirm_missing` lists the texts without a version in
the report's language and offers "Translate now" or "Export anyway".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QColor, QKeySequence, QUndoStack
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

from desktop import colours
from desktop.i18n import _, ngettext
from desktop.models.operations import bind
from desktop.models.text_versions import CONTENT_LANGUAGES, LANGUAGE_NAMES, Text_
from desktop.views import settings as ui_settings
from desktop.views.common.operations import run

MISSING_FILL = QColor(colours.role("warn").fill)  # a text still to translate
STALE_FILL = QColor(colours.role("danger").fill)  # a version written for an original edited since
ORIGINAL_FILL = QColor(colours.role("neutral").fill)  # the original, not edited here
WHERE, ORIGINAL = 0, 1
LANG_COLUMNS = {lang: 2 + i for i, lang in enumerate(CONTENT_LANGUAGES)}
MISSING_ROLE = Qt.ItemDataRole.UserRole + 10


class TextsModel(QAbstractTableModel):
    """The texts of one document (``text_documents.document_texts``); language columns editable."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.texts: list[Text_] = []
        self.on_edit = None  # (Text_, lang, new text) -> None

    def set_texts(self, texts: list[Text_]) -> None:
        self.beginResetModel()
        self.texts = list(texts)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.texts)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 2 + len(CONTENT_LANGUAGES)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == WHERE:
            return _("Where")
        if section == ORIGINAL:
            return _("Original")
        return _(LANGUAGE_NAMES[CONTENT_LANGUAGES[section - 2]])

    def lang_of(self, column: int) -> str | None:
        return CONTENT_LANGUAGES[column - 2] if column >= 2 else None

    def is_missing(self, t: Text_, lang: str) -> bool:
        return bool(t.original.strip()) and t.original_lang is not None and t.original_lang != lang \
            and not t.versions.get(lang)

    def is_stale(self, t: Text_, lang: str) -> bool:
        return lang in t.stale and bool(t.versions.get(lang)) and lang != t.original_lang

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        t = self.texts[index.row()]
        col = index.column()
        lang = self.lang_of(col)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == WHERE:
                return t.label
            if col == ORIGINAL:
                return t.original
            assert lang is not None  # a language's column (WHERE and ORIGINAL are answered above)
            return t.original if lang == t.original_lang else t.versions.get(lang, "")
        if role == Qt.ItemDataRole.BackgroundRole and lang:
            if lang == t.original_lang:
                return ORIGINAL_FILL
            if self.is_missing(t, lang):
                return MISSING_FILL
            if self.is_stale(t, lang):
                return STALE_FILL
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == ORIGINAL and t.original_lang:
                return _("The original, in {language}").format(language=_(LANGUAGE_NAMES[t.original_lang]))
            if lang and lang == t.original_lang:
                return _("The original is in this language; edit it in its document.")
            if lang and self.is_missing(t, lang):
                return _("No version in {language} yet: the original is printed.").format(
                    language=_(LANGUAGE_NAMES[lang]))
            if lang and self.is_stale(t, lang):
                return _("Out of date: the original was edited after this version was written. Edit the version, "
                         "or enter it again as it is, to mark it checked.")
        if role == MISSING_ROLE:  # "Missing in ..." shows the out-of-date versions too
            return {code for code in CONTENT_LANGUAGES if self.is_missing(t, code) or self.is_stale(t, code)}
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        flags = super().flags(index)
        lang = self.lang_of(index.column())
        if lang and lang != self.texts[index.row()].original_lang:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        lang = self.lang_of(index.column())
        if role != Qt.ItemDataRole.EditRole or not lang or self.on_edit is None:
            return False
        t = self.texts[index.row()]
        value = str(value or "").strip()
        if value == (t.versions.get(lang) or "") and not (value and self.is_stale(t, lang)):
            return False  # the same text again marks an out-of-date version checked
        self.on_edit(t, lang, value)
        return True


class TextsFilter(QSortFilterProxyModel):
    """Only the texts missing a language (or missing any), and a text filter over every column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.missing_lang: str | None = None  # a language code, "any", or None for every text
        self.needle = ""

    def set_filter(self, missing_lang: str | None, needle: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateFilter() is deprecated
            self.beginFilterChange()
            self.missing_lang, self.needle = missing_lang, needle.strip().casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.missing_lang, self.needle = missing_lang, needle.strip().casefold()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, TextsModel)  # the dialog's model
        t = model.texts[row]
        if self.missing_lang:
            missing = model.data(model.index(row, 0), MISSING_ROLE)
            if (self.missing_lang == "any" and not missing) or (self.missing_lang != "any"
                                                                  and self.missing_lang not in missing):
                return False
        if self.needle:
            hay = " ".join([t.label, t.original, *t.versions.values()]).casefold()
            return self.needle in hay
        return True


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
        self.show_combo = QComboBox()
        self.show_combo.addItem(_("All texts"), None)
        self.show_combo.addItem(_("Missing in any language"), "any")
        for code in CONTENT_LANGUAGES:
            self.show_combo.addItem(_("Missing in {language}").format(language=_(LANGUAGE_NAMES[code])), code)
        self.filter_box = QLineEdit()
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(_("Filter…"))
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Show:")))
        top.addWidget(self.show_combo)
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.count)
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
        path, _f = QFileDialog.getSaveFileName(self, _("Export to Excel"), str(Path(folder) / f"texts-{self.kind}.xlsx"),
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

        language = _(LANGUAGE_NAMES.get(lang, lang))
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
