"""The official frame every filed document shares, in PDF and in Excel, in the report's language:
the header (university, faculty, city), the approval block ("УТВЕРЖДАЮ" and the approving
official, or the council's decision with its minutes number and date) and the signature lines
that close the document ("Составил: методист ______ Name").

What the office has not stated prints as a line to fill in by hand, never as "None".
"""

from __future__ import annotations

from desktop.i18n import Translator
from desktop.models.document_frame import COMPILER_POSITION, DocumentFrame

APPROVED = {"ky": "БЕКИТЕМИН", "kk": "БЕКІТЕМІН", "ru": "УТВЕРЖДАЮ", "en": "APPROVED"}
# The passive form a council's decision uses (seed 004: "БЕКІТІЛДІ ... шешімімен").
APPROVED_BY_DECISION = {"ky": "БЕКИТИЛДИ", "kk": "БЕКІТІЛДІ", "ru": "УТВЕРЖДЕНО", "en": "APPROVED"}
SIGN_LINE = "______________"
NAME_LINE = "____________________"
DATE_LINE = "«____» ______________ 20___"
NUMBER_LINE = "______"


def nbsp_name(name: str) -> str:
    """"Иванова Е.С." / "Е.С. Иванова" with no line break between the initials and the surname."""
    from desktop.models.typography import keep_initials

    return keep_initials(name)


def approver_position(frame: DocumentFrame, tr: Translator) -> str:
    return frame.approver_position or tr(frame.default_position)


def council_lines(frame: DocumentFrame, tr: Translator) -> list[str]:
    """"by the decision of the Academic council", "minutes No. 205-1 of 05.08.2025"."""
    council = frame.council_name or tr("Academic council")
    date = tr.short_date(frame.council_date) if frame.council_date else DATE_LINE
    return [tr("by the decision of the {council}").format(council=council),
            tr("minutes No. {number} of {date}").format(number=frame.council_number or NUMBER_LINE, date=date)]


def approval_lines(frame: DocumentFrame, tr: Translator, date_text: str = "") -> tuple[str, list[str]]:
    """(the approval word, the lines under it) — plain text."""
    if frame.by_council:
        return APPROVED_BY_DECISION.get(tr.lang, "APPROVED"), council_lines(frame, tr)
    lines = [approver_position(frame, tr), f"{SIGN_LINE} {nbsp_name(frame.approver_name) or NAME_LINE}",
             date_text or DATE_LINE]
    if frame.kind == "plan" and frame.council_number:
        lines += council_lines(frame, tr)
    return APPROVED.get(tr.lang, "APPROVED"), lines


def header_lines(frame: DocumentFrame) -> list[str]:
    return [t for t in (frame.university.upper() if frame.university else "", frame.faculty, frame.city) if t]


def compiler_line(frame: DocumentFrame, tr: Translator) -> tuple[str, str]:
    """("Compiled by: methodist", "______________ Name")."""
    position = frame.compiler_position or tr(COMPILER_POSITION)
    label = tr("Compiled by")
    return (f"{label}: {position}",
            f"{SIGN_LINE} {nbsp_name(frame.compiler_name) or NAME_LINE}")


# PDF ---------------------------------------------------------------------------------------------

def pdf_top(frame: DocumentFrame, tr: Translator, width: float, date_text: str = "",
            approval: list[str] | None = None) -> list:
    """Header on the left, approval block on the right, across ``width`` points. ``approval``:
    the document's own approval lines (typed with it, e.g. a calendar's council decision) in
    place of the frame's; the first is the approval word."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from desktop.reports.pdf import esc, styles

    st = styles()
    word, lines = (approval[0], approval[1:]) if approval else approval_lines(frame, tr, date_text)
    left = Paragraph("<br/>".join([f"<b>{esc(t)}</b>" if i == 0 else esc(t)
                                   for i, t in enumerate(header_lines(frame))]), st["approval"])
    right = Paragraph("<br/>".join([f"<b>{esc(word)}</b>", *(esc(t) for t in lines)]), st["approval"])
    right_w = min(85 * mm, width / 2)
    t = Table([[left, right]], colWidths=[width - right_w, right_w])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [t, Spacer(1, 5 * mm)]


def pdf_header(frame: DocumentFrame) -> list:
    """The header lines alone, centred (a document signed, not approved: the minutes)."""
    from reportlab.platypus import Paragraph

    from desktop.reports.pdf import esc, styles

    st = styles()
    return [Paragraph(f"<b>{esc(t)}</b>" if i == 0 else esc(t), st["center"])
            for i, t in enumerate(header_lines(frame))]


def pdf_bottom(frame: DocumentFrame, tr: Translator, width: float) -> list:
    """The signature line that closes the document, kept together."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from desktop.reports.pdf import esc, styles

    st = styles()
    who, sign = compiler_line(frame, tr)
    t = Table([[Paragraph(esc(who), st["body"]), Paragraph(esc(sign), st["body"])]],
              colWidths=[width * 0.5, width * 0.5])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [KeepTogether([Spacer(1, 8 * mm), t])]


# Excel -------------------------------------------------------------------------------------------

def xlsx_top(ws, book, frame: DocumentFrame, tr: Translator, last_col: int, first_row: int = 0,
             date_text: str = "", approval: list[str] | None = None) -> int:
    """Header rows at ``first_row``: header text in column A, approval block from the column
    ``right`` (``approval``: the document's own lines, as in :func:`pdf_top`); returns the next
    free row (rows strictly in order, for constant_memory sheets)."""
    word, lines = (approval[0], approval[1:]) if approval else approval_lines(frame, tr, date_text)
    left = header_lines(frame)
    right = [word, *lines]
    right_col = max(1, last_col - 2)
    bold = book.fmt["bold"]
    plain = book.fmt.get("frame") or book.fmt["plain"]
    if "frame" not in book.fmt:
        book.fmt["frame"] = plain = book.add_format(font_name="Arial", font_size=10)
    for i in range(max(len(left), len(right))):
        r = first_row + i
        if i < len(left):
            ws.write_string(r, 0, left[i], bold if i == 0 else plain)
        if i < len(right):
            ws.write_string(r, right_col, right[i], bold if i == 0 else plain)
    return first_row + max(len(left), len(right)) + 1


def xlsx_bottom(ws, book, frame: DocumentFrame, tr: Translator, row: int, last_col: int) -> int:
    """The compiler's signature line under the table at ``row`` (leaves one row blank)."""
    who, sign = compiler_line(frame, tr)
    plain = book.fmt.get("frame") or book.fmt["plain"]
    ws.write_string(row + 1, 0, who, plain)
    ws.write_string(row + 1, max(1, last_col - 2), sign, plain)
    return row + 2


class OffsetSheet:
    """A worksheet seen ``offset`` rows lower: a report laid out from row 0 writes under the frame
    unchanged (every row argument is shifted; everything else goes to the sheet as it is)."""

    _ROW_FIRST = frozenset({"write", "write_string", "write_number", "write_blank", "write_datetime",
                            "write_boolean", "write_formula", "write_row", "write_column", "write_url", "set_row",
                            "freeze_panes", "insert_chart", "insert_image", "write_rich_string", "data_validation"})
    _RANGES = frozenset({"merge_range", "autofilter", "conditional_format"})

    def __init__(self, ws, offset: int):
        self._ws = ws
        self.offset = offset

    def __getattr__(self, name):
        target = getattr(self._ws, name)
        o = self.offset
        if name in self._ROW_FIRST:
            return lambda row, *args, **kw: target(row + o, *args, **kw)
        if name in self._RANGES:
            return lambda r0, c0, r1, c1, *args, **kw: target(r0 + o, c0, r1 + o, c1, *args, **kw)
        if name == "repeat_rows":
            return lambda first, last=None: target(first + o, (first if last is None else last) + o)
        if name == "set_h_pagebreaks":
            return lambda rows: target([r + o for r in rows])
        return target


def framed_sheet(ws, book, frame: DocumentFrame, tr: Translator, last_col: int, date_text: str = ""):
    """The frame at the top of ``ws``; returns the sheet as seen below it (see :class:`OffsetSheet`)."""
    return OffsetSheet(ws, xlsx_top(ws, book, frame, tr, last_col, date_text=date_text))
