"""Movements under orders, status and group as of a date, bulk promotion, DLT caps, headcount."""

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models.base import DomainError
from desktop.models.check import check_database
from desktop.models.contingent import Funding, Group, Student
from desktop.models.dlt import DltCategory, credits_granted, grant_dlt
from desktop.models.movements import (
    MovementKind,
    Order,
    apply_movement,
    history,
    promote_groups,
    state_on,
    undo_movements,
    undo_promotion,
)
from desktop.models.students import add_student, headcount

D = dt.date


@pytest.fixture
def groups(session):
    a = Group(name="МАТ-1-25", course=1)
    b = Group(name="МАТ-2-25", course=1)
    session.add_all([a, b])
    session.flush()
    return a, b


def enrol(session, group, name="Асанов", funding=Funding.GRANT.value, book=None):
    return add_student(session, last_name=name, first_name="Азамат", group_id=group.id, record_book=book,
                       funding=funding, order=Order("1-к", D(2025, 8, 20), D(2025, 9, 1)))


def test_history_gives_status_and_group_on_any_date(session, groups):
    a, b = groups
    sid = enrol(session, a)
    apply_movement(session, [sid], MovementKind.TRANSFER, Order("5-п", D(2025, 10, 1), D(2025, 10, 2)), group_id=b.id)
    apply_movement(session, [sid], MovementKind.ACADEMIC_LEAVE, Order("9-ао", D(2025, 12, 1), D(2025, 12, 1)))
    apply_movement(session, [sid], MovementKind.RETURN, Order("3-ао", D(2026, 2, 1), D(2026, 2, 1)))
    apply_movement(session, [sid], MovementKind.EXPULSION, Order("7-ч", D(2026, 3, 1), D(2026, 3, 2)),
                   reason="По собственному желанию")
    assert state_on(session, sid, D(2025, 8, 31)) is None
    assert state_on(session, sid, D(2025, 9, 15)).group_id == a.id
    assert state_on(session, sid, D(2025, 10, 2)).group_id == b.id
    assert state_on(session, sid, D(2026, 1, 10)).status == "academic_leave"
    assert state_on(session, sid, D(2026, 2, 20)).status == "studying"
    assert state_on(session, sid, D(2026, 3, 2)).status == "expelled"
    st = session.get(Student, sid)
    assert (st.status, st.group_id) == ("expelled", b.id)
    kinds = [h.kind for h in history(session, sid)]
    assert kinds == ["enrolment", "transfer", "academic_leave", "return", "expulsion"]
    assert history(session, sid)[-1].reason == "По собственному желанию"


def test_expulsion_needs_a_reason_and_wrong_transitions_are_refused(session, groups):
    a, _b = groups
    sid = enrol(session, a)
    with pytest.raises(DomainError, match="reason"):
        apply_movement(session, [sid], MovementKind.EXPULSION, Order("1", None, D(2025, 10, 1)))
    with pytest.raises(DomainError, match="Асанов Азамат: not possible"):
        apply_movement(session, [sid], MovementKind.RETURN, Order("1", None, D(2025, 10, 1)))
    with pytest.raises(DomainError, match="before the last movement"):
        apply_movement(session, [sid], MovementKind.ACADEMIC_LEAVE, Order("1", None, D(2025, 1, 1)))
    with pytest.raises(DomainError, match="order number"):
        apply_movement(session, [sid], MovementKind.ACADEMIC_LEAVE, Order(" ", None, D(2025, 11, 1)))


def test_one_order_for_many_students_is_all_or_nothing_and_undoable(session, groups):
    a, b = groups
    ids = [enrol(session, a, f"Студент{i}") for i in range(3)]
    apply_movement(session, [ids[0]], MovementKind.ACADEMIC_LEAVE, Order("2", None, D(2025, 10, 1)))
    with pytest.raises(DomainError) as exc:
        apply_movement(session, ids, MovementKind.TRANSFER, Order("3", None, D(2025, 11, 1)), group_id=b.id)
    assert "Студент0" in str(exc.value)
    assert {session.get(Student, i).group_id for i in ids} == {a.id}
    made = apply_movement(session, ids[1:], MovementKind.TRANSFER, Order("3", None, D(2025, 11, 1)), group_id=b.id)
    assert {session.get(Student, i).group_id for i in ids[1:]} == {b.id}
    undo_movements(session, made)
    assert {session.get(Student, i).group_id for i in ids[1:]} == {a.id}


def test_bulk_promotion_of_groups_and_its_undo(session, groups):
    a, _b = groups
    ids = [enrol(session, a, f"С{i}") for i in range(4)]
    apply_movement(session, [ids[0]], MovementKind.ACADEMIC_LEAVE, Order("2", None, D(2025, 10, 1)))
    made, gids = promote_groups(session, [a.id], Order("77-к", D(2026, 6, 25), D(2026, 7, 1)))
    assert session.get(Group, a.id).course == 2 and len(made) == 3
    assert state_on(session, ids[1], D(2026, 7, 1)).course == 2
    assert state_on(session, ids[1], D(2026, 6, 30)).course == 1
    undo_promotion(session, made, gids)
    assert session.get(Group, a.id).course == 1
    assert state_on(session, ids[1], D(2026, 7, 1)).course == 1


def test_headcount_on_a_date(session, groups):
    a, b = groups
    enrol(session, a, "А", Funding.GRANT.value)
    s2 = enrol(session, a, "Б", Funding.CONTRACT.value)
    enrol(session, b, "В", Funding.CONTRACT.value)
    apply_movement(session, [s2], MovementKind.EXPULSION, Order("1", None, D(2026, 1, 10)), reason="долги")
    before = headcount(session, D(2025, 12, 1))
    assert sum(r.total for r in before) == 3 and sum(r.grant for r in before) == 1
    after = headcount(session, D(2026, 2, 1))
    assert sum(r.total for r in after) == 2
    assert headcount(session, D(2025, 1, 1)) == []


def test_dlt_caps_by_category(session, groups):
    a, _b = groups
    sid = enrol(session, a)
    kw = dict(application_date=D(2025, 9, 10), order_number="12-дот", order_date=D(2025, 9, 15))
    grant_dlt(session, sid, category=DltCategory.MBA, credits=20, **kw)
    with pytest.raises(DomainError, match="cap of 30"):
        grant_dlt(session, sid, category=DltCategory.MBA, credits=11, **kw)
    grant_dlt(session, sid, category=DltCategory.MBA, credits=10, **kw)
    assert credits_granted(session, sid, DltCategory.MBA) == 30
    with pytest.raises(DomainError, match="cap of 15"):
        grant_dlt(session, sid, category=DltCategory.EMBA_DBA, credits=16, **kw)
    for category, cap in ((DltCategory.LISTED_SPECIALTY, 30), (DltCategory.ACADEMIC_MOBILITY, 60),
                          (DltCategory.DOUBLE_DEGREE_BACHELOR, 120), (DltCategory.MASTER, 60)):
        grant_dlt(session, sid, category=category, credits=cap, **kw)
        with pytest.raises(DomainError):
            grant_dlt(session, sid, category=category, credits=1, **kw)
    with pytest.raises(DomainError, match="before the application"):
        grant_dlt(session, sid, category=DltCategory.MASTER, credits=1, application_date=D(2025, 9, 10),
                  order_number="1", order_date=D(2025, 9, 1))


def test_demo_history_is_consistent(demo_db):
    assert check_database(demo_db) == []
    with demo_db.session() as s:
        statuses = set(s.scalars(select(Student.status)))
    assert {"studying", "academic_leave", "expelled"} <= statuses
