"""Write the bad-input corpus: files an importer must refuse (or import with a clear message)
without running out of memory or writing anything partial.

    python tests/data/make_bad_inputs.py [FOLDER]      (default: tests/data/bad/)

The tests make the corpus afresh in a temporary folder (session fixture ``bad_inputs``), so no
binary files are committed; ``tests/data/bad/`` is ignored by git and only for looking at them.
Every file is small on disk (the bombs are < 1 MB); ``CORPUS`` says what each one is.
"""

from __future__ import annotations

import datetime as dt
import sys
import zipfile
from pathlib import Path

HEADER = ["ФИО", "Группа", "№ зачетки", "Дата рождения", "Пол", "Форма оплаты"]
PLAN_HEADER = ["№", "Иш-чаралар", "Мөөнөтү", "Жооптуулар"]


def _book(path: Path, rows: list[list], setup=None) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if setup:
        setup(sheet)
    book.save(path)
    return path


def _rewrite(src: Path, dst: Path, replace: dict) -> Path:
    """Copy a zip, replacing members: bytes, or a callable writing chunks into the member."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            new = replace.get(info.filename)
            if new is None:
                zout.writestr(info, zin.read(info.filename))
            elif callable(new):
                with zout.open(info.filename, "w", force_zip64=True) as member:
                    new(member, zin.read(info.filename))
            else:
                zout.writestr(info.filename, new)
    src.unlink()
    return dst


def _laughs(root_open: str, root_close: str, use: str = "&l9;") -> bytes:
    """The "billion laughs": nine levels of ten references each, 10^9 × "lol" once expanded."""
    entities = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE bomb [{"".join(entities)}]>\n'
            f"{root_open}{use}{root_close}").encode()


def _padded(size: int):
    """A member whose XML is followed by ``size`` bytes of whitespace (compresses ~1000×)."""
    def write(member, original: bytes) -> None:
        head, sep, tail = original.rpartition(b"</")
        member.write(head)
        chunk = b" " * (1 << 20)
        for _i in range(size // len(chunk)):
            member.write(chunk)
        member.write(sep + tail)
    return write


def entity_bomb_xlsx(folder: Path) -> Path:
    tmp = _book(folder / "tmp.xlsx", [HEADER, ["lol", "ЛОЛ-1-25", "1", "01.01.2005", "ж", "грант"]])

    def inline(ref, text):
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    head = "".join(inline(f"{chr(65 + i)}1", h) for i, h in enumerate(HEADER[:2]))
    sheet = _laughs('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                    f'<row r="1">{head}</row><row r="2"><c r="A2" t="inlineStr"><is><t>',
                    f"</t></is></c>{inline('B2', 'ЛОЛ-1-25')}</row></sheetData></worksheet>")
    return _rewrite(tmp, folder / "entity_bomb.xlsx", {"xl/worksheets/sheet1.xml": sheet})


def entity_bomb_docx(folder: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("I. Уюштуруу иштери")
    tmp = folder / "tmp.docx"
    document.save(tmp)
    body = _laughs('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   "<w:body><w:p><w:r><w:t>", "</w:t></w:r></w:p></w:body></w:document>")
    return _rewrite(tmp, folder / "entity_bomb.docx", {"word/document.xml": body})


BOMB_SIZE = 120 * 1024 * 1024  # unpacked; the file on disk is ~120 KB


def zip_bomb_xlsx(folder: Path) -> Path:
    tmp = _book(folder / "tmp.xlsx", [HEADER, ["Бомбаев Асан", "ЛОЛ-1-25", "1", "01.01.2005", "м", "грант"]])
    return _rewrite(tmp, folder / "zip_bomb.xlsx", {"xl/worksheets/sheet1.xml": _padded(BOMB_SIZE)})


def zip_bomb_docx(folder: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("I. Уюштуруу иштери")
    tmp = folder / "tmp.docx"
    document.save(tmp)
    return _rewrite(tmp, folder / "zip_bomb.docx", {"word/document.xml": _padded(BOMB_SIZE)})


def text_as_docx(folder: Path) -> Path:
    path = folder / "text_as.docx"
    path.write_text("Бул Word документи эмес, жөн эле текст.\nI. Уюштуруу иштери\n1. Жыйын\n", encoding="utf-8")
    return path


def text_as_xlsx(folder: Path) -> Path:
    path = folder / "text_as.xlsx"
    path.write_text("ФИО;Группа\nАсанов Азамат;МАТ-1-25\n", encoding="utf-8")
    return path


def empty_xlsx(folder: Path) -> Path:
    return _book(folder / "empty.xlsx", [])


def header_only_xlsx(folder: Path) -> Path:
    return _book(folder / "header_only.xlsx", [HEADER])


def wrong_types_xlsx(folder: Path) -> Path:
    return _book(folder / "wrong_types.xlsx", [
        HEADER,
        [12345, dt.date(2025, 1, 1), True, "вчера", 7, 3.14],
        [dt.datetime(2020, 5, 5), 42, -1.5, True, "не знаю", dt.date(2024, 2, 2)],
    ])


def many_columns_xlsx(folder: Path) -> Path:
    header = HEADER + [f"Колонка {i}" for i in range(2000 - len(HEADER))]
    row = ["Көпколонов Азамат", "КК-1-25", "77", "01.02.2005", "м", "грант"] + [f"v{i}" for i in range(2000 - 6)]
    return _book(folder / "many_columns.xlsx", [header, row, row[:1] + ["КК-1-25", "78"] + row[3:]])


def long_cell_xlsx(folder: Path) -> Path:
    return _book(folder / "long_cell.xlsx", [
        HEADER, ["Узун " + "ы" * 32762, "УЗ-1-25", "90", "01.02.2005", "ж", "грант"]])


def impossible_dates_xlsx(folder: Path) -> Path:
    return _book(folder / "impossible_dates.xlsx", [
        HEADER,
        ["Датаев Айбек", "ДТ-1-25", "101", "31.02.2005", "м", "грант"],
        ["Датаева Айгүл", "ДТ-1-25", "102", "30.02.2004", "ж", "грант"],
        ["Датаев Бек", "ДТ-1-25", "103", "00.13.2005", "м", "грант"],
    ])


def serial_dates_xlsx(folder: Path) -> Path:
    # Excel serial numbers: 38353 = 01.01.2005, 38718 = 01.01.2006 (a number cell, no date format).
    return _book(folder / "serial_dates.xlsx", [
        HEADER,
        ["Сериалов Нурлан", "СР-1-25", "201", 38353, "м", "грант"],
        ["Сериалова Әсел", "СР-1-25", "202", 38718, "ж", "контракт"],
    ])


def formulas_xlsx(folder: Path) -> Path:
    return _book(folder / "formulas.xlsx", [
        HEADER + ["Сумма"],
        ['=HYPERLINK("http://example.invalid/x","Формулов")', "ФМ-1-25", "=1+1", "=TODAY()", "м", "грант",
         "=SUM(1,2)"],
        ["Формулова Айжан", "ФМ-1-25", "302", "01.03.2005", "ж", '=IF(1,"грант","контракт")', "=A1"],
    ])


def merged_cells_xlsx(folder: Path) -> Path:
    def merge(sheet):
        sheet.merge_cells("B2:B5")  # the group written once for four students

    return _book(folder / "merged_cells.xlsx", [HEADER] + [
        [f"Бириккен{i} Азамат", "БР-1-25" if i == 0 else None, f"40{i}", "01.04.2005", "м", "грант"]
        for i in range(4)], setup=merge)


def plan_merged_cells_xlsx(folder: Path) -> Path:
    def merge(sheet):
        sheet.merge_cells("A2:D2")
        sheet.merge_cells("C3:C5")  # one deadline for three items

    return _book(folder / "plan_merged_cells.xlsx", [
        PLAN_HEADER, ["I. Уюштуруу иштери"],
        [1, "Факультеттин кеңешин өткөрүү", "Ай сайын", "Декан"],
        [2, "Жыйын", None, "Декан"], [3, "<b>Отчёт</b> & =1+1", None, "Декан"]], setup=merge)


def far_cell_xlsx(folder: Path) -> Path:
    """A few rows and one stray cell at XFD1048576: the declared dimension says 17 billion cells."""
    def far(sheet):
        sheet["XFD1048576"] = "x"

    return _book(folder / "far_cell.xlsx", [HEADER, ["Далеков Ячейка", "ДАЛ-1-25", "7001", "01.02.2005", "м",
                                                     "грант"]], setup=far)


# name -> (maker, which importers it goes through)
CORPUS = {
    "entity_bomb.xlsx": (entity_bomb_xlsx, ("students", "workplan")),
    "entity_bomb.docx": (entity_bomb_docx, ("workplan",)),
    "zip_bomb.xlsx": (zip_bomb_xlsx, ("students", "workplan")),
    "zip_bomb.docx": (zip_bomb_docx, ("workplan",)),
    "text_as.docx": (text_as_docx, ("students", "workplan")),
    "text_as.xlsx": (text_as_xlsx, ("students", "workplan")),
    "empty.xlsx": (empty_xlsx, ("students", "workplan")),
    "header_only.xlsx": (header_only_xlsx, ("students", "workplan")),
    "wrong_types.xlsx": (wrong_types_xlsx, ("students", "workplan")),
    "many_columns.xlsx": (many_columns_xlsx, ("students", "workplan")),
    "long_cell.xlsx": (long_cell_xlsx, ("students", "workplan")),
    "impossible_dates.xlsx": (impossible_dates_xlsx, ("students",)),
    "serial_dates.xlsx": (serial_dates_xlsx, ("students",)),
    "formulas.xlsx": (formulas_xlsx, ("students", "workplan")),
    "merged_cells.xlsx": (merged_cells_xlsx, ("students",)),
    "plan_merged_cells.xlsx": (plan_merged_cells_xlsx, ("workplan",)),
    "far_cell.xlsx": (far_cell_xlsx, ("students", "workplan")),
}


def make_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {name: maker(folder) for name, (maker, _importers) in CORPUS.items()}


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("bad")
    for path in make_all(target).values():
        print(f"{path}  {path.stat().st_size:>9} bytes")
