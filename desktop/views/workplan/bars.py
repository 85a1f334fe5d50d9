"""The side panel's picture of the plan: one small stacked bar per section (done / in progress /
overdue / planned) with its legend."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from desktop import colours
from desktop.models.workplan import Progress, TreeSection, progress_bucket

# The bars' colours: the text colours of the roles (desktop/colours.py), named by the legend below.
COLOURS = {Progress.DONE: colours.role("ok").text, Progress.IN_PROGRESS: colours.role("info").text,
           Progress.OVERDUE: colours.role("danger").text, Progress.PLANNED: colours.DISABLED}


class SectionBars(QWidget):
    """One small stacked bar per section: done / in progress / overdue / planned."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, dict[Progress, int]]] = []
        self.setMinimumHeight(60)

    def set_sections(self, sections: list[TreeSection]) -> None:
        self.rows = []
        for s in sections:
            counts = dict.fromkeys(COLOURS, 0)
            for item in s["items"]:
                if item["status"] != "cancelled":
                    counts[progress_bucket(item)] += 1
            self.rows.append((s["number"], counts))
        self.setMinimumHeight(14 * len(self.rows) + 40)
        self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        width = self.width() - 40
        for i, (number, counts) in enumerate(self.rows):
            y = 4 + i * 14
            p.drawText(QRectF(0, y, 34, 12), Qt.AlignmentFlag.AlignRight, number)
            total = sum(counts.values()) or 1
            x = 40.0
            for key, colour in COLOURS.items():
                w = width * counts[key] / total
                p.fillRect(QRectF(x, y + 1, w, 10), QColor(colour))
                x += w
        if self.rows:  # the legend: what each colour means, on two lines when narrow
            y, x = 8 + len(self.rows) * 14, 40.0
            metrics = p.fontMetrics()
            for key, colour in COLOURS.items():
                label = key.label()
                if x > 40 and x + 12 + metrics.horizontalAdvance(label) > self.width():
                    y, x = y + 16, 40.0
                p.fillRect(QRectF(x, y + 2, 9, 9), QColor(colour))
                p.drawText(QRectF(x + 12, y, metrics.horizontalAdvance(label) + 2, 14),
                           Qt.AlignmentFlag.AlignLeft, label)
                x += 24 + metrics.horizontalAdvance(label)
        p.end()

