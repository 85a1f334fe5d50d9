"""The work plan editor: model tester, moves with undo/redo, filters."""

import pytest
from PySide6.QtCore import Qt

from desktop.models import workplan as wp
from desktop.views.common.area import AppContext
from desktop.views.workplan import WorkPlanArea


@pytest.fixture
def page(qtbot, demo_db):
    p = WorkPlanArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    return p


def texts(db, section=0):
    with db.session() as s:
        return [i.text for i in wp.require_plan(s, "2025-2026").sections[section].items]


def test_tree_model_passes_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_move_with_shortcut_then_undo_and_redo(page, demo_db):
    before = texts(demo_db)
    page.select_item(page.model.sections[0]["items"][0]["id"])
    page.move_current(1)
    after = texts(demo_db)
    assert after[:2] == [before[1], before[0]]
    assert page.model.sections[0]["items"][1]["text"] == before[0]
    assert page.model.sections[0]["items"][1]["number"] == 2
    page.undo_stack.undo()
    assert texts(demo_db) == before
    page.undo_stack.redo()
    assert texts(demo_db) == after


def test_drop_moves_an_item_into_another_section(page, demo_db):
    item = page.model.sections[0]["items"][0]
    mime = page.model.mimeData([page.model.index(0, 0, page.model.index(0, 0))])
    page.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, page.model.index(7, 0))
    assert texts(demo_db, 7)[0] == item["text"]
    assert page.model.sections[7]["items"][0]["number"] == 1
    page.undo_stack.undo()
    assert texts(demo_db, 0)[0] == item["text"]


def test_edit_in_place_add_delete_and_filters(page, demo_db):
    index = page.model.index(0, 1, page.model.index(0, 0))
    assert page.model.setData(index, "Жаңы <b> & =1+1", Qt.ItemDataRole.EditRole)
    assert texts(demo_db)[0] == "Жаңы <b> & =1+1"
    page.undo_stack.undo()
    assert texts(demo_db)[0] != "Жаңы <b> & =1+1"
    n = len(texts(demo_db))
    page.select_item(page.model.sections[0]["items"][0]["id"])
    page.add_item()
    assert len(texts(demo_db)) == n + 1
    page.delete_current()
    page.undo_stack.undo()
    page.undo_stack.undo()
    assert len(texts(demo_db)) == n
    page.f_text.setText("жумалык кеңешме")
    visible = sum(page.proxy.rowCount(page.proxy.index(r, 0)) for r in range(page.proxy.rowCount()))
    assert visible == 3
    page.f_text.clear()
    page.f_status.setCurrentIndex(page.f_status.findData("done"))
    section = page.proxy.index(0, 0)
    shown = [page.proxy.index(r, 4, section).data() for r in range(page.proxy.rowCount(section))]
    assert shown and set(shown) == {"Done"}


def test_copy_to_next_year_can_be_undone(page, demo_db):
    page.copy_to_next_year()
    with demo_db.session() as s:
        assert wp.plan_years(s) == ["2025-2026", "2026-2027"]
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert wp.plan_years(s) == ["2025-2026"]
