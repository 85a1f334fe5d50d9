"""What every PDF report shares: the embedded PT fonts, escaping, styles, page numbers.

User text goes into Paragraphs only through :func:`esc` (ReportLab parses markup, so
``<`` and ``&`` must be escaped to print literally); plain table cells can use
:func:`wrap` (simpleSplit into lines: fast and never read as markup).
"""

from __future__ import annotations

from functools import cache, lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import SimpleDocTemplate

from desktop import paths
from desktop.i18n import Translator, _
from desktop.models.progress import Progress

SERIF = "PTSerif"  # official documents
SANS = "PTSans"  # tables
GRID = colors.HexColor("#404040")
HEADER_FILL = colors.HexColor("#E8E8E8")
SECTION_FILL = colors.HexColor("#F2F2F2")


@cache
def register_fonts() -> None:
    """Register PT Serif and PT Sans (regular, bold, italic, bold italic) once per process."""
    from reportlab.lib.fonts import addMapping

    for name, family in ((SERIF, "PT Serif"), (SANS, "PT Sans")):
        for suffix, weight in (("", "regular"), ("-Bold", "bold"), ("-Italic", "italic"), ("-BoldItalic", "bolditalic")):
            pdfmetrics.registerFont(TTFont(name + suffix, str(paths.font_file(family, weight))))
        addMapping(name, 0, 0, name)
        addMapping(name, 1, 0, name + "-Bold")
        addMapping(name, 0, 1, name + "-Italic")
        addMapping(name, 1, 1, name + "-BoldItalic")


def esc(text: object) -> str:
    """User text for a Paragraph: markup characters escaped, line breaks kept."""
    if text is None:
        return ""
    return escape(str(text)).replace("\n", "<br/>")


def wrap(text: object, font: str, size: float, width: float) -> str:
    """Text broken into lines that fit ``width`` points, for a plain (non-Paragraph) table cell."""
    if text is None:
        return ""
    return "\n".join(_wrap_line(part, font, size, width) for part in str(text).split("\n"))


@lru_cache(maxsize=8192)
def _wrap_line(part: str, font: str, size: float, width: float) -> str:
    # Cached: deadlines and responsible people repeat down a plan (measuring words is the cost).
    lines = simpleSplit(part, font, size, width) or [""]
    if any(stringWidth(line, font, size) > width for line in lines):  # a word longer than the column
        lines = [piece for line in lines for piece in _break_word(line, font, size, width)]
    return "\n".join(lines)


def _break_word(line: str, font: str, size: float, width: float) -> list[str]:
    """A line wider than ``width`` (one long word) cut into pieces that fit, character by character
    measured in runs (linear in its length)."""
    if stringWidth(line, font, size) <= width:
        return [line]
    pieces, start = [], 0
    widths = [stringWidth(ch, font, size) for ch in line]
    used = 0.0
    for i, w in enumerate(widths):
        if used + w > width and i > start:
            pieces.append(line[start:i])
            start, used = i, 0.0
        used += w
    pieces.append(line[start:])
    return pieces


def split_tall_cells(row: list, max_lines: int) -> list[list]:
    """A table row of wrapped text cells (lines joined by newlines) taller than ``max_lines`` becomes
    that row plus continuation rows holding the rest of each cell: ReportLab splits a table only
    between rows, so no row may be taller than a page (LayoutError)."""
    cells = [str(c).split("\n") if isinstance(c, str) else None for c in row]
    tallest = max((len(c) for c in cells if c is not None), default=1)
    if tallest <= max_lines:
        return [row]
    rows = []
    for n in range(0, tallest, max_lines):
        rows.append([("\n".join(c[n:n + max_lines]) if c is not None else (row[i] if n == 0 else ""))
                     for i, c in enumerate(cells)])
    return rows


@cache
def styles(base_font: str = SERIF, size: float = 11) -> dict[str, ParagraphStyle]:
    register_fonts()
    bold = base_font + "-Bold"
    return {
        "body": ParagraphStyle("body", fontName=base_font, fontSize=size, leading=size * 1.25),
        "small": ParagraphStyle("small", fontName=base_font, fontSize=size - 2, leading=(size - 2) * 1.25),
        "cell": ParagraphStyle("cell", fontName=SANS, fontSize=size - 1.5, leading=(size - 1.5) * 1.2),
        "cell_bold": ParagraphStyle("cell_bold", fontName=SANS + "-Bold", fontSize=size - 1.5, leading=(size - 1.5) * 1.2),
        "title": ParagraphStyle("title", fontName=bold, fontSize=size + 3, leading=(size + 3) * 1.25,
                                alignment=TA_CENTER, spaceAfter=4 * mm),
        "subtitle": ParagraphStyle("subtitle", fontName=base_font, fontSize=size + 1, leading=(size + 1) * 1.25,
                                   alignment=TA_CENTER, spaceAfter=3 * mm),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=size + 1, leading=(size + 1) * 1.3,
                                  spaceBefore=3 * mm, spaceAfter=2 * mm),
        "right": ParagraphStyle("right", fontName=base_font, fontSize=size, leading=size * 1.3, alignment=TA_RIGHT),
        "approval": ParagraphStyle("approval", fontName=base_font, fontSize=size, leading=size * 1.35, alignment=TA_LEFT),
        "center": ParagraphStyle("center", fontName=base_font, fontSize=size, leading=size * 1.25, alignment=TA_CENTER),
    }


def page_size(is_landscape: bool = False):
    return landscape(A4) if is_landscape else A4


def _numbered_canvas(tr: Translator, font: str, progress: Progress | None = None):
    """A canvas class that prints "Page N of M" at the foot of every page (and tells ``progress``
    of each page laid out: the total is known only at the end)."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()
            if progress is not None:
                pages = len(self._saved)
                progress.step(pages, 0, _("Page {page} laid out").format(page=pages))

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont(font, 8)
                w, _h = self._pagesize
                self.drawRightString(w - 15 * mm, 8 * mm, tr("Page {page} of {pages}").format(
                    page=self._pageNumber, pages=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(target, story: list, tr: Translator, *, title: str = "", is_landscape: bool = False,
              margins_mm: tuple[float, float, float, float] = (20, 15, 15, 15),
              progress: Progress | None = None) -> None:
    """Lay ``story`` out on A4 with page numbers; ``target`` is a path or a binary file object.

    With ``progress``, each finished page is reported (the total is unknown until the end) and
    Cancel stops the layout at the next page."""
    register_fonts()
    left, right, top, bottom = (m * mm for m in margins_mm)
    doc = SimpleDocTemplate(
        target if isinstance(target, str) or hasattr(target, "write") else str(target),
        pagesize=page_size(is_landscape), leftMargin=left, rightMargin=right, topMargin=top,
        bottomMargin=bottom, title=title, author="Dekanat", creator="Dekanat",
    )
    doc.build(story, canvasmaker=_numbered_canvas(tr, SANS, progress))


def table_style_commands(header_rows: int = 1, font: str = SANS, size: float = 9) -> list:
    """The grid every official table uses: thin borders, shaded bold header, top-aligned cells."""
    return [
        ("FONT", (0, 0), (-1, -1), font, size, size * 1.2),
        ("FONT", (0, 0), (-1, header_rows - 1), font + "-Bold", size, size * 1.2),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
