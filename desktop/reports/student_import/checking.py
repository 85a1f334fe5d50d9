"""Checking every row of a read sheet against the database (writes nothing): ``plan_import``.

Existing students are found by record-book number, else by last name, first name and birth date
(else, with no birth date in the file, in the same group). Nothing about an expelled, graduated or
on-leave student's group, funding or form is changed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Column, String, select, text
from sqlalchemy.orm import Session

from desktop import clock, dates
from desktop.i18n import N_, _
from desktop.models.contingent import Funding, Group, Student, StudentStatus
from desktop.models.movements import status_label
from desktop.models.progress import Progress, step
from desktop.reports.student_import.plan import MOVEMENT_FIELDS, ORDER_NEEDED, PERSONAL, ImportPlan, StudentChange
from desktop.reports.student_import.sheet import Problem, Sheet
from desktop.reports.student_import.values import _record_book, _text, parse_date, split_full_name
from desktop.reports.student_import.words import (
    FORM_WORDS,
    FUNDING_WORDS,
    GENDER_WORDS,
    ImportField,
    is_number_header,
    normalize,
)
from desktop.reports.table_read import (
    clean_text,
    fold_key,
    fold_lookalikes,
    is_signature_line,
)


def _length(column: Column) -> int:
    """A text column's greatest length (each column checked here is a String(n))."""
    kind = column.type
    assert isinstance(kind, String) and kind.length is not None
    return kind.length


def _check_lengths(row: dict[str, Any], mapping: dict[str, int], bad) -> None:
    """Text longer than its column is refused here, by name (PostgreSQL would refuse the whole insert)."""
    limits = {f: _length(Student.__table__.c[f]) for f in ("last_name", "first_name", "patronymic",
                                                           "record_book", "phone", "email")}
    limits["group"] = _length(Group.__table__.c.name)
    for f, limit in limits.items():
        value = row.get(f) or ""
        if len(value) > limit:
            source = "full_name" if f in ("last_name", "first_name", "patronymic") and "full_name" in mapping else f
            # the words of limits.too_long, so every importer says it alike: row N, column "X": at most L ...
            bad(source, _("at most {limit} characters, not {length}").format(length=len(value), limit=limit))


def _clean(value) -> str:
    return clean_text(_text(value))


def plan_import(session: Session, sheet: Sheet, *, default_group: str | None = None,
                progress: Progress | None = None, on: dt.date | None = None) -> ImportPlan:
    plan = ImportPlan(sheet)
    m = sheet.mapping
    if sheet.header_row is None or not ("full_name" in m or ("last_name" in m and "first_name" in m)):
        plan.problems.append(Problem(1, "", _("no header row with the students' names was found in the first "
                                              "20 rows; map the columns by hand.")))
        return plan
    header_number = sheet.row_number(sheet.header_row)
    for col, like in sheet.doubtful_columns():
        plan.problems.append(Problem(header_number, sheet.column_title(col), _(
            "this column looks like “{field}” but is not read; map it to a field, or confirm that column {letter} "
            "is let go.").format(field=ImportField(like).label(), letter=sheet.column_label(col).split(" ")[0])))
    if "group" not in m and not default_group:
        plan.problems.append(Problem(header_number, ImportField.GROUP.label(),
                                     _("there is no group column; choose the group for the whole list.")))
    if plan.problems:
        return plan
    title = {f: sheet.column_title(c) for f, c in m.items()}
    headers = sheet.headers()
    number_col = next((i for i, h in enumerate(headers) if h and is_number_header(h)), None)
    on = on or clock.today()

    # The students already stored (column tuples: 20,000 in a few tens of ms).
    cols = ("id", "group_id", "status") + PERSONAL
    current = {r[0]: dict(zip(cols, r, strict=True)) for r in session.execute(
        select(Student.id, Student.group_id, Student.status, *(getattr(Student, f) for f in PERSONAL)))}
    by_book = {st["record_book"]: sid for sid, st in current.items() if st["record_book"]}
    by_name: dict[tuple, list[int]] = {}
    for sid, st in current.items():
        by_name.setdefault((fold_key(st["last_name"]), fold_key(st["first_name"])), []).append(sid)
    groups: dict[str, tuple[int, str]] = {}
    for group_id, name in session.execute(select(Group.id, Group.name)):
        groups.setdefault(fold_key(name), (group_id, name))
    group_names = {group_id: name for group_id, name in groups.values()}
    last_moves: dict[int, object] = dict(session.execute(text("SELECT student_id, max(effective_date) FROM movement "
                                           "GROUP BY student_id")).all()) if current else {}

    seen_books: dict[str, int] = {}
    seen_people: dict[tuple, tuple[int, str | None]] = {}
    matched: dict[int, int] = {}
    new_groups: dict[str, str] = {}
    hidden = set(sheet.hidden_rows)
    started = False
    blank_seen = False
    previous = header_number
    data = sheet.rows[sheet.header_row + 1:]
    numbers = sheet.numbers[sheet.header_row + 1:]
    today = clock.today()

    def cell_of(cells, f):
        c = m.get(f)
        return cells[c] if c is not None and c < len(cells) else (None, False, None)

    for k, cells in enumerate(data):
        excel_row = numbers[k]
        if k % 2000 == 0:
            step(progress, k, len(data))
        gap = excel_row - previous - 1 - sum(1 for r in range(previous + 1, excel_row) if r in hidden) \
            if excel_row - previous > 1 else 0
        previous = excel_row
        if gap > 0 and started:
            blank_seen = True
        texts = [_clean(c[0]) for c in cells]
        if not any(texts):
            continue
        numbered = number_col is not None and number_col < len(cells) \
            and isinstance(cells[number_col][0], (int, float)) and not isinstance(cells[number_col][0], bool) or (
                number_col is not None and number_col < len(texts) and texts[number_col].rstrip(".").isdigit())
        name_text = texts[m["full_name"]] if "full_name" in m and m["full_name"] < len(texts) else (
            texts[m["last_name"]] if "last_name" in m and m["last_name"] < len(texts) else "")
        group_text = texts[m["group"]] if "group" in m and m["group"] < len(texts) else (default_group or "")
        named = bool(name_text and group_text and "group" in m and not is_signature_line([name_text])
                     and not is_signature_line([group_text]))
        if not numbered and not named and is_signature_line(texts):
            plan.ignored_rows.append(excel_row)  # "Декан факультета ____ Сопуев У.А.", "М.П.", a date
            continue
        if blank_seen and not (numbered or (name_text and group_text)):
            plan.ignored_rows.append(excel_row)  # a note below the list
            continue
        started = True
        problems: list[Problem] = []

        def bad(f, message):  # called in this row's iteration only
            problems.append(Problem(excel_row, title.get(f, ImportField(f).label()), message))  # noqa: B023

        for f in m:
            if cell_of(cells, f)[1]:
                bad(f, _("a formula; type the value itself."))
        if problems:
            plan.problems.extend(problems)
            continue

        def folded(f, value):  # called in this row's iteration only
            out = fold_lookalikes(value)
            if out != value:
                plan.folds.append(_('row {row}, column "{column}": «{before}» → «{after}»').format(
                    row=excel_row, column=title.get(f, f), before=value, after=out))  # noqa: B023
            return out

        row: dict[str, Any] = {"row": excel_row}
        stated: set[str] = set()
        if "full_name" in m:
            last, first, patronymic = split_full_name(folded("full_name", _clean(cell_of(cells, "full_name")[0])))
            if not last or not first:
                bad("full_name", _("the last name and the first name are required."))
        else:
            last = folded("last_name", _clean(cell_of(cells, "last_name")[0]))
            first = folded("first_name", _clean(cell_of(cells, "first_name")[0]))
            patronymic = folded("patronymic", _clean(cell_of(cells, "patronymic")[0]))
            if not last:
                bad("last_name", _("the last name is required."))
            if not first:
                bad("first_name", _("the first name is required."))
        row.update(last_name=last, first_name=first, patronymic=patronymic)
        stated.update(("last_name", "first_name"))
        if patronymic:
            stated.add("patronymic")
        value, _f, fmt = cell_of(cells, "record_book")
        book = None
        if isinstance(value, bool) or (isinstance(value, str) and value.strip().casefold() in ("true", "false")):
            bad("record_book", _("“{value}” is not a record-book number (a yes/no value); type the number as "
                                 "text.").format(value=value))
        elif isinstance(value, float) and not value.is_integer():
            bad("record_book", _("“{value}” is a number with a fraction, not a record-book number; type the "
                                 "number as text.").format(value=value))
        else:
            book = clean_text(_record_book(value, fmt)) or None
        row["record_book"] = book
        if book:
            stated.add("record_book")
        raw = cell_of(cells, "birth_date")[0]
        row["birth_date"] = None
        if raw is not None and _clean(raw):
            try:
                born = parse_date(clean_text(raw) if isinstance(raw, str) else raw)
                if not dt.date(1920, 1, 1) <= born <= today:
                    raise ValueError
                row["birth_date"] = born
                stated.add("birth_date")
            except ValueError:
                shown = dates.table(raw) if isinstance(raw, dt.date) else _clean(raw)
                bad("birth_date", _("impossible date “{value}”.").format(value=shown))
        for f, words in (("funding", FUNDING_WORDS), ("study_form", FORM_WORDS), ("gender", GENDER_WORDS)):
            raw = _clean(cell_of(cells, f)[0])
            row[f] = None
            if raw:
                row[f] = words.get(normalize(fold_lookalikes(raw)))
                if row[f] is None:
                    bad(f, _("unknown word “{value}”.").format(value=raw))
                else:
                    stated.add(f)
        for f in ("phone", "email"):
            row[f] = _clean(cell_of(cells, f)[0])
            if row[f]:
                stated.add(f)
        group = folded("group", group_text) if "group" in m else group_text
        if not group:
            bad("group", _("the group is missing."))
        row["group"] = group
        key = fold_key(group) if group else ""
        if key in groups and groups[key][1] != group:
            plan.folds.append(_('row {row}, column "{column}": «{before}» is the existing group «{after}»').format(
                row=excel_row, column=title.get("group", ImportField.GROUP.label()), before=group,
                after=groups[key][1]))
        gid = groups[key][0] if key in groups else None

        # Duplicates inside the file.
        if book:
            if book in seen_books:
                bad("record_book", _("record-book number {number} is repeated (first in row {first}).").format(
                    number=book, first=seen_books[book]))
            else:
                seen_books[book] = excel_row
        person = (fold_key(last), fold_key(first), row["birth_date"])
        if row["birth_date"] and last and first:
            # Two rows with different record-book numbers are two people (namesakes born the same day).
            earlier = seen_people.get(person)
            if earlier and not (book and earlier[1] and book != earlier[1]):
                bad("full_name" if "full_name" in m else "last_name", _(
                    "{name}, born {date}, is repeated (first in row {first}).").format(
                    name=f"{last} {first}", date=dates.table(row["birth_date"]), first=earlier[0]))
            elif not earlier:
                seen_people[person] = (excel_row, book)

        # The student already stored, if any.
        sid = None
        if book and book in by_book:
            held = current[by_book[book]]
            if (fold_key(held["last_name"]), fold_key(held["first_name"])) != (fold_key(last), fold_key(first)):
                bad("record_book", _("record-book number {number} is already held by another student "
                                     "({name}).").format(number=book,
                                                         name=f"{held['last_name']} {held['first_name']}"))
            else:
                sid = held["id"]
        elif last and first:
            candidates = [c for c in by_name.get((fold_key(last), fold_key(first)), [])
                          if not (book and current[c]["record_book"])]
            if row["birth_date"]:
                candidates = [c for c in candidates if current[c]["birth_date"] == row["birth_date"]]
            elif gid is not None:
                candidates = [c for c in candidates if current[c]["group_id"] == gid]
            else:
                candidates = []
            if len(candidates) > 1:
                bad("full_name" if "full_name" in m else "last_name", _(
                    "matches more than one stored student ({students}); add the record-book number.").format(
                    students="; ".join(f"{current[c]['last_name']} {current[c]['first_name']}, "
                                       f"{group_names.get(current[c]['group_id'], '—')}" for c in candidates)))
            elif candidates:
                sid = candidates[0]
            elif book and row["birth_date"]:
                # The same person stored under another record-book number: a typo, or a second copy.
                other = [c for c in by_name.get((fold_key(last), fold_key(first)), [])
                         if current[c]["birth_date"] == row["birth_date"] and current[c]["record_book"]]
                if other:
                    bad("record_book", _("{name}, born {date}, is already stored with record-book number "
                                         "{number}.").format(name=f"{last} {first}",
                                                             date=dates.table(row["birth_date"]),
                                                             number=current[other[0]]["record_book"]))
        if sid is not None and sid in matched:
            bad("full_name" if "full_name" in m else "last_name", _(
                "the same student as in row {first}.").format(first=matched[sid]))
        _check_lengths(row, m, bad)
        if problems:
            plan.problems.extend(problems)
            continue
        if sid is None:
            if key not in groups and key not in new_groups:
                new_groups[key] = group
            row["group"] = groups[key][1] if key in groups else new_groups[key]
            row["funding"] = row["funding"] or Funding.CONTRACT.value
            plan.new_rows.append(row)
            continue
        matched[sid] = excel_row
        old = current[sid]
        changes = {f: row[f] for f in PERSONAL if f in stated and row[f] != old[f]}
        change = StudentChange(sid, excel_row, f"{old['last_name']} {old['first_name']}", changes,
                               {f: old[f] for f in changes})
        if gid != old["group_id"]:
            if key not in groups and key not in new_groups:
                new_groups[key] = group
            change.group = groups[key][1] if key in groups else new_groups[key]
            change.old_group = group_names.get(old["group_id"])
        status = StudentStatus(old["status"]) if old["status"] else None
        moving = [f for f in MOVEMENT_FIELDS if f in changes or (f == "group" and change.group is not None)]
        if moving and status is not StudentStatus.STUDYING:
            problems.append(Problem(excel_row, title.get(moving[0], ImportField(moving[0]).label()), _(
                "{name} is “{status}”: an import changes nothing of such a student; the order needed first: "
                "{order}.").format(name=change.name, status=_(status_label(status)),
                                   order=_(ORDER_NEEDED.get(status, N_("an enrolment order"))))))
        elif change.group is not None and last_moves.get(sid) and str(on) < str(last_moves[sid]):
            problems.append(Problem(excel_row, title.get("group", ImportField.GROUP.label()), _(
                "{name}: the transfer would take effect before the student's last movement ({date}).").format(
                name=change.name, date=dates.table(dt.date.fromisoformat(str(last_moves[sid]))))))
        if problems:
            plan.problems.extend(problems)
            continue
        if changes or change.group is not None:
            plan.updates.append(change)
        else:
            plan.unchanged.append(excel_row)
    plan.new_groups = list(new_groups.values())
    if not started and not plan.problems:
        plan.problems.append(Problem(header_number + 1, "", _("there are no students below the header row.")))
    return plan
