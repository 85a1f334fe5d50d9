"""Orders (приказ) behind movements: the register and the order as a document.

An order is every movement made under one number on one order date (the movement table is the
source of truth; nothing is copied). Its items group the students by kind and by the groups they
leave and join; its ground is the movements' reasons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop import dates
from desktop.i18n import _
from desktop.models.base import DomainError
from desktop.models.contingent import Group, Student
from desktop.models.movements import Movement, MovementKind
from desktop.models.results import name_key, student_sort_key


@dataclass(frozen=True)
class OrderEntry:
    number: str
    order_date: dt.date | None
    kinds: tuple[str, ...]
    effective_date: dt.date
    students: int


def orders_register(session: Session, search: str = "") -> list[OrderEntry]:
    """Every order (number, date, kinds, how many students), newest first; ``search`` matches the number,
    a kind's name in the interface language, or a student's name or record book."""
    q = (select(Movement.order_number, Movement.order_date, Movement.kind, func.min(Movement.effective_date),
                func.count(func.distinct(Movement.student_id)))
         .where(Movement.order_number != "")
         .group_by(Movement.order_number, Movement.order_date, Movement.kind))
    merged: dict[tuple, list] = {}
    for number, date, kind, eff, n in session.execute(q):
        entry = merged.setdefault((number, date), [set(), eff, 0])
        entry[0].add(kind)
        entry[1] = min(entry[1], eff)
        entry[2] += n
    needle = search.strip().casefold()
    if needle:
        by_student = {(n, d) for n, d in session.execute(
            select(Movement.order_number, Movement.order_date).join(Student, Student.id == Movement.student_id)
            .where(func.lower(Student.record_book) == needle))}
        names = session.execute(select(Movement.order_number, Movement.order_date, Student.last_name,
                                       Student.first_name).join(Student, Student.id == Movement.student_id))
        by_student |= {(n, d) for n, d, last, first in names if needle in f"{last} {first}".casefold()}
    out = []
    for (number, date), (kinds, eff, n) in merged.items():
        if needle and needle not in number.casefold() and (number, date) not in by_student and not any(
                needle in MovementKind(k).label().casefold() for k in kinds):
            continue
        out.append(OrderEntry(number, date, tuple(sorted(kinds)), eff, n))
    out.sort(key=lambda o: (o.order_date or o.effective_date, name_key(o.number)), reverse=True)
    return out


@dataclass
class OrderStudent:
    student_id: int
    name: str
    record_book: str


@dataclass
class OrderItem:
    kind: str
    from_group: str
    to_group: str
    course: int | None
    reason: str
    students: list[OrderStudent] = field(default_factory=list)


@dataclass
class OrderDocument:
    number: str
    order_date: dt.date | None
    effective_date: dt.date
    items: list[OrderItem]

    @property
    def kinds(self) -> list[str]:
        return list(dict.fromkeys(i.kind for i in self.items))

    @property
    def students(self) -> int:
        return sum(len(i.students) for i in self.items)

    def extract(self, student_id: int) -> OrderDocument:
        """The order cut to one student (выписка)."""
        items = []
        for item in self.items:
            mine = [s for s in item.students if s.student_id == student_id]
            if mine:
                items.append(OrderItem(item.kind, item.from_group, item.to_group, item.course, item.reason, mine))
        if not items:
            raise DomainError(_("The student is not in order No {number}.").format(number=self.number))
        return OrderDocument(self.number, self.order_date, self.effective_date, items)


KIND_ORDER = [k.value for k in MovementKind]


def order_document(session: Session, number: str, order_date: dt.date | None = None) -> OrderDocument:
    """The order of that number (and date, when one number was used on several dates)."""
    number = number.strip()
    issued = sorted({d for d in session.scalars(select(Movement.order_date).where(Movement.order_number == number))},
                    key=lambda d: d or dt.date.min)
    if not issued:
        raise DomainError(_("There is no order No {number}.").format(number=number))
    if order_date is None:
        if len(issued) > 1:
            raise DomainError(_("Order No {number} was issued on several dates ({dates}); give the date.").format(
                number=number, dates=", ".join(dates.table(d) for d in issued if d)))
        order_date = issued[0]
    elif order_date not in issued:
        raise DomainError(_("There is no order No {number} of {date}.").format(
            number=number, date=dates.table(order_date)))
    to_g, from_g = aliased(Group), aliased(Group)
    q = (select(Movement.kind, from_g.name, to_g.name, Movement.course, Movement.reason, Movement.effective_date,
                Student.id, Student.last_name, Student.first_name, Student.patronymic, Student.record_book)
         .join(Student, Student.id == Movement.student_id)
         .outerjoin(to_g, to_g.id == Movement.group_id).outerjoin(from_g, from_g.id == Movement.from_group_id)
         .where(Movement.order_number == number,
                Movement.order_date.is_(None) if order_date is None else Movement.order_date == order_date))
    items: dict[tuple, OrderItem] = {}
    effective = None
    rows = list(session.execute(q).all())
    rows.sort(key=lambda r: student_sort_key(r[7], r[8], r[9]))
    for kind, from_name, to_name, course, reason, eff, sid, last, first, pat, book in rows:
        effective = eff if effective is None else min(effective, eff)
        key = (kind, from_name or "", to_name or "", course, reason)
        item = items.get(key)
        if item is None:
            item = items[key] = OrderItem(kind, from_name or "", to_name or "", course, reason)
        item.students.append(OrderStudent(sid, " ".join(p for p in (last, first, pat) if p), book or ""))
    ordered = sorted(items.values(), key=lambda i: (KIND_ORDER.index(i.kind) if i.kind in KIND_ORDER else 99,
                                                    name_key(i.from_group or i.to_group), name_key(i.reason)))
    assert effective is not None  # the order has a movement: its dates were found above
    return OrderDocument(number, order_date, effective, ordered)


def student_by_record_book(session: Session, record_book: str) -> int:
    sid = session.scalar(select(Student.id).where(Student.record_book == record_book.strip()))
    if sid is None:
        raise DomainError(_("No student has record-book number {number}.").format(number=record_book))
    return sid
