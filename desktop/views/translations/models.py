"""The table of a document's texts (one row per text, the original beside each language) and its
filter (the texts missing a language, and a text filter over every column).

The rows are ``Text_`` objects with one editable column per content language, coloured by state
(missing, out of date, the original's own language), so this is a model of its own rather than a
``RecordTableModel`` (whose rows are records with one value per column key)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from desktop import colours
from desktop.i18n import _
from desktop.models.text_versions import CONTENT_LANGUAGES, Language, Text_

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
        return Language(CONTENT_LANGUAGES[section - 2]).label()

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
                return _("The original, in {language}").format(language=Language(t.original_lang).label())
            if lang and lang == t.original_lang:
                return _("The original is in this language; edit it in its document.")
            if lang and self.is_missing(t, lang):
                return _("No version in {language} yet: the original is printed.").format(
                    language=Language(lang).label())
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
