"""The faculty's own particulars, as the set-up assistant asks them and the Faculty editor keeps
them: university and faculty names, city, country for working days, the academic year and its
layout, and the people who sign (dean, deputy, methodist: name and position).

The people are Staff rows with a role (``org.StaffRole``), so every document that asks
``staff_by_role`` finds them. No Qt: the wizard, the editor and the tests call these.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, LabelledEnum, _
from desktop.models import settings
from desktop.models.base import DomainError
from desktop.models.org import (
    AcademicYear,
    Faculty,
    Staff,
    StaffRole,
    get_or_create_year,
    parse_year_name,
    short_name,
    staff_by_role,
)

YEAR_LAYOUT = settings.declare("year_layout", "semester", ("semester", "trimester"))


class Country(LabelledEnum):
    """The country whose working days and holidays the office keeps."""

    KG = "KG", N_("Kyrgyzstan")
    KZ = "KZ", N_("Kazakhstan")
    RU = "RU", N_("Russia")


COUNTRIES = tuple(country.value for country in Country)
# The signing people the editor asks for, in order, with the label of each.
PEOPLE = (StaffRole.DEAN, StaffRole.VICE_DEAN, StaffRole.METHODIST)
PEOPLE_LABELS = {StaffRole.DEAN: N_("Dean"), StaffRole.VICE_DEAN: N_("Deputy dean"),
                 StaffRole.METHODIST: N_("Methodist")}


@dataclass
class Person:
    name: str = ""  # "Сопуев Уланбек Абдиевич": last name first
    position: str = ""


@dataclass
class FacultyProfile:
    university: str = ""
    faculty: str = ""
    city: str = ""
    country: str = "KG"
    year: str = ""  # "2026-2027"
    layout: str = "semester"
    people: dict[str, Person] = field(default_factory=dict)  # role value -> Person

    def person(self, role: StaffRole) -> Person:
        return self.people.get(role.value, Person())


def has_faculty(session: Session) -> bool:
    return session.scalar(select(Faculty.id).limit(1)) is not None


def load_profile(session: Session) -> FacultyProfile:
    faculty = session.scalar(select(Faculty).order_by(Faculty.id).limit(1))
    year = session.scalar(select(AcademicYear.name).order_by(AcademicYear.name.desc()).limit(1))
    people = {}
    for role in PEOPLE:
        member = next(iter(staff_by_role(session, role)), None)
        if member is not None:
            people[role.value] = Person(member.full_name, member.position)
    return FacultyProfile(
        university=faculty.university if faculty else "", faculty=faculty.name if faculty else "",
        city=faculty.city if faculty else "", country=settings.get(session, "country"), year=year or "",
        layout=settings.get(session, YEAR_LAYOUT.key), people=people)


def _clean(profile: FacultyProfile) -> FacultyProfile:
    text = {f.name: " ".join(str(getattr(profile, f.name) or "").split())
            for f in fields(profile) if f.name != "people"}
    people = {role: Person(" ".join(p.name.split()), " ".join(p.position.split()))
              for role, p in profile.people.items()}
    clean = replace(profile, **text, people=people)
    if not clean.faculty:
        raise DomainError(_("Faculty name: the faculty's name is required."))
    for label, value, limit in ((_("University"), clean.university, 300), (_("Faculty name"), clean.faculty, 300),
                                (_("City"), clean.city, 100)):
        if len(value) > limit:
            raise DomainError(_("{field}: at most {n} characters.").format(field=label, n=limit))
    if clean.country not in COUNTRIES:
        raise DomainError(_("Country: choose one of {choices}.").format(choices=", ".join(COUNTRIES)))
    if clean.layout not in (YEAR_LAYOUT.choices or ()):
        raise DomainError(_("Academic year layout: semesters or trimesters."))
    if clean.year:
        parse_year_name(clean.year)
    for role, person in clean.people.items():
        label = _(PEOPLE_LABELS[StaffRole(role)])
        if person.position and not person.name:
            raise DomainError(_("{person}: the name is required when a position is given.").format(person=label))
        if len(person.name.split()) > 0 and len(person.name) > 300:
            raise DomainError(_("{field}: at most {n} characters.").format(field=label, n=300))
    return clean


def _split(name: str) -> tuple[str, str, str]:
    """"Сопуев Уланбек Абдиевич" -> last, first, patronymic; "Рашид кызы Бермет" keeps the
    two-word Kyrgyz last name."""
    parts = name.split()
    if len(parts) >= 3 and parts[1].casefold() in ("уулу", "кызы", "ұлы", "қызы"):
        parts = [f"{parts[0]} {parts[1]}", *parts[2:]]
    return parts[0], parts[1] if len(parts) > 1 else "", " ".join(parts[2:])


@dataclass(frozen=True, slots=True)
class ProfileUndo:
    """What :func:`undo_save` needs to put back what :func:`save_profile` changed."""

    profile: FacultyProfile  # as it was before the save
    created_faculty: int | None  # the faculty row the save made, if it made one
    created_staff: tuple[int, ...]  # staff members the save made
    roles: dict[int, list[str]]  # staff id -> the role values that member had
    staff: dict[int, str]  # staff id -> the position that member had


def save_profile(session: Session, profile: FacultyProfile) -> ProfileUndo:
    """Write the profile in the caller's transaction; returns what :func:`undo_save` needs.

    A blank person is "not stated": whoever holds that role stays. A person named differently
    from the current holder becomes the holder: an existing staff member of that full name takes
    the role, else a new staff member is made."""
    clean = _clean(profile)
    before = load_profile(session)
    created_faculty: int | None = None
    created_staff: list[int] = []
    old_roles: dict[int, list[str]] = {}
    old_positions: dict[int, str] = {}
    faculty = session.scalar(select(Faculty).order_by(Faculty.id).limit(1))
    if faculty is None:
        faculty = Faculty(name=clean.faculty)
        session.add(faculty)
        session.flush()
        created_faculty = faculty.id
    faculty.name, faculty.university, faculty.city = clean.faculty, clean.university, clean.city
    settings.put(session, "country", clean.country)
    settings.put(session, YEAR_LAYOUT.key, clean.layout)
    if clean.year:
        get_or_create_year(session, clean.year)
    for role in PEOPLE:
        person = clean.people.get(role.value)
        if person is None or not person.name:
            continue
        holders = staff_by_role(session, role)
        current = holders[0] if holders else None
        if current is not None and current.full_name == person.name:
            old_positions.setdefault(current.id, current.position)
            current.position = person.position
            continue
        last, first, patronymic = _split(person.name)
        member = next((m for m in session.scalars(select(Staff).where(Staff.last_name == last))
                       if m.full_name == person.name), None)
        if member is None:
            member = Staff(last_name=last, first_name=first, patronymic=patronymic,
                           short_name=short_name(last, first, patronymic), position=person.position)
            session.add(member)
            session.flush()
            created_staff.append(member.id)
        else:
            old_positions.setdefault(member.id, member.position)
            member.position = person.position
        for holder in holders:  # the role moves to the named person
            old_roles.setdefault(holder.id, sorted(r.value for r in holder.roles))
            holder.roles = holder.roles - {role}
        old_roles.setdefault(member.id, sorted(r.value for r in member.roles))
        member.roles = member.roles | {role}
    session.flush()
    return ProfileUndo(before, created_faculty, tuple(created_staff), old_roles, old_positions)


def undo_save(session: Session, undo: ProfileUndo) -> None:
    """Put back what :func:`save_profile` changed (one transaction)."""
    old = undo.profile
    for staff_id, roles in undo.roles.items():
        member = session.get(Staff, staff_id)
        if member is not None:
            member.roles = roles
    for staff_id, position in undo.staff.items():
        member = session.get(Staff, staff_id)
        if member is not None:
            member.position = position
    for staff_id in undo.created_staff:
        member = session.get(Staff, staff_id)
        if member is not None:
            session.delete(member)
    if undo.created_faculty is not None:
        faculty = session.get(Faculty, undo.created_faculty)
        if faculty is not None:
            session.delete(faculty)
    else:
        faculty = session.scalar(select(Faculty).order_by(Faculty.id).limit(1))
        if faculty is not None:
            faculty.name, faculty.university, faculty.city = old.faculty, old.university, old.city
    settings.put(session, "country", old.country)
    settings.put(session, YEAR_LAYOUT.key, old.layout)
    session.flush()


def save_profile_op(session: Session, profile: FacultyProfile):
    """Save the profile (operations layer, models/operations.py); undo puts back what it changed."""
    from desktop.models.operations import Change, Outcome, bind, undo_by

    changes = Change.FACULTY | Change.STAFF | Change.COUNTRY
    undo = save_profile(session, profile)
    return Outcome(None, undo_by(bind(undo_save, undo), bind(save_profile_op, profile), changes), changes)
