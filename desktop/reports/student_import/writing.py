"""Writing a clean plan at once (Core ``insert()`` executemany: 10,000 rows take about as long as
reading them), and the whole import: read, check, write."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop import clock
from desktop.i18n import _
from desktop.logs import event_on_commit
from desktop.models import audit
from desktop.models.contingent import Group, Student, StudentStatus, StudyForm
from desktop.models.movements import (
    Movement,
    MovementKind,
    Order,
    apply_movement,
)
from desktop.models.progress import Progress, step
from desktop.models.students import guess_group
from desktop.reports.student_import.checking import plan_import
from desktop.reports.student_import.plan import ImportCounts, ImportPlan
from desktop.reports.student_import.sheet import (
    ImportRefused,
    apply_mapping_text,
    column_index,
    find_header,
    read_sheet,
)


def apply_import(session: Session, plan: ImportPlan, order: Order | None = None,
                 progress: Progress | None = None) -> ImportCounts:
    """Write a clean plan (one transaction, the caller's). Returns counts."""
    if plan.problems:
        raise ImportRefused([str(p) for p in plan.problems])
    started = time.perf_counter()
    source = plan.sheet.path.name
    from desktop.models.limits import check_row

    # The rows go in by Core INSERT/UPDATE (no flush check): each is measured first, by its row.
    for r in plan.new_rows:
        check_row(Student.__table__, r, row=r["row"])
    for u in plan.updates:
        check_row(Student.__table__, u.changes, row=u.row)
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
        if u.changes:
            # version + 1: a copy of this student open elsewhere must not be saved over the import.
            session.execute(Student.__table__.update().where(Student.id == u.id)
                            .values(**u.changes, version=Student.__table__.c.version + 1))
            audit.record_rows(session, audit.Action.UPDATE, "student", (
                (u.id, f, u.before.get(f), new) for f, new in u.changes.items()), source)
    # Group changes: transfers under the movements rules, one order, one call per target group.
    by_target: dict[int, list[int]] = {}
    for u in plan.updates:
        if u.group is not None:
            by_target.setdefault(groups[u.group.casefold()][0], []).append(u.id)
    for gid, sids in by_target.items():
        apply_movement(session, sids, MovementKind.TRANSFER, order, group_id=gid, number_required=False,
                       source=source)
    # New students: ONE audit entry (ids of the new rows), not 10,000 × 12.
    audit.record_bulk(session, audit.Action.IMPORT, "student", ids,
                      f"changed {len(plan.updates)}" if plan.updates else "", source)
    step(progress, 4, 4)
    event_on_commit(session, "students imported", file=source, added=len(ids), changed=len(plan.updates),
                    unchanged=len(plan.unchanged), new_groups=len(plan.new_groups),
                    ms=round((time.perf_counter() - started) * 1000))
    return ImportCounts(len(ids), len(plan.updates), len(plan.unchanged), list(plan.new_groups))


def import_students(session: Session, path: str | Path, *, dry_run: bool = False, mapping: dict[str, int] | None = None,
                    header_row: int | None = None, default_group: str | None = None, order: Order | None = None,
                    progress: Progress | None = None, sheet_name: str | None = None,
                    map_specs: list[str] | None = None, ignore_columns: list[str] | None = None) -> ImportPlan:
    """Read, check and (unless ``dry_run``) write a student list; raises ImportRefused listing every problem."""
    from desktop.models import settings

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
