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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop import clock
from desktop.i18n import N_, _
from desktop.models.base import DomainError
from desktop.models.contingent import Funding, Gender, StudyForm
from desktop.reports.table_read import ROW_LIMIT, TableRefused, clean_text, read_table

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
    "record_book": ["номер зачетной книжки", "зачетная книжка", "зачетка", "№ зачетки", "номер зачетки", "№ з/к",
                    "шифр студента", "зачеттук китепчесинин номери", "сынақ кітапшасы №",
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
                    "мемгрант", "бюджеттик", "мамлекеттик грант", "мамлекеттик", "мамгрант", "state grant", "grant", "budget", "г"],
    Funding.CONTRACT: ["контракт", "договор", "платная", "платно", "келишим", "келишим боюнча", "келишимдик",
                       "ақылы", "ақылы негізде", "шарт", "шарт бойынша", "contract", "paid", "fee", "к"],
}
_FORM_WORDS = {
    StudyForm.FULL_TIME: ["очная", "очно", "очное", "дневная", "күндүзгү", "күндізгі", "full-time", "full time",
                          "fulltime", "о"],
    StudyForm.EVENING: ["очно-заочная", "очно заочная", "вечерняя", "вечернее", "вечерняя форма", "кечки",
                        "кечки окуу", "кешкі", "кешкі оқу", "evening", "part-time", "part time", "в", "оз"],
    StudyForm.EXTRAMURAL: ["заочная", "заочно", "заочное", "сырттан", "сырттан окуу", "сырттай", "сырттай оқу",
                           "extramural", "correspondence", "з"],
    StudyForm.DISTANCE: ["дистанционная", "дистанционно", "дот", "дистанттык", "дистанттык окуу",
                         "қашықтықтан", "қашықтықтан оқыту", "distance", "remote", "online", "д"],
}
_GENDER_WORDS = {
    Gender.FEMALE: ["ж", "жен", "женский", "аял", "кыз", "әйел", "f", "female", "woman"],
    Gender.MALE: ["м", "муж", "мужской", "эркек", "ер", "m", "male", "man"],
}
# Patronymic words of Kyrgyz and Kazakh names: "Бекмурза уулу", "Асқар ұлы", "Рашид кызы".
_KIN_WORDS = {"уулу", "кызы", "ұлы", "қызы", "улы", "уулы", "кизи", "oglu", "kyzy", "uulu"}

_SPACE = re.compile(r"[\s_]+")
_PUNCT = re.compile(r"[.:;,№#*()\"'«»/\\]+")
_DATE_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s*(?:г\.?|ж\.?))?$")
_DATE_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def normalize(text: object) -> str:
    s = clean_text(str(text)).casefold().replace("ё", "е").replace("-", " ")
    s = _PUNCT.sub(" ", s)
    return _SPACE.sub(" ", s).strip()


def _table(words: dict) -> dict[str, str]:
    return {normalize(w): key.value if hasattr(key, "value") else key for key, ws in words.items() for w in ws}


# Headers as offices write them: abbreviations spelled out, "№"/"N"/"No" and words that say
# nothing ("номер", "студента") dropped, every word cut to its stem so inflected forms match
# ("зачётной книжки" = "зачетная книжка" = "зачетки"; "китепчеси" = "китепченин").
_ABBREVIATIONS = {
    "зк": "зачетная книжка", "зач": "зачетная", "зачет": "зачетная", "кн": "книжка", "книж": "книжка",
    "тел": "телефон", "моб": "телефон", "др": "дата рождения", "рожд": "рождения", "фио": "фамилия имя отчество",
    "эл": "электронная", "обуч": "обучения", "з/к": "зачетная книжка",
}
_DROPPED = {"номер", "no", "n", "nr", "nо", "номери", "нөмірі", "нөмір", "студента", "студентов", "студенттин",
            "студенттің", "обучающегося", "of", "the", "number", "no.", "студенттердин"}
_NUMBER_COLUMN = {"номер", "no", "n", "пп", "рс", "сс", "қс", "кс", "р", "п"}
STEM = 4


def _tokens(text: object) -> list[str]:
    s = clean_text(str(text)).casefold().replace("ё", "е")
    s = re.sub(r"[№#]|(?<![^\W\d_])n[o°º]?(?=[\s.:]|$)", " номер ", s)
    s = re.sub(r"[-_.:;,*()\"'«»/\\]+", " ", s)
    tokens = s.split()
    joined: list[str] = []  # "ф и о" -> "фио", "з к" -> "зк"
    for t in tokens:
        if len(t) == 1 and joined and len(joined[-1]) < 4 and joined[-1] not in _DROPPED and joined[-1].isalpha() \
                and all(len(ch) == 1 for ch in joined[-1]) and t.isalpha():
            joined[-1] += t
        else:
            joined.append(t)
    return joined


def header_key(text: object) -> frozenset[str]:
    """The stems a header names, with abbreviations spelled out and empty words dropped."""
    words: list[str] = []
    for t in _tokens(text):
        words.extend(_ABBREVIATIONS.get(t, t).split())
    return frozenset(w[:STEM] for w in words if w not in _DROPPED)


def is_number_header(text: object) -> bool:
    """"№", "№ п/п", "N", "№ р/с": the running number of a list."""
    tokens = set(_tokens(text))
    return bool(tokens) and tokens <= _NUMBER_COLUMN


SYNONYMS = _table(_SYNONYMS)  # exact normalised wording -> field
_KEYS: dict[frozenset[str], str] = {}
for _f, _words in _SYNONYMS.items():
    for _w in _words:
        _KEYS.setdefault(header_key(_w), _f)
_KEYS.pop(frozenset(), None)
_STEMS = {stem: f for key, f in _KEYS.items() for stem in key if len(stem) >= 3}
FUNDING_WORDS = _table(_FUNDING_WORDS)
FORM_WORDS = _table(_FORM_WORDS)
GENDER_WORDS = _table(_GENDER_WORDS)


def match_field(text: object) -> str | None:
    """The field a header names, or None."""
    if text is None or not isinstance(text, str) or not text.strip():
        return None
    return SYNONYMS.get(normalize(text)) or _KEYS.get(header_key(text))


def looks_like(text: object) -> str | None:
    """The field an unmatched header seems to be about ("Телефон родителей" -> phone), or None."""
    if not isinstance(text, str):
        return None
    for stem in header_key(text):
        if stem in _STEMS:
            return _STEMS[stem]
    return None


class ImportRefused(DomainError):
    """The file was refused; ``problems`` lists every reason (nothing was written)."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
        self.doubtful: list[tuple[str, str]] = []  # (column letter, header) the mapping only guessed


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
    """The visible rows holding a value of the sheet read: ``rows[i]`` is Excel row ``numbers[i]``,
    cells (value, is_formula, number_format)."""
    path: Path
    title: str
    rows: list[list[tuple]]
    header_row: int | None = None  # 0-based index into rows
    mapping: dict[str, int] = field(default_factory=dict)  # field -> 0-based column
    numbers: list[int] = field(default_factory=list)  # the Excel row number of each of ``rows``
    hidden_rows: list[int] = field(default_factory=list)
    hidden_sheets: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    kind: str = "xlsx"
    ignored_columns: set[int] = field(default_factory=set)  # unmatched columns the user let go

    def __post_init__(self):
        if not self.numbers:
            self.numbers = list(range(1, len(self.rows) + 1))

    def row_number(self, index: int) -> int:
        return self.numbers[index]

    def headers(self) -> list[str]:
        if self.header_row is None:
            return []
        return ["" if c[0] is None else clean_text(str(c[0])) for c in self.rows[self.header_row]]

    def column_title(self, col: int) -> str:
        headers = self.headers()
        title = headers[col] if col < len(headers) else ""
        return title or _column_letter(col)

    def column_label(self, col: int) -> str:
        """"G «№ зачётной книжки»"."""
        headers = self.headers()
        title = headers[col] if col < len(headers) else ""
        return f"{_column_letter(col)} «{title}»" if title else _column_letter(col)

    def layout_key(self) -> str:
        """Identifies a file layout (its header titles) so the window can remember a mapping."""
        return "|".join(normalize(h) for h in self.headers())

    def unmapped_columns(self) -> list[tuple[int, str | None]]:
        """Columns with a header that no field reads: (column, the field it looks like or None);
        the running-number column is not listed."""
        used = set(self.mapping.values())
        out = []
        for col, title in enumerate(self.headers()):
            if not title or col in used or is_number_header(title):
                continue
            out.append((col, looks_like(title)))
        return out

    def mapping_lines(self) -> list[str]:
        """Column by column: what each column becomes, and what is ignored."""
        lines = []
        by_col = {c: f for f, c in self.mapping.items()}
        for col in sorted(by_col):
            lines.append(_("{column} → {field}").format(column=self.column_label(col),
                                                        field=_(FIELD_LABELS[by_col[col]])))
        for col, like in self.unmapped_columns():
            if like and col not in self.ignored_columns:
                lines.append(_("{column}: not read, but it looks like “{field}”; map it or ignore it.").format(
                    column=self.column_label(col), field=_(FIELD_LABELS[like])))
            else:
                lines.append(_("{column}: ignored").format(column=self.column_label(col)))
        return lines

    def doubtful_columns(self) -> list[tuple[int, str]]:
        """Unmatched columns that look like a known field and were not let go by the user."""
        return [(c, like) for c, like in self.unmapped_columns() if like and c not in self.ignored_columns]


def column_index(letter: str) -> int | None:
    """"G" -> 6; None for what is not a column letter."""
    letter = letter.strip().upper()
    if not re.fullmatch(r"[A-Z]{1,3}", letter):
        return None
    n = 0
    for ch in letter:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _column_letter(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def check_zip(path: Path) -> None:
    """Refuse what is not a regular .xlsx file, would unpack to an absurd size or carries an entity
    bomb, before any XML is parsed (the grade-sheet importer uses it too)."""
    import zipfile

    from desktop.reports.package_guard import package_problem
    from desktop.reports.table_read import check_regular_file, file_kind, password_message

    try:
        check_regular_file(path)
    except TableRefused as exc:
        raise ImportRefused([str(exc)]) from exc
    try:
        problem = package_problem(path)
    except (zipfile.BadZipFile, OSError) as exc:
        if file_kind(path) == "encrypted":
            raise ImportRefused([password_message(path)]) from exc
        raise ImportRefused([_("{file}: not an Excel workbook (.xlsx).").format(file=path.name)]) from exc
    if problem:
        raise ImportRefused([problem])


def read_sheet(path: str | Path, *, sheet: str | None = None, limit: int = ROW_LIMIT) -> Sheet:
    """Read the active (or named) sheet of any supported file and find the header."""
    path = Path(path)
    try:
        table = read_table(path, sheet=sheet, limit=limit)
    except TableRefused as exc:
        raise ImportRefused([str(exc)]) from exc
    result = Sheet(path, table.title, table.rows, numbers=table.numbers, hidden_rows=table.hidden_rows,
                   hidden_sheets=table.hidden_sheets, sheets=table.sheets, kind=table.kind)
    result.header_row, result.mapping = find_header(table.rows)
    if result.header_row is None:
        what = {"csv": _("plain text"), "html": _("a web page (HTML)")}.get(
            table.kind, _("the sheet “{sheet}”").format(sheet=table.title))
        raise ImportRefused([_("{file} holds {what}, and none of its first {n} rows names the columns of a student "
                               "list (a name and a group, a record-book number …). Save the list from Excel as "
                               ".xlsx, with a header row, and import that.").format(
            file=path.name, what=what, n=HEADER_SEARCH_ROWS)])
    return result


def find_header(rows: Sequence[Sequence[tuple]]) -> tuple[int | None, dict[str, int]]:
    """The row among the first 20 that names the most known columns (a name column among them)."""
    best: tuple[int, int | None, dict[str, int]] = (0, None, {})
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping: dict[str, int] = {}
        for col, cell in enumerate(row[:200]):
            f = match_field(cell[0])
            if f and f not in mapping:
                mapping[f] = col
        has_name = "full_name" in mapping or "last_name" in mapping
        if has_name and len(mapping) >= 2 and len(mapping) > best[0]:
            best = (len(mapping), i, mapping)
    return best[1], best[2]


def apply_mapping_text(sheet: Sheet, specs: Sequence[str]) -> None:
    """``--map "№ зачётной книжки=record_book"`` (a header or a column letter = a field name)."""
    for spec in specs:
        head, sep, name = spec.rpartition("=")
        name = name.strip()
        if not sep or name not in FIELDS:
            raise ImportRefused([_("--map {spec}: write HEADER=FIELD, FIELD one of {fields}.").format(
                spec=spec, fields=", ".join(FIELDS))])
        col = None
        for i, title in enumerate(sheet.headers()):
            if normalize(title) == normalize(head):
                col = i
                break
        if col is None:
            col = column_index(head)
        if col is None:
            raise ImportRefused([_("--map {spec}: the header row has no column “{header}”.").format(
                spec=spec, header=head)])
        sheet.mapping = {f: c for f, c in sheet.mapping.items() if c != col and f != name}
        sheet.mapping[name] = col


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
