"""Checking every row of a read sheet against the database, then writing it all at once.

``plan_import`` writes nothing: it returns what would be added and changed (the dry run) and
every problem. ``apply_import`` writes a clean plan in one transaction with Core
``insert()`` executemany, so 10,000 rows take about as long as reading them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models import audit
from desktop.models.contingent import Funding, Group, Student, StudentStatus, StudyForm
from desktop.models.movements import Movement, MovementKind, Order
from desktop.models.progress import Progress, step
from desktop.models.students import guess_group
from desktop.reports.student_import import (
    FIELD_LABELS,
    FORM_WORDS,
    FUNDING_WORDS,
    GENDER_WORDS,
    ImportRefused,
    Problem,
    Sheet,
    _record_book,
    _SIGNATURE,
    _text,
    normalize,
    parse_date,
    read_sheet,
    split_full_name,
)
from desktop import clock

PERSONAL = ("last_name", "first_name", "patronymic", "birth_date", "gender", "funding", "study_form", "phone",
            "email")


@dataclass
class ImportPlan:
    sheet: Sheet
    new_rows: list[dict] = field(default_factory=list)  # students to add (with "group" name, "row")
    updates: list[dict] = field(default_factory=list)  # {"id", "row", "changes": {field: value}, "group"?}
    new_groups: list[str] = field(default_factory=list)
    ignored_rows: list[int] = field(default_factory=list)  # signature and footer lines
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> list[str]:
        lines = [_("Students to add: {n}").format(n=len(self.new_rows)),
                 _("Students to change: {n}").format(n=len(self.updates))]
        if self.new_groups:
            lines.append(_("Groups to create: {groups}").format(groups=", ".join(self.new_groups)))
        if self.ignored_rows:
            lines.append(_("Rows ignored (signatures, notes): {rows}").format(
                rows=", ".join(str(r) for r in self.ignored_rows)))
        return lines


def _check_lengths(row: dict, mapping: dict, bad) -> None:
    """Text longer than its column is refused here, by name (PostgreSQL would refuse the whole insert)."""
    limits = {f: Student.__table__.c[f].type.length for f in ("last_name", "first_name", "patronymic",
                                                              "record_book", "phone", "email")}
    limits["group"] = Group.__table__.c.name.type.length
    for f, limit in limits.items():
        value = row.get(f) or ""
        if len(value) > limit:
            source = "full_name" if f in ("last_name", "first_name", "patronymic") and "full_name" in mapping else f
            bad(source, _("{length} characters; at most {limit} fit.").format(length=len(value), limit=limit))


def plan_import(session: Session, sheet: Sheet, *, default_group: str | None = None,
                progress: Progress | None = None) -> ImportPlan:
    plan = ImportPlan(sheet)
    m = sheet.mapping
    if sheet.header_row is None or not ("full_name" in m or ("last_name" in m and "first_name" in m)):
        plan.problems.append(Problem(1, "", _("no header row with the students' names was found in the first "
                                              "20 rows; map the columns by hand.")))
        return plan
    if "group" not in m and not default_group:
        plan.problems.append(Problem(sheet.header_row + 1, _(FIELD_LABELS.get("group", "")),
                                     _("there is no group column; choose the group for the whole list.")))
        return plan
    title = {f: sheet.column_title(c) for f, c in m.items()}
    existing = {rb: (sid, last, first) for sid, rb, last, first in session.execute(
        select(Student.id, Student.record_book, Student.last_name, Student.first_name)
        .where(Student.record_book.is_not(None)))}
    current = {sid: (gid, ln, fn, pt, bd, g, f, sf, ph, em) for sid, gid, ln, fn, pt, bd, g, f, sf, ph, em in
               session.execute(select(Student.id, Student.group_id, Student.last_name, Student.first_name,
                                      Student.patronymic, Student.birth_date, Student.gender, Student.funding,
                                      Student.study_form, Student.phone, Student.email))} if existing else {}
    groups = {name.casefold(): gid for gid, name in session.execute(select(Group.id, Group.name))}
    group_names = {gid: name for name, gid in groups.items()}
    seen_books: dict[str, int] = {}
    new_groups: dict[str, str] = {}
    blank_seen = False
    started = False
    data = sheet.rows[sheet.header_row + 1:]
    first_excel_row = sheet.header_row + 2
    today = clock.today()

    for k, cells in enumerate(data):
        excel_row = first_excel_row + k
        if k % 2000 == 0:
            step(progress, k, len(data))
        values = [c[0] for c in cells]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            blank_seen = blank_seen or started
            continue
        if any(isinstance(v, str) and _SIGNATURE.search(v) for v in values):
            plan.ignored_rows.append(excel_row)
            continue

        def cell(f):
            c = m.get(f)
            return cells[c] if c is not None and c < len(cells) else (None, False, None)

        if blank_seen and (cell("full_name" if "full_name" in m else "last_name")[0] in (None, "") or not any(
                cell(f)[0] not in (None, "") for f in ("record_book", "group", "birth_date"))):
            plan.ignored_rows.append(excel_row)  # a footer below the list ("Декан ... Сопуев У.А.")
            continue
        started = True
        problems: list[Problem] = []

        def bad(f, message):
            problems.append(Problem(excel_row, title.get(f, _(FIELD_LABELS[f])), message))

        for f in m:
            if cell(f)[1]:
                bad(f, _("a formula; type the value itself."))
        if problems:
            plan.problems.extend(problems)
            continue
        row: dict = {"row": excel_row}
        if "full_name" in m:
            last, first, patronymic = split_full_name(_text(cell("full_name")[0]))
            if not last or not first:
                bad("full_name", _("the last name and the first name are required."))
        else:
            last, first = _text(cell("last_name")[0]), _text(cell("first_name")[0])
            patronymic = _text(cell("patronymic")[0])
            if not last:
                bad("last_name", _("the last name is required."))
            if not first:
                bad("first_name", _("the first name is required."))
        row.update(last_name=last, first_name=first, patronymic=patronymic)
        value, _f, fmt = cell("record_book")
        book = _record_book(value, fmt) or None
        row["record_book"] = book
        raw = cell("birth_date")[0]
        row["birth_date"] = None
        if raw not in (None, ""):
            try:
                born = parse_date(raw)
                if not dt.date(1920, 1, 1) <= born <= today:
                    raise ValueError
                row["birth_date"] = born
            except ValueError:
                shown = raw.strftime("%d.%m.%Y") if isinstance(raw, dt.date) else _text(raw)
                bad("birth_date", _("impossible date “{value}”.").format(value=shown))
        for f, words, default in (("funding", FUNDING_WORDS, Funding.CONTRACT.value),
                                  ("study_form", FORM_WORDS, None), ("gender", GENDER_WORDS, None)):
            raw = _text(cell(f)[0])
            if not raw:
                row[f] = default
                continue
            row[f] = words.get(normalize(raw))
            if row[f] is None:
                bad(f, _("unknown word “{value}”.").format(value=raw))
        row["phone"], row["email"] = _text(cell("phone")[0]), _text(cell("email")[0])
        group = _text(cell("group")[0]) or (default_group or "")
        if not group:
            bad("group", _("the group is missing."))
        row["group"] = group
        if book:
            if book in seen_books:
                bad("record_book", _("record-book number {number} is repeated (first in row {first}).").format(
                    number=book, first=seen_books[book]))
            else:
                seen_books[book] = excel_row
                held = existing.get(book)
                if held and (held[1].casefold(), held[2].casefold()) != (last.casefold(), first.casefold()):
                    bad("record_book", _("record-book number {number} is already held by another student "
                                         "({name}).").format(number=book, name=f"{held[1]} {held[2]}"))
                elif held:
                    row["id"] = held[0]
        _check_lengths(row, m, bad)
        if problems:
            plan.problems.extend(problems)
            continue
        if group and group.casefold() not in groups and group.casefold() not in new_groups:
            new_groups[group.casefold()] = group
        if "id" in row:
            old = dict(zip(("group_id",) + PERSONAL, current[row["id"]], strict=True))
            changes = {f: row[f] for f in PERSONAL if f in m or (f in ("last_name", "first_name", "patronymic")
                                                                 and "full_name" in m)}
            changes = {f: v for f, v in changes.items() if v is not None and v != old[f]}
            change = {"id": row["id"], "row": excel_row, "changes": changes}
            if group.casefold() != (group_names.get(old["group_id"]) or "").casefold():
                change["group"] = group
            if changes or "group" in change:
                plan.updates.append(change)
        else:
            plan.new_rows.append(row)
    plan.new_groups = list(new_groups.values())
    if not started and not plan.problems:
        plan.problems.append(Problem(first_excel_row, "", _("there are no students below the header row.")))
    return plan


def apply_import(session: Session, plan: ImportPlan, order: Order | None = None,
                 progress: Progress | None = None) -> dict:
    """Write a clean plan (one transaction, the caller's). Returns counts."""
    if plan.problems:
        raise ImportRefused([str(p) for p in plan.problems])
    order = order or Order("", None, clock.today())
    first_form = {r["group"].casefold(): r["study_form"] for r in plan.new_rows if r["study_form"]}
    groups = {name.casefold(): (gid, course) for gid, name, course in session.execute(
        select(Group.id, Group.name, Group.course))}
    for name in plan.new_groups:
        g = guess_group(session, name, first_form.get(name.casefold()), order.effective_date)
        session.add(g)
        session.flush()
        groups[name.casefold()] = (g.id, g.course)
    forms = dict(session.execute(select(Group.id, Group.study_form)).all())
    step(progress, 1, 4)
    rows = []
    for r in plan.new_rows:
        gid, _course = groups[r["group"].casefold()]
        rows.append({"last_name": r["last_name"], "first_name": r["first_name"], "patronymic": r["patronymic"],
                     "record_book": r["record_book"], "birth_date": r["birth_date"], "gender": r["gender"],
                     "phone": r["phone"], "email": r["email"], "funding": r["funding"],
                     "study_form": r["study_form"] or forms.get(gid) or StudyForm.FULL_TIME.value,
                     "group_id": gid, "status": StudentStatus.STUDYING.value})
    ids = list(session.scalars(insert(Student).returning(Student.id, sort_by_parameter_order=True), rows)) \
        if rows else []
    step(progress, 2, 4)
    course_of = {gid: course for gid, course in groups.values()}
    movements = [{"student_id": sid, "kind": MovementKind.ENROLMENT.value, "order_number": order.number,
                  "order_date": order.order_date, "effective_date": order.effective_date, "reason": "",
                  "from_group_id": None, "group_id": row["group_id"], "course": course_of.get(row["group_id"]),
                  "status": StudentStatus.STUDYING.value} for sid, row in zip(ids, rows, strict=True)]
    transfers = []
    for u in plan.updates:
        if u["changes"]:
            # version + 1: a copy of this student open elsewhere must not be saved over the import.
            session.execute(Student.__table__.update().where(Student.id == u["id"])
                            .values(**u["changes"], version=Student.__table__.c.version + 1))
        if "group" in u:
            gid, course = groups[u["group"].casefold()]
            old_gid = session.scalar(select(Student.group_id).where(Student.id == u["id"]))
            movements.append({"student_id": u["id"], "kind": MovementKind.TRANSFER.value,
                              "order_number": order.number, "order_date": order.order_date,
                              "effective_date": order.effective_date, "reason": "", "from_group_id": old_gid,
                              "group_id": gid, "course": course, "status": StudentStatus.STUDYING.value})
            transfers.append({"sid": u["id"], "gid": gid})
    if movements:
        session.execute(insert(Movement), movements)
    if transfers:
        session.execute(text("UPDATE student SET group_id = :gid, status = 'studying', version = version + 1 "
                                "WHERE id = :sid"), transfers)
    # A bulk import is ONE audit entry (ids of the new rows, how many were changed), not 10,000 × 12.
    audit.record_bulk(session, audit.Action.IMPORT, "student", ids,
                      f"changed {len(plan.updates)}" if plan.updates else "")
    step(progress, 4, 4)
    return {"added": len(ids), "changed": len(plan.updates), "groups": list(plan.new_groups)}


def import_students(session: Session, path: str | Path, *, dry_run: bool = False, mapping: dict | None = None,
                    header_row: int | None = None, default_group: str | None = None, order: Order | None = None,
                    progress: Progress | None = None) -> ImportPlan:
    """Read, check and (unless ``dry_run``) write a student list; raises ImportRefused listing every problem."""
    sheet = read_sheet(path)
    if mapping is not None:
        sheet.mapping = dict(mapping)
    if header_row is not None:
        sheet.header_row = header_row
    plan = plan_import(session, sheet, default_group=default_group, progress=progress)
    if plan.problems:
        raise ImportRefused([str(p) for p in plan.problems])
    if not dry_run:
        apply_import(session, plan, order, progress)
    return plan
