"""The staff and programmes editor: in-place edits with undo and redo."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.models.org import Programme, Staff
from desktop.views.common.area import AppContext
from desktop.views.staff import StaffArea


@pytest.fixture
def page(qtbot, demo_db):
    p = StaffArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    return p


def test_models_pass_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.staff.model)
    qtmodeltester.check(page.programmes.model)


def test_edit_position_then_undo_and_redo(page, demo_db):
    model = page.staff.model
    row = next(i for i, r in enumerate(model.rows) if r["last_name"] == "Сопуев")
    index = model.index(row, 4)
    assert model.setData(index, "Декан факультета", Qt.ItemDataRole.EditRole)
    with demo_db.session() as s:
        assert s.scalar(select(Staff.position).where(Staff.last_name == "Сопуев")) == "Декан факультета"
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert s.scalar(select(Staff.position).where(Staff.last_name == "Сопуев")) == "Декан"
    page.undo_stack.redo()
    with demo_db.session() as s:
        assert s.scalar(select(Staff.position).where(Staff.last_name == "Сопуев")) == "Декан факультета"


def test_bad_programme_code_is_refused_and_nothing_changes(page, demo_db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    model = page.programmes.model
    model.setData(model.index(0, 0), "51 01 00!", Qt.ItemDataRole.EditRole)
    assert warnings and "510100" in warnings[0]
    assert page.undo_stack.count() == 0
    with demo_db.session() as s:
        assert "51 01 00!" not in s.scalars(select(Programme.code)).all()


def test_filter_as_you_type(page):
    page.staff.search.setText("сопуев")
    assert page.staff.proxy.rowCount() == 1


def test_delete_and_undo_restores_roles(page, demo_db):
    model = page.staff.model
    row = next(i for i, r in enumerate(model.rows) if r["last_name"] == "Кудуев")
    page.staff.view.setCurrentIndex(page.staff.proxy.mapFromSource(model.index(row, 0)))
    page.delete_staff()
    with demo_db.session() as s:
        assert s.scalar(select(Staff).where(Staff.last_name == "Кудуев")) is None
    page.undo_stack.undo()
    with demo_db.session() as s:
        member = s.scalar(select(Staff).where(Staff.last_name == "Кудуев"))
        assert member is not None and {r.value for r in member.roles} == {"vice_dean"}
