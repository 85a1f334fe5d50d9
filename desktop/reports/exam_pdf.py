"""The exam schedule as a PDF for the notice board: landscape A4, PT fonts, the list or the matrix
(at most ``MATRIX_COLUMNS`` groups across a page; wider sheets continue on the next pages), or
the timetable of each examiner or room. Cells are plain wrapped text (never parsed as markup)."""

from __future__ import annotations

from desktop import dates
from desktop.i18n import translator
from desktop.models.exam_schedule import Schedule
from desktop.models.progress import Progress
from desktop.reports import exam_layout as L

MATRIX_COLUMNS = 7


DRAFT = {"ru": "ПРОЕКТ", "ky": "ДОЛБООР", "kk": "ЖОБА", "en": "DRAFT"}


def session_pdf(target, schedule: Schedule, lang: str, layout: str = "matrix", by: str = "course",
                progress: Progress | None = None, frame=None, errors: list[str] | None = None) -> None:
    """Write the schedule; ``frame`` (a ``DocumentFrame``) gives the header, approval block and
    signature line (blank lines without it). With unresolved ``errors`` the schedule is a draft:
    "ПРОЕКТ" on every page and the errors listed on a last page."""
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    from desktop.models.document_frame import blank_frame
    from desktop.reports import frame as F
    from desktop.reports.pdf import build_pdf, esc, styles

    tr = translator(lang)
    st = styles("PTSans", 10, lang)
    frame = frame or blank_frame("exam_schedule")
    width = 273 * mm
    story = [*F.pdf_top(frame, tr, width), Paragraph(esc(L.session_title(schedule, tr)), st["title"]),
             Paragraph(esc(L.period_line(schedule, tr)), st["subtitle"])]
    parts = []
    if layout in ("list", "matrix"):
        for sheet in L.sheets(schedule, by, tr):
            if layout == "list":
                parts.append([_list_table(schedule, sheet, tr)])
            else:
                parts.append(_matrix_tables(schedule, sheet, tr))
    else:
        for name, rows in L.timetables(schedule, layout, tr):
            parts.append([_timetable_table(name, rows, layout, tr)])
    if not parts:
        story.append(Paragraph(esc(tr("No exams")), st["body"]))
    for i, tables in enumerate(parts):
        if i:  # each course, programme, examiner or room starts a page of its own
            story.append(PageBreak())
        for t in tables:
            story += [t, Spacer(1, 4 * mm)]
    story += F.pdf_bottom(frame, tr, width)
    if errors:
        story += [PageBreak(), Paragraph(esc(tr("Errors to resolve before the schedule is final")), st["heading"])]
        story += [Paragraph(esc(f"{n}. {message}"), st["body"]) for n, message in enumerate(errors, 1)]
    build_pdf(target, story, tr, title=L.session_title(schedule, tr), is_landscape=True,
              margins_mm=(12, 12, 14, 14), progress=progress, mark=DRAFT.get(lang, "DRAFT") if errors else "")


def continued(title: str, tr) -> str:
    return tr("{title} (continued)").format(title=title)


def _list_table(schedule: Schedule, sheet: L.Sheet, tr):
    from reportlab.lib.units import mm

    from desktop.reports.pdf import SANS, table_style_commands, titled_table, widths_for_words, wrap

    widths = [22 * mm, 19 * mm, 32 * mm, 57 * mm, 25 * mm, 36 * mm, 22 * mm, 50 * mm]  # "Убактысы" fits
    heads = (tr("Date"), tr("Time"), tr("Group"), tr("Discipline"), tr("Form"), tr("Examiner"), tr("Room"),
             tr("Consultation"))
    values = [(f"{dates.table(r[0])}\n{tr.weekday(r[0].weekday(), 'abbreviated')}", *r[1:])
              for r in L.list_rows(schedule, sheet.group_ids, tr)]
    widths = widths_for_words(widths, [[h, *(v[c] for v in values)] for c, h in enumerate(heads)], SANS + "-Bold", 9)
    rows = [[wrap(h, SANS + "-Bold", 9, w - 6, tr.lang) for h, w in zip(heads, widths, strict=True)]]
    for v in values:
        rows.append([wrap(x, SANS, 9, w - 6, tr.lang) for x, w in zip(v, widths, strict=True)])
    return titled_table(sheet.title, continued(sheet.title, tr), rows, widths, table_style_commands(1))


def _matrix_tables(schedule: Schedule, sheet: L.Sheet, tr) -> list:
    from reportlab.lib.units import mm

    from desktop.reports.pdf import SANS, table_style_commands, titled_table, wrap

    tables = []
    groups = sheet.group_ids
    for at in range(0, len(groups), MATRIX_COLUMNS):
        chunk = groups[at:at + MATRIX_COLUMNS]
        day_w = 24 * mm
        col_w = min(48 * mm, (273 * mm - day_w) / len(chunk))
        widths = [day_w] + [col_w] * len(chunk)
        head1 = [tr("Date")] + [""] * len(chunk)
        commands = table_style_commands(2, size=8) + [("SPAN", (0, 0), (0, 1)),
                                                      ("VALIGN", (0, 2), (-1, -1), "MIDDLE"),
                                                      ("ALIGN", (0, 2), (-1, -1), "CENTER")]
        for first, last, code in L.programme_spans(schedule, chunk):
            head1[first + 1] = code
            if last > first:
                commands.append(("SPAN", (first + 1, 0), (last + 1, 0)))
        head2 = [""] + [wrap(schedule.groups[g].name, SANS + "-Bold", 8, col_w - 6) for g in chunk]
        rows = [head1, head2]
        for mrow in L.matrix(schedule, chunk):
            cells = [L.day_label(mrow.day, tr)] + [""] * len(chunk)
            r = len(rows)
            for first, last, text in mrow.blocks:
                cells[first + 1] = wrap(text, SANS, 8, col_w * (last - first + 1) - 6, tr.lang)
                if last > first:
                    commands.append(("SPAN", (first + 1, r), (last + 1, r)))
            rows.append(cells)
        tables.append(titled_table(sheet.title, continued(sheet.title, tr), rows, widths, commands, 2, size=8))
    return tables


def _timetable_table(name: str, rows, by: str, tr):
    from reportlab.lib.units import mm

    from desktop.reports.pdf import SANS, table_style_commands, titled_table, widths_for_words, wrap

    widths = [26 * mm, 26 * mm, 80 * mm, 60 * mm, 40 * mm, 30 * mm]
    headers = (tr("Date"), tr("Time"), tr("Discipline"), tr("Groups"),
               tr("Room") if by == "examiner" else tr("Examiner"), tr("Form"))
    values = [(f"{dates.table(r[0])}", *r[1:]) for r in rows]
    widths = widths_for_words(widths, [[h, *(v[c] for v in values)] for c, h in enumerate(headers)],
                              SANS + "-Bold", 9)
    data = [[wrap(h, SANS + "-Bold", 9, w - 6, tr.lang) for h, w in zip(headers, widths, strict=True)]]
    for v in values:
        data.append([wrap(x, SANS, 9, w - 6, tr.lang) for x, w in zip(v, widths, strict=True)])
    return titled_table(name, continued(name, tr), data, widths, table_style_commands(1))
