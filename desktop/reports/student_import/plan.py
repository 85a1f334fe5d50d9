"""What an import would do (the dry run): students to add and to change, groups to create, rows let
go and every problem, with the lines the window and the command line show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from desktop import dates
from desktop.i18n import N_, _
from desktop.models.contingent import Funding, StudentStatus, StudyForm
from desktop.reports.student_import.sheet import Problem, Sheet
from desktop.reports.student_import.words import ImportField

PERSONAL = ("last_name", "first_name", "patronymic", "record_book", "birth_date", "gender", "funding", "study_form",
            "phone", "email")
# What only an order may change for a student who is not studying, and the order that comes first.
MOVEMENT_FIELDS = ("group", "funding", "study_form")
ORDER_NEEDED: dict[StudentStatus | None, str] = {StudentStatus.EXPELLED: N_("a reinstatement order"),
                StudentStatus.ACADEMIC_LEAVE: N_("a return-from-academic-leave order"),
                StudentStatus.GRADUATED: N_("none: a graduate's record is closed")}


@dataclass(slots=True)
class StudentChange:
    """A stored student the file changes: the fields that change (field -> new value, and the old
    values of the same fields), and the group moved to (a transfer) when ``group`` is not None."""

    id: int
    row: int  # the Excel row
    name: str
    changes: dict[str, Any]
    before: dict[str, Any]
    group: str | None = None
    old_group: str | None = None


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """What an import wrote."""

    added: int
    changed: int
    unchanged: int
    groups: list[str]  # the groups created


@dataclass
class ImportPlan:
    sheet: Sheet
    # students to add: Student's columns by name, with the "group" name and the Excel "row"
    new_rows: list[dict[str, Any]] = field(default_factory=list)
    updates: list[StudentChange] = field(default_factory=list)
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
            if u.group is not None:
                parts.append(_("{field}: {old} → {new}").format(field=ImportField.GROUP.label(),
                                                                 old=u.old_group or "—", new=u.group))
            for f, new in u.changes.items():
                parts.append(_("{field}: {old} → {new}").format(field=ImportField(f).label(),
                                                                 old=_shown(f, u.before.get(f)),
                                                                 new=_shown(f, new)))
            lines.append(_("row {row}, {name}: {changes}").format(row=u.row, name=u.name,
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
        Gender,
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

