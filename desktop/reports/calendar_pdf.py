"""The academic calendar as a PDF in the official layout of seed 004 (landscape: No, event,
one column per term, note; the approval block; the national and state holidays at the end),
and the year view on one page (twelve month grids, periods as coloured bands)."""

from __future__ import annotations

from desktop.i18n import N_, translator
from desktop.models.academic_calendar import CalendarData, Resolved
from desktop.models.workdays import WorkCalendar
from desktop.reports.calendar_table import headers, holidays_in_year, table_rows, title_lines

COUNTRY_NAMES = {"KG": N_("Kyrgyz Republic"), "KZ": N_("Republic of Kazakhstan"), "RU": N_("Russian Federation")}


def calendar_pdf(target, data: CalendarData, resolved: Resolved, work: WorkCalendar, lang: str = "ru",
                 frame=None) -> None:
    """``frame`` (kind "calendar"): the faculty's header, the approval block (the calendar's own
    typed approval, e.g. seed 004's council decision, where it has one) and the compiler's line."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    from desktop.models.document_frame import blank_frame
    from desktop.reports.frame import pdf_bottom, pdf_top
    from desktop.reports.pdf import SECTION_FILL, build_pdf, esc, styles, table_style_commands

    tr = translator(lang)
    st = styles()
    frame = frame or blank_frame("calendar")
    story = pdf_top(frame, tr, 267 * mm, approval=own_approval(data))
    if data.title and data.title.strip().casefold() != frame.university.strip().casefold():
        story.append(Paragraph(f"<b>{esc(data.title)}</b>", st["center"]))
    for i, line in enumerate(title_lines(data, tr)):
        story.append(Paragraph(esc(line), st["title" if i == 0 else "subtitle"]))

    n = len(data.columns)
    width = 267 * mm
    fixed = 14 * mm + 80 * mm + 38 * mm
    col = (width - fixed) / n
    col_widths = [14 * mm, 80 * mm, *([col] * n), 38 * mm]
    cell, bold = st["cell"], st["cell_bold"]
    rows = [[Paragraph(esc(h), bold) for h in headers(data, tr)]]
    commands = table_style_commands(1)
    for r in table_rows(data, resolved, tr):
        if r.is_category:
            rows.append([Paragraph(esc(r.number), bold), Paragraph(esc(r.title), bold), *[""] * n, ""])
            i = len(rows) - 1
            commands += [("SPAN", (1, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), SECTION_FILL),
                         ("NOSPLIT", (0, i), (-1, i + 1))]  # a heading never stays alone at a page's foot
        else:
            title = esc(r.title)
            rows.append([Paragraph(esc(r.number), cell), Paragraph(title, cell),
                         *[Paragraph(esc(c), cell) for c in r.cells], Paragraph(esc(r.note), cell)])
            if r.is_sub_row:
                commands.append(("LEFTPADDING", (1, len(rows) - 1), (1, len(rows) - 1), 10))
    last = len(rows) - 1
    commands = [c for c in commands if not (c[0] == "NOSPLIT" and c[2][1] > last)]
    # A heading is kept with its first row only when that row is not itself about a page tall
    # (a row that must split across pages cannot be kept with anything: LayoutError).
    commands = [c for c in commands if not (c[0] == "NOSPLIT" and _taller_than(rows[c[2][1]], col_widths, 120 * mm))]
    table = Table(rows, colWidths=col_widths, repeatRows=1, splitInRow=1)  # a note taller than a page goes on
    table.setStyle(commands)
    story.append(table)

    holidays = holidays_in_year(data, work, lang)
    if holidays:
        story.append(Paragraph(esc(tr("National and state holidays")), st["heading"]))
        story.append(Paragraph(esc(tr(
            "Holidays are days off. When a holiday falls on a day off, the next working day is a day off "
            "({country}).").format(country=tr(COUNTRY_NAMES[data.country]))), st["body"]))
        story.append(_holidays_table(holidays, tr, st))
    story += pdf_bottom(frame, tr, 267 * mm)
    build_pdf(target, story, tr, title=title_lines(data, tr)[0], is_landscape=True, margins_mm=(15, 15, 12, 14))


def own_approval(data: CalendarData) -> list[str] | None:
    """The calendar's typed approval block as lines (the first is the approval word), or None."""
    lines = [line.strip() for line in (data.approval or "").splitlines() if line.strip()]
    return lines or None


def _holidays_table(holidays, tr, st):
    """The holidays in two side-by-side lists (date | name), reading down the left half first: a
    year's twenty-odd days off fit under the table instead of running onto a page of their own."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    from desktop.reports.pdf import esc

    half = (len(holidays) + 1) // 2
    left, right = holidays[:half], holidays[half:]
    rows = []
    for i in range(half):
        row = []
        for part in (left, right):
            if i < len(part):
                day, name = part[i]
                row += [Paragraph(esc(tr.long_date(day)), st["cell"]), Paragraph(esc(name), st["cell"])]
            else:
                row += ["", ""]
        rows.append(row)
    table = Table(rows, colWidths=[44 * mm, 88 * mm, 44 * mm, 88 * mm], hAlign="LEFT", splitInRow=1)
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#BBBBBB")])
    return table


def year_view_pdf(target, view, lang: str = "ru") -> None:
    """One landscape page: four rows of three months, bands under the day numbers, days off in red,
    holidays circled, a legend of the categories."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from desktop.models.academic_calendar import Category
    from desktop.models.year_view import CATEGORY_COLOURS
    from desktop.reports.pdf import SANS, register_fonts

    register_fonts()
    tr = translator(lang)
    width, height = landscape(A4)
    c = canvas.Canvas(target if hasattr(target, "write") else str(target), pagesize=(width, height))
    c.setTitle(title_lines(view.data, tr)[0])
    c.setFont(SANS + "-Bold", 13)
    c.drawCentredString(width / 2, height - 12 * mm, title_lines(view.data, tr)[0])
    c.setFont(SANS, 9)
    c.drawCentredString(width / 2, height - 17 * mm, title_lines(view.data, tr)[1])
    margin, top = 12 * mm, height - 22 * mm
    legend_h = 16 * mm
    mw = (width - 2 * margin - 2 * 6 * mm) / 3
    mh = (top - margin - legend_h - 3 * 4 * mm) / 4
    cw = mw / 8  # week number column + 7 days
    red = colors.HexColor("#C00000")
    for i, month in enumerate(view.months):
        x0 = margin + (i % 3) * (mw + 6 * mm)
        y0 = top - (i // 3) * (mh + 4 * mm)
        c.setFont(SANS + "-Bold", 9)
        c.setFillColor(colors.black)
        c.drawString(x0, y0 - 9, tr.month_year(month.year, month.month, heading=True))
        rh = (mh - 22) / 6
        c.setFont(SANS, 6.5)
        for wd in range(7):
            c.setFillColor(red if wd >= 5 else colors.black)
            c.drawCentredString(x0 + cw * (wd + 1.5), y0 - 19, tr.weekday(wd, "abbreviated"))
        for r, week in enumerate(month.weeks):
            y = y0 - 22 - (r + 1) * rh
            cells = [d for d in week if d is not None]
            weeks = {d.week for d in cells if d.week}
            if weeks:
                c.setFillColor(colors.grey)
                c.setFont(SANS, 6)
                c.drawCentredString(x0 + cw * 0.5, y + rh * 0.4, str(min(weeks)))
            for cell in cells:
                x = x0 + cw * (cell.weekday + 1)
                bands = cell.bands[:3]
                for k, band in enumerate(bands):
                    c.setFillColor(colors.HexColor(band.colour))
                    bh = (rh - 2) / len(bands)
                    c.rect(x + 0.5, y + 1 + k * bh, cw - 1, bh, stroke=0, fill=1)
                if cell.holiday:
                    c.setStrokeColor(red)
                    c.setLineWidth(0.8)
                    c.circle(x + cw / 2, y + rh / 2, min(cw, rh) / 2 - 1, stroke=1, fill=0)
                if cell.is_today:
                    c.setStrokeColor(colors.HexColor("#1F4E79"))
                    c.rect(x + 0.5, y + 0.5, cw - 1, rh - 1, stroke=1, fill=0)
                c.setFillColor(red if cell.is_day_off else colors.black)
                c.setFont(SANS + ("-Bold" if cell.holiday else ""), 7)
                c.drawCentredString(x + cw / 2, y + rh / 2 - 2.4, str(cell.date.day))
    # Legend of the categories that appear.
    used = [cat for cat in Category if any(b.category == cat.value for b in view.bands)]
    x, y = margin, margin + legend_h - 6 * mm
    c.setFont(SANS, 7.5)
    for cat in used:
        label = Category(cat).label(tr)
        w = c.stringWidth(label, SANS, 7.5) + 14
        if x + w > width - margin:
            x, y = margin, y - 5 * mm
        c.setFillColor(colors.HexColor(CATEGORY_COLOURS[cat]))
        c.rect(x, y - 1, 8, 8, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.drawString(x + 10, y, label)
        x += w + 4
    note = tr("Red: days off; circled: holidays")
    if x + c.stringWidth(note, SANS, 7.5) > width - margin:
        x, y = margin, y - 5 * mm
    c.setFillColor(red)
    c.drawString(x, y, note)
    c.showPage()
    c.save()


def _taller_than(row: list, widths: list, height: float) -> bool:
    # ReportLab loads when first used, as in calendar_pdf
    from reportlab.platypus import Paragraph

    return any(isinstance(c, Paragraph) and c.wrap(w - 12, 10 ** 7)[1] > height
               for c, w in zip(row, widths, strict=False))
