"""The bands a page shows under its command bar: the filter bar with its count, chips and the
legend of what their colours mean; fonts by point size; a dialog fitted to the screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop import colours
from desktop.i18n import _


def point_font(widget: QWidget, size: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(size)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font



class FilterBar(QWidget):
    """Band 3: labelled filters, "Reset" (shown when a filter is not at its default), and
    "Shown N of M" at the right."""

    def __init__(self, filters: Iterable[tuple[QLabel | None, QWidget]], reset: Callable[[], None] | None = None,
                 parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.labels: list[QLabel] = []
        self.widgets: list[QWidget] = []
        for label, widget in filters:
            if label is not None:
                label.setBuddy(widget)
                layout.addWidget(label)
                self.labels.append(label)
            layout.addWidget(widget)
            self.widgets.append(widget)
            layout.addSpacing(4)
        self.reset_button = QPushButton()
        self.reset_button.setFlat(True)
        self.reset_button.setVisible(reset is not None)
        if reset is not None:
            self.reset_button.clicked.connect(reset)
        layout.addWidget(self.reset_button)
        layout.addStretch(1)
        self.shown = QLabel()
        self.shown.setStyleSheet(f"color: {colours.TEXT2};")
        self.shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.shown.setMinimumWidth(60)  # gives way on a narrow window rather than widen it
        self.shown.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.shown)
        self.retranslate()

    def retranslate(self) -> None:
        self.reset_button.setText(_("Reset"))
        for label, widget in zip(self.labels, self.widgets, strict=False):
            widget.setToolTip(label.text().rstrip(":"))
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Where the labels do not fit (narrow windows, long ky/kk words) the filters stand alone,
        each still named by its tooltip and its "Any …" first entry."""
        if not self.isVisible():
            return  # again once shown and laid out
        for label in self.labels:
            label.show()
        if super().sizeHint().width() > self.width():
            for label in self.labels:
                label.hide()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_labels)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def minimumSizeHint(self) -> QSize:
        labels = sum(label.sizeHint().width() + 4 for label in self.labels if not label.isHidden())
        hint = super().minimumSizeHint()
        return QSize(max(hint.width() - labels, 0), hint.height())

    def set_counts(self, shown: int, total: int) -> None:
        self.set_shown_text(_("Shown {shown} of {total}").format(shown=shown, total=total))

    def set_shown_text(self, text: str) -> None:
        self.shown.setText(text)
        self.shown.setToolTip(text)
        self._fit_labels()


class Chip(QLabel):
    """A status as a word on its role's colour (never a whole red row)."""

    def __init__(self, text: str = "", role: str = "neutral", parent=None):
        super().__init__(text, parent)
        self.set_role(role)
        self.setFont(point_font(self, colours.CHIP_PT))

    def set_role(self, role: str) -> None:
        r = colours.role(role)
        self.role = r.key
        self.setStyleSheet(f"QLabel {{ background: {r.fill}; color: {r.text}; border: 1px solid {r.text};"
                           f" border-radius: 8px; padding: 1px 7px; }}")


class Legend(QWidget):
    """What the colours of a view mean, from the same chips: ``[(role, English text), ...]``;
    the texts are translated when shown (``retranslate``). The chips wrap onto as many lines as
    the width needs, so a long Kyrgyz legend never widens the window."""

    def __init__(self, entries: list[tuple[str, str]], parent=None, fills: dict[str, str] | None = None,
                 columns: int = 0):
        super().__init__(parent)
        self.setObjectName("legend")
        self.entries = entries
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 2, 0, 2)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.title = QLabel()
        self.title.setStyleSheet(f"color: {colours.TEXT2};")
        self.grid.addWidget(self.title, 0, 0)
        self.chips: list[Chip] = []
        self.max_columns = columns or len(entries)
        self.per_row = 0
        for role_key, _text in entries:
            chip = Chip("", role_key)
            if fills and role_key in fills:  # a view's own fill (year-view bands) beside the word
                chip.setStyleSheet(f"QLabel {{ background: {fills[role_key]}; color: {colours.TEXT};"
                                   f" border: 1px solid {colours.BORDER}; border-radius: 8px; padding: 1px 7px; }}")
            self.chips.append(chip)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def _regrid(self, width: int) -> None:
        widest = max((c.sizeHint().width() for c in self.chips), default=1) + self.grid.horizontalSpacing()
        room = width - self.title.sizeHint().width() - self.grid.horizontalSpacing()
        per_row = max(1, min(self.max_columns, room // max(widest, 1)))
        if per_row == self.per_row:
            return
        self.per_row = per_row
        for chip in self.chips:
            self.grid.removeWidget(chip)
        for i, chip in enumerate(self.chips):
            self.grid.addWidget(chip, i // per_row, 1 + i % per_row)
        for col in range(self.grid.columnCount()):
            self.grid.setColumnStretch(col, 0)
        self.grid.setColumnStretch(per_row + 1, 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._regrid(event.size().width())

    def minimumSizeHint(self) -> QSize:
        widest = max((c.sizeHint().width() for c in self.chips), default=0)
        return QSize(self.title.sizeHint().width() + widest + 12, super().minimumSizeHint().height())

    def retranslate(self) -> None:
        self.title.setText(_("Legend:"))
        for chip, (_role, text) in zip(self.chips, self.entries, strict=True):
            chip.setText(_(text))
        self.per_row = 0
        self._regrid(self.width() or 1366)






def fit_to_screen(widget: QWidget) -> None:
    """No larger than the screen's available geometry (taskbar and title bar left out)."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    frame = widget.frameGeometry().size() - widget.geometry().size()  # the title bar and borders
    if not widget.isVisible():  # not decorated yet: leave room for a usual title bar
        frame = QSize(max(frame.width(), 8), max(frame.height(), 32))
    width = min(widget.width(), room.width() - max(frame.width(), 0))
    height = min(widget.height(), room.height() - max(frame.height(), 0))
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    if not room.contains(widget.frameGeometry().topLeft()):
        widget.move(room.topLeft())






