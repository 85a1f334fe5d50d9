"""Student lists to Excel and the printed group list to PDF, in the report's own language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import clock
from desktop.i18n import translator
from desktop.models.contingent import (
    Funding,
    Group,
    StudentStatus,
    StudyForm,
)
from desktop.models.org import Programme
from desktop.models.progress import Progress, step
from desktop.models.students import F, curator_of, group_head, student_rows
from desktop.models.typography import keep_initials

XLSX_COLUMNS = [  # (title, row field, width)
    ("Last name", "last_name", 18), ("First name", "first_name", 14), ("Patronymic", "patronymic", 16),
    ("Record-book number", "record_book", 13), ("Group", "group", 12), ("Course", "course", 7),
    ("Programme", "programme", 10), ("Status", "status", 14), ("Funding", "funding", 12),
    ("Study form", "study_form", 13), ("Birth date", "birth_date", 11), ("Phone", "phone", 16),
    ("E-mail", "email", 22),
]


def _groups(session: Session, group_name: str | None) -> list[tuple[int, str]]:
    q = select(Group.id, Group.name).order_by(Group.name)
    if group_name:
        q = q.where(Group.name == group_name)
    return [(gid, name) for gid, name in session.execute(q)]


def export_students_xlsx(session: Session, target, *, lang: str, group_name: str | None = None,
                         sheet_per_group: bool = False, rows: Sequence[tuple] | None = None,
                         progress: Progress | None = None) -> int:
    """Students to .xlsx (one sheet with a group column, or one sheet per group). Returns rows written.

    ``progress`` hears of every thousand rows; Cancel stops before the file is closed (the window
    writes to a temporary file and drops it)."""
    from desktop.reports.xlsx import Workbook

    tr = translator(lang)
    if rows is None:
        group_ids = [g for g, _n in _groups(session, group_name)] if group_name else None
        rows = student_rows(session, group_ids)
    status = {s.value: tr(label) for s, label in StudentStatus.labels().items()}
    funding = {f.value: tr(label) for f, label in Funding.labels().items()}
    form = {f.value: tr(label) for f, label in StudyForm.labels().items()}
    keys = [F[k] for _t, k, _w in XLSX_COLUMNS]
    maps = {F["status"]: status, F["funding"]: funding, F["study_form"]: form}
    book = Workbook(target, constant_memory=True)
    fmt_cell, fmt_date = book.fmt["cell"], book.fmt["date"]
    headers = [tr(t) for t, _k, _w in XLSX_COLUMNS]
    by_sheet: dict[str, list[tuple]] = {}
    done = 0
    rows = sort_students(rows, lang)
    if sheet_per_group:
        for row in rows:
            by_sheet.setdefault(row[F["group"]] or "—", []).append(row)
    else:
        by_sheet[tr("Students")] = list(rows)
    for name, sheet_rows in by_sheet.items():
        ws = book.sheet(name)
        for col, (_t, _k, width) in enumerate(XLSX_COLUMNS):
            ws.set_column(col, col, width)
        ws.write_row(0, 0, headers, book.fmt["header"])
        # Written cell by cell with the typed writers: constant_memory streams rows in order,
        # and write_string keeps "=1+1" text.
        write_string, write_number, write_datetime, write_blank = (ws.write_string, ws.write_number,
                                                                    ws.write_datetime, ws.write_blank)
        r = 1
        for row in sheet_rows:
            done += 1
            if done % 1000 == 0:
                step(progress, done, len(rows))
            for c, k in enumerate(keys):
                v = row[k]
                if v is None or v == "":
                    write_blank(r, c, None, fmt_cell)
                elif k in maps:
                    write_string(r, c, maps[k].get(v, v), fmt_cell)
                elif isinstance(v, int):
                    write_number(r, c, v, fmt_cell)
                elif isinstance(v, dt.date):
                    write_datetime(r, c, dt.datetime(v.year, v.month, v.day), fmt_date)
                else:
                    write_string(r, c, v, fmt_cell)
            r += 1
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(r - 1, 1), len(XLSX_COLUMNS) - 1)
        ws.repeat_rows(0)
    book.close()
    return len(rows)


def group_list_story(session: Session, group_id: int, lang: str, on: dt.date | None = None) -> list:
    """The printed list of one group: No, name, record-book number, funding, form; curator and head at the foot."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    from desktop.models.document_frame import document_frame
    from desktop.reports.frame import pdf_bottom, pdf_top
    from desktop.reports.pdf import SANS, esc, styles, table_style_commands, wrap

    tr = translator(lang)
    st = styles(lang=lang)
    on = on or clock.today()
    group = session.get(Group, group_id)
    assert group is not None  # the group chosen in the window
    programme = session.get(Programme, group.programme_id) if group.programme_id else None
    frame = document_frame(session, "group_list")
    story = [*pdf_top(frame, tr, 175 * mm)]
    story.append(Paragraph(esc(tr("Student list of group {group}").format(group=group.name)), st["title"]))
    sub = [tr("Course {course}").format(course=group.course),
           StudyForm(group.study_form).label(tr)]
    if programme:
        sub.insert(0, f"{programme.code} {programme.name}")
    story.append(Paragraph(esc(", ".join(sub)), st["subtitle"]))
    rows = sort_students([r for r in student_rows(session, [group_id])
                          if r[F["status"]] in (StudentStatus.STUDYING.value, StudentStatus.ACADEMIC_LEAVE.value)],
                         lang)
    widths = [10 * mm, 74 * mm, 34 * mm, 27 * mm, 30 * mm]
    titles = [tr("No"), tr("Full name"), tr("Record-book number"), tr("Funding"), tr("Study form")]
    data = [[wrap(t, SANS + "-Bold", 9, w - 6) for t, w in zip(titles, widths, strict=True)]]
    for i, r in enumerate(rows, 1):
        name = " ".join(p for p in (r[F["last_name"]], r[F["first_name"]], r[F["patronymic"]]) if p)
        if r[F["status"]] == StudentStatus.ACADEMIC_LEAVE.value:
            name += f" ({tr('Academic leave').lower()})"
        data.append([str(i), wrap(keep_initials(name), SANS, 9, widths[1] - 6, lang),
                     wrap(r[F["record_book"]] or "", SANS, 9, widths[2] - 6),
                     Funding(r[F["funding"]]).label(tr), StudyForm(r[F["study_form"]]).label(tr)])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(table_style_commands() + [("ALIGN", (0, 1), (0, -1), "RIGHT")])
    story.append(table)
    story.append(Spacer(1, 6 * mm))
    grants = sum(1 for r in rows if r[F["funding"]] == Funding.GRANT.value)
    story.append(Paragraph(esc(tr("Total: {total}; state grant: {grant}; contract: {contract}").format(
        total=len(rows), grant=grants, contract=len(rows) - grants)), st["body"]))
    story.append(Spacer(1, 6 * mm))
    curator = curator_of(session, group_id, on) or "—"
    story.append(Paragraph(esc(tr("Curator: {name}").format(name=curator)), st["body"]))
    story.append(Paragraph(esc(tr("Group head: {name}").format(name=group_head(session, group_id) or "—")), st["body"]))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(esc(tr.long_date(on)), st["right"]))
    story += pdf_bottom(frame, tr, 175 * mm)
    return story


def sort_students(rows: Sequence[tuple], lang: str) -> list[tuple]:
    """Students in the office's alphabetical order of ``lang``: surname, first name, patronymic."""
    from desktop.models.collation import sort_key

    return sorted(rows, key=lambda r: (sort_key(r[F["last_name"]], lang), sort_key(r[F["first_name"]], lang),
                                       sort_key(r[F["patronymic"]], lang)))


def export_group_list_pdf(session: Session, target, *, lang: str, group_name: str | None = None,
                          on: dt.date | None = None) -> int:
    """The printed group list; every group (one per page) unless ``group_name``. Returns groups printed."""
    from reportlab.platypus import PageBreak

    from desktop.reports.pdf import build_pdf

    tr = translator(lang)
    story: list = []
    groups = _groups(session, group_name)
    for i, (gid, _name) in enumerate(groups):
        if i:
            story.append(PageBreak())
        story.extend(group_list_story(session, gid, lang, on))
    build_pdf(target, story, tr, title=tr("Student list"))
    return len(groups)
