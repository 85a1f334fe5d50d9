"""The work plan as an Excel sheet laid out like the official table, styled for printing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.i18n import translator
from desktop.models import workplan_deadline as dl
from desktop.reports.frame import xlsx_bottom, xlsx_top
from desktop.reports.workplan_pdf import plan_frame
from desktop.reports.xlsx import Workbook, write_row

if TYPE_CHECKING:
    from desktop.models.workplan import PlanTree


def plan_xlsx(target, tree: PlanTree, lang: str) -> None:
    tr = translator(lang)
    book = Workbook(target)
    ws = book.sheet(tr("Work plan"), is_landscape=False)
    date = tree.get("approval_date")
    top = xlsx_top(ws, book, plan_frame(tree), tr, 4, date_text=tr.short_date(date) if date else "")
    title = tree.get("title") or tr("Work plan for {year}").format(year=tree["year"])
    ws.merge_range(top, 0, top, 3, "", book.fmt["title"])
    ws.write_string(top, 0, title, book.fmt["title"])
    header_row = top + 2
    write_row(ws, header_row, [tr("No."), tr("Activity"), tr("Deadline"), tr("Responsible")], book.fmt["header"])
    r = header_row + 1
    for section in tree["sections"]:
        ws.merge_range(r, 0, r, 3, "", book.fmt["section"])
        ws.write_string(r, 0, f"{section['number']}. {section['title']}", book.fmt["section"])
        r += 1
        for item in section["items"]:
            ws.write_string(r, 0, f"{item['number']}.", book.fmt["center"])
            ws.write_string(r, 1, item["text"], book.fmt["cell"])
            ws.write_string(r, 2, dl.render(item["deadline"], tr), book.fmt["cell"])
            ws.write_string(r, 3, item["responsible_text"].replace(", ", ",\n"), book.fmt["cell"])
            r += 1
    for col, width in enumerate((6, 60, 22, 28)):
        ws.set_column(col, col, width)
    ws.freeze_panes(header_row + 1, 0)
    ws.autofilter(header_row, 0, max(header_row, r - 1), 3)
    ws.repeat_rows(header_row)
    xlsx_bottom(ws, book, plan_frame(tree), tr, r, 4)
    book.close()
