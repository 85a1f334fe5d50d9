"""The work plan as an Excel sheet laid out like the official table, styled for printing."""

from __future__ import annotations

from desktop.i18n import translator
from desktop.models import workplan_deadline as dl
from desktop.reports.workplan_pdf import APPROVED
from desktop.reports.xlsx import Workbook, write_row


def plan_xlsx(target, tree: dict, lang: str) -> None:
    tr = translator(lang)
    book = Workbook(target)
    ws = book.sheet(tr("Work plan"), is_landscape=False)
    right = book.add_format(font_name="Arial", font_size=10, align="left")
    ws.write_string(0, 3, APPROVED[lang], book.add_format(font_name="Arial", font_size=10, bold=True))
    ws.write_string(1, 3, tree.get("approver_position") or "", right)
    ws.write_string(2, 3, f"______________ {tree.get('approver_name') or ''}", right)
    date = tree.get("approval_date")
    ws.write_string(3, 3, tr.short_date(date) if date else "«____» ______________ 20___", right)
    title = tree.get("title") or tr("Work plan for {year}").format(year=tree["year"])
    ws.merge_range(5, 0, 5, 3, "", book.fmt["title"])
    ws.write_string(5, 0, title, book.fmt["title"])
    header_row = 7
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
    book.close()
