"""The teacher's report on distance lessons in the form of seed 003, Appendix 1:
Date | Time | Teaching hours | Student / group | Subject | Form of the lesson |
Distance platform | Notes (remarks, recommendations, homework), with the month's totals."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop.i18n import translator
from desktop.models.teaching_log import LessonForm, MonthTotals
from desktop.reports.pdf import build_pdf, esc, styles, table_style_commands

WIDTHS_MM = (20, 18, 16, 38, 45, 30, 30, 80)


def headers(tr) -> list[str]:
    return [tr("Date"), tr("Time"), tr("Teaching hours"), tr("Student / group"), tr("Subject"),
            tr("Form of the lesson"), tr("Distance platform (WhatsApp, Skype ...)"),
            tr("Notes (remarks, recommendations, homework)")]


def _hours(value: float) -> str:
    return f"{value:g}"


def rows(tr, entries: list[dict[str, Any]]) -> list[list]:
    return [[e["day"], e["time"], e["hours"], e["learner"], e["subject"],
             LessonForm(e["form"]).label(tr), e["platform"], e["notes"]] for e in entries]


def _title(tr, teacher: str, year: int, month: int) -> tuple[str, str]:
    return (tr("Teacher's report on teaching load: {name}").format(name=teacher),
            tr.month_year(year, month, heading=True))


def _frame(frame):
    from desktop.models.document_frame import blank_frame

    return frame or blank_frame("teaching_log")


def write_log_pdf(target, teacher: str, year: int, month: int, entries: list[dict[str, Any]], totals: MonthTotals,
                  lang: str, frame=None) -> None:
    from desktop.reports.frame import pdf_bottom, pdf_top

    tr = translator(lang)
    st = styles(size=10, lang=lang)
    frame = _frame(frame)
    title, period = _title(tr, teacher, year, month)
    story = [*pdf_top(frame, tr, 277 * mm), Paragraph(esc(title), st["title"]), Paragraph(esc(period), st["subtitle"])]
    data = [[Paragraph(esc(h), st["cell_bold"]) for h in headers(tr)]]
    for r in rows(tr, entries):
        r[0] = tr.short_date(r[0])
        r[2] = _hours(r[2])
        data.append([Paragraph(esc(c), st["cell"]) for c in r])
    lessons = tr.ngettext("{n} lesson", "{n} lessons", totals.lessons).format(n=totals.lessons)
    data.append([Paragraph(esc(tr.pgettext("sum row", "Total")), st["cell_bold"]), "",
                 Paragraph(esc(_hours(totals.hours)), st["cell_bold"]), Paragraph(esc(lessons), st["cell_bold"]),
                 "", "", "", ""])
    table = Table(data, colWidths=[w * mm for w in WIDTHS_MM], repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(table_style_commands() + [("SPAN", (3, -1), (-1, -1))]))
    story += [table, Spacer(1, 5 * mm)]
    by_form = "; ".join(f"{LessonForm(f).label(tr)}: {_hours(h)}"
                        for f, h in sorted(totals.by_form.items()))
    if by_form:
        story.append(Paragraph(esc(tr("Hours by form: {list}").format(list=by_form)), st["body"]))
    story += [Spacer(1, 10 * mm), Paragraph(esc(tr("Teacher")) + " ____________________ " + esc(teacher), st["body"])]
    story += pdf_bottom(frame, tr, 277 * mm)
    build_pdf(target, story, tr, title=title, is_landscape=True, margins_mm=(10, 10, 12, 12))


def write_log_xlsx(target, teacher: str, year: int, month: int, entries: list[dict[str, Any]], totals: MonthTotals,
                   lang: str, frame=None) -> None:
    from desktop.reports.frame import framed_sheet, xlsx_bottom
    from desktop.reports.xlsx import Workbook, write_row, write_table

    tr = translator(lang)
    frame = _frame(frame)
    book = Workbook(target)
    title, period = _title(tr, teacher, year, month)
    sheet = book.sheet(f"{year}-{month:02d}")
    ws = framed_sheet(sheet, book, frame, tr, 7)
    ws.write_string(0, 0, title, book.fmt["title"])
    ws.write_string(1, 0, period, book.fmt["subtitle"])
    f = book.fmt
    end = write_table(book, ws, 3, headers(tr), rows(tr, entries), widths=[11, 9, 9, 20, 26, 16, 18, 45],
                      formats=[f["date"], f["center"], f["number"], *[f["cell"]] * 5])
    lessons = tr.ngettext("{n} lesson", "{n} lessons", totals.lessons).format(n=totals.lessons)
    write_row(ws, end, [tr.pgettext("sum row", "Total"), "", totals.hours, lessons],
              formats=[f["section"], f["section"], f["total"], f["section"]])
    xlsx_bottom(sheet, book, frame, tr, ws.offset + end + 1, 7)
    book.close()
