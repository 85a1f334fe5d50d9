"""Editing rooms, disciplines and a session's discipline links (the generator's input).

Every function runs in the caller's transaction and returns what its undo needs. Deleting a
room or a discipline some exam uses is refused with a message naming those exams (the office
moves or deletes the exams first); a discipline's links to groups go with it and come back on undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from desktop import dates
from desktop.i18n import _, ngettext
from desktop.models.base import DomainError
from desktop.models.contingent import Group
from desktop.models.exams import Discipline, Exam, ExamForm, Room, SessionDiscipline
from desktop.models.org import Staff

NAMED_AT_MOST = 5  # exams named in a refusal; the rest are counted


# Rooms ---------------------------------------------------------------------------------------------

def rooms(session: Session) -> list[tuple[int, str, int, str]]:
    """(id, name, capacity, building) of every room, by name."""
    return [(rid, name, capacity, building) for rid, name, capacity, building in session.execute(
        select(Room.id, Room.name, Room.capacity, Room.building).order_by(Room.name))]


def add_room(session: Session, name: str, capacity: int, building: str = "") -> int:
    from desktop.models.exams import add_room as add

    return add(session, name, capacity, building)


def _check_room(session: Session, room_id: int | None, name: str, capacity: int) -> None:
    if not name:
        raise DomainError(_("The room needs a name."))
    if capacity <= 0:
        raise DomainError(_("Room {room}: the capacity must be a positive number.").format(room=name))
    other = session.scalar(select(Room.id).where(Room.name == name))
    if other is not None and other != room_id:
        raise DomainError(_("Room {room} already exists.").format(room=name))


def _expect(row, now: tuple, expected: tuple | None) -> None:
    """Rooms and disciplines carry no version column: a write from the window names the values it
    expects (those shown, or those its edit stored, for an undo), and another office's change made
    meanwhile is refused (StaleDataError: the window offers a reload), never overwritten."""
    if expected is not None and tuple(now) != tuple(expected):
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"{type(row).__name__} {row.id} was changed by another session")


def update_room(session: Session, room_id: int, name: str, capacity: int, building: str,
                expected: tuple[str, int, str] | None = None) -> tuple[str, int, str]:
    """Change a room; returns (name, capacity, building) as they were."""
    row = session.get(Room, room_id)
    if row is None:
        raise DomainError(_("This room no longer exists."))
    _expect(row, (row.name, row.capacity, row.building), expected)
    name, building = name.strip(), building.strip()
    _check_room(session, room_id, name, capacity)
    old = (row.name, row.capacity, row.building)
    row.name, row.capacity, row.building = name, capacity, building
    session.flush()
    return old


def restore_room(session: Session, saved: tuple[int, str, int, str]) -> None:
    """Put a deleted room back with its id (undo of a delete)."""
    room_id, name, capacity, building = saved
    session.execute(insert(Room).values(id=room_id, name=name, capacity=capacity, building=building))


def _exam_names(session: Session, condition) -> list[str]:
    """"Discipline (dd.mm.yyyy)" of the exams matching ``condition``, by date."""
    rows = session.execute(select(Discipline.name, Exam.day).join(Discipline, Discipline.id == Exam.discipline_id)
                           .where(condition).order_by(Exam.day, Exam.id)).all()
    return [f"{d} ({dates.table(day)})" for d, day in rows]


def _refusal(text: str, names: list[str], **values) -> DomainError:
    """``text`` is already translated; {count} and {exams} are filled here."""
    shown = "; ".join(names[:NAMED_AT_MOST])
    if len(names) > NAMED_AT_MOST:
        shown += " " + _("and {count} more").format(count=len(names) - NAMED_AT_MOST)
    return DomainError(text.format(count=len(names), exams=shown, **values))


def delete_room(session: Session, room_id: int,
                expected: tuple[str, int, str] | None = None) -> tuple[int, str, int, str]:
    """Delete an unused room; returns it for undo. Refused while any exam or consultation is in it."""
    row = session.get(Room, room_id)
    if row is None:
        raise DomainError(_("This room no longer exists."))
    _expect(row, (row.name, row.capacity, row.building), expected)
    used = _exam_names(session, or_(Exam.room_id == room_id, Exam.consult_room_id == room_id))
    if used:
        raise _refusal(ngettext("Room {room} cannot be deleted: {count} exam or consultation is in it: {exams}. "
                                "Move it to another room first.",
                                "Room {room} cannot be deleted: {count} exams or consultations are in it: {exams}. "
                                "Move them to another room first.", len(used)), used, room=row.name)
    saved = (row.id, row.name, row.capacity, row.building)
    session.execute(delete(Room).where(Room.id == room_id))
    return saved


# Disciplines ---------------------------------------------------------------------------------------

def disciplines(session: Session) -> list[tuple[int, str]]:
    return [(did, name) for did, name in session.execute(
        select(Discipline.id, Discipline.name).order_by(Discipline.name))]


def add_discipline(session: Session, name: str) -> int:
    name = name.strip()
    if not name:
        raise DomainError(_("The discipline needs a name."))
    if session.scalar(select(Discipline.id).where(Discipline.name == name)) is not None:
        raise DomainError(_("Discipline “{name}” already exists.").format(name=name))
    return session.execute(insert(Discipline).values(name=name).returning(Discipline.id)).scalar_one()


def rename_discipline(session: Session, discipline_id: int, name: str, expected: str | None = None) -> str:
    """Rename; returns the old name."""
    row = session.get(Discipline, discipline_id)
    if row is None:
        raise DomainError(_("This discipline no longer exists."))
    name = name.strip()
    if not name:
        raise DomainError(_("The discipline needs a name."))
    other = session.scalar(select(Discipline.id).where(Discipline.name == name))
    if other is not None and other != discipline_id:
        raise DomainError(_("Discipline “{name}” already exists.").format(name=name))
    _expect(row, (row.name,), None if expected is None else (expected,))
    old, row.name = row.name, name
    session.flush()
    return old


@dataclass(frozen=True)
class SavedDiscipline:
    id: int
    name: str
    links: tuple[LinkSnapshot, ...]


def delete_discipline(session: Session, discipline_id: int) -> SavedDiscipline:
    """Delete a discipline no exam uses, with its links to groups (returned for undo)."""
    row = session.get(Discipline, discipline_id)
    if row is None:
        raise DomainError(_("This discipline no longer exists."))
    used = _exam_names(session, Exam.discipline_id == discipline_id)
    if used:
        raise _refusal(ngettext("Discipline “{name}” cannot be deleted: {count} exam uses it: {exams}. "
                                "Delete that exam first.",
                                "Discipline “{name}” cannot be deleted: {count} exams use it: {exams}. "
                                "Delete those exams first.", len(used)), used, name=row.name)
    links = tuple(LinkSnapshot(id=link_id, session_id=session_id, group_id=group_id, discipline_id=discipline,
                               examiner_id=examiner_id, form=form)
                  for link_id, session_id, group_id, discipline, examiner_id, form in session.execute(
        select(SessionDiscipline.id, SessionDiscipline.session_id, SessionDiscipline.group_id,
               SessionDiscipline.discipline_id, SessionDiscipline.examiner_id, SessionDiscipline.form)
        .where(SessionDiscipline.discipline_id == discipline_id)))
    saved = SavedDiscipline(row.id, row.name, links)
    session.execute(delete(SessionDiscipline).where(SessionDiscipline.discipline_id == discipline_id))
    session.execute(delete(Discipline).where(Discipline.id == discipline_id))
    return saved


def restore_discipline(session: Session, saved: SavedDiscipline) -> None:
    session.execute(insert(Discipline).values(id=saved.id, name=saved.name))
    if saved.links:
        session.execute(insert(SessionDiscipline), list(saved.links))


# Links of a session: which group sits which discipline --------------------------------------------

@dataclass(frozen=True, slots=True)
class Link:
    id: int
    group_id: int
    group: str
    discipline_id: int
    discipline: str
    examiner_id: int | None
    examiner: str
    form: str


def links(session: Session, session_id: int) -> list[Link]:
    """The session's links, by group then discipline (plain rows for the table)."""
    rows = session.execute(
        select(SessionDiscipline.id, SessionDiscipline.group_id, Group.name, SessionDiscipline.discipline_id,
               Discipline.name, SessionDiscipline.examiner_id, Staff.short_name, SessionDiscipline.form)
        .join(Group, Group.id == SessionDiscipline.group_id)
        .join(Discipline, Discipline.id == SessionDiscipline.discipline_id)
        .outerjoin(Staff, Staff.id == SessionDiscipline.examiner_id)
        .where(SessionDiscipline.session_id == session_id)
        .order_by(Group.course, Group.name, Discipline.name))
    return [Link(*r[:6], r[6] or "", r[7]) for r in rows]


def add_link(session: Session, session_id: int, group_id: int, discipline_id: int,
             examiner_id: int | None = None, form: str = ExamForm.WRITTEN.value) -> int:
    """The group sits the discipline in this session; refused when it already does."""
    form = ExamForm(form).value
    if session.scalar(select(SessionDiscipline.id).where(
            SessionDiscipline.session_id == session_id, SessionDiscipline.group_id == group_id,
            SessionDiscipline.discipline_id == discipline_id)) is not None:
        group = session.get(Group, group_id)
        discipline = session.get(Discipline, discipline_id)
        raise DomainError(_("Group {group} already sits “{discipline}” in this session.").format(
            group=group.name if group else "?", discipline=discipline.name if discipline else "?"))
    return session.execute(insert(SessionDiscipline).values(
        session_id=session_id, group_id=group_id, discipline_id=discipline_id, examiner_id=examiner_id,
        form=form).returning(SessionDiscipline.id)).scalar_one()


def update_link(session: Session, link_id: int, examiner_id: int | None, form: str) -> tuple[int | None, str]:
    """Change the usual examiner and form; returns the old ones."""
    row = session.get(SessionDiscipline, link_id)
    if row is None:
        raise DomainError(_("This link no longer exists."))
    old = (row.examiner_id, row.form)
    session.execute(update(SessionDiscipline).where(SessionDiscipline.id == link_id)
                    .values(examiner_id=examiner_id, form=ExamForm(form).value))
    return old


class LinkSnapshot(TypedDict):
    """A removed session-discipline link as :func:`restore_link` puts it back."""

    id: int
    session_id: int
    group_id: int
    discipline_id: int
    examiner_id: int | None
    form: str


def _link_snapshot(row: SessionDiscipline) -> LinkSnapshot:
    return {"id": row.id, "session_id": row.session_id, "group_id": row.group_id,
            "discipline_id": row.discipline_id, "examiner_id": row.examiner_id, "form": row.form}


def delete_link(session: Session, link_id: int) -> LinkSnapshot:
    row = session.get(SessionDiscipline, link_id)
    if row is None:
        raise DomainError(_("This link no longer exists."))
    saved = _link_snapshot(row)
    session.execute(delete(SessionDiscipline).where(SessionDiscipline.id == link_id))
    return saved


def restore_link(session: Session, saved: LinkSnapshot) -> None:
    session.execute(insert(SessionDiscipline).values(**saved))
