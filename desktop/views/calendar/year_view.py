"""The year view: twelve month grids painted from ``models.year_view.YearView``; periods as
coloured bands, days off in red, holidays circled (name as tooltip), today framed.
Clicking a band emits ``band_clicked(event_id, term)`` so the page can open it for editing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from desktop import colours, dates, i18n
from desktop.i18n import _
from desktop.models.year_view import YearView

RED = QColor(colours.role("danger").text)


class YearViewWidget(QWidget):
    band_clicked = Signal(int, str)

    COLUMNS = 4
    HEADER = 36

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view: YearView | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(640, 420))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_view(self, view: YearView | None) -> None:
        self.view = view
        self.update()

    # Geometry -------------------------------------------------------------
    def _month_rect(self, i: int) -> QRectF:
        rows = 12 // self.COLUMNS
        w = (self.width() - 8) / self.COLUMNS
        h = (self.height() - 8) / rows
        return QRectF(4 + (i % self.COLUMNS) * w, 4 + (i // self.COLUMNS) * h, w - 6, h - 6)

    def _cell_rect(self, month_rect: QRectF, row: int, weekday: int) -> QRectF:
        cw = month_rect.width() / 8
        ch = (month_rect.height() - self.HEADER) / 6
        return QRectF(month_rect.x() + cw * (weekday + 1), month_rect.y() + self.HEADER + row * ch, cw, ch)

    def cell_at(self, pos: QPoint):
        """The day cell under ``pos`` (None between months)."""
        if self.view is None:
            return None
        for i, month in enumerate(self.view.months):
            rect = self._month_rect(i)
            if not rect.contains(pos):
                continue
            for r, week in enumerate(month.weeks):
                for cell in week:
                    if cell is not None and self._cell_rect(rect, r, cell.weekday).contains(pos):
                        return cell
        return None

    def point_of(self, day: dt.date) -> QPoint:
        """The centre of ``day``'s cell (for tests and keyboard use)."""
        if self.view is None:
            raise ValueError(day)
        for i, month in enumerate(self.view.months):
            for r, week in enumerate(month.weeks):
                for cell in week:
                    if cell is not None and cell.date == day:
                        return self._cell_rect(self._month_rect(i), r, cell.weekday).center().toPoint()
        raise ValueError(day)

    # Painting -------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        if self.view is None:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No calendar for this year yet."))
            return
        tr = i18n.current()
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.8))
        for i, month in enumerate(self.view.months):
            rect = self._month_rect(i)
            p.setFont(bold)
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(rect.x(), rect.y(), rect.width(), 18), Qt.AlignmentFlag.AlignLeft,
                       tr.month_year(month.year, month.month, heading=True))
            p.setFont(small)
            for wd in range(7):
                r = self._cell_rect(rect, 0, wd).translated(0, -16)
                r.setHeight(16)
                p.setPen(RED if wd >= 5 else self.palette().text().color())
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, tr.weekday(wd, "abbreviated"))
            for row, week in enumerate(month.weeks):
                weeks = [c.week for c in week if c is not None and c.week]
                if weeks:
                    r = self._cell_rect(rect, row, -1)
                    p.setPen(QColor(colours.TEXT2))
                    p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(min(weeks)))
                for cell in week:
                    if cell is not None:
                        self._paint_cell(p, self._cell_rect(rect, row, cell.weekday), cell, bold)
        p.end()

    def _paint_cell(self, p: QPainter, r: QRectF, cell, bold: QFont) -> None:
        bands = cell.bands[:3]
        for k, band in enumerate(bands):
            h = (r.height() - 2) / len(bands)
            p.fillRect(QRectF(r.x() + 1, r.y() + 1 + k * h, r.width() - 2, h), QColor(band.colour))
        if cell.holiday:
            p.setPen(QPen(RED, 1.2))
            side = min(r.width(), r.height()) - 3
            p.drawEllipse(QRectF(r.center().x() - side / 2, r.center().y() - side / 2, side, side))
        if cell.is_today:
            p.setPen(QPen(QColor(colours.ACCENT), 2))
            p.drawRect(r.adjusted(1, 1, -1, -1))
        p.setFont(bold if cell.holiday else self.font())
        p.setPen(RED if cell.is_day_off else QColor(colours.TEXT))
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(cell.date.day))

    # Interaction ----------------------------------------------------------
    def tooltip_text(self, cell) -> str:
        tr = i18n.current()
        lines = [f"{tr.long_date(cell.date)}, {dates.weekday_name(cell.date.weekday(), tr.lang)}"]
        if cell.holiday:
            lines.append(cell.holiday)
        if cell.week:
            lines.append(_("Teaching week {week}").format(week=cell.week))
        lines += [band.title for band in cell.bands]
        return "\n".join(lines)

    def mouseMoveEvent(self, event) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_text(cell), self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, event) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is not None and cell.bands and event.button() == Qt.MouseButton.LeftButton:
            # The narrowest period is the one the user most likely means.
            band = min(cell.bands, key=lambda b: (b.end - b.start).days)
            self.band_clicked.emit(band.event_id, band.term)
