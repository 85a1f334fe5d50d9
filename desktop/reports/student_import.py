"""Reading the student lists offices already keep in Excel, all or nothing.

The sheet is read once (openpyxl read-only; defusedxml guards the XML parser) after the zip
directory was checked for absurd uncompressed sizes. The header is looked for in the first 20
rows by the usual Russian, Kyrgyz, Kazakh and English titles; the user may correct the mapping.
Every row is checked before anything is written, and each problem names the Excel row the user
sees and the column title: ``row 7, column "Дата рождения": impossible date “31.02.2005”``.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.i18n import N_, _
from desktop.models.base import DomainError
from desktop.models.contingent import Funding, Gender, StudyForm
from desktop.reports.package_guard import package_problem
from desktop import clock

HEADER_SEARCH_ROWS = 20

FIELDS = ("full_name", "last_name", "first_name", "patronymic", "record_book", "group", "birth_date", "gender",
          "funding", "study_form", "phone", "email")
FIELD_LABELS = {
    "full_name": N_("Full name"), "last_name": N_("Last name"), "first_name": N_("First name"),
    "patronymic": N_("Patronymic"), "record_book": N_("Record-book number"), "group": N_("Group"),
    "birth_date": N_("Birth date"), "gender": N_("Gender"), "funding": N_("Funding"),
    "study_form": N_("Study form"), "phone": N_("Phone"), "email": N_("E-mail"),
}

_SYNONYMS = {
    "full_name": ["фио", "ф и о", "фамилия имя отчество", "фамилия имя отчество студента", "фио студента",
                  "аты-жөнү", "аты жөнү", "аты-жөнүү", "студенттин аты-жөнү", "фамилиясы аты", "аты-жөні",
                  "аты жөні", "тегі аты әкесінің аты", "тегі аты", "студенттің аты-жөні", "full name", "name",
                  "student", "student name", "студент"],
    "last_name": ["фамилия", "фамилиясы", "тегі", "last name", "surname", "family name"],
    "first_name": ["имя", "аты", "first name", "given name"],
    "patronymic": ["отчество", "атасынын аты", "әкесінің аты", "patronymic", "middle name"],
    "record_book": ["номер зачетной книжки", "зачетная книжка", "зачетка", "№ зачетки", "номер зачетки",
                    "зачеттук китепче", "зачеттук китепченин номери", "зачет китепчеси", "сынақ кітапшасы",
                    "сынақ кітапшасының нөмірі", "сынак китепчеси", "record book", "record-book number",
                    "record book number", "student id", "id"],
    "group": ["группа", "группа студента", "тайпа", "топ", "тобы", "group", "шифр группы"],
    "birth_date": ["дата рождения", "год рождения", "туулган күнү", "туулган датасы", "туған күні",
                   "туған күні айы жылы", "birth date", "date of birth", "dob", "birthday"],
    "gender": ["пол", "жынысы", "gender", "sex"],
    "funding": ["форма оплаты", "основа обучения", "финансирование", "бюджет контракт", "грант контракт",
                "каржылоо", "окуу негизи", "төлөм формасы", "қаржыландыру", "оқу ақысы", "оқу негізі",
                "funding", "tuition"],
    "study_form": ["форма обучения", "окуу формасы", "оқу нысаны", "оқу түрі", "study form", "form of study",
                   "mode of study"],
    "phone": ["телефон", "тел", "номер телефона", "телефон номери", "телефон нөмірі", "phone", "mobile"],
    "email": ["e-mail", "email", "эл почта", "электронная почта", "электрондук почта", "электрондық пошта",
              "почта", "mail"],
}

_FUNDING_WORDS = {
    Funding.GRANT: ["грант", "госзаказ", "бюджет", "бюджетная", "мемлекеттик грант", "мемлекеттік грант",
                    "мемгрант", "бюджеттик", "state grant", "grant", "budget", "г"],
    Funding.CONTRACT: ["контракт", "договор", "платная", "платно", "келишим", "келишим боюнча", "келишимдик",
                       "ақылы", "ақылы негізде", "шарт", "шарт бойынша", "contract", "paid", "fee", "к"],
}
_FORM_WORDS = {
    StudyForm.FULL_TIME: ["очная", "очно", "очное", "дневная", "күндүзгү", "күндізгі", "full-time", "full time",
                          "fulltime", "о"],
    StudyForm.DISTANCE: ["дистанционная", "дистанционно", "заочная", "заочно", "дот", "дистанттык",
                         "сырттан", "сырттай", "қашықтықтан", "distance", "remote", "online", "д", "з"],
}
_GENDER_WORDS = {
    Gender.FEMALE: ["ж", "жен", "женский", "аял", "кыз", "әйел", "f", "female", "woman"],
    Gender.MALE: ["м", "муж", "мужской", "эркек", "ер", "m", "male", "man"],
}
# Patronymic words of Kyrgyz and Kazakh names: "Бекмурза уулу", "Асқар ұлы", "Рашид кызы".
_KIN_WORDS = {"уулу", "кызы", "ұлы", "қызы", "улы", "уулы", "кизи", "oglu", "kyzy", "uulu"}

_SPACE = re.compile(r"[\s_]+")
_PUNCT = re.compile(r"[.:;,№#*()\"'«»/\\]+")
_SIGNATURE = re.compile(r"_{3,}")
_DATE_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s*(?:г\.?|ж\.?))?$")
_DATE_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def normalize(text: object) -> str:
    s = str(text).casefold().replace("ё", "е").replace("-", " ")
    s = _PUNCT.sub(" ", s)
    return _SPACE.sub(" ", s).strip()


def _table(words: dict) -> dict[str, str]:
    return {normalize(w): key.value if hasattr(key, "value") else key for key, ws in words.items() for w in ws}


SYNONYMS = _table(_SYNONYMS)
FUNDING_WORDS = _table(_FUNDING_WORDS)
FORM_WORDS = _table(_FORM_WORDS)
GENDER_WORDS = _table(_GENDER_WORDS)


class ImportRefused(DomainError):
    """The file was refused; ``problems`` lists every reason (nothing was written)."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Problem:
    row: int  # as the user sees it in Excel
    column: str  # the column's title in the file
    message: str

    def __str__(self) -> str:
        return _('row {row}, column "{column}": {message}').format(row=self.row, column=self.column,
                                                                    message=self.message)


@dataclass
class Sheet:
    """The cells of the first worksheet: rows of (value, is_formula, number_format)."""
    path: Path
    title: str
    rows: list[list[tuple]]
    header_row: int | None = None  # 0-based index into rows
    mapping: dict[str, int] = field(default_factory=dict)  # field -> 0-based column

    def headers(self) -> list[str]:
        if self.header_row is None:
            return []
        return ["" if c[0] is None else str(c[0]).strip() for c in self.rows[self.header_row]]

    def column_title(self, col: int) -> str:
        headers = self.headers()
        title = headers[col] if col < len(headers) else ""
        return title or _column_letter(col)

    def layout_key(self) -> str:
        """Identifies a file layout (its header titles) so the window can remember a mapping."""
        return "|".join(normalize(h) for h in self.headers())


def _column_letter(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def check_zip(path: Path) -> None:
    """Refuse what is not an .xlsx, would unpack to an absurd size or carries an entity bomb,
    before any XML is parsed."""
    try:
        problem = package_problem(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportRefused([_("{file}: not an Excel workbook (.xlsx).").format(file=path.name)]) from exc
    if problem:
        raise ImportRefused([problem])


def read_sheet(path: str | Path) -> Sheet:
    """Load the first worksheet's cells and find the header."""
    import openpyxl

    path = Path(path)
    check_zip(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise ImportRefused([_("{file}: the workbook cannot be read ({error}).").format(
            file=path.name, error=type(exc).__name__)]) from exc
    try:
        ws = book.worksheets[0]
        rows = []
        for row in ws.iter_rows():
            cells = [(c.value, c.data_type == "f", getattr(c, "number_format", None)) for c in row]
            while cells and (cells[-1][0] is None or cells[-1][0] == ""):
                cells.pop()
            rows.append(cells)
        title = ws.title
    finally:
        book.close()
    sheet = Sheet(path, title, rows)
    sheet.header_row, sheet.mapping = find_header(rows)
    return sheet


def find_header(rows: Sequence[Sequence[tuple]]) -> tuple[int | None, dict[str, int]]:
    """The row among the first 20 that names the most known columns (a name column among them)."""
    best: tuple[int, int | None, dict[str, int]] = (0, None, {})
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping: dict[str, int] = {}
        for col, cell in enumerate(row):
            if isinstance(cell[0], str):
                f = SYNONYMS.get(normalize(cell[0]))
                if f and f not in mapping:
                    mapping[f] = col
        has_name = "full_name" in mapping or "last_name" in mapping
        if has_name and len(mapping) >= 2 and len(mapping) > best[0]:
            best = (len(mapping), i, mapping)
    return best[1], best[2]


# Values -----------------------------------------------------------------------------------

def split_full_name(text: str) -> tuple[str, str, str]:
    """"Бекмурза уулу Ыдырыс" -> ("Бекмурза уулу", "Ыдырыс", ""); "Асанов Азамат Бекмурза уулу" ->
    ("Асанов", "Азамат", "Бекмурза уулу"): Kyrgyz and Kazakh kin words stay with their name."""
    parts = text.split()
    if len(parts) >= 3 and parts[1].casefold() in _KIN_WORDS:
        return f"{parts[0]} {parts[1]}", parts[2], " ".join(parts[3:])
    if not parts:
        return "", "", ""
    return parts[0], parts[1] if len(parts) > 1 else "", " ".join(parts[2:])


def parse_date(value) -> dt.date:
    """An Excel date, an Excel serial number or text dd.mm.yyyy / yyyy-mm-dd; ValueError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        raise ValueError
    text = str(value).strip()
    m = _DATE_DMY.match(text)
    if m:
        d, mo, y = (int(x) for x in m.groups())
        if y < 100:
            y += 1900 if y > clock.today().year % 100 else 2000
        return dt.date(y, mo, d)
    m = _DATE_YMD.match(text)
    if m:
        return dt.date(*(int(x) for x in m.groups()))
    raise ValueError


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _record_book(value, number_format) -> str:
    """Record-book numbers are text; a number cell formatted "000000" keeps its leading zeros."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = str(int(value))
        if number_format and re.fullmatch(r"0+", number_format):
            digits = digits.zfill(len(number_format))
        return digits
    return _text(value)
