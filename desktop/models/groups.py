"""Groups of the faculty managed by hand: create, rename, move to another programme or course,
archive a graduated group (no Qt; the window's Groups tab and ``dekanat groups`` call these).

Each function is one unit of work in the caller's session and returns what undo needs.
"""

from __future__ import annotations

from typing import TypedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import clock
from desktop.i18n import LANGUAGES, N_, LabelledEnum, _
from desktop.models.base import DomainError
from desktop.models.contingent import Group, Student, StudentStatus, StudyForm
from desktop.models.operations import Change, Outcome, bind
from desktop.models.org import Programme

MAX_COURSE = 6
# Languages a group may be taught in (the interface languages and English).
TEACHING_LANGUAGES = LANGUAGES


class TeachingLanguage(LabelledEnum):
    KY = "ky", N_("Kyrgyz")
    KK = "kk", N_("Kazakh")
    RU = "ru", N_("Russian")
    EN = "en", N_("English")


def _name(session: Session, value, group_id: int | None = None) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise DomainError(_("The group name is required."))
    if len(value) > 40:
        raise DomainError(_("The group name “{name}” is longer than 40 characters.").format(name=value))
    wanted = value.casefold()
    for gid, name in session.execute(select(Group.id, Group.name)):
        if gid != group_id and name.casefold() == wanted:
            raise DomainError(_("A group named {name} already exists.").format(name=name))
    return value


def _course(value) -> int:
    try:
        course = int(str(value).strip())
    except (TypeError, ValueError):
        course = 0
    if not 1 <= course <= MAX_COURSE:
        raise DomainError(_("The course must be a number from 1 to {n}, not “{value}”.").format(
            n=MAX_COURSE, value=value))
    return course


def _programme_id(session: Session, value) -> int | None:
    """A programme id, or a code as typed on the command line; None or "" means no programme."""
    if value is None or value == "":
        return None
    if isinstance(value, int):
        if session.get(Programme, value) is None:
            raise DomainError(_("The programme no longer exists."))
        return value
    code = str(value).strip()
    pid = session.scalar(select(Programme.id).where(Programme.code == code))
    if pid is None:
        raise DomainError(_("There is no programme with the code {code}.").format(code=code))
    return pid


def _study_form(value) -> str:
    try:
        return StudyForm(value or StudyForm.FULL_TIME.value).value
    except ValueError:
        raise DomainError(_("Unknown study form “{value}”.").format(value=value)) from None


def _language(value) -> str:
    value = (value or "").strip() or TEACHING_LANGUAGES[0]
    if value not in TEACHING_LANGUAGES:
        raise DomainError(_("Unknown language of instruction “{value}”.").format(value=value))
    return value


GROUP_VALIDATORS = {
    "name": lambda s, r, v: _name(s, v, r.id),
    "course": lambda s, r, v: _course(v),
    "programme_id": lambda s, r, v: _programme_id(s, v),
    "study_form": lambda s, r, v: _study_form(v),
    "language": lambda s, r, v: _language(v),
}


def _get(session: Session, group_id: int) -> Group:
    group = session.get(Group, group_id) if group_id is not None else None
    if group is None:
        raise DomainError(_("The group no longer exists."))
    return group


class GroupRow(TypedDict):
    """A group with its programme and student counts (the Groups tab, ``dekanat groups list``)."""

    id: int
    name: str
    course: int
    study_form: str
    language: str
    intake_year: int | None
    programme_id: int | None
    programme_code: str  # "" for none
    programme_name: str
    active: bool
    students: int  # studying
    on_leave: int


class GroupValues(TypedDict):
    """A new group's fields as the "New group" dialog hands them to ``create_group_op``."""

    name: str
    programme: int | str | None  # an id or a programme code, None for none
    course: int
    study_form: str
    language: str


def group_list(session: Session, *, archived: bool = True) -> list[GroupRow]:
    """Every group with its programme and student counts (studying / on leave), for the
    Groups tab and ``dekanat groups list``; archived groups too unless ``archived`` is False."""
    g, p, st = Group.__table__.c, Programme.__table__.c, Student.__table__.c
    counts: dict[int, dict[str, int]] = {}
    for gid, status, n in session.execute(select(st.group_id, st.status, func.count())
                                          .group_by(st.group_id, st.status)):
        counts.setdefault(gid, {})[status] = n
    q = (select(g.id, g.name, g.course, g.study_form, g.language, g.intake_year, g.programme_id, p.code,
                p.name, g.active)
         .select_from(Group.__table__.outerjoin(Programme.__table__, p.id == g.programme_id))
         .order_by(g.active.desc(), p.code, g.course, g.name))
    rows: list[GroupRow] = []
    for gid, name, course, form, lang, intake, pid, code, pname, active in session.execute(q):
        if not active and not archived:
            continue
        c = counts.get(gid, {})
        rows.append({"id": gid, "name": name, "course": course, "study_form": form, "language": lang,
                     "intake_year": intake, "programme_id": pid, "programme_code": code or "",
                     "programme_name": pname or "", "active": bool(active),
                     "students": c.get(StudentStatus.STUDYING.value, 0),
                     "on_leave": c.get(StudentStatus.ACADEMIC_LEAVE.value, 0)})
    return rows


def create_group(session: Session, name: str, *, programme=None, course=1,
                 study_form: str | None = None, language: str | None = None, intake_year: int | None = None,
                 group_id: int | None = None) -> int:
    """A new, active group. ``programme`` is an id or a programme code. Returns its id."""
    group = Group(id=group_id, name=_name(session, name), programme_id=_programme_id(session, programme),
                  course=_course(course), study_form=_study_form(study_form), language=_language(language),
                  intake_year=intake_year, active=True)
    session.add(group)
    session.flush()
    return group.id


def rename_group(session: Session, group_id: int, new_name: str) -> str:
    """Returns the old name."""
    group = _get(session, group_id)
    old = group.name
    group.name = _name(session, new_name, group_id)
    session.flush()
    return old


def set_group_programme(session: Session, group_id: int, programme) -> int | None:
    group = _get(session, group_id)
    old = group.programme_id
    group.programme_id = _programme_id(session, programme)
    session.flush()
    return old


def set_group_course(session: Session, group_id: int, course) -> int:
    group = _get(session, group_id)
    old = group.course
    group.course = _course(course)
    session.flush()
    return old


def set_group_archived(session: Session, group_id: int, archived: bool = True) -> bool:
    """Archive a graduated group (it leaves the lists of groups to enrol or move students into),
    or bring it back. A group with students still studying is not archived. Returns the old state."""
    group = _get(session, group_id)
    old = not group.active
    if archived and not old:
        studying = session.scalar(select(func.count()).select_from(Student).where(
            Student.group_id == group_id, Student.status == StudentStatus.STUDYING.value))
        if studying:
            raise DomainError(_("Group {name} still has {n} students studying; graduate or move them "
                                "before archiving it.").format(name=group.name, n=studying))
    group.active = not archived
    session.flush()
    return old


def delete_empty_group(session: Session, group_id: int) -> None:
    """Undo of a creation: the group goes only while nobody was ever placed in it."""
    group = _get(session, group_id)
    if session.scalar(select(func.count()).select_from(Student).where(Student.group_id == group_id)):
        raise DomainError(_("Group {name} has students; archive it instead.").format(name=group.name))
    session.delete(group)
    session.flush()


def find_group(session: Session, name: str) -> Group:
    from desktop.models.students import group_by_name

    group = group_by_name(session, name)
    if group is None:
        raise DomainError(_("There is no group named {name}.").format(name=name.strip()))
    return group


def guess_course(name: str, today=None) -> int:
    """The course a group name suggests ("ПИ-2-24": admitted in 2024, so the 3rd course in
    2026-2027); 1 when the name says nothing."""

    from desktop.models.org import academic_year_of
    from desktop.models.students import GROUP_NAME

    m = GROUP_NAME.match(" ".join(name.split()))
    if not m:
        return 1
    first_year = int(academic_year_of(today or clock.today())[:4])
    return min(max(first_year - (2000 + int(m.group("yy"))) + 1, 1), MAX_COURSE)


# Operations (undoable, models/operations.py) ------------------------------------------------------
def create_group_op(session: Session, name: str, *, group_id: int | None = None, **values) -> Outcome[int]:
    """A new group; undo removes it while nobody was placed in it."""
    new_id = create_group(session, name, group_id=group_id, **values)
    return Outcome(new_id, bind(delete_empty_group_op, new_id), Change.GROUPS)


def delete_empty_group_op(session: Session, group_id: int) -> Outcome[None]:
    group = _get(session, group_id)
    values = {"name": group.name, "programme": group.programme_id, "course": group.course,
              "study_form": group.study_form, "language": group.language, "intake_year": group.intake_year}
    delete_empty_group(session, group_id)
    return Outcome(None, bind(create_group_op, group_id=group_id, **values), Change.GROUPS)


def set_group_archived_op(session: Session, group_id: int, archived: bool = True) -> Outcome[bool]:
    old = set_group_archived(session, group_id, archived)
    return Outcome(old, bind(set_group_archived_op, group_id, old), Change.GROUPS)
