"""The work plan as the official PDF, and the progress report with its per-section picture.

Table cells are plain strings broken with :func:`wrap` (fast, and markup-like text stays literal).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop import clock
from desktop.i18n import translator
from desktop.models import workplan_deadline as dl
from desktop.models.typography import keep_initials
from desktop.models.workplan.queries import Progress, progress_bucket
from desktop.models.workplan_people import role_label
from desktop.reports.pdf import (
    GRID,
    SANS,
    SECTION_FILL,
    build_pdf,
    esc,
    split_tall_cells,
    styles,
    table_style_commands,
    wrap,
)

if TYPE_CHECKING:
    from desktop.models.workplan import PlanTree

FONT_SIZE = 9
WIDTHS_MM = (12, 88, 38, 42)  # No / activity / deadline / responsible on A4 portrait
MAX_ROW_LINES = 50  # a longer item goes on in continuation rows (no row taller than a page)


def plan_frame(tree: PlanTree, kind: str = "plan"):
    """The frame of the plan (or its progress report): the plan's own approver, date and faculty
    name, where typed, override the faculty's document frame."""
    from dataclasses import replace

    from desktop.models.document_frame import blank_frame

    frame = (tree.get("frames") or {}).get(kind) or blank_frame(kind)
    changes: dict[str, Any] = {}
    if kind == "plan" and (tree.get("approver_name") or tree.get("approver_position")):
        changes.update(approver_name=tree.get("approver_name") or "",
                       approver_position=tree.get("approver_position") or "")
    if tree.get("faculty_name"):
        changes["faculty"] = tree["faculty_name"]
    return replace(frame, **changes)


def approval_block(tree: PlanTree, tr, st) -> list:
    from desktop.reports.frame import pdf_top

    date = tree.get("approval_date")
    return pdf_top(plan_frame(tree), tr, 175 * mm, tr.short_date(date) if date else "")


class PlanTable(Table):
    """The plan's table: a section heading is a row of its own, kept with the item under it.

    Drawn without ReportLab's SPAN and NOSPLIT: either makes every layout pass walk every cell of
    the rest of the table, once per page (a 300-item plan spent a fifth of its PDF there). The
    heading's text sits in the first cell and is centred over the whole row (its right padding
    reaches to the table's edge), no vertical line crosses a heading row, and the table is not
    split just below a heading (:meth:`_getFirstPossibleSplitRowPosition`)."""

    headings: frozenset[int] = frozenset()  # row numbers of the section headings

    def _getFirstPossibleSplitRowPosition(self, availHeight, ignoreSpans=0):
        n = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        while 0 < n < self._nrows and n - 1 in self.headings:  # a heading never ends a page
            n -= 1
        return n

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            head, tail = parts
            n = head._nrows
            repeat = self.repeatRows
            head.headings = frozenset(r for r in self.headings if r < n)
            tail.headings = frozenset(r - n + repeat for r in self.headings if r >= n)
        return parts


def plan_table(tree: PlanTree, tr) -> Table:
    widths = [w * mm for w in WIDTHS_MM]
    inner = [w - 6 for w in widths]
    font = SANS
    rows = [[tr("No."), tr("Activity"), tr("Deadline"), tr("Responsible")]]
    # the grid as lines below every row and between columns outside the heading rows
    style = [c for c in table_style_commands(1, font, FONT_SIZE) if c[0] != "GRID"]
    style += [("BOX", (0, 0), (-1, -1), 0.5, GRID), ("LINEBELOW", (0, 0), (-1, -1), 0.5, GRID)]
    headings = []
    across = sum(widths[1:])  # the heading's first cell reaches over the other columns
    for section in tree["sections"]:
        r = len(rows)
        headings.append(r)
        heading = wrap(f"{section['number']}. {section['title']}", font + "-Bold", FONT_SIZE, sum(inner))
        rows.append([heading, "", "", ""])
        style += [("BACKGROUND", (0, r), (-1, r), SECTION_FILL),
                  ("FONT", (0, r), (-1, r), font + "-Bold", FONT_SIZE, FONT_SIZE * 1.2),
                  ("ALIGN", (0, r), (-1, r), "CENTER"), ("RIGHTPADDING", (0, r), (0, r), 3 - across)]
        for item in section["items"]:
            rows.extend(split_tall_cells([
                f"{item['number']}.",
                wrap(item["text"], font, FONT_SIZE, inner[1], tr.lang),
                wrap(dl.render(item["deadline"], tr), font, FONT_SIZE, inner[2], tr.lang),
                wrap(keep_initials(item["responsible_text"]).replace(", ", ",\n"), font, FONT_SIZE, inner[3], tr.lang),
            ], MAX_ROW_LINES))
    # vertical lines: the header and each run of item rows between two headings
    for start, end in zip([0, *(h + 1 for h in headings)], [*headings, len(rows)], strict=True):
        if end > start:
            style.append(("LINEAFTER", (0, start), (-2, end - 1), 0.5, GRID))
    t = PlanTable(rows, colWidths=widths, repeatRows=1)
    t.headings = frozenset(headings)
    t.setStyle(TableStyle(style))
    return t


def plan_pdf(target, tree: PlanTree, lang: str) -> None:
    """Write the plan (``workplan.plan_tree``) to ``target`` (a path or a binary file)."""
    tr = translator(lang)
    st = styles(lang=lang)
    title = tree.get("title") or tr("Work plan for {year}").format(year=tree["year"])
    from desktop.reports.frame import pdf_bottom

    story = [*approval_block(tree, tr, st), Paragraph(esc(title), st["title"]), plan_table(tree, tr),
             *pdf_bottom(plan_frame(tree), tr, 175 * mm)]
    build_pdf(target, story, tr, title=title, margins_mm=(20, 10, 15, 15))


# Progress report ---------------------------------------------------------------------------

@dataclass(slots=True)
class ProgressRow:
    """A line of the progress report: a section or a person, and their items by state."""

    name: str
    counts: dict[Progress, int] = field(default_factory=lambda: dict.fromkeys(Progress, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def progress_counts(tree: PlanTree, tr=None) -> tuple[list[ProgressRow], list[ProgressRow]]:
    """Done / in progress / overdue / planned by section and by responsible person.

    A person is one staff member however the office wrote the name, one role ("каф. башчылары",
    "Кафедра башчылары" are both heads of departments, named in ``tr``'s language), or else the
    text as written, compared without regard to case."""
    def person(r) -> tuple[tuple, str]:
        if r["staff_id"]:
            return ("staff", r["staff_id"]), r["text"]
        if r["role"] and tr is not None:
            return ("role", r["role"]), role_label(r["role"], tr)
        return ("text", " ".join(r["text"].casefold().split())), r["text"]

    sections: list[ProgressRow] = []
    people: dict[tuple, ProgressRow] = {}
    for section in tree["sections"]:
        row = ProgressRow(f"{section['number']}. {section['title']}")
        for item in section["items"]:
            if item["status"] == "cancelled":
                continue
            key = progress_bucket(item)
            row.counts[key] += 1
            counted = set()
            for r in item["responsible"]:
                found, name = person(r)
                if found in counted:  # "Деканат, деканат" counts the item once
                    continue
                counted.add(found)
                people.setdefault(found, ProgressRow(name)).counts[key] += 1
        sections.append(row)
    return sections, sorted(people.values(), key=lambda p: (-p.total, p.name))


BUCKET_COLOURS = {Progress.DONE: "#4CAF50", Progress.IN_PROGRESS: "#2196F3", Progress.OVERDUE: "#E53935",
                  Progress.PLANNED: "#BDBDBD"}


def section_picture(rows: list[ProgressRow], tr, width: float = 175 * mm):
    """A stacked horizontal bar per section (reportlab.graphics)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, Rect, String

    height = 14 * len(rows) + 40
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 25, 30, width - 40, height - 40
    chart.data = [[r.counts[b] for r in reversed(rows)] for b in Progress]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [r.name.split(".")[0] for r in reversed(rows)]
    chart.categoryAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.valueMin = 0
    for i, b in enumerate(Progress):
        chart.bars[i].fillColor = colors.HexColor(BUCKET_COLOURS[b])
        chart.bars[i].strokeColor = None
    d.add(chart)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    x = 25
    for b in Progress:
        d.add(Rect(x, 5, 8, 8, fillColor=colors.HexColor(BUCKET_COLOURS[b]), strokeColor=None))
        label = b.label(tr)
        d.add(String(x + 11, 6, label, fontName=SANS, fontSize=8))
        x += 11 + stringWidth(label, SANS, 8) + 12
    return d


def progress_pdf(target, tree: PlanTree, lang: str, on_date: dt.date | None = None) -> None:
    tr = translator(lang)
    st = styles(lang=lang)
    on_date = on_date or clock.today()
    sections, people = progress_counts(tree, tr)
    heading = [tr("Section"), *(b.label(tr) for b in Progress), tr.pgettext("sum column", "Total")]
    # Count columns as wide as their longest header word ("Запланировано", "Жоспарланған"), the
    # headers wrapped at spaces; the name column takes the rest of the 175 mm.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    bold = SANS + "-Bold"
    count_width = max(16 * mm, max(stringWidth(w, bold, FONT_SIZE) for h in heading[1:] for w in h.split()) + 8)
    name_width = 175 * mm - 5 * count_width

    def table(rows, first):
        data = [[first] + [wrap(h, bold, FONT_SIZE, count_width - 6) for h in heading[1:]]]
        for r in rows:
            data.append([wrap(r.name, SANS, FONT_SIZE, name_width - 6)]
                        + [str(r.counts[b]) for b in Progress] + [str(r.total)])
        t = Table(data, colWidths=[name_width] + [count_width] * 5, repeatRows=1)
        t.setStyle(TableStyle(table_style_commands(1, SANS, FONT_SIZE) + [
            ("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
        return t

    from desktop.reports.frame import pdf_bottom, pdf_top

    title = tr("Work plan progress for {year}").format(year=tree["year"])
    frame = plan_frame(tree, "progress")
    story = [*pdf_top(frame, tr, 175 * mm), Paragraph(esc(title), st["title"]),
             Paragraph(esc(tr("As of {date}").format(date=tr.as_of(on_date))), st["subtitle"]),
             section_picture(sections, tr), Spacer(1, 4 * mm),
             Paragraph(esc(tr("By section")), st["heading"]), table(sections, tr("Section")),
             Paragraph(esc(tr("By responsible person")), st["heading"]), table(people, tr("Responsible")),
             *pdf_bottom(frame, tr, 175 * mm)]
    build_pdf(target, story, tr, title=title)
