"""The dean's office's submission matrix (curators × months) and the faculty summary of the
curators' reports, to Excel and PDF, each with a small chart."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.i18n import translator
from desktop.models.curator_reports import Matrix, Summary
from desktop.models.curators import (
    CELL_STATE_COLOURS,
    ActivityKind,
    CellState,
    RiskAction,
    RiskReason,
)
from desktop.models.progress import Progress
from desktop.reports.pdf import SANS, build_pdf, esc, styles, table_style_commands, wrap

# Short marks in the cells, so twelve months fit on a landscape page; the legend explains them.
STATE_ORDER = (CellState.ACCEPTED, CellState.ON_TIME, CellState.LATE, CellState.RETURNED, CellState.MISSING,
               CellState.NOT_DUE)


def state_mark(tr, state: CellState | None) -> str:
    return "" if state is None else CellState(state).label(tr)


def summary_tables(tr, summary: Summary) -> list[tuple[str, list[str], list[list]]]:
    """The summary's three small tables as (title, headers, rows) with numbers as numbers."""
    return [
        (tr("Activities by kind"), [tr("Kind"), tr("Held"), tr("Students present")],
         [[ActivityKind(k).label(tr), summary.activities.get(k.value, 0), summary.present.get(k.value, 0)]
          for k in ActivityKind]),
        (tr("Students at risk by reason"), [tr("Reason"), tr("Students")],
         [[r.label(tr), summary.risks.get(r.value, 0)] for r in RiskReason]
         + [[tr.pgettext("sum row", "Total"), sum(summary.risks.values())]]),
        (tr("Action taken"), [tr.pgettext("curator report", "Action"), tr("Students")],
         [[a.label(tr), summary.actions.get(a.value, 0)] for a in RiskAction]),
        (tr("Contacts with parents"), [tr("Indicator"), tr("Number")],
         [[tr("Reports handed in"), summary.reports], [tr("Contacts with parents"), summary.parent_contacts],
          [tr("Students whose parents were contacted"), summary.parents_students]]),
    ]


def _month_titles(tr, matrix: Matrix) -> list[str]:
    return [f"{tr.month(m, 'abbreviated')} {y}" for y, m in matrix.months]


def _chart(tr, summary: Summary, width: float, height: float):
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing

    labels = [k.label(tr) for k in ActivityKind]
    values = [summary.activities.get(k.value, 0) for k in ActivityKind]
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 26 * mm, 5 * mm, width - 32 * mm, height - 10 * mm
    chart.data = [values]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#5B9BD5")
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = SANS
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    return drawing


def _frame(frame, faculty: str = ""):
    from dataclasses import replace

    from desktop.models.document_frame import blank_frame

    return frame or replace(blank_frame("curators"), faculty=faculty or "")


def alphabetical(matrix: Matrix, lang: str) -> list:
    """The matrix's rows by curator and group in the office's alphabetical order of ``lang``."""
    from desktop.models.collation import sort_key

    return sorted(matrix.rows, key=lambda row: (sort_key(row.assignment.curator, lang),
                                                sort_key(row.assignment.group, lang)))


def write_matrix_pdf(target, matrix: Matrix, summary: Summary, lang: str, faculty: str = "",
                     progress: Progress | None = None, frame=None) -> None:
    from desktop.reports.frame import pdf_bottom, pdf_top

    tr = translator(lang)
    st = styles(size=10, lang=lang)
    frame = _frame(frame, faculty)
    story = [*pdf_top(frame, tr, 277 * mm),
             Paragraph(esc(tr("Curators' reports, {year} academic year").format(year=matrix.year_name)), st["title"]),
             Paragraph(esc(tr("State on {date}").format(date=tr.as_of(matrix.as_of))), st["subtitle"])]
    header = [tr("Curator"), tr("Group"), *_month_titles(tr, matrix)]
    data = [[Paragraph(esc(h), st["cell_bold"]) for h in header]]
    data.append(["", tr("Due date"), *[tr.short_date(d) for d in matrix.dues]])
    style = table_style_commands(header_rows=1, size=7)
    n = len(matrix.months)
    month_w = (277 - 40 - 22) / n * mm
    # Plain wrapped cells (a faculty of 20,000 students has some 800 rows) and one BACKGROUND
    # command per run of equal cells in a row, not one per cell.
    marks: dict[CellState | None, str] = {
        state: wrap("" if state is CellState.NOT_DUE else state_mark(tr, state), SANS, 7, month_w - 6)
        for state in CellState}
    marks[None] = ""
    fills = {state: colors.HexColor(colour) for state, colour in CELL_STATE_COLOURS.items()}
    for r, row in enumerate(alphabetical(matrix, lang), start=2):
        a = row.assignment
        # "Not due yet" stays a grey cell without text: the count rows name it, and the page stays readable.
        data.append([wrap(a.curator, SANS, 7, 40 * mm - 6), wrap(a.group, SANS, 7, 22 * mm - 6),
                     *[marks[s] for s, _id in row.cells]])
        start = 0
        states = [s for s, _id in row.cells]
        for c in range(1, len(states) + 1):
            if c == len(states) or states[c] is not states[start]:
                if states[start] is not None:
                    style.append(("BACKGROUND", (start + 2, r), (c + 1, r), fills[states[start]]))
                start = c
    for state in STATE_ORDER:
        data.append(["", wrap(CellState(state).label(tr), SANS + "-Bold", 7, 22 * mm - 6),
                     *[str(mc.get(state, 0)) for mc in matrix.month_counts]])
    style += [("FONT", (0, 1), (-1, 1), SANS + "-Italic", 7), ("ALIGN", (2, 1), (-1, -1), "CENTER"),
              ("FONT", (0, len(data) - len(STATE_ORDER)), (-1, -1), SANS + "-Bold", 7.5)]
    table = Table(data, colWidths=[40 * mm, 22 * mm] + [month_w] * n, repeatRows=1)
    table.setStyle(TableStyle(style))
    story += [table, Spacer(1, 4 * mm)]
    totals = ", ".join(f"{CellState(s).label(tr)}: {matrix.counts.get(s, 0)}" for s in STATE_ORDER)
    story.append(Paragraph(esc(tr("In all: {counts}").format(counts=totals)), st["body"]))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(esc(tr("Faculty summary")), st["heading"]))
    # The four small tables two by two, the chart beside them: the summary fits on one page.
    blocks = []
    for title, headers, rows in summary_tables(tr, summary):
        t = Table([[Paragraph(esc(h), st["cell_bold"]) for h in headers]] + [[str(c) for c in r] for r in rows],
                  colWidths=[56 * mm] + [24 * mm] * (len(headers) - 1))
        t.setStyle(TableStyle(table_style_commands(size=7.5) + [("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
        blocks.append([Paragraph(esc(title), st["small"]), t])
    grid = Table([[blocks[0], blocks[1]], [blocks[2], blocks[3]]], colWidths=[106 * mm, 106 * mm])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    chart = [Paragraph(esc(tr("Activities by kind")), st["small"]), _chart(tr, summary, 62 * mm, 50 * mm)]
    outer = Table([[grid, chart]], colWidths=[215 * mm, 62 * mm])
    outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(KeepTogether([outer]))
    story += pdf_bottom(frame, tr, 277 * mm)
    build_pdf(target, story, tr, title=tr("Curator reports"), is_landscape=True, margins_mm=(10, 10, 12, 12),
              progress=progress)


def write_matrix_xlsx(target, matrix: Matrix, summary: Summary, lang: str, frame=None) -> None:
    from desktop.reports.frame import framed_sheet, xlsx_bottom
    from desktop.reports.xlsx import Workbook, write_row, write_table

    tr = translator(lang)
    frame = _frame(frame)
    book = Workbook(target)
    sheet = book.sheet(tr("Matrix"))
    ws = framed_sheet(sheet, book, frame, tr, len(matrix.months) + 1)
    ws.write_string(0, 0, tr("Curators' reports, {year} academic year").format(year=matrix.year_name),
                    book.fmt["title"])
    ws.write_string(1, 0, tr("State on {date}").format(date=tr.as_of(matrix.as_of)), book.fmt["subtitle"])
    fills = {s: book.add_format(font_name="Arial", font_size=9, border=1, align="center", bg_color=c)
             for s, c in CELL_STATE_COLOURS.items()}
    months = _month_titles(tr, matrix)
    write_row(ws, 3, ["", tr("Due date"), *matrix.dues],
              formats=[book.fmt["plain"]] * 2 + [book.fmt["date"]] * len(months))
    rows = [[row.assignment.curator, row.assignment.group, *[state_mark(tr, s) for s, _ in row.cells]]
            for row in alphabetical(matrix, lang)]
    end = write_table(book, ws, 4, [tr("Curator"), tr("Group"), *months], rows, widths=[28, 14, *[12] * len(months)])
    for r, row in enumerate(alphabetical(matrix, lang), start=5):
        for c, (state, _id) in enumerate(row.cells, start=2):
            if state is not None:
                ws.write_string(r, c, state_mark(tr, state), fills[state])
    for i, state in enumerate(STATE_ORDER):
        write_row(ws, end + 1 + i, ["", CellState(state).label(tr), *[mc.get(state, 0) for mc in matrix.month_counts]],
                  formats=[book.fmt["plain"], book.fmt["section"]] + [book.fmt["total"]] * len(months))
    ws.freeze_panes(5, 2)
    xlsx_bottom(sheet, book, frame, tr, ws.offset + end + len(STATE_ORDER) + 1, len(matrix.months) + 1)

    summary_sheet = book.sheet(tr("Summary"), is_landscape=False)
    sm = framed_sheet(summary_sheet, book, frame, tr, 3)
    sm.write_string(0, 0, tr("Faculty summary"), book.fmt["title"])
    r = 2
    for title, headers, rows in summary_tables(tr, summary):
        sm.write_string(r, 0, title, book.fmt["bold"])
        write_row(sm, r + 1, headers, book.fmt["header"])
        for j, values in enumerate(rows):
            write_row(sm, r + 2 + j, values, formats=[book.fmt["cell"]] + [book.fmt["number"]] * (len(values) - 1))
        if title == tr("Activities by kind"):
            chart = book.book.add_chart({"type": "bar"})
            first, last = sm.offset + r + 2, sm.offset + r + 1 + len(rows)  # sheet rows, under the frame
            chart.add_series({"name": title, "categories": [sm.name, first, 0, last, 0],
                              "values": [sm.name, first, 1, last, 1], "fill": {"color": "#5B9BD5"},
                              "data_labels": {"value": True}})
            chart.set_legend({"none": True})
            chart.set_title({"name": title, "name_font": {"size": 10}})
            chart.set_size({"width": 420, "height": 220})
            sm.insert_chart(r, 4, chart)
        r += len(rows) + 3
    sm.set_column(0, 0, 40)
    sm.set_column(1, 2, 16)
    xlsx_bottom(summary_sheet, book, frame, tr, sm.offset + r, 3)
    book.close()
