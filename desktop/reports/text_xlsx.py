"""A document's texts as a spreadsheet for a translator, and the filled-in sheet read back.

Columns: id, where in the document, language of the original, the original, then one column per
language (ky, kk, ru) holding the versions (yellow: none yet; red: written before the original
was edited); the original's own column repeats the original. A
second sheet ``document`` names the document, so a sheet is imported back into the one it came from.
"""

from __future__ import annotations

from pathlib import Path

from desktop.i18n import translator
from desktop.models.text_documents import FilledRow
from desktop.models.text_versions import CONTENT_LANGUAGES, Language, Text_
from desktop.reports.xlsx import Workbook, write_row

ID, WHERE, ORIGINAL_LANG, ORIGINAL = range(4)
META_SHEET = "document"


class NotATextSheet(ValueError):
    """The file is not a sheet of texts exported by Dekanat (the message says why, translated)."""


def texts_xlsx(target, texts: list[Text_], kind: str, doc_id: int | None, lang: str) -> None:
    tr = translator(lang)
    book = Workbook(target)
    ws = book.sheet(tr("Texts"))
    missing = book.add_format(font_name="Arial", font_size=10, valign="top", text_wrap=True, border=1,
                              bg_color="#FFF2CC")
    stale = book.add_format(font_name="Arial", font_size=10, valign="top", text_wrap=True, border=1,
                            bg_color="#FDE4E4")  # a version written for an original edited since
    header = [tr("Id"), tr("Where"), tr("Original language"), tr("Original")] + [
        f"{code} — {Language(code).label(tr)}" for code in CONTENT_LANGUAGES]
    write_row(ws, 0, header, book.fmt["header"])
    for r, t in enumerate(texts, 1):
        ws.write_string(r, ID, t.ref.key, book.fmt["cell"])
        ws.write_string(r, WHERE, t.label, book.fmt["cell"])
        ws.write_string(r, ORIGINAL_LANG, t.original_lang or "", book.fmt["center"])
        ws.write_string(r, ORIGINAL, t.original, book.fmt["cell"])
        for c, code in enumerate(CONTENT_LANGUAGES, ORIGINAL + 1):
            value = t.original if code == t.original_lang else t.versions.get(code, "")
            if value:
                ws.write_string(r, c, value, stale if code in t.stale and code != t.original_lang else book.fmt["cell"])
            else:
                ws.write_blank(r, c, None, missing)
    for col, width in enumerate((24, 10, 8, 50, 50, 50, 50)):
        ws.set_column(col, col, width)
    ws.freeze_panes(1, ORIGINAL + 1)
    ws.autofilter(0, 0, max(1, len(texts)), ORIGINAL + len(CONTENT_LANGUAGES))
    meta = book.book.add_worksheet(META_SHEET)
    meta.write_string(0, 0, "kind")
    meta.write_string(0, 1, kind)
    meta.write_string(1, 0, "id")
    meta.write_string(1, 1, "" if doc_id is None else str(doc_id))
    meta.hide()
    book.close()


def read_texts_xlsx(path, lang: str = "en") -> tuple[str, int | None, list[FilledRow]]:
    """(document kind, document id, rows) of a filled-in sheet; refuses a file that is not one."""
    from openpyxl import load_workbook

    tr = translator(lang)
    path = Path(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise NotATextSheet(tr("{file} is not an Excel workbook.").format(file=path.name)) from exc
    try:
        if META_SHEET not in book.sheetnames:
            raise NotATextSheet(tr("{file} is not a sheet of texts exported by Dekanat.").format(file=path.name))
        meta = {str(r[0]): ("" if r[1] is None else str(r[1])) for r in book[META_SHEET].iter_rows(values_only=True)
                if r and r[0] is not None}
        kind, doc = meta.get("kind", ""), meta.get("id", "")
        ws = book[book.sheetnames[0]]
        rows_iter = ws.iter_rows(values_only=True)
        header = [("" if v is None else str(v)) for v in next(rows_iter, ())]
        columns = {}
        for c, title in enumerate(header):
            code = title.split(" ", 1)[0]
            if c > ORIGINAL and code in CONTENT_LANGUAGES:
                columns[code] = c
        if len(header) <= ORIGINAL or not columns:
            raise NotATextSheet(tr("{file} has no language columns (ky, kk, ru).").format(file=path.name))
        rows = []
        for line, values in enumerate(rows_iter, 2):
            values = ["" if v is None else str(v) for v in values]
            if not any(v.strip() for v in values):
                continue
            values += [""] * (len(header) - len(values))
            rows.append(FilledRow(line, values[ID].strip(), values[ORIGINAL],
                                  {code: values[c] for code, c in columns.items()}))
    finally:
        book.close()
    return kind, int(doc) if doc.isdigit() else None, rows
