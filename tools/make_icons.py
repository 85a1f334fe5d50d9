"""Draw the sidebar's area icons and the program's icon into resources/icons/ as PNG files.

    python tools/make_icons.py

Each icon is drawn once on a 24-unit grid and written at the sizes the window uses (20 and 40
pixels for the sidebar, 40 on a screen scaled 200 %; 32, 64 and 256 for the program's icon).
The PNGs are committed: the window loads them without drawing anything and without QStyle
(whose Python enums alone cost 12 ms at start-up). Run this after changing a drawing.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

from desktop.views.common.icons import AREA_SIZES, COMMAND_SIZES, PROGRAM_SIZES  # noqa: E402  (the sizes the window loads)

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"

INK = QColor("#2f5f98")  # the dark blue of the official forms' headings
ACCENT = QColor("#e0a526")  # a warm second colour for the one detail that matters
PAPER = QColor("#ffffff")
LIGHT = QColor("#dce7f4")

Draw = Callable[[QPainter], None]


def _pen(color: QColor, width: float = 1.6) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _person(p: QPainter, x: float, y: float, scale: float, color: QColor) -> None:
    """A head and shoulders whose head's centre is at (x, y)."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawEllipse(QPointF(x, y), 3.2 * scale, 3.2 * scale)
    body = QPainterPath()
    body.moveTo(x - 6 * scale, y + 10.5 * scale)
    body.cubicTo(x - 6 * scale, y + 5 * scale, x - 3 * scale, y + 4.3 * scale, x, y + 4.3 * scale)
    body.cubicTo(x + 3 * scale, y + 4.3 * scale, x + 6 * scale, y + 5 * scale, x + 6 * scale, y + 10.5 * scale)
    body.closeSubpath()
    p.drawPath(body)


def _sheet(p: QPainter, rect: QRectF, fill: QColor = PAPER) -> None:
    p.setPen(_pen(INK, 1.5))
    p.setBrush(fill)
    p.drawRoundedRect(rect, 1.8, 1.8)


def _lines(p: QPainter, x: float, ys: list[float], length: float, color: QColor = INK) -> None:
    p.setPen(_pen(color, 1.4))
    for y in ys:
        p.drawLine(QPointF(x, y), QPointF(x + length, y))


def _check(p: QPainter, x: float, y: float, color: QColor = ACCENT, size: float = 1.0) -> None:
    p.setPen(_pen(color, 1.7))
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(x, y))
    path.lineTo(x + 1.4 * size, y + 1.4 * size)
    path.lineTo(x + 3.8 * size, y - 1.6 * size)
    p.drawPath(path)


def students(p: QPainter) -> None:
    _person(p, 15.5, 6.5, 0.85, LIGHT.darker(125))
    _person(p, 9.5, 8.0, 1.0, INK)
    # a mortarboard on the front student
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ACCENT)
    cap = QPainterPath(QPointF(9.5, 2.0))
    cap.lineTo(14.0, 4.0)
    cap.lineTo(9.5, 6.0)
    cap.lineTo(5.0, 4.0)
    cap.closeSubpath()
    p.drawPath(cap)


def workplan(p: QPainter) -> None:
    _sheet(p, QRectF(4.5, 3.5, 15, 18))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawRoundedRect(QRectF(9, 2, 6, 3), 1, 1)  # the clip
    for y in (9.0, 13.0, 17.0):
        _check(p, 7.0, y, ACCENT, 0.8)
    _lines(p, 11.5, [9.0, 13.0, 17.0], 5.5)


def meetings(p: QPainter) -> None:
    p.setPen(_pen(INK, 1.5))
    p.setBrush(LIGHT)
    back = QPainterPath()
    back.addRoundedRect(QRectF(9, 3, 12.5, 9), 2.5, 2.5)
    p.drawPath(back)
    p.setBrush(INK)
    p.setPen(Qt.PenStyle.NoPen)
    front = QPainterPath()
    front.addRoundedRect(QRectF(2.5, 8, 13, 9.5), 2.5, 2.5)
    tail = QPainterPath(QPointF(5.5, 17))
    tail.lineTo(5.0, 21.5)
    tail.lineTo(9.5, 17)
    tail.closeSubpath()
    p.drawPath(front.united(tail))
    p.setBrush(PAPER)
    for x in (6.0, 9.0, 12.0):
        p.drawEllipse(QPointF(x, 12.75), 1.05, 1.05)


def calendar(p: QPainter) -> None:
    _sheet(p, QRectF(3, 4.5, 18, 16.5))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    top = QPainterPath()
    top.addRoundedRect(QRectF(3, 4.5, 18, 5), 1.8, 1.8)
    top.addRect(QRectF(3, 7.5, 18, 2))
    p.drawPath(top.simplified())
    p.setPen(_pen(INK, 1.8))
    p.drawLine(QPointF(8, 2.5), QPointF(8, 6))
    p.drawLine(QPointF(16, 2.5), QPointF(16, 6))
    p.setPen(Qt.PenStyle.NoPen)
    for row in range(3):
        for col in range(4):
            p.setBrush(ACCENT if (row, col) == (1, 2) else LIGHT.darker(115))
            p.drawRoundedRect(QRectF(5.2 + col * 3.6, 11.3 + row * 3.0, 2.3, 1.9), 0.4, 0.4)


def exams(p: QPainter) -> None:
    _sheet(p, QRectF(3.5, 3, 13.5, 18))
    _lines(p, 6.5, [7.5, 10.5, 13.5], 7.5, LIGHT.darker(140))
    _check(p, 6.5, 17.0, ACCENT, 0.9)
    # a pencil across the corner
    p.save()
    p.translate(17.5, 13.5)
    p.rotate(45)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawRect(QRectF(-1.6, -7.5, 3.2, 10))
    p.setBrush(ACCENT)
    tip = QPainterPath(QPointF(-1.6, 2.5))
    tip.lineTo(1.6, 2.5)
    tip.lineTo(0, 5.5)
    tip.closeSubpath()
    p.drawPath(tip)
    p.restore()


def curators(p: QPainter) -> None:
    _sheet(p, QRectF(8.5, 3, 12.5, 16), LIGHT)
    _lines(p, 11.5, [7.0, 10.0, 13.0], 6.5)
    _person(p, 8.0, 10.0, 0.95, INK)
    _check(p, 14.5, 16.2, ACCENT, 0.8)


def requests(p: QPainter) -> None:
    p.setPen(_pen(INK, 1.5))
    p.setBrush(PAPER)
    p.drawRoundedRect(QRectF(2.5, 6, 19, 13), 1.8, 1.8)
    flap = QPainterPath(QPointF(3.2, 7.0))
    flap.lineTo(12, 13.5)
    flap.lineTo(20.8, 7.0)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(flap)
    # a clock: requests have deadlines
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ACCENT)
    p.drawEllipse(QPointF(18.5, 17.5), 4.5, 4.5)
    p.setPen(_pen(PAPER, 1.3))
    p.drawLine(QPointF(18.5, 17.5), QPointF(18.5, 14.8))
    p.drawLine(QPointF(18.5, 17.5), QPointF(20.4, 18.6))


def staff(p: QPainter) -> None:
    p.setPen(_pen(INK, 1.5))
    p.setBrush(PAPER)
    p.drawRoundedRect(QRectF(2.5, 5, 19, 14.5), 2, 2)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawRoundedRect(QRectF(9.5, 2.5, 5, 4), 1, 1)  # the lanyard clip
    _person(p, 8.0, 10.5, 0.62, INK)
    _lines(p, 12.5, [11.0, 14.0], 6.5)
    _lines(p, 12.5, [17.0], 4.0, ACCENT)


def results(p: QPainter) -> None:
    """A grade sheet with a rising bar chart: results and the session's summary."""
    _sheet(p, QRectF(3, 3, 14, 18))
    _lines(p, 6, [7.0, 10.0], 8, LIGHT.darker(140))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    for i, h in enumerate((3.0, 5.0, 7.5)):
        p.drawRect(QRectF(12 + i * 3.4, 21 - h, 2.6, h))
    p.setBrush(ACCENT)
    p.drawRect(QRectF(12 + 3 * 3.4, 11, 2.6, 10))


def program(p: QPainter) -> None:
    """The program's icon: a faculty building with a pediment and columns."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    roof = QPainterPath(QPointF(12, 1.8))
    roof.lineTo(22.5, 7.5)
    roof.lineTo(1.5, 7.5)
    roof.closeSubpath()
    p.drawPath(roof)
    p.setBrush(ACCENT)
    p.drawEllipse(QPointF(12, 5.2), 1.3, 1.3)
    p.setBrush(INK)
    p.drawRect(QRectF(3, 8.5, 18, 1.6))
    for x in (4.2, 8.6, 13.0, 17.4):
        p.drawRect(QRectF(x, 11, 2.4, 7.5))
    p.drawRect(QRectF(2, 19.5, 20, 2.2))


def today(p: QPainter) -> None:
    """A clock face: what is due now."""
    p.setPen(_pen(INK, 1.8))
    p.setBrush(PAPER)
    p.drawEllipse(QPointF(12, 12), 9, 9)
    p.setPen(_pen(INK, 1.2))
    for i in range(12):
        a = math.radians(i * 30)
        inner = 7.2 if i % 3 else 6.4
        p.drawLine(QPointF(12 + inner * math.sin(a), 12 - inner * math.cos(a)),
                   QPointF(12 + 8 * math.sin(a), 12 - 8 * math.cos(a)))
    p.setPen(_pen(ACCENT, 2.0))
    p.drawLine(QPointF(12, 12), QPointF(12, 6.5))
    p.drawLine(QPointF(12, 12), QPointF(16, 14))


ICONS: dict[str, Draw] = {
    "today": today,
    "students": students, "workplan": workplan, "meetings": meetings, "calendar": calendar,
    "exams": exams, "curators": curators, "requests": requests, "staff": staff, "results": results,
}


# The command bar's 16 px line icons (UI.md §6): one 1.5 px line in #2B4C7E on the same 24-unit
# grid (drawn 2 units thick so 16 px shows 1.5 px); "-white" variants for the primary button.
CMD_INK = QColor("#2B4C7E")


def _cmd_pen(p: QPainter, colour: QColor) -> None:
    pen = QPen(colour, 2.2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)


def cmd_new(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    p.drawLine(QPointF(12, 4), QPointF(12, 20))
    p.drawLine(QPointF(4, 12), QPointF(20, 12))


def cmd_edit(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    path = QPainterPath(QPointF(4, 20))
    for x, y in ((5, 15), (16, 4), (20, 8), (9, 19), (4, 20)):
        path.lineTo(x, y)
    p.drawPath(path)
    p.drawLine(QPointF(14, 6), QPointF(18, 10))


def cmd_delete(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    p.drawLine(QPointF(4, 6), QPointF(20, 6))
    p.drawLine(QPointF(9, 6), QPointF(10, 3.5))
    p.drawLine(QPointF(10, 3.5), QPointF(14, 3.5))
    p.drawLine(QPointF(14, 3.5), QPointF(15, 6))
    path = QPainterPath(QPointF(6, 6))
    for x, y in ((7, 20), (17, 20), (18, 6)):
        path.lineTo(x, y)
    p.drawPath(path)
    p.drawLine(QPointF(10, 10), QPointF(10, 16))
    p.drawLine(QPointF(14, 10), QPointF(14, 16))


def cmd_print(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    p.drawRect(QRectF(7, 3, 10, 5))
    p.drawRoundedRect(QRectF(3, 8, 18, 9), 2, 2)
    p.drawRect(QRectF(7, 14, 10, 7))


def _sheet_outline(p: QPainter) -> None:
    path = QPainterPath(QPointF(5, 3))
    for x, y in ((14, 3), (19, 8), (19, 21), (5, 21), (5, 3)):
        path.lineTo(x, y)
    p.drawPath(path)
    p.drawLine(QPointF(14, 3), QPointF(14, 8))
    p.drawLine(QPointF(14, 8), QPointF(19, 8))


def cmd_pdf(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    _sheet_outline(p)
    p.drawLine(QPointF(8, 13), QPointF(16, 13))
    p.drawLine(QPointF(8, 17), QPointF(13, 17))


def cmd_excel(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    p.drawRect(QRectF(3, 4, 18, 16))
    p.drawLine(QPointF(3, 9.5), QPointF(21, 9.5))
    p.drawLine(QPointF(3, 15), QPointF(21, 15))
    p.drawLine(QPointF(9, 4), QPointF(9, 20))


def cmd_import(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    p.drawLine(QPointF(12, 3), QPointF(12, 14))
    p.drawLine(QPointF(7.5, 9.5), QPointF(12, 14))
    p.drawLine(QPointF(16.5, 9.5), QPointF(12, 14))
    path = QPainterPath(QPointF(4, 14))
    for x, y in ((4, 20), (20, 20), (20, 14)):
        path.lineTo(x, y)
    p.drawPath(path)


def cmd_up(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    p.drawLine(QPointF(12, 20), QPointF(12, 5))
    p.drawLine(QPointF(6, 11), QPointF(12, 5))
    p.drawLine(QPointF(18, 11), QPointF(12, 5))


def cmd_down(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    p.drawLine(QPointF(12, 4), QPointF(12, 19))
    p.drawLine(QPointF(6, 13), QPointF(12, 19))
    p.drawLine(QPointF(18, 13), QPointF(12, 19))


def cmd_history(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    p.drawEllipse(QRectF(4, 4, 16, 16))
    p.drawLine(QPointF(12, 7.5), QPointF(12, 12))
    p.drawLine(QPointF(12, 12), QPointF(15.5, 14))


def cmd_search(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    p.drawEllipse(QRectF(4, 4, 11, 11))
    p.drawLine(QPointF(13.5, 13.5), QPointF(20, 20))


def cmd_check(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    p.drawLine(QPointF(4.5, 12.5), QPointF(9.5, 17.5))
    p.drawLine(QPointF(9.5, 17.5), QPointF(19.5, 6.5))


def cmd_section(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    for y in (6, 12, 18):
        p.drawLine(QPointF(8, y), QPointF(20, y))
        p.drawPoint(QPointF(4.5, y))


def cmd_more(p: QPainter, c: QColor = CMD_INK) -> None:
    _cmd_pen(p, c)
    p.drawLine(QPointF(6, 9.5), QPointF(12, 15.5))
    p.drawLine(QPointF(18, 9.5), QPointF(12, 15.5))


COMMAND_ICONS: dict[str, Callable[..., None]] = {
    "new": cmd_new, "edit": cmd_edit, "delete": cmd_delete, "print": cmd_print, "pdf": cmd_pdf,
    "excel": cmd_excel, "import": cmd_import, "up": cmd_up, "down": cmd_down, "history": cmd_history,
    "search": cmd_search, "check": cmd_check, "section": cmd_section, "more": cmd_more,
}


def render(draw: Draw, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 24, size / 24)
    draw(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    for name, draw in ICONS.items():
        for size in AREA_SIZES:
            written.append(OUT / f"{name}-{size}.png")
            render(draw, size).save(str(written[-1]))
    for size in PROGRAM_SIZES:
        written.append(OUT / f"dekanat-{size}.png")
        render(program, size).save(str(written[-1]))
    for name, draw in COMMAND_ICONS.items():
        for size in COMMAND_SIZES:
            written.append(OUT / f"cmd-{name}-{size}.png")
            render(draw, size).save(str(written[-1]))
            written.append(OUT / f"cmd-{name}-white-{size}.png")
            render(lambda p, draw=draw: draw(p, QColor("#ffffff")), size).save(str(written[-1]))
    print(f"{len(written)} icons in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
