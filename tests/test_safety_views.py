"""Windows of the data-safety issue: the history of a record, and a stale write refused with an
offer to reload (never a silent overwrite)."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.orm.exc import StaleDataError

from desktop.models.contingent import Student
from desktop.views.common import stale
from desktop.views.common.area import AppContext
from desktop.views.common.history import AuditHistoryModel, HistoryDialog
from desktop.views.students import StudentsArea
from desktop.views.workplan import WorkPlanArea


@pytest.fixture
def students_page(qtbot, demo_db):
    p = StudentsArea(AppContext(demo_db))
    qtbot.addWidget(p)
    return p


@pytest.fixture
def plan_page(qtbot, demo_db):
    p = WorkPlanArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    return p


def _column(model, wanted):
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == wanted)


def test_student_card_opens_the_history_of_edits(students_page, qtbot, qtmodeltester):
    page = students_page
    sid = page.model.student_id(0)
    assert page.model.setData(page.model.index(0, 1), "Нурлан", Qt.ItemDataRole.EditRole)
    page.view.selectRow(0)
    card = page.open_card()
    card.history_button.click()
    dialog = card.findChild(HistoryDialog)
    assert dialog is not None and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    m = dialog.model
    rows = [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]
    assert any(r[2] == "Changed" and r[3] == "First name" and r[5] == "Нурлан" for r in rows)
    assert any(r[2] == "Demo data" and r[3] == "Rows" for r in rows)  # the bulk entry that created it
    assert all("@" in r[1] for r in rows)
    assert sid == page.model.student_id(0)
    dialog.close()
    card.close()


def test_work_plan_item_history_action(plan_page, demo_db, qtmodeltester):
    page = plan_page
    item_id = page.model.sections[0]["items"][0]["id"]
    page.select_item(item_id)
    page._edit_current("completion_note", "Өткөрүлдү")
    page.select_item(item_id)
    dialog = page.show_item_history()
    assert dialog is not None
    qtmodeltester.check(dialog.model)
    m = dialog.model
    rows = [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]
    assert any(r[3] == "Completion note" and r[5] == "Өткөрүлдү" for r in rows)
    assert page.actions_by_key["history"].text() == "History…"
    dialog.close()


def test_empty_history_model_passes_the_tester(qtmodeltester):
    qtmodeltester.check(AuditHistoryModel([]))


def test_a_stale_edit_is_refused_and_the_page_reloads(students_page, demo_db, monkeypatch):
    page = students_page
    sid = page.model.student_id(0)
    with demo_db.session() as s:  # another install renames the student meanwhile
        s.get(Student, sid).first_name = "Бакыт"
    asked = []
    monkeypatch.setattr(stale, "ask_reload", lambda parent=None: asked.append(1) or True)
    page.model.setData(page.model.index(0, 1), "Нурлан", Qt.ItemDataRole.EditRole)
    assert asked == [1]
    with demo_db.session() as s:
        assert s.get(Student, sid).first_name == "Бакыт"  # their change stays
    row = next(r for r in range(page.model.rowCount()) if page.model.student_id(r) == sid)
    assert page.model.row_tuple(row)[2] == "Бакыт"  # reloaded
    assert page.undo_stack.count() == 0


def test_a_stale_undo_reaching_the_excepthook_offers_to_reload(monkeypatch, qapp):
    from desktop.views import app

    asked, reloaded = [], []
    monkeypatch.setattr(stale, "ask_reload", lambda parent=None: asked.append(1) or True)
    monkeypatch.setattr(stale, "reload_everything", lambda: reloaded.append(1))
    app.excepthook(StaleDataError, StaleDataError("student 1: changed meanwhile"), None)
    assert asked == [1] and reloaded == [1]


def test_the_stale_message_is_translated():
    from desktop import i18n

    i18n.set_language("ru")
    try:
        assert stale.stale_message() != "Someone else changed this record meanwhile. Reload to see their change?"
    finally:
        i18n.set_language("en")


def test_a_stale_work_plan_edit_is_refused_and_undo_redo_still_work(plan_page, demo_db, monkeypatch):
    from desktop.models import workplan as wp

    page = plan_page
    item_id = page.model.sections[0]["items"][0]["id"]
    with demo_db.session() as s:  # another office edits the note meanwhile
        wp.update_item(s, item_id, completion_note="Их запись")
    asked = []
    monkeypatch.setattr(stale, "ask_reload", lambda parent=None: asked.append(1) or True)
    page.select_item(item_id)
    page._edit_current("completion_note", "Наша запись")
    assert asked == [1] and page.undo_stack.count() == 0
    with demo_db.session() as s:
        assert s.get(wp.WorkPlanItem, item_id).completion_note == "Их запись"
    # reloaded: now the edit goes through, and undo/redo replay it
    page.select_item(item_id)
    page._edit_current("completion_note", "Наша запись")
    page.undo_stack.undo()
    page.undo_stack.redo()
    with demo_db.session() as s:
        assert s.get(wp.WorkPlanItem, item_id).completion_note == "Наша запись"
