"""A row of buttons inside a pane (the meeting editor's agenda, a report form's table) whose
buttons that do not fit the width fold into a "»" menu that really lists them.

(It used to be a QToolBar with ``addWidget``: outside a QMainWindow Qt cannot show such widgets
in the extension popup, so folded buttons could not be reached.) An area's own commands belong
in its command bar (``views/common/page.py``); this row is for a pane's few local commands.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QMenu, QPushButton, QSizePolicy, QToolButton, QWidget


class ButtonRow(QWidget):
    def __init__(self, widgets, align_right: bool = True, parent=None):
        super().__init__(parent)
        self.widgets: list[QWidget] = list(widgets)
        layout = self._row = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        if align_right:
            layout.addStretch(1)
        for w in self.widgets:
            layout.addWidget(w)
        self.overflow = QToolButton()
        self.overflow.setText("»")
        self.overflow.setAutoRaise(True)
        self.overflow.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.overflow)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.overflow.setMenu(self.menu)
        self.overflow.hide()
        layout.addWidget(self.overflow)
        if not align_right:
            layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)

    def _wanted(self, w: QWidget) -> bool:
        act = w.defaultAction() if isinstance(w, QToolButton) else None
        return bool(w.property("wanted") if w.property("wanted") is not None else True) and (
            act is None or act.isVisible())

    def fit(self) -> None:
        spacing = self._row.spacing()
        room = self.width() - self.overflow.sizeHint().width() - spacing
        folded = False
        for w in self.widgets:
            need = w.sizeHint().width() + spacing
            fits = not folded and room >= need
            w.setVisible(fits and self._wanted(w))
            if fits:
                room -= need
            else:
                folded = True
        self.overflow.setVisible(folded)

    def folded(self) -> list[QWidget]:
        return [w for w in self.widgets if w.isHidden() and self._wanted(w)]

    def _fill_menu(self) -> None:
        """The folded buttons as menu entries: their own actions, or one that clicks them."""
        self.menu.clear()
        for w in self.folded():
            act = w.defaultAction() if isinstance(w, QToolButton) else None
            if act is not None:
                self.menu.addAction(act)
            elif isinstance(w, QAbstractButton):
                proxy = QAction(w.text(), self.menu)
                proxy.setEnabled(w.isEnabled())
                proxy.triggered.connect(w.click)
                # Only push and tool buttons have a menu (a check box has none: asking it was an AttributeError)
                menu = w.menu() if isinstance(w, (QPushButton, QToolButton)) else None
                if menu is not None:
                    proxy.setMenu(menu)
                self.menu.addAction(proxy)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._timer.start()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.overflow.sizeHint().width(), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        width = sum(w.sizeHint().width() + 4 for w in self.widgets)
        return QSize(width, super().sizeHint().height())


def button_bar(*widgets: QWidget, align_right: bool = True) -> ButtonRow:
    return ButtonRow(widgets, align_right)
