"""What every PDF report shares: the embedded PT fonts, escaping, styles, page numbers.

User text goes into Paragraphs only through :func:`esc` (ReportLab parses markup, so
``<`` and ``&`` must be escaped to print literally); plain table cells can use
:func:`wrap` (simpleSplit into lines: fast and never read as markup).
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TypedDict, cast
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import SimpleDocTemplate, Table

from desktop import paths
from desktop.i18n import Translator, _
from desktop.models.progress import Progress
from desktop.models.typography import NBSP, keep_initials

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
        for suffix, weight in (("", "regular"), ("-Bold", "bold"), ("-Italic", "italic"),
                               ("-BoldItalic", "bolditalic")):
            pdfmetrics.registerFont(TTFont(name + suffix, str(paths.font_file(family, weight))))
        addMapping(name, 0, 0, name)
        addMapping(name, 1, 0, name + "-Bold")
        addMapping(name, 0, 1, name + "-Italic")
        addMapping(name, 1, 1, name + "-BoldItalic")


def esc(text: object) -> str:
    """User text for a Paragraph: markup characters escaped, line breaks kept, initials kept with
    their surname (no-break spaces: "Иванова Е.С." never splits at a line end)."""
    if text is None:
        return ""
    return escape(keep_initials(str(text))).replace("\n", "<br/>")


def wrap(text: object, font: str, size: float, width: float, lang: str | None = None) -> str:
    """Text broken into lines that fit ``width`` points, for a plain (non-Paragraph) table cell.

    Lines break at spaces only (initials stay with their surname); with ``lang``, a word wider
    than the cell is hyphenated at that language's break points; without it, it stays whole.
    A word is never cut without a hyphen."""
    if text is None:
        return ""
    return "\n".join(_wrap_line(part, font, size, width, lang) for part in str(text).split("\n"))


@lru_cache(maxsize=8192)
def _wrap_line(part: str, font: str, size: float, width: float, lang: str | None = None) -> str:
    # Cached: deadlines and responsible people repeat down a plan (measuring words is the cost).
    part = keep_initials(part)
    measure = pdfmetrics.stringWidth
    if NBSP not in part and not (lang and any(measure(w, font, size) > width for w in part.split())):
        return _fit_long_words(simpleSplit(part, font, size, width) or [""], font, size, width)
    pieces: list[str] = []
    for w in part.split(" "):
        if lang:
            from desktop.models.typography import fit_word

            pieces += fit_word(w, lang, lambda piece: measure(piece, font, size) <= width)
        else:
            pieces.append(w)
    lines: list[str] = []
    glued = False  # the previous piece ended a line with a hyphen: the next starts a new line
    for piece in pieces:
        joined = f"{lines[-1]} {piece}" if lines else piece
        if lines and not glued and measure(joined, font, size) <= width:
            lines[-1] = joined
        else:
            lines.append(piece)
        glued = piece.endswith("-") and piece is not pieces[-1] and len(piece) > 1 and piece[-2].isalpha()
    return _fit_long_words(lines, font, size, width)


def _fit_long_words(lines: list[str], font: str, size: float, width: float) -> str:
    """The last resort for a word no hyphenation point makes fit (a 200-character code, say): cut it
    into pieces that fit, so no text runs over the next column or off the page."""
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
def _cyrillic_hyphenation() -> None:
    """ReportLab hyphenates only words of its own letter set (Cyrillic up to я): let it see the
    whole Cyrillic block, so Kazakh and Kyrgyz words (ә ғ қ ң ө ұ ү һ і) are hyphenated too."""
    import re

    from reportlab.platypus import paragraph

    extra = "\u0400-\u04ff"
    if extra not in paragraph._hy_letters:
        paragraph._hy_letters += extra
        paragraph._hy_letters_pat = re.compile("^[" + paragraph._hy_letters + "]+$")
        paragraph._hy_shy_letters_pat = re.compile("^[" + paragraph._hy_shy + paragraph._hy_letters + "]+$")


class Styles(TypedDict):
    """The named paragraph styles every report takes from :func:`styles`."""

    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    right: ParagraphStyle
    approval: ParagraphStyle
    center: ParagraphStyle


@cache
def styles(base_font: str = SERIF, size: float = 11, lang: str | None = None) -> Styles:
    """The report styles: long words break at hyphenation points (with a hyphen) of ``lang`` (or,
    without it, of the language each word's letters show); only a word wider than a page-wide line
    that no such point breaks (a 100-letter name, a code) is cut, so nothing runs off the page."""
    register_fonts()
    bold = base_font + "-Bold"
    made = _styles(base_font, size, bold)
    from desktop.models.typography import hyphenator

    _cyrillic_hyphenation()
    hy = hyphenator(lang)  # without a language, each word's own letters choose the rule
    for name, style in made.items():
        # Titles break between words only: an office never hyphenates a document's title.
        style.hyphenationLang = "" if name in ("title", "subtitle") else hy
        # A line of the page's width cuts a word wider than itself (ReportLab tries hyphenation first:
        # only a code or a name of 60 letters is cut); a narrow cell carries such a word over to its
        # next line and hyphenates it there instead (plain cells are cut by ``wrap``).
        style.splitLongWords = 0 if name.startswith("cell") else 1
        style.hyphenationMinWordLength = 4
    return cast(Styles, made)  # _styles makes every name of Styles


def _styles(base_font: str, size: float, bold: str) -> dict[str, ParagraphStyle]:
    return {
        "body": ParagraphStyle("body", fontName=base_font, fontSize=size, leading=size * 1.25),
        "small": ParagraphStyle("small", fontName=base_font, fontSize=size - 2, leading=(size - 2) * 1.25),
        "cell": ParagraphStyle("cell", fontName=SANS, fontSize=size - 1.5, leading=(size - 1.5) * 1.2),
        "cell_bold": ParagraphStyle("cell_bold", fontName=SANS + "-Bold", fontSize=size - 1.5,
                                    leading=(size - 1.5) * 1.2),
        "title": ParagraphStyle("title", fontName=bold, fontSize=size + 3, leading=(size + 3) * 1.25,
                                alignment=TA_CENTER, spaceAfter=4 * mm),
        "subtitle": ParagraphStyle("subtitle", fontName=base_font, fontSize=size + 1, leading=(size + 1) * 1.25,
                                   alignment=TA_CENTER, spaceAfter=3 * mm),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=size + 1, leading=(size + 1) * 1.3,
                                  spaceBefore=3 * mm, spaceAfter=2 * mm, keepWithNext=1),
        "right": ParagraphStyle("right", fontName=base_font, fontSize=size, leading=size * 1.3, alignment=TA_RIGHT),
        "approval": ParagraphStyle("approval", fontName=base_font, fontSize=size, leading=size * 1.35,
                                   alignment=TA_LEFT),
        "center": ParagraphStyle("center", fontName=base_font, fontSize=size, leading=size * 1.25, alignment=TA_CENTER),
    }


def page_size(is_landscape: bool = False):
    return landscape(A4) if is_landscape else A4


def _numbered_canvas(tr: Translator, font: str, progress: Progress | None = None, mark: str = ""):
    """A canvas class that prints "Page N of M" at the foot of every page (and tells ``progress``
    of each page laid out: the total is known only at the end); ``mark`` ("ПРОЕКТ") is stamped
    at the head of every page."""

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
                if mark:
                    h = self._pagesize[1]
                    self.saveState()
                    self.setFillColor(colors.HexColor("#C62828"))
                    self.setFont(font + "-Bold", 14)
                    self.drawCentredString(w / 2, h - 8 * mm, mark)
                    self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(target, story: list, tr: Translator, *, title: str = "", is_landscape: bool = False,
              margins_mm: tuple[float, float, float, float] = (20, 15, 15, 15),
              progress: Progress | None = None, mark: str = "") -> None:
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
    doc.build(story, canvasmaker=_numbered_canvas(tr, SANS, progress, mark))


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


def titled_table(title: str, continued: str, rows: list, widths: list, commands: list, header_rows: int = 1,
                 font: str = SANS, size: float = 9):
    """A table whose first row is its ``title`` (spanning every column) and repeats with the header
    on every page it continues to, there reading ``continued`` ("1 курс (продолжение)")."""
    from reportlab.platypus import TableStyle

    def shift(cmd):
        name, (c0, r0), (c1, r1), *rest = cmd
        return (name, (c0, r0 + 1 if r0 >= 0 else r0), (c1, r1 + 1 if r1 >= 0 else r1), *rest)

    style = [("SPAN", (0, 0), (-1, 0)), ("FONT", (0, 0), (-1, 0), font + "-Bold", size + 2, (size + 2) * 1.25),
             ("LEFTPADDING", (0, 0), (-1, 0), 0), ("BOTTOMPADDING", (0, 0), (-1, 0), 4)]
    style += [shift(c) for c in commands]
    table = ContinuedTable([[title] + [""] * (len(widths) - 1), *rows], colWidths=widths,
                           repeatRows=header_rows + 1)
    table.continued = continued
    table.setStyle(TableStyle(style))
    return table


class ContinuedTable(Table):
    """A Table that, split over pages, gives its first (title) row the ``continued`` text."""

    continued = ""

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and self.continued:
            tail = parts[1]
            tail._cellvalues[0] = [self.continued] + list(tail._cellvalues[0][1:])  # a new row list
            tail.continued = self.continued
        return parts


def fitted(text: str, style: ParagraphStyle, width: float, smallest: float = 6.5):
    """A Paragraph of ``text`` (already escaped) whose unbreakable runs ("Өмүрбеков Т.Ү." joined
    by no-break spaces, "24.09.2026") fit ``width`` points: the cell's font shrinks a step at a
    time (never below ``smallest``) instead of the run overflowing or breaking."""
    from reportlab.platypus import Paragraph

    plain = text.replace("<br/>", " ")
    runs = [r for r in plain.split(" ") if r and not r.isalpha()]
    size = style.fontSize
    while size > smallest and any(
            pdfmetrics.stringWidth(r.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"),
                                   style.fontName, size) > width for r in runs):
        size -= 0.5
    if size != style.fontSize:
        style = ParagraphStyle(f"{style.name}_{size}", parent=style, fontSize=size, leading=size * 1.2)
    return Paragraph(text, style)


def widths_for_words(widths: list[float], columns: list[list[str]], font: str, size: float,
                     padding: float = 6) -> list[float]:
    """Column widths (points) that give each column room for its longest word (a name with its
    initials counts as one), taken from the columns with room to spare; the total stays the same.
    A word longer than any share is left to hyphenation."""
    import re

    def longest(texts) -> float:
        words = {w for t in texts for w in re.split(r"[ \n]+", keep_initials(str(t or ""))) if w}
        return max((pdfmetrics.stringWidth(w, font, size) for w in words), default=0) + padding

    need = [longest(texts) for texts in columns]
    out = list(widths)
    for i in range(len(out)):
        extra = need[i] - out[i]
        for j in sorted(range(len(out)), key=lambda k: need[k] - out[k]):  # most room to spare first
            if extra <= 0:
                break
            spare = out[j] - max(need[j], 0)
            if j == i or spare <= 0:
                continue
            take = min(spare, extra)
            out[j] -= take
            out[i] += take
            extra -= take
    return out
