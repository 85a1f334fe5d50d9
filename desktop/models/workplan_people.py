"""Who is responsible for a plan item: staff members matched by their short names, roles
("каф. башчылары", "кураторлор", "Деканат"), and the office's text kept as written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, LabelledEnum, Translator, current


class ResponsibleRole(LabelledEnum):
    """A role named as responsible for a plan item (stored in ``WorkPlanResponsible.role``): the
    dean's office, or the staff who hold a ``StaffRole`` (the same values), named as a group."""

    DEANS_OFFICE = "deans_office", N_("Dean's office")
    DEAN = "dean", N_("Dean")
    VICE_DEAN = "vice_dean", N_("Vice-deans")
    METHODIST = "methodist", N_("Methodists")
    HEAD_OF_DEPARTMENT = "head_of_department", N_("Heads of departments")
    CURATOR = "curator", N_("Curators")
    PROGRAMME_LEAD = "programme_lead", N_("Programme leads")
    TEACHER = "teacher", N_("Teachers")


DEANS_OFFICE = ResponsibleRole.DEANS_OFFICE.value


def role_label(role: str, tr: Translator | None = None) -> str:
    """A stored role in the interface language (or ``tr``'s); a role no longer known as written."""
    try:
        return ResponsibleRole(role).label(tr)
    except ValueError:
        return (tr or current())(role)

# Stems of role words in ky/ru/kk/en (lower case, after removing dots).
_ROLE_PATTERNS = [
    ("head_of_department", ("каф башчы", "кафедра башчы", "кафедранын башчы", "заведующ", "зав каф",
                            "кафедра меңгеруш", "heads of department", "head of department")),
    ("vice_dean", ("орун басар", "заместител", "орынбасар", "vice-dean", "vice dean")),
    ("curator", ("куратор", "curator")),
    ("methodist", ("методист", "әдіскер", "methodist")),
    ("programme_lead", ("программа жетекчи", "руководител", "бағдарлама жетекші", "programme lead")),
    ("teacher", ("окутуучу", "преподавател", "оқытушы", "teacher")),
    (DEANS_OFFICE, ("деканат", "dean's office", "deans office")),
    ("dean", ("декан", "dean")),
]


StaffIndex = dict[str, list[tuple[int, str]]]  # last name (lower case) -> [(staff id, initials such as "УА")]


@dataclass
class ResponsibleRef:
    text: str
    staff_id: int | None = None
    role: str = ""


def staff_index(session: Session) -> StaffIndex:
    """Last name (lower case) -> [(staff id, initials such as "УА")]."""
    from desktop.models.org import Staff

    index: StaffIndex = {}
    for sid, last, first, patronymic in session.execute(
            select(Staff.id, Staff.last_name, Staff.first_name, Staff.patronymic)):
        initials = "".join(p.strip()[0] for p in (first, patronymic) if p and p.strip()).lower()
        index.setdefault(_key(last), []).append((sid, initials))
    return index


def _key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


_INITIALS = re.compile(r"^(.*?)\s*((?:[^\W\d_]\s*\.\s*){1,2})$")
_LEADING_INITIALS = re.compile(r"^((?:[^\W\d_]\s*\.\s*){1,2})\s*(.+)$")


def match_staff(text: str, index: StaffIndex) -> int | None:
    """"Кудуев А.Ж.", "Кудуев А.", "Рашид кызы Б.", "Ж. Абдималик кызы", "Кудуев" -> a staff id."""
    clean = " ".join(text.replace("\n", " ").split()).strip(" ,;")
    if re.search(r"[\s.][^\W\d_]$", clean):  # "Кудуев А" / "Сопуев У.А": the last dot was lost
        clean += "."
    m = _INITIALS.match(clean)
    if m and m.group(1):
        last, initials = m.group(1), re.sub(r"[\s.]", "", m.group(2)).lower()
    else:
        m = _LEADING_INITIALS.match(clean)
        if m:
            last, initials = m.group(2), re.sub(r"[\s.]", "", m.group(1)).lower()
        else:
            last, initials = clean, ""
    candidates = index.get(_key(last), [])
    fitting = [sid for sid, have in candidates if have.startswith(initials) or initials.startswith(have)]
    if len(fitting) == 1:
        return fitting[0]
    if not initials and len(candidates) == 1:
        return candidates[0][0]
    return None


def role_of(text: str) -> str:
    low = " ".join(text.lower().replace(".", " ").split())
    for role, stems in _ROLE_PATTERNS:
        if any(low.startswith(s) or f" {s}" in f" {low}" for s in stems):
            return role
    return ""


def split_responsible(text: str) -> list[str]:
    """Split on commas, semicolons and line ends, re-joining a name cut from its initials."""
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text or "")
    parts = [p.strip() for p in re.split(r"[,;\n]", text)]
    out: list[str] = []
    for p in parts:
        if not p:
            continue
        # "Кудуев" + "А ." on the next line / after a comma belong together
        if out and re.fullmatch(r"(?:[^\W\d_]\s*\.\s*){1,2}", p) and not out[-1].endswith("."):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def parse_responsible(text: str, index: StaffIndex) -> list[ResponsibleRef]:
    refs = []
    for part in split_responsible(text):
        part = " ".join(part.split())
        sid = match_staff(part, index)
        refs.append(ResponsibleRef(text=part, staff_id=sid, role="" if sid else role_of(part)))
    return refs
