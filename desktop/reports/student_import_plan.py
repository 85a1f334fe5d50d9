"""Checking every row of a read sheet against the database, then writing it all at once.

``plan_import`` writes nothing: it returns what would be added and changed (the dry run) and
every problem. ``apply_import`` writes a clean plan in one transaction with Core
``insert()`` executemany, so 10,000 rows take about as long as reading them.

A re-import updates only what the file states: a blank cell is "not stated" and a column the
file lacks changes nothing. Existing students are found by record-book number, else by last
name, first name and birth date (else, with no birth date in the file, in the same group).
A change of group is a transfer under the movements rules (``movements.apply_movement``), and
nothing about an expelled, graduated or on-leave student's group, funding or form is changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Column, String, insert, select, text
from sqlalchemy.orm import Session

from desktop import clock, dates
from desktop.i18n import N_, _
from desktop.models import audit
from desktop.models.contingent import Funding, Group, Student, StudentStatus, StudyForm
from desktop.models.movements import (
    Movement,
    MovementKind,
    Order,
    apply_movement,
    status_label,
)
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
    _text,
    is_number_header,
    normalize,
    parse_date,
    read_sheet,
    split_full_name,
)
from desktop.reports.table_read import (
    clean_text,
    fold_key,
    fold_lookalikes,
    is_signature_line,
)

PERSONAL = ("last_name", "first_name", "patronymic", "record_book", "birth_date", "gender", "funding", "study_form",
            "phone", "email")
# What only an order may change for a student who is not studying, and the order that comes first.
MOVEMENT_FIELDS = ("group", "funding", "study_form")
ORDER_NEEDED: dict[StudentStatus | None, str] = {StudentStatus.EXPELLED: N_("a reinstatement order"),
                StudentStatus.ACADEMIC_LEAVE: N_("a return-from-academic-leave order"),
                StudentStatus.GRADUATED: N_("none: a graduate's record is closed")}


@dataclass
class ImportPlan:
    sheet: Sheet
    new_rows: list[dict] = field(default_factory=list)  # students to add (with "group" name, "row")
    # {"id", "row", "name", "changes": {field: new}, "before": {field: old}, "group"?, "old_group"?}
    updates: list[dict] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)  # rows of students already as the file says
    new_groups: list[str] = field(default_factory=list)
    ignored_rows: list[int] = field(default_factory=list)  # signature and footer lines
    folds: list[str] = field(default_factory=list)  # where look-alike letters were read as Cyrillic
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def change_lines(self) -> list[str]:
        """Per changed student, which fields change from what to what."""
        lines = []
        for u in self.updates:
            parts = []
            if "group" in u:
                parts.append(_("{field}: {old} → {new}").format(field=_(FIELD_LABELS["group"]),
                                                                 old=u.get("old_group") or "—", new=u["group"]))
            for f, new in u["changes"].items():
                parts.append(_("{field}: {old} → {new}").format(field=_(FIELD_LABELS[f]),
                                                                 old=_shown(f, u["before"].get(f)),
                                                                 new=_shown(f, new)))
            lines.append(_("row {row}, {name}: {changes}").format(row=u["row"], name=u["name"],
                                                                 changes="; ".join(parts)))
        return lines

    def summary(self, *, done: bool = False) -> list[str]:
        """What the import does (``done``: did), the mapping, every change and every row let go."""
        if done:
            lines = [_("Students added: {n}").format(n=len(self.new_rows)),
                     _("Students changed: {n}").format(n=len(self.updates)),
                     _("Students unchanged: {n}").format(n=len(self.unchanged))]
            if self.new_groups:
                lines.append(_("Groups created: {groups}").format(groups=", ".join(self.new_groups)))
        else:
            lines = [_("Students to add: {n}").format(n=len(self.new_rows)),
                     _("Students to change: {n}").format(n=len(self.updates)),
                     _("Students unchanged: {n}").format(n=len(self.unchanged))]
            if self.new_groups:
                lines.append(_("Groups to create: {groups}").format(groups=", ".join(self.new_groups)))
        if self.ignored_rows:
            lines.append(_("Rows ignored (signatures, notes): {rows}").format(
                rows=", ".join(str(r) for r in self.ignored_rows)))
        if self.sheet.hidden_rows:
            lines.append(_("Hidden rows skipped: {n} ({rows})").format(
                n=len(self.sheet.hidden_rows), rows=", ".join(str(r) for r in self.sheet.hidden_rows[:20])
                + (" …" if len(self.sheet.hidden_rows) > 20 else "")))
        if self.sheet.hidden_sheets:
            lines.append(_("Hidden sheets skipped: {n} ({sheets})").format(
                n=len(self.sheet.hidden_sheets), sheets=", ".join(self.sheet.hidden_sheets)))
        lines.append(_("Sheet read: {sheet}").format(sheet=self.sheet.title))
        lines.append(_("Columns:"))
        lines.extend("  " + line for line in self.sheet.mapping_lines())
        if self.folds:
            lines.append(_("Latin look-alike letters read as Cyrillic:"))
            lines.extend("  " + f for f in self.folds)
        if self.updates:
            lines.append(_("Changes:"))
            lines.extend("  " + line for line in self.change_lines())
        return lines


def _shown(f: str, value) -> str:
    from desktop.models.contingent import (
        Funding,
        Gender,
        StudyForm,
    )

    if value in (None, ""):
        return "—"
    try:
        if f == "funding":
            return Funding(value).label()
        if f == "study_form":
            return StudyForm(value).label()
        if f == "gender":
            return Gender(value).label()
    except ValueError:
        return str(value)
    if isinstance(value, dt.date):
        return dates.table(value)
    return str(value)


def _length(column: Column) -> int:
    """A text column's greatest length (each column checked here is a String(n))."""
    kind = column.type
    assert isinstance(kind, String) and kind.length is not None
    return kind.length


def _check_lengths(row: dict, mapping: dict, bad) -> None:
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
            "is let go.").format(field=_(FIELD_LABELS[like]), letter=sheet.column_label(col).split(" ")[0])))
    if "group" not in m and not default_group:
        plan.problems.append(Problem(header_number, _(FIELD_LABELS.get("group", "")),
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
        numbered = number_col is not None and number_col < len(cells) and isinstance(cells[number_col][0], (int, float)) \
            and not isinstance(cells[number_col][0], bool) or (
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
            problems.append(Problem(excel_row, title.get(f, _(FIELD_LABELS[f])), message))  # noqa: B023

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

        row: dict = {"row": excel_row}
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
                row=excel_row, column=title.get("group", _(FIELD_LABELS["group"])), before=group,
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
        change = {"id": sid, "row": excel_row, "name": f"{old['last_name']} {old['first_name']}",
                  "changes": changes, "before": {f: old[f] for f in changes}}
        if gid != old["group_id"]:
            if key not in groups and key not in new_groups:
                new_groups[key] = group
            change["group"] = groups[key][1] if key in groups else new_groups[key]
            change["old_group"] = group_names.get(old["group_id"])
        status = StudentStatus(old["status"]) if old["status"] else None
        moving = [f for f in MOVEMENT_FIELDS if f in changes or (f == "group" and "group" in change)]
        if moving and status is not StudentStatus.STUDYING:
            problems.append(Problem(excel_row, title.get(moving[0], _(FIELD_LABELS[moving[0]])), _(
                "{name} is “{status}”: an import changes nothing of such a student; the order needed first: "
                "{order}.").format(name=change["name"], status=_(status_label(status)),
                                   order=_(ORDER_NEEDED.get(status, N_("an enrolment order"))))))
        elif "group" in change and last_moves.get(sid) and str(on) < str(last_moves[sid]):
            problems.append(Problem(excel_row, title.get("group", _(FIELD_LABELS["group"])), _(
                "{name}: the transfer would take effect before the student's last movement ({date}).").format(
                name=change["name"], date=dates.table(dt.date.fromisoformat(str(last_moves[sid]))))))
        if problems:
            plan.problems.extend(problems)
            continue
        if changes or "group" in change:
            plan.updates.append(change)
        else:
            plan.unchanged.append(excel_row)
    plan.new_groups = list(new_groups.values())
    if not started and not plan.problems:
        plan.problems.append(Problem(header_number + 1, "", _("there are no students below the header row.")))
    return plan


def apply_import(session: Session, plan: ImportPlan, order: Order | None = None,
                 progress: Progress | None = None) -> dict:
    """Write a clean plan (one transaction, the caller's). Returns counts."""
    if plan.problems:
        raise ImportRefused([str(p) for p in plan.problems])
    source = plan.sheet.path.name
    from desktop.models.limits import check_row

    # The rows go in by Core INSERT/UPDATE (no flush check): each is measured first, by its row.
    for r in plan.new_rows:
        check_row(Student.__table__, r, row=r["row"])
    for u in plan.updates:
        check_row(Student.__table__, u["changes"], row=u["row"])
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
    if movements:
        session.execute(insert(Movement), movements)
    # Changed fields: one UPDATE per student, every field in the audit with the file's name.
    for u in plan.updates:
        if u["changes"]:
            # version + 1: a copy of this student open elsewhere must not be saved over the import.
            session.execute(Student.__table__.update().where(Student.id == u["id"])
                            .values(**u["changes"], version=Student.__table__.c.version + 1))
            audit.record_rows(session, audit.Action.UPDATE, "student", (
                (u["id"], f, u["before"].get(f), new) for f, new in u["changes"].items()), source)
    # Group changes: transfers under the movements rules, one order, one call per target group.
    by_target: dict[int, list[int]] = {}
    for u in plan.updates:
        if "group" in u:
            by_target.setdefault(groups[u["group"].casefold()][0], []).append(u["id"])
    for gid, sids in by_target.items():
        apply_movement(session, sids, MovementKind.TRANSFER, order, group_id=gid, number_required=False,
                       source=source)
    # New students: ONE audit entry (ids of the new rows), not 10,000 × 12.
    audit.record_bulk(session, audit.Action.IMPORT, "student", ids,
                      f"changed {len(plan.updates)}" if plan.updates else "", source)
    step(progress, 4, 4)
    return {"added": len(ids), "changed": len(plan.updates), "unchanged": len(plan.unchanged),
            "groups": list(plan.new_groups)}


def import_students(session: Session, path: str | Path, *, dry_run: bool = False, mapping: dict | None = None,
                    header_row: int | None = None, default_group: str | None = None, order: Order | None = None,
                    progress: Progress | None = None, sheet_name: str | None = None,
                    map_specs: list[str] | None = None, ignore_columns: list[str] | None = None) -> ImportPlan:
    """Read, check and (unless ``dry_run``) write a student list; raises ImportRefused listing every problem."""
    from desktop.models import settings
    from desktop.reports.student_import import (
        apply_mapping_text,
        column_index,
        find_header,
    )

    sheet = read_sheet(path, sheet=sheet_name, limit=int(settings.get(session, settings.IMPORT_ROW_LIMIT.key)))
    if header_row is not None:
        sheet.header_row = header_row
        if mapping is None:
            sheet.mapping = find_header(sheet.rows[header_row:header_row + 1])[1]
    if mapping is not None:
        sheet.mapping = dict(mapping)
    if map_specs:
        apply_mapping_text(sheet, map_specs)
    for letter in ignore_columns or []:
        col = column_index(letter)
        if col is None:
            raise ImportRefused([_("--ignore-column {letter}: not a column letter (A, B, … G).").format(
                letter=letter)])
        sheet.ignored_columns.add(col)
    plan = plan_import(session, sheet, default_group=default_group, progress=progress,
                       on=order.effective_date if order else None)
    if plan.problems:
        refused = ImportRefused([str(p) for p in plan.problems])
        refused.doubtful = [(sheet.column_label(c).split(" ")[0], sheet.column_title(c))
                            for c, _like in sheet.doubtful_columns()]
        raise refused
    if not dry_run:
        apply_import(session, plan, order, progress)
    return plan
