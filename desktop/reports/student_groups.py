"""The group names of a student list in Excel (the set-up assistant creates them as groups)."""

from __future__ import annotations

from pathlib import Path

from desktop.reports.student_import import read_sheet


def groups_in_student_list(path: str | Path) -> list[str]:
    """Distinct group names under the list's group column, in the order they first appear;
    [] when the list has no group column. A damaged file raises ImportRefused."""
    sheet = read_sheet(path)
    col = sheet.mapping.get("group")
    if sheet.header_row is None or col is None:
        return []
    names: dict[str, str] = {}
    for row in sheet.rows[sheet.header_row + 1:]:
        if col < len(row) and row[col][0] is not None and not row[col][1]:
            name = " ".join(str(row[col][0]).split())
            if name and len(name) <= 40:
                names.setdefault(name.casefold(), name)
    return list(names.values())
