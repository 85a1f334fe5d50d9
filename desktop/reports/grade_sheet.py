"""Grade sheets (ведомость) on paper and in Excel, and the filled Excel sheet read back.

PDF: the faculty's frame, "Grade sheet No N", the exam's particulars, the students with record-book
numbers (blank for the examiner, or filled), the tally of grades and the signature lines.
Excel: one worksheet per sheet for the examiner to fill; a hidden worksheet ``_dekanat`` names which
grade sheet each worksheet is, so the import knows the sheet without trusting a title. The import
is all or nothing: every row matched by record-book number, the list of students must be the
sheet's own (a changed list is refused), every cell must read as points, a grade or a mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop import dates
from desktop.i18n import Translator, translator
from desktop.models import grading
from desktop.models.exam_schedule import fmt_time
from desktop.models.exams import SessionKind
from desktop.models.results import Frame, Sheet, SheetRow

META_SHEET = "_dekanat"
MARK_TEXT = {"absent": "н", "not_admitted": "нд"}


def sheet_title(sheet: Sheet, tr: Translator) -> str:
    if sheet.head.retake:
        return tr("Retake grade sheet No {number}").format(number=sheet.head.number)
    return tr("Grade sheet No {number}").format(number=sheet.head.number)


def particulars(sheet: Sheet, tr: Translator) -> list[tuple[str, str]]:
    h = sheet.head
    when = dates.table(h.day) + (f", {fmt_time(h.start)}" if h.start is not None else "")
    return [
        (tr("Academic year"), f"{h.year}, {SessionKind(h.session_kind).label(tr)}"),
        (tr("Discipline"), h.discipline),
        (tr("Form of control"), grading.Control(h.control).label(tr)),
        (tr("Group") if len(h.groups) == 1 else tr("Groups"), ", ".join(h.groups)),
        (tr("Examiner"), h.examiner),
        (tr("Date and room"), when + (f", {h.room}" if h.room else "")),
        (tr("Issued"), dates.table(h.issued_on)),
    ]


def columns(sheet: Sheet, tr: Translator) -> list[str]:
    """The result columns after No / student / record book / group."""
    scale = sheet.scale
    if not scale.uses_points:
        return [tr("Grade")]
    cols = []
    if scale.rating_weight is not None:
        cols += [tr("Admission rating"), tr("Exam points"), tr("Final points")]
    else:
        cols += [tr("Points")]
    if scale.bands[0].letter:
        cols += [tr("Letter grade"), tr("GPA")]
    cols += [tr("Grade")]
    return cols


def result_cells(row: SheetRow, sheet: Sheet, tr: Translator) -> list[str]:
    o, scale = row.outcome, sheet.scale
    grade = grading.Mark(o.mark).label(tr) if o.mark else (
        grading.Grade(o.grade).label(tr) if o.grade else "")
    if not scale.uses_points:
        return [grade]
    def num(v):
        return "" if v is None else f"{v:g}"
    cells = []
    if scale.rating_weight is not None:
        cells += [num(row.rating), "" if o.mark else num(row.points), num(o.score)]
    else:
        cells += ["" if o.mark else num(row.points)]
    if scale.bands[0].letter:
        cells += [o.letter, "" if o.gpa is None else f"{o.gpa:.2f}"]
    return cells + [grade]


def tally(sheet: Sheet) -> list[tuple[str, int]]:
    """How many of each grade and mark (the foot of a filled sheet)."""
    keys = ["5", "4", "3", "2"] if sheet.head.control != grading.Control.PASS_FAIL.value else ["pass", "fail"]
    counts = {k: 0 for k in keys + ["absent", "not_admitted"]}
    for r in sheet.rows:
        k = r.outcome.mark or r.outcome.grade
        if k in counts:
            counts[k] += 1
    return [(grading.Grade.labels().get(k) or grading.Mark.labels()[grading.Mark(k)], n) for k, n in counts.items()]


# PDF ---------------------------------------------------------------------------------------------------

def frame_heading(frame: Frame, st) -> list:
    """University and faculty above the title (swapped for the shared document frame later)."""
    from reportlab.platypus import Paragraph

    from desktop.reports.pdf import esc

    out = []
    if frame.university:
        out.append(Paragraph(esc(frame.university), st["center"]))
    if frame.faculty:
        out.append(Paragraph(f"<b>{esc(frame.faculty)}</b>", st["center"]))
    return out


def signature_lines(rows: list[tuple[str, str]], st) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from desktop.reports.pdf import esc

    t = Table([[Paragraph(esc(role), st["body"]), "____________________", Paragraph(esc(name), st["body"])]
               for role, name in rows], colWidths=[60 * mm, 55 * mm, 60 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 9),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [KeepTogether([Spacer(1, 6 * mm), t])]


def is_wide(sheet: Sheet) -> bool:
    """The credit system's sheet (rating, exam, final, letter, GPA, grade) and a retake sheet (the
    earlier result beside the new one) are printed landscape."""
    return sheet.head.retake or len(columns(sheet, translator("en"))) > 3


def page_width(sheet: Sheet) -> float:
    """Usable width in mm (A4 with the margins of :func:`sheets_pdf`)."""
    return 267.0 if is_wide(sheet) else 180.0


def sheet_story(sheet: Sheet, frame: Frame, tr: Translator, *, blank: bool = False) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from desktop.reports.pdf import SANS, esc, styles, table_style_commands, wrap

    st = styles("PTSerif", 10)
    story = frame_heading(frame, st)
    story += [Spacer(1, 3 * mm), Paragraph(esc(sheet_title(sheet, tr)), st["title"])]
    facts = Table([[Paragraph(f"<b>{esc(k)}:</b>", st["small"]), Paragraph(esc(v), st["small"])]
                   for k, v in particulars(sheet, tr)], colWidths=[42 * mm, 133 * mm], hAlign="LEFT")
    facts.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    story += [facts, Spacer(1, 3 * mm)]
    result_cols = columns(sheet, tr)
    retake = sheet.head.retake
    extra = [tr("Earlier result")] if retake else []
    fixed = [9 * mm, 0, 22 * mm, 22 * mm]
    rest = [18 * mm] * (len(result_cols) - 1) + [34 * mm] + [38 * mm] * len(extra) + [24 * mm]
    fixed[1] = page_width(sheet) * mm - sum(fixed) - sum(rest)
    widths = fixed + rest
    head = [tr("No."), tr("Student"), tr("Record book No"), tr("Group"), *result_cols, *extra, tr("Signature")]
    rows = [[wrap(h, SANS + "-Bold", 8, w - 6) for h, w in zip(head, widths, strict=True)]]
    for i, r in enumerate(sheet.rows, 1):
        cells = ["" for _c in result_cols] if blank else result_cells(r, sheet, tr)
        if blank and r.outcome.mark == "not_admitted":
            cells[-1] = tr("not admitted")
        earlier = grading.describe(r.earlier_outcome, tr) if r.earlier_outcome else ""
        values = [str(i), r.name, r.record_book, r.group, *cells, *([earlier] if retake else []), ""]
        rows.append([wrap(v, SANS, 8.5, w - 6) for v, w in zip(values, widths, strict=True)])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(table_style_commands(1, SANS, 8.5) + [
        ("ALIGN", (0, 1), (0, -1), "RIGHT"), ("ALIGN", (4, 1), (-2, -1), "CENTER"),
        ("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 4)]))
    story.append(table)
    if not blank and sheet.filled:
        line = "; ".join(f"{tr(label)}: {n}" for label, n in tally(sheet))
        story += [Spacer(1, 2 * mm), Paragraph(esc(tr("Total listed: {n}").format(n=len(sheet.rows)) + "; " + line),
                                               st["small"])]
    story += signature_lines([(tr("Examiner"), sheet.head.examiner), (tr("Dean"), frame.dean)], st)
    return story


def sheets_pdf(target, sheets: list[Sheet], frame: Frame, lang: str, *, blank: bool = False, progress=None) -> None:
    from reportlab.platypus import PageBreak, Paragraph

    from desktop.reports.pdf import build_pdf, esc, styles

    tr = translator(lang)
    story = []
    for i, sheet in enumerate(sheets):
        if i:
            story.append(PageBreak())
        story += sheet_story(sheet, frame, tr, blank=blank)
    if not story:
        story.append(Paragraph(esc(tr("No grade sheets")), styles()["body"]))
    title = sheet_title(sheets[0], tr) if len(sheets) == 1 else tr("Grade sheets")
    wide = bool(sheets) and is_wide(sheets[0])  # a faculty's sheets share one scale, so one orientation
    build_pdf(target, story, tr, title=title, is_landscape=wide, margins_mm=(18, 12, 12, 14) if not wide
              else (15, 15, 12, 12), progress=progress)


# Excel out ----------------------------------------------------------------------------------------------

def entry_columns(sheet: Sheet, tr: Translator) -> list[str]:
    """The columns the examiner fills."""
    if not sheet.scale.uses_points:
        return [tr("Grade")]
    if sheet.scale.rating_weight is not None:
        return [tr("Admission rating"), tr("Exam points")]
    return [tr("Points")]


def entry_values(row: SheetRow, sheet: Sheet) -> list:
    o = row.outcome
    if not sheet.scale.uses_points:
        return [MARK_TEXT.get(o.mark) or {"pass": "+", "fail": "-"}.get(o.grade, o.grade)]
    points = MARK_TEXT[o.mark] if o.mark else row.points
    if sheet.scale.rating_weight is not None:
        return [row.rating, points]
    return [points]


HEADER_ROW = 9


def sheets_xlsx(target, sheets: list[Sheet], lang: str) -> None:
    from desktop.reports.xlsx import Workbook, write_row, write_value

    tr = translator(lang)
    book = Workbook(target)
    meta_rows = []
    for sheet in sheets:
        ws = book.sheet(tr("No {number}").format(number=sheet.head.number), is_landscape=False)
        ws.write_string(0, 0, sheet_title(sheet, tr), book.fmt["title"])
        for i, (k, v) in enumerate(particulars(sheet, tr), start=1):
            ws.write_string(i, 0, k, book.fmt["bold"])
            ws.write_string(i, 2, v, book.fmt["plain"])
        hint = tr("Type points, or a grade on the 5-point scale; н = absent, нд = not admitted.")
        ws.write_string(HEADER_ROW - 1, 0, hint, book.fmt["subtitle"])
        entry = entry_columns(sheet, tr)
        shown = result_cells_header = columns(sheet, tr)[len(entry):] if sheet.scale.uses_points else []
        headers = [tr("No."), tr("Record book No"), tr("Student"), tr("Group"), *entry, *shown]
        write_row(ws, HEADER_ROW, headers, book.fmt["header"])
        unlocked = book.add_format(border=1, bg_color="#FFF2CC", font_name="Arial", font_size=10, align="center")
        for i, r in enumerate(sheet.rows, 1):
            row = HEADER_ROW + i
            write_value(ws, row, 0, i, book.fmt["number"])
            ws.write_string(row, 1, r.record_book, book.fmt["cell"])
            ws.write_string(row, 2, r.name, book.fmt["cell"])
            ws.write_string(row, 3, r.group, book.fmt["cell"])
            for j, v in enumerate(entry_values(r, sheet)):
                write_value(ws, row, 4 + j, v, unlocked)
            if shown:
                cells = result_cells(r, sheet, tr)[-len(shown):]
                for j, v in enumerate(cells):
                    write_value(ws, row, 4 + len(entry) + j, v, book.fmt["center"])
        widths = [5, 14, 34, 14] + [13] * len(entry) + [12] * len(result_cells_header)
        for col, w in enumerate(widths):
            ws.set_column(col, col, w)
        ws.set_column(2, 2, 34)
        ws.freeze_panes(HEADER_ROW + 1, 0)
        ws.repeat_rows(HEADER_ROW)
        meta_rows.append((ws.name, sheet.head.id, sheet.head.number, len(sheet.rows)))
    meta = book.book.add_worksheet(META_SHEET)
    meta.hide()
    write_row(meta, 0, ["worksheet", "sheet_id", "number", "students", "header_row"])
    for i, (name, sid, number, n) in enumerate(meta_rows, 1):
        write_row(meta, i, [name, sid, number, n, HEADER_ROW + 1])
    book.close()


# Excel in -----------------------------------------------------------------------------------------------

class ResultsRefused(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class FilledSheet:
    sheet_id: int
    number: int
    worksheet: str
    rows: list[tuple[int, str, list]] = field(default_factory=list)  # (excel row, record book, entered values)


def read_filled(path: str | Path) -> list[FilledSheet]:
    """The filled worksheets of a grade-sheet workbook (values only; checked against the database later)."""
    import openpyxl

    from desktop.i18n import _
    from desktop.reports.student_import import ImportRefused, check_zip

    path = Path(path)
    try:
        check_zip(path)
    except ImportRefused as exc:
        raise ResultsRefused(list(exc.problems)) from exc
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ResultsRefused([_("{file}: the workbook cannot be read ({error}).").format(
            file=path.name, error=type(exc).__name__)]) from exc
    try:
        if META_SHEET not in book.sheetnames:
            raise ResultsRefused([_("{file}: not a grade sheet exported by Dekanat (export the sheet, fill it, "
                                    "and import that file).").format(file=path.name)])
        out = []
        for meta in list(book[META_SHEET].iter_rows(min_row=2, values_only=True)):
            name, sheet_id, number, _n, header_row = meta[:5]
            if name not in book.sheetnames:
                raise ResultsRefused([_("Worksheet “{name}” is missing from the file.").format(name=name)])
            filled = FilledSheet(int(sheet_id), int(number), name)
            for i, values in enumerate(book[name].iter_rows(min_row=int(header_row) + 1, values_only=True),
                                       start=int(header_row) + 1):
                values = list(values) + [None] * 8
                book_no = values[1]
                if book_no is None or str(book_no).strip() == "":
                    if any(v not in (None, "") for v in values[:6]):
                        filled.rows.append((i, "", values[4:6]))
                    continue
                if isinstance(book_no, float) and book_no.is_integer():
                    book_no = int(book_no)
                filled.rows.append((i, str(book_no).strip(), values[4:6]))
            out.append(filled)
        return out
    finally:
        book.close()


# Individual retake slips (экзаменационный лист / жеке ведомость) ------------------------------------------

def slip_title(sheet: Sheet, i: int, tr: Translator) -> str:
    return tr("Individual retake slip No {number}").format(number=f"{sheet.head.number}-{i}")


def slips_pdf(target, sheets: list[Sheet], frame: Frame, lang: str) -> None:
    """One slip per student of each sheet (offices that send a debtor to the examiner alone use them),
    two to a page, each with the earlier result, a grade line and the signatures."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from desktop.reports.pdf import GRID, SANS, build_pdf, esc, styles

    tr = translator(lang)
    st = styles("PTSerif", 10)
    story = []
    for sheet in sheets:
        facts = particulars(sheet, tr)
        for i, r in enumerate(sheet.rows, 1):
            earlier = grading.describe(r.earlier_outcome, tr) if r.earlier_outcome else ""
            rows = [(tr("Student"), r.name), (tr("Record book No"), r.record_book), (tr("Group"), r.group), *facts[1:3],
                    facts[4], facts[5], (tr("Earlier result"), earlier)]
            table = Table([[Paragraph(f"<b>{esc(k)}:</b>", st["small"]), Paragraph(esc(v), st["small"])]
                           for k, v in rows], colWidths=[45 * mm, 130 * mm], hAlign="LEFT")
            table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
            grade = Table([[tr("Grade"), tr("Date"), tr("Signature")], ["", "", ""]],
                          colWidths=[70 * mm, 45 * mm, 60 * mm], rowHeights=[None, 11 * mm])
            grade.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, GRID), ("FONT", (0, 0), (-1, -1), SANS, 9)]))
            slip = frame_heading(frame, st) + [Paragraph(esc(slip_title(sheet, i, tr)), st["heading"]), table,
                                               Spacer(1, 3 * mm), grade]
            slip += signature_lines([(tr("Examiner"), sheet.head.examiner), (tr("Dean"), frame.dean)], st)
            story += [KeepTogether(slip), Spacer(1, 12 * mm)]
    if not story:
        story.append(Paragraph(esc(tr("No grade sheets")), st["body"]))
    build_pdf(target, story, tr, title=tr("Individual retake slips"), margins_mm=(18, 12, 12, 14))
