"""A row of buttons that folds behind » when the window is narrow (1366-pixel office screens)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget


def button_bar(*widgets: QWidget, align_right: bool = True) -> QToolBar:
    bar = QToolBar()
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.setStyleSheet("QToolBar { border: 0; spacing: 4px; }")
    if align_right:
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
    for w in widgets:
        bar.addWidget(w)
    return bar
