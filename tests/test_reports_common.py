"""The shared PDF and Excel helpers: PT fonts with Kyrgyz and Kazakh letters, literal text."""

import shutil
import subprocess

import openpyxl
import pytest
from reportlab.platypus import Paragraph

from desktop.i18n import translator
from desktop.reports import pdf, xlsx

LETTERS = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І"
pdftotext = shutil.which("pdftotext")


@pytest.mark.skipif(not pdftotext, reason="poppler-utils not installed")
def test_pdf_prints_letters_and_markup_literally(tmp_path):
    target = tmp_path / "t.pdf"
    st = pdf.styles()
    story = [Paragraph(pdf.esc(f"{LETTERS} <b>bold?</b> & <img src='x'/>"), st["body"])]
    pdf.build_pdf(target, story, translator("ky"), title="t")
    text = subprocess.run([pdftotext, str(target), "-"], capture_output=True, text=True).stdout
    assert LETTERS in text
    assert "<b>bold?</b> & <img src='x'/>" in text
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True).stdout
    assert "PTSerif" in fonts and "yes" in fonts  # embedded


def test_excel_text_never_becomes_a_formula(tmp_path):
    target = tmp_path / "t.xlsx"
    book = xlsx.Workbook(target)
    ws = book.sheet("Тест")
    xlsx.write_table(book, ws, 0, ["A", "B"], [["=1+1", "+7 700"], ["-5", "@SUM(A1)"]])
    book.close()
    wb = openpyxl.load_workbook(target)
    values = [[c.value for c in row] for row in wb.active.iter_rows(min_row=2)]
    assert values == [["=1+1", "+7 700"], ["-5", "@SUM(A1)"]]
    assert all(c.data_type == "s" for row in wb.active.iter_rows(min_row=2) for c in row)


def test_sheet_names_are_made_valid_and_unique(tmp_path):
    book = xlsx.Workbook(tmp_path / "n.xlsx")
    names = [book.unique_sheet_name(n) for n in ("МАТ-1-25", "a/b", "a/b", "x" * 40)]
    book.sheet("z")
    book.close()
    assert names[1] != names[2] and all(len(n) <= 31 for n in names) and "/" not in names[1]


def test_the_report_styles_are_every_name_of_their_typed_contract_and_titles_never_hyphenate():
    st = pdf.styles(pdf.SERIF, 11, "ky")
    assert set(st) == set(pdf.Styles.__annotations__)
    assert st["title"].hyphenationLang == "" and st["body"].hyphenationLang != ""
    assert (st["cell"].splitLongWords, st["body"].splitLongWords) == (0, 1)
