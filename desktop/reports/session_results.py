"""The debts register and the session's summary in Excel and PDF (with a chart of the rates)."""

from __future__ import annotations

from desktop import dates
from desktop.i18n import Translator, translator
from desktop.models.debts import Debt, DebtKind, Summary, SummaryRow, debt_counts
from desktop.models.exams import SessionKind
from desktop.models.grading import describe
from desktop.models.results import Frame


def _session_name(kind: str | None, tr: Translator) -> str:
    return SessionKind(kind).label(tr) if kind else ""


def debt_headers(tr: Translator) -> list[str]:
    return [tr("No."), tr("Student"), tr("Record book No"), tr("Group"), tr("Discipline"), tr("Session"),
            tr("Kind of debt"), tr("Result"), tr("Retake date")]


def debt_values(i: int, d: Debt, tr: Translator) -> list:
    return [i, d.name, d.record_book, d.group, d.discipline, f"{d.year}, {_session_name(d.session_kind, tr)}",
            DebtKind(d.kind).label(tr), describe(d.outcome, tr) if d.outcome else d.result, d.retake_date]


def debts_title(year: str, kind: str | None, tr: Translator) -> str:
    title = tr("Students with academic debts, {year}").format(year=year)
    return f"{title} ({_session_name(kind, tr)})" if kind else title


def debts_xlsx(target, debts: list[Debt], year: str, kind: str | None, lang: str) -> None:
    from desktop.reports.xlsx import Workbook, write_table

    tr = translator(lang)
    book = Workbook(target)
    ws = book.sheet(tr("Debts"))
    ws.write_string(0, 0, debts_title(year, kind, tr), book.fmt["title"])
    f = book.fmt
    write_table(book, ws, 2, debt_headers(tr), (debt_values(i, d, tr) for i, d in enumerate(debts, 1)),
                widths=[5, 32, 14, 14, 30, 24, 16, 18, 12],
                formats=[f["number"], f["cell"], f["cell"], f["cell"], f["cell"], f["cell"], f["cell"], f["cell"],
                         f["date"]])
    by_discipline, by_group = debt_counts(debts)
    for title, rows, first in ((tr("Discipline"), by_discipline, tr("Debts by discipline")),
                               (tr("Group"), by_group, tr("Debts by group"))):
        ws2 = book.sheet(first, is_landscape=False)
        ws2.write_string(0, 0, first, f["title"])
        write_table(book, ws2, 2, [title, tr("Debts"), tr("Students")], rows, widths=[40, 10, 10],
                    formats=[f["cell"], f["number"], f["number"]])
    book.close()


def debts_pdf(target, debts: list[Debt], year: str, kind: str | None, frame: Frame, lang: str) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from desktop.reports.grade_sheet import frame_heading
    from desktop.reports.pdf import (
        SANS,
        build_pdf,
        esc,
        styles,
        table_style_commands,
        wrap,
    )

    tr = translator(lang)
    st = styles("PTSans", 10)
    story = frame_heading(frame, st) + [Paragraph(esc(debts_title(year, kind, tr)), st["title"])]
    widths = [9 * mm, 50 * mm, 20 * mm, 22 * mm, 48 * mm, 34 * mm, 24 * mm, 34 * mm, 22 * mm]
    rows = [[wrap(h, SANS + "-Bold", 8, w - 6) for h, w in zip(debt_headers(tr), widths, strict=True)]]
    for i, d in enumerate(debts, 1):
        values = debt_values(i, d, tr)
        values[-1] = dates.table(values[-1])
        rows.append([wrap(v, SANS, 8, w - 6) for v, w in zip(values, widths, strict=True)])
    if len(rows) == 1:
        rows.append(["", tr("No open debts")] + [""] * 7)
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle(table_style_commands(1, SANS, 8)))
    story += [t, Spacer(1, 5 * mm)]
    by_discipline, by_group = debt_counts(debts)
    for title, head, data in ((tr("Debts by discipline"), tr("Discipline"), by_discipline),
                              (tr("Debts by group"), tr("Group"), by_group)):
        if not data:
            continue
        story.append(Paragraph(esc(title), st["heading"]))
        cw = [90 * mm, 25 * mm, 25 * mm]
        t = Table([[head, tr("Debts"), tr("Students")]] + [[wrap(k, SANS, 8, cw[0] - 6), str(n), str(s)]
                                                          for k, n, s in data], colWidths=cw, hAlign="LEFT")
        t.setStyle(TableStyle(table_style_commands(1, SANS, 8)))
        story += [t, Spacer(1, 3 * mm)]
    build_pdf(target, story, tr, title=debts_title(year, kind, tr), is_landscape=True, margins_mm=(12, 12, 12, 14))


# The session's summary ------------------------------------------------------------------------------------

def summary_title(summary: Summary, tr: Translator) -> str:
    return tr("Session results: {session}, {year}").format(session=_session_name(summary.session_kind, tr),
                                                           year=summary.year)


def summary_headers(tr: Translator) -> list[str]:
    return [tr("Group"), tr("Course"), tr("Programme"), tr("Students"), tr("Sat"), tr("Passed"),
            tr("Only excellent"), tr("Excellent and good"), tr("With debts"), tr("Pass rate, %"),
            tr("Quality rate, %")]


def _label(row: SummaryRow, tr: Translator) -> str:
    if row.level == "course":
        return tr("Course {n}").format(n=row.course)
    if row.level == "programme":
        return tr("Programme {code}").format(code=row.programme) if row.programme else tr("No programme")
    if row.level == "total":
        return tr("Faculty total")
    return row.label


def summary_values(row: SummaryRow, tr: Translator) -> list:
    return [_label(row, tr), row.course if row.level == "group" else "", row.programme if row.level == "group" else "",
            row.students, row.sat, row.passed, row.excellent, row.good, row.with_debts, round(row.pass_rate, 1),
            round(row.quality_rate, 1)]


def summary_rows(summary: Summary) -> list[SummaryRow]:
    return [*summary.groups, *summary.courses, *summary.programmes, summary.total]


def summary_xlsx(target, summary: Summary, lang: str) -> None:
    from desktop.reports.xlsx import Workbook, write_row

    tr = translator(lang)
    book = Workbook(target)
    f = book.fmt
    ws = book.sheet(tr("Summary"))
    ws.write_string(0, 0, summary_title(summary, tr), f["title"])
    headers = summary_headers(tr)
    write_row(ws, 2, headers, f["header"])
    pct = book.add_format(border=1, num_format="0.0", font_name="Arial", font_size=10)
    pct_bold = book.add_format(border=1, num_format="0.0", font_name="Arial", font_size=10, bold=True,
                               bg_color="#F2F2F2")
    plain = [f["cell"], f["center"], f["center"]] + [f["number"]] * 6 + [pct, pct]
    bold = [f["section"]] * 3 + [f["total"]] * 6 + [pct_bold, pct_bold]
    r = 3
    for row in summary_rows(summary):
        write_row(ws, r, summary_values(row, tr), formats=plain if row.level == "group" else bold)
        r += 1
    for col, w in enumerate([18, 8, 12, 10, 8, 8, 12, 14, 10, 12, 12]):
        ws.set_column(col, col, w)
    ws.freeze_panes(3, 1)
    ws.repeat_rows(2)
    n = len(summary.groups)
    if n:
        chart = book.book.add_chart({"type": "column"})
        for col in (9, 10):
            chart.add_series({"name": [ws.name, 2, col], "categories": [ws.name, 3, 0, 2 + n, 0],
                              "values": [ws.name, 3, col, 2 + n, col]})
        chart.set_title({"name": tr("Pass rate and quality rate by group, %")})
        chart.set_y_axis({"min": 0, "max": 100})
        chart.set_size({"width": 720, "height": 320})
        ws.insert_chart(r + 1, 0, chart)
    book.close()


def _chart(summary: Summary, tr: Translator, width: float, height: float):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    from desktop.reports.pdf import SANS

    groups = summary.groups[:40]
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 40, width - 160, height - 60
    chart.data = [[round(g.pass_rate, 1) for g in groups], [round(g.quality_rate, 1) for g in groups]]
    chart.categoryAxis.categoryNames = [g.label for g in groups]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30 if len(groups) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(groups) > 6 else "n"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = colors.HexColor("#4472C4")
    chart.bars[1].fillColor = colors.HexColor("#ED7D31")
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 120, height - 20
    legend.fontName, legend.fontSize = SANS, 8
    legend.colorNamePairs = [(colors.HexColor("#4472C4"), tr("Pass rate, %")),
                             (colors.HexColor("#ED7D31"), tr("Quality rate, %"))]
    d.add(legend)
    return d


def summary_pdf(target, summary: Summary, frame: Frame, lang: str) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from desktop.reports.grade_sheet import frame_heading, signature_lines
    from desktop.reports.pdf import (
        HEADER_FILL,
        SANS,
        SECTION_FILL,
        build_pdf,
        esc,
        styles,
        table_style_commands,
        wrap,
    )

    tr = translator(lang)
    st = styles("PTSans", 10)
    story = frame_heading(frame, st) + [Paragraph(esc(summary_title(summary, tr)), st["title"])]
    widths = [34 * mm, 14 * mm, 22 * mm, 20 * mm, 18 * mm, 20 * mm, 24 * mm, 26 * mm, 22 * mm, 24 * mm, 26 * mm]
    rows = [[wrap(h, SANS + "-Bold", 8, w - 6) for h, w in zip(summary_headers(tr), widths, strict=True)]]
    commands = table_style_commands(1, SANS, 8.5) + [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
    for i, row in enumerate(summary_rows(summary), 1):
        values = summary_values(row, tr)
        values[-2:] = [tr.number(values[-2]), tr.number(values[-1])]
        rows.append([wrap(v, SANS, 8.5, w - 6) for v, w in zip(values, widths, strict=True)])
        if row.level != "group":
            commands += [("BACKGROUND", (0, i), (-1, i), HEADER_FILL if row.level == "total" else SECTION_FILL),
                         ("FONT", (0, i), (-1, i), SANS + "-Bold", 8.5)]
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle(commands))
    story += [t, Spacer(1, 6 * mm)]
    if summary.groups:
        story += [Paragraph(esc(tr("Pass rate and quality rate by group, %")), st["heading"]),
                  _chart(summary, tr, 250 * mm, 70 * mm)]
    story += signature_lines([(tr("Dean"), frame.dean)], st)
    build_pdf(target, story, tr, title=summary_title(summary, tr), is_landscape=True, margins_mm=(12, 12, 12, 14))
