"""Cell delegates of the calendar's events tree: rows as tall as their wrapped text, and the event
kind chosen from a list."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem

from desktop.models.academic_calendar import EventKind


class WrapDelegate(QStyledItemDelegate):
    """Row heights from the text wrapped at the column's real width: the default size hint does
    not know the width, so long titles and rule texts ("within 5 working days after the end of
    …") were cut after two lines with an ellipsis."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index):
        hint = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self.view.columnWidth(index.column()) - 10
        if not opt.text or width <= 0:
            return hint
        rect = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100000),
                                            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), opt.text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


class KindDelegate(WrapDelegate):
    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for kind in EventKind:
            combo.addItem(kind.label(), kind.value)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

