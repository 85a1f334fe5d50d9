"""The window's one runner of operations (views/common/operations.py), on the staff page."""

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from desktop.models import org
from desktop.models.operations import Change, bind, set_field
from desktop.views.common.area import AppContext
from desktop.views.common.operations import run
from desktop.views.staff import StaffArea


@pytest.fixture
def page(qtbot, db):
    p = StaffArea(AppContext(db))
    qtbot.addWidget(p)
    return p


def positions(db):
    with db.session() as s:
        return s.scalars(select(org.Staff.position)).all()


def test_run_pushes_one_entry_and_announces_its_flags(page, db):
    heard = []
    page.ctx.changed.connect(heard.append)
    outcome = run(page, "Add staff member", bind(org.add_staff_op, "Сопуев", "Бакыт"))
    assert page.undo_stack.count() == 1 and heard == [Change.STAFF]
    assert [r["id"] for r in page.staff.model.rows] == [outcome.result]
    page.undo_stack.undo()
    assert page.staff.model.rows == [] and heard == [Change.STAFF, Change.STAFF]
    page.undo_stack.redo()
    assert [r["id"] for r in page.staff.model.rows] == [outcome.result]


def test_a_refusal_is_shown_and_nothing_is_pushed(page, db, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    assert run(page, "Add staff member", bind(org.add_staff_op, "   ")) is None
    assert shown == ["The last name is required."] and page.undo_stack.count() == 0


def test_an_undo_the_database_refuses_now_is_shown_and_leaves_the_stack(page, db, monkeypatch):
    with db.session() as s:
        member = org.add_staff(s, "Сопуев", position="Декан")
    run(page, "Edit staff member", bind(set_field, org.Staff, member, "position", "Профессор", expected="Декан"))
    with db.session() as s:  # someone deletes the member meanwhile
        s.delete(s.get(org.Staff, member))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    page.undo_stack.undo()
    assert shown and "deleted meanwhile" in shown[0]
    assert page.undo_stack.count() == 0 and positions(db) == []
