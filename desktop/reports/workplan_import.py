"""Import a work plan from the Word (.docx) or Excel (.xlsx) table an office already has.

Both files are read into one stream of entries in document order — ``("para", text)`` for a
paragraph or a row with one value (a merged/spanning row), ``("row", cells)`` for a table
row — and one reader turns the stream into a plan: title and approval block above the table,
section headings as spanning rows or paragraphs, items as rows No / activity / deadline /
responsible (with or without a header row, in any of the languages).
"""

from __future__ import annotations

import re
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.logs import event_on_commit
from desktop.models import workplan as wp
from desktop.models import workplan_deadline as dl
from desktop.models.base import DomainError
from desktop.models.org import parse_year_name
from desktop.models.progress import Progress, step
from desktop.models.workplan_people import staff_index
from desktop.reports.package_guard import package_problem
from desktop.reports.table_read import (
    ROW_LIMIT,
    TableRefused,
    check_regular_file,
    clean_text,
    file_kind,
    is_signature_line,
    password_message,
    read_table,
)

APPROVAL_WORDS = ("бекитемин", "бекітемін", "утверждаю", "approved", "бекитилди", "бекітілді", "утверждено")
HEADER_WORDS = ("№", "no", "иш-чара", "иш чара", "мероприят", "activity", "мөөнөт", "мөөнөтү", "срок", "deadline",
                "жооптуу", "ответствен", "responsible", "жауапты", "мерзім", "іс-шара", "аткаруу")
KIND_WORDS = [
    ("organisational", ("уюштуруу", "организацион", "ұйымдастыру", "organisational", "organizational")),
    ("teaching", ("усулдук", "методическ", "әдістемелік", "teaching", "methodolog")),
    ("research", ("илим", "научн", "ғылыми", "research")),
    ("upbringing", ("тарбия", "воспитат", "тәрбие", "куратор", "upbringing")),
    ("accreditation", ("аккредит", "accredit")),
    ("international", ("эл аралык", "международ", "халықаралық", "international")),
    ("career_guidance", ("кесипке багыт", "профориент", "кәсіптік бағдар", "career")),
    ("material_base", ("материалдык", "материальн", "материалдық", "material")),
]
ROMAN = re.compile(r"^\s*([IVXLCІ]+)\s*[.)]\s*(.+)$", re.S)
NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s*$")


@dataclass
class ParsedItem:
    text: str
    deadline_text: str
    responsible_text: str
    row: int | None = None  # where it stands in the file (Excel row; a Word document's table row)


@dataclass
class ParsedSection:
    title: str
    kind: str
    items: list[ParsedItem] = field(default_factory=list)
    row: int | None = None


@dataclass
class ParsedPlan:
    title: str = ""
    approver_name: str = ""
    approver_position: str = ""
    sections: list[ParsedSection] = field(default_factory=list)

    @property
    def item_count(self) -> int:
        return sum(len(s.items) for s in self.sections)

    def summary(self) -> list[str]:
        lines = [f"{wp.roman(i + 1)}. {s.title}: {len(s.items)}" for i, s in enumerate(self.sections)]
        return lines + [_("{sections} sections, {items} items").format(sections=len(self.sections),
                                                                      items=self.item_count)]


# Reading files into entries ------------------------------------------------------------------

def docx_entries(path: Path) -> list[tuple]:
    import zipfile

    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, Exception) as exc:  # python-docx raises many kinds
        raise DomainError(_("{file} cannot be read as a Word document (.docx): {reason}").format(
            file=path.name, reason=exc.__class__.__name__)) from exc
    entries: list[tuple] = []
    table_rows = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text.strip()
            if text:
                entries.append(("para", text))
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a horizontally merged cell repeats
                        continue
                    seen.add(id(cell._tc))
                    cells.append(cell.text.strip())
                table_rows += 1
                entries.append(_row_entry(cells, table_rows))
    return entries


def xlsx_entries(path: Path, limit: int = ROW_LIMIT) -> list[tuple]:
    """The visible rows of the active sheet (bounded by the cells that hold values: a stray cell at
    XFD1048576 costs one row, not a million)."""
    try:
        table = read_table(path, limit=limit, data_only=True)
    except TableRefused as exc:
        raise DomainError(str(exc)) from exc
    entries: list[tuple] = []
    for number, values in zip(table.numbers, table.rows, strict=True):
        cells = ["" if v[0] is None else clean_text(str(v[0])) for v in values]
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            entries.append(_row_entry(cells, number))
    return entries


def _row_entry(cells: list[str], number: int | None = None) -> tuple:
    filled = [c for c in cells if c]
    if len(filled) == 1 or (filled and len(set(filled)) == 1 and len(filled) > 1):
        # a spanning row (merged cells) reads like a paragraph; a lone "5." is still a row
        if not NUMBER.match(filled[0]):
            return ("para", filled[0], number)
    return ("row", cells, number)


# Entries into a plan ----------------------------------------------------------------------------

def _is_header(cells: list[str]) -> bool:
    low = [c.lower() for c in cells if c]
    hits = sum(any(w in c for w in HEADER_WORDS) for c in low)
    return hits >= 2 and not any(NUMBER.match(c) for c in low)


def section_kind(title: str) -> str:
    low = title.lower()
    for kind, words in KIND_WORDS:
        if any(w in low for w in words):
            return kind
    return "custom"


def _section(text: str) -> ParsedSection:
    m = ROMAN.match(text)
    title = " ".join((m.group(2) if m else text).split())
    return ParsedSection(title=title, kind=section_kind(title))


def _signature(kind: str, value) -> bool:
    """A signature or approval line under the table (never a numbered row, a Roman-numbered heading
    or a row with an activity, a deadline and a responsible person)."""
    if kind == "para":
        return not ROMAN.match(value) and is_signature_line([value])
    filled = [c for c in value if c]
    if not filled or NUMBER.match(value[0] or ""):
        return False
    if any("___" in c for c in filled):
        return True
    return len(filled) <= 2 and is_signature_line(filled)


def read_entries(entries: list[tuple], source: str) -> ParsedPlan:
    plan = ParsedPlan()
    header_seen = False
    in_table = False
    approval_lines: list[str] | None = None
    before: list[str] = []
    any_row = False
    for kind, value, *where in entries:
        number = where[0] if where else None
        if in_table and _signature(kind, value):
            continue  # "Деканаттын методисти ____________": a signature under the table, no section
        if kind == "para":
            text = value
            if not in_table and not ROMAN.match(text):
                low = text.lower()
                if any(low.startswith(w) for w in APPROVAL_WORDS):
                    approval_lines = []
                    rest = text[len(text.split()[0]):].strip(" :\n")
                    if rest:
                        approval_lines.extend(x.strip() for x in rest.split("\n") if x.strip())
                elif approval_lines is not None and len(approval_lines) < 3 and not plan.title and len(text) < 120:
                    approval_lines.extend(x.strip() for x in text.split("\n") if x.strip())
                else:
                    before.append(text)
                continue
            plan.sections.append(_section(text))
            plan.sections[-1].row = number
            continue
        cells = value
        any_row = True
        if _is_header(cells):
            in_table = header_seen = True
            continue
        item = _item(cells)
        if item is None:
            continue
        in_table = True
        item.row = number
        if not plan.sections:
            plan.sections.append(ParsedSection(title="", kind="custom"))
        plan.sections[-1].items.append(item)
    if not any_row:
        raise DomainError(_("{file}: no table found; a work plan is a table No / activity / deadline / "
                            "responsible.").format(file=source))
    _refuse_what_is_not_a_plan([e[1] for e in entries if e[0] == "row"], source)
    plan.sections = [s for s in plan.sections if s.items or s.title]
    while plan.sections and not plan.sections[-1].items:
        plan.sections.pop()  # notes under the table are no sections (a heading is followed by items)
    if plan.item_count == 0:
        raise DomainError(_("{file} does not look like a work plan: no numbered activities were found.").format(
            file=source))
    if not header_seen and not _has_deadline_or_responsible(plan):
        raise DomainError(_("{file} does not look like a work plan: it has no header No / activity / deadline / "
                            "responsible, and no deadline or responsible person was recognised in it.").format(
            file=source))
    if approval_lines:
        _approval(plan, approval_lines)
    titles = [b for b in before if not b.lower().startswith(("«", "\"", "_"))]
    if titles:
        plan.title = " ".join(" ".join(titles).split())
    return plan


# What is not a plan -------------------------------------------------------------------------
# A spreadsheet read as a plan always yields *something* (every row with two values becomes an
# item), so a student list or a table of numbers would import as a one-section plan of untitled
# items. These checks refuse such files before anything is written.

MAX_COLUMNS = 8  # No / activity / deadline / responsible, perhaps a mark of completion and a note
_NAME_WITH_INITIALS = re.compile(r"[^\W\d_]{2,}\s+[^\W\d_]\.|[^\W\d_]\.\s*[^\W\d_]{2,}")


def _student_list_columns(cells: list[str]) -> list[str]:
    """The cells of ``cells`` that name a student list's columns (full name, group, record book, birth
    date ...) when at least two do and one of them is a name; else an empty list."""
    from desktop.reports.student_import import match_field

    fields = {}
    for cell in cells:
        field_name = match_field(cell) if cell else None
        if field_name and field_name not in fields:
            fields[field_name] = cell
    has_name = "full_name" in fields or "last_name" in fields
    return list(fields.values()) if has_name and len(fields) >= 2 else []


def _looks_like_item(cells: list[str]) -> bool:
    """A number in the first column and text (with letters) in the second: how every plan row starts."""
    return len(cells) >= 2 and bool(NUMBER.match(cells[0] or "")) and any(ch.isalpha() for ch in cells[1])


def _refuse_what_is_not_a_plan(rows: list[list[str]], source: str) -> None:
    for cells in rows[:20]:
        named = _student_list_columns(cells)
        if named:
            raise DomainError(_("{file} is a list of students (its header names {columns}), not a work plan; "
                                "import it in the Students area.").format(
                file=source, columns=", ".join(f"“{c}”" for c in named[:4])))
    widest = max((max((i + 1 for i, c in enumerate(cells) if c), default=0) for cells in rows), default=0)
    if widest > MAX_COLUMNS:
        raise DomainError(_("{file} does not look like a work plan: its table has {n} columns of content; a work "
                            "plan has four (No, activity, deadline, responsible).").format(file=source, n=widest))
    if not any(_looks_like_item(cells) for cells in rows):
        raise DomainError(_("{file} does not look like a work plan: no row has a number in the first column and "
                            "an activity in the second.").format(file=source))


def _has_deadline_or_responsible(plan: ParsedPlan) -> bool:
    from desktop.models.workplan_people import role_of, split_responsible

    for section in plan.sections:
        for item in section.items:
            if item.deadline_text and dl.parse(item.deadline_text, 2000).get("kind") != "text":
                return True
            for part in split_responsible(item.responsible_text or ""):
                if role_of(part) or _NAME_WITH_INITIALS.search(part):
                    return True
    return False


def _approval(plan: ParsedPlan, lines: list[str]) -> None:
    for line in lines:
        clean = line.strip("_ ").strip()
        is_name = re.search(r"[^\W\d_]{2,}\s+[^\W\d_]\.", clean) or re.search(r"[^\W\d_]\.\s*[^\W\d_]{2,}", clean)
        if not clean or (re.search(r"\d|«|_{3}", line) and not is_name):
            continue  # the date line
        if is_name and len(clean) < 60 and not plan.approver_name:
            plan.approver_name = clean
        elif not plan.approver_position:
            plan.approver_position = clean


def _item(cells: list[str]) -> ParsedItem | None:
    cells = list(cells) + [""] * (4 - len(cells))
    if NUMBER.match(cells[0] or "") or (not cells[0] and len([c for c in cells if c]) >= 2 and len(cells) >= 4):
        text, deadline, responsible = cells[1], cells[2], cells[3]
    elif len([c for c in cells if c]) >= 2:
        text, deadline, responsible = cells[0], cells[1], cells[2]
    else:
        return None
    text = " ".join(re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text).split())
    if not text:
        return None
    return ParsedItem(text=text, deadline_text=deadline.strip(), responsible_text=responsible.strip())


def read_plan_file(path) -> ParsedPlan:
    path = Path(path)
    if not path.exists():
        raise DomainError(_("{file} does not exist.").format(file=path))
    try:
        check_regular_file(path)  # a FIFO would block forever
        if file_kind(path) == "encrypted":
            raise DomainError(password_message(path))
    except TableRefused as exc:
        raise DomainError(str(exc)) from exc
    suffix = path.suffix.lower()
    try:
        problem = package_problem(path)
    except (zipfile.BadZipFile, OSError):
        problem = None  # not a zip: the reader below names the file and what it expected
    if problem:
        raise DomainError(problem)
    if suffix == ".docx":
        entries = docx_entries(path)
    elif suffix in (".xlsx", ".xlsm"):
        entries = xlsx_entries(path)
    else:
        raise DomainError(_("{file}: a work plan is imported from .docx or .xlsx.").format(file=path.name))
    return read_entries(entries, path.name)


def import_plan(session: Session, parsed: ParsedPlan, year_name: str, *, faculty_name: str = "",
                progress: Progress | None = None) -> wp.WorkPlan:
    """Create the year's plan from a parsed file (the caller's transaction: all or nothing;
    ``progress`` may cancel between items)."""
    started = time.perf_counter()
    first, _second = parse_year_name(year_name)
    plan = wp.create_plan(session, year_name, title=parsed.title, faculty_name=faculty_name,
                          approver_name=parsed.approver_name, approver_position=parsed.approver_position)
    index = staff_index(session)
    done, total = 0, parsed.item_count
    for s in parsed.sections:
        section = _at_row(session, s.row, lambda s=s: wp.add_section(session, plan.id, s.title, s.kind))
        for item in s.items:
            step(progress, done, total)
            done += 1
            _at_row(session, item.row, lambda item=item, section=section: wp.add_item(
                session, section.id, item.text, deadline=dl.parse(item.deadline_text, first),
                responsible=item.responsible_text or None, index=index))
    session.flush()
    event_on_commit(session, "work plan imported", year=year_name, sections=len(parsed.sections), items=total,
                    ms=round((time.perf_counter() - started) * 1000))
    return plan


def import_plan_op(session: Session, parsed: ParsedPlan, year_name: str, progress: Progress | None = None):
    """The import as an operation (models/operations.py): undo deletes the plan, redo brings it back."""
    from desktop.models.operations import Change, bind, created
    from desktop.models.workplan_operations import faculty_name

    return created(session, bind(import_plan, parsed, year_name, faculty_name=faculty_name(session), progress=progress),
                   wp.delete_plan, wp.restore_plan, Change.WORKPLAN)


def _at_row(session: Session, row: int | None, write):
    """``write()`` flushed at once, so a text longer than its column is refused naming the file's row
    (``row N, column "X": at most L characters``); the caller's transaction then writes nothing."""
    from desktop.models.limits import TextTooLong, too_long

    try:
        result = write()
        session.flush()
    except TextTooLong as exc:
        if row is None:
            raise
        raise too_long(exc.table, exc.column, exc.limit, exc.length, row) from None
    return result
