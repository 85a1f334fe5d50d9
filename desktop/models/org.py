"""The faculty and its people: departments, staff and their roles, programmes, academic years."""

from __future__ import annotations

import datetime as dt
import re
from typing import TypedDict, cast

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from desktop import dates
from desktop.i18n import N_, LabelledEnum, _
from desktop.models import records
from desktop.models.base import Base, DomainError, Versioned
from desktop.models.operations import Change, Outcome, bind, delete_record


class Faculty(Base):
    __tablename__ = "faculty"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    university: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(100), default="")

    departments: Mapped[list[Department]] = relationship(back_populates="faculty")


class Department(Base):
    __tablename__ = "department"

    id: Mapped[int] = mapped_column(primary_key=True)
    faculty_id: Mapped[int] = mapped_column(ForeignKey("faculty.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(100), default="")

    faculty: Mapped[Faculty] = relationship(back_populates="departments")
    staff: Mapped[list[Staff]] = relationship(back_populates="department")


class StaffRole(LabelledEnum):
    DEAN = "dean", N_("Dean")
    VICE_DEAN = "vice_dean", N_("Vice-dean")
    METHODIST = "methodist", N_("Methodist")
    HEAD_OF_DEPARTMENT = "head_of_department", N_("Head of department")
    CURATOR = "curator", N_("Curator")
    PROGRAMME_LEAD = "programme_lead", N_("Programme lead")
    TEACHER = "teacher", N_("Teacher")
    SECRETARY = "secretary", N_("Secretary")


class Staff(Versioned, Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100), default="")
    patronymic: Mapped[str] = mapped_column(String(100), default="")
    # As the office writes it in plans: "Сопуев У.А."
    short_name: Mapped[str] = mapped_column(String(120))
    position: Mapped[str] = mapped_column(String(200), default="")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="SET NULL"))
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    active: Mapped[bool] = mapped_column(default=True)

    department: Mapped[Department | None] = relationship(back_populates="staff")
    role_rows: Mapped[list[StaffRoleAssignment]] = relationship(
        cascade="all, delete-orphan", back_populates="staff", lazy="selectin"
    )

    @property
    def roles(self) -> set[StaffRole]:
        return {StaffRole(r.role) for r in self.role_rows}

    @roles.setter
    def roles(self, roles) -> None:
        wanted = {StaffRole(r) for r in roles}
        self.role_rows = [r for r in self.role_rows if StaffRole(r.role) in wanted]
        have = {StaffRole(r.role) for r in self.role_rows}
        for role in sorted(wanted - have):
            self.role_rows.append(StaffRoleAssignment(role=role.value))

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)


class StaffRoleAssignment(Base):
    __tablename__ = "staff_role"
    __table_args__ = (UniqueConstraint("staff_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(30))

    staff: Mapped[Staff] = relationship(back_populates="role_rows")


def short_name(last_name: str, first_name: str = "", patronymic: str = "") -> str:
    """"Сопуев", "Уланбек", "Абдиевич" -> "Сопуев У.А."; Kyrgyz "уулу"/"кызы" patronymics keep one initial."""
    initials = "".join(f"{p.strip()[0]}." for p in (first_name, patronymic) if p and p.strip())
    return f"{last_name.strip()} {initials}".strip()


class ProgrammeLevel(LabelledEnum):
    BACHELOR = "bachelor", N_("Bachelor")
    MASTER = "master", N_("Master")
    SPECIALIST = "specialist", N_("Specialist")
    DOCTORAL = "doctoral", N_("Doctoral")


PROGRAMME_CODE = re.compile(r"^[0-9A-Za-z.\-]{3,20}$")


class Programme(Versioned, Base):
    __tablename__ = "programme"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    level: Mapped[str] = mapped_column(String(20), default=ProgrammeLevel.BACHELOR.value)
    # The study forms it is taught in, comma-separated values of contingent.StudyForm ("full_time,distance").
    study_forms: Mapped[str] = mapped_column(String(60), default="full_time", server_default="full_time")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="SET NULL"))

    department: Mapped[Department | None] = relationship()


class AcademicYear(Base):
    __tablename__ = "academic_year"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(9), unique=True)  # "2025-2026"
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)

    @property
    def first_year(self) -> int:
        return int(self.name[:4])


def parse_year_name(name: str) -> tuple[int, int]:
    """"2025-2026" -> (2025, 2026); anything else is refused with a clear message."""
    try:
        return dates.parse_academic_year(name)
    except ValueError:
        raise DomainError(_("The academic year must be written like 2025-2026, not “{value}”.").format(
            value=name)) from None


academic_year_of = dates.academic_year_of  # the academic year a date belongs to, "2025-2026"


def get_or_create_year(session: Session, name: str) -> AcademicYear:
    first, _second = parse_year_name(name)
    year = session.scalar(select(AcademicYear).where(AcademicYear.name == name))
    if year is None:
        start, end = dates.academic_year_bounds(first)
        year = AcademicYear(name=name, start_date=start, end_date=end)
        session.add(year)
        session.flush()
    return year


def the_faculty(session: Session) -> Faculty | None:
    """The faculty this database belongs to (one per database)."""
    return session.scalar(select(Faculty).order_by(Faculty.id).limit(1))


def has_faculty(session: Session) -> bool:
    """Whether the faculty has been set up (a new, empty database has none). Plain SQL on purpose:
    the window asks this at start, before any ORM query has configured the mappers (some 25 ms)."""
    return session.execute(text("SELECT 1 FROM faculty LIMIT 1")).first() is not None


def faculty_name(session: Session) -> str:
    """The faculty's name, read through the table alone (Core): the window's title asks it right
    after the first paint, before any mapper needs configuring."""
    table = Faculty.__table__
    return session.scalar(select(table.c.name).order_by(table.c.id).limit(1)) or ""


# Operations for the staff and programmes editor ---------------------------------------

def _required(label: str):
    def check(_session: Session, _record, value):
        value = (value or "").strip()
        if not value:
            raise DomainError(_(label))
        return value

    return check


def _programme_code(session: Session, record, value):
    value = (value or "").strip()
    if not PROGRAMME_CODE.match(value):
        raise DomainError(_("Programme code “{code}”: use 3-20 letters or digits, like 510100.").format(code=value))
    clash = session.scalar(select(Programme.id).where(Programme.code == value, Programme.id != record.id))
    if clash:
        raise DomainError(_("Programme code {code} is already used.").format(code=value))
    return value


def _programme_level(_session, _record, value):
    return ProgrammeLevel(value).value


STAFF_VALIDATORS = {"last_name": _required(N_("The last name is required.")),
                    "short_name": _required(N_("The short name is required."))}
PROGRAMME_VALIDATORS = {"code": _programme_code, "name": _required(N_("The programme name is required.")),
                        "level": _programme_level, "study_forms": lambda _s, _r, v: clean_study_forms(v)}


class StaffRow(TypedDict):
    """A staff member as the Staff tab, the meetings' member lists and the request steps show it."""

    id: int
    last_name: str
    first_name: str
    patronymic: str
    short_name: str
    position: str
    email: str
    phone: str
    roles: list[str]  # StaffRole values, sorted
    active: bool
    department: str  # the department's short name (or name), "" for none


class ProgrammeRow(TypedDict):
    id: int
    code: str
    name: str
    level: str  # a ProgrammeLevel value
    study_forms: str  # "full_time,distance"


def staff_rows(session: Session) -> list[StaffRow]:
    rows: list[StaffRow] = []
    for m in session.scalars(select(Staff).order_by(Staff.last_name, Staff.first_name)):
        rows.append({
            "id": m.id, "last_name": m.last_name, "first_name": m.first_name, "patronymic": m.patronymic,
            "short_name": m.short_name, "position": m.position, "email": m.email, "phone": m.phone,
            "roles": sorted(r.value for r in m.roles), "active": m.active,
            "department": m.department.short_name or m.department.name if m.department else "",
        })
    return rows


def add_staff(session: Session, last_name: str, first_name: str = "", patronymic: str = "",
              position: str = "", roles=(), staff_id: int | None = None) -> int:
    last_name = last_name.strip()
    if not last_name:
        raise DomainError(_("The last name is required."))
    member = Staff(id=staff_id, last_name=last_name, first_name=first_name.strip(), patronymic=patronymic.strip(),
                   short_name=short_name(last_name, first_name, patronymic), position=position)
    member.roles = roles
    session.add(member)
    session.flush()
    return member.id


def set_staff_roles(session: Session, staff_id: int, roles) -> set[StaffRole]:
    member = session.get(Staff, staff_id)
    if member is None:
        raise DomainError(_("This staff member no longer exists."))
    old = member.roles
    member.roles = roles
    session.flush()
    return old


def staff_by_role(session: Session, role: StaffRole) -> list[Staff]:
    return list(session.scalars(
        select(Staff).join(StaffRoleAssignment).where(StaffRoleAssignment.role == role.value)
        .order_by(Staff.last_name)))


def programme_rows(session: Session) -> list[ProgrammeRow]:
    return [
        {"id": p.id, "code": p.code, "name": p.name, "level": p.level, "study_forms": p.study_forms}
        for p in session.scalars(select(Programme).order_by(Programme.code))
    ]


def clean_study_forms(value) -> str:
    """"full_time,distance" from a list or a comma-separated text; at least one form."""
    from desktop.models.contingent import StudyForm

    items = value.split(",") if isinstance(value, str) else list(value or [])
    forms = []
    for item in (str(i).strip() for i in items):
        if not item:
            continue
        try:
            form = StudyForm(item).value
        except ValueError:
            raise DomainError(_("Unknown study form “{value}”.").format(value=item)) from None
        if form not in forms:
            forms.append(form)
    if not forms:
        raise DomainError(_("Study forms: choose at least one."))
    return ",".join(forms)


def add_programme(session: Session, code: str, name: str, level: str = ProgrammeLevel.BACHELOR.value,
                  programme_id: int | None = None, study_forms="full_time") -> int:
    probe = Programme(id=programme_id or -1)
    code = _programme_code(session, probe, code)
    name = _required(N_("The programme name is required."))(session, probe, name)
    programme = Programme(id=programme_id, code=code, name=name, level=ProgrammeLevel(level).value,
                          study_forms=clean_study_forms(study_forms))
    session.add(programme)
    session.flush()
    return programme.id


# Operations (undoable, models/operations.py) ------------------------------------------------------
def add_staff_op(session: Session, last_name: str, first_name: str = "", patronymic: str = "",
                 staff_id: int | None = None) -> Outcome[int]:
    """A new staff member; undo deletes them (redo brings them back with the same id)."""
    new_id = add_staff(session, last_name, first_name, patronymic, staff_id=staff_id)
    return Outcome(new_id, bind(delete_staff_op, new_id), Change.STAFF)


def delete_staff_op(session: Session, staff_id: int, expected: records.Snapshot | None = None
                    ) -> Outcome[records.Snapshot]:
    """Delete a staff member; undo restores them with their roles. ``expected``: the row as the
    list showed it (or, for a redo, as the undo put it back, ``roles`` included); another office's
    change meanwhile is refused as stale, never deleted unseen."""
    member = session.get(Staff, staff_id)
    roles = {r.value for r in member.roles} if member else set()
    if expected is not None and "roles" in expected and member is not None and sorted(roles) != sorted(
            r.value if isinstance(r, StaffRole) else r for r in expected["roles"]):
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"staff {staff_id}: roles changed meanwhile")
    data = records.delete(session, Staff, staff_id, expected)
    return Outcome(data, bind(restore_staff_op, data, roles), Change.STAFF)


def restore_staff_op(session: Session, data: records.Snapshot, roles) -> Outcome[int]:
    member = cast(Staff, records.restore(session, Staff, data))
    member.roles = roles
    session.flush()
    return Outcome(member.id, bind(delete_staff_op, member.id, {**data, "roles": sorted(roles)}), Change.STAFF)


def set_staff_roles_op(session: Session, staff_id: int, roles) -> Outcome[set[str]]:
    """Replace a member's roles; undo puts the old ones back."""
    old = {r.value if isinstance(r, StaffRole) else r for r in set_staff_roles(session, staff_id, roles)}
    return Outcome(old, bind(set_staff_roles_op, staff_id, old), Change.STAFF)


def add_programme_op(session: Session, code: str, name: str, programme_id: int | None = None) -> Outcome[int]:
    new_id = add_programme(session, code, name, programme_id=programme_id)
    return Outcome(new_id, bind(delete_record, Programme, new_id), Change.PROGRAMMES)
