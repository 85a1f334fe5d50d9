"""The session results area: the sheets list and the results grid (typing points, marks, undo),
the debts, summary and orders tabs over the demo faculty."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.models import results as rm
from desktop.views.common.area import AppContext
from desktop.views.results import ResultsArea


@pytest.fixture
def page(qtbot, demo_db):
    ctx = AppContext(demo_db)
    w = ResultsArea(ctx)
    qtbot.addWidget(w)
    w.resize(1300, 700)
    w.year.setCurrentIndex(w.year.findText("2025-2026"))
    w.kind.setCurrentIndex(w.kind.findData("winter"))
    w.tabs.setCurrentIndex(0)
    w._session_changed()
    return w


def _column(page, key):
    return next(i for i, c in enumerate(page.grid_model.columns) if c.key == key)


def test_models_pass_the_model_tester(page, qtmodeltester):
    assert page.sheet_model.rowCount() > 10 and page.grid_model.rowCount() > 5
    qtmodeltester.check(page.sheet_model)
    qtmodeltester.check(page.grid_model)


def test_typing_points_gives_the_grade_marks_and_undo(page, qtbot):
    model = page.grid_model
    entry, result = _column(page, "entry"), _column(page, "result")
    first = model.index(0, entry)
    page.grid.setCurrentIndex(first)
    assert model.setData(first, "55")  # KG module-rating: 55 < 61 -> "2"
    assert model.data(model.index(0, result)) == "unsatisfactory"
    assert model.data(model.index(0, entry)) == "55"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is not None  # failing shows red
    qtbot.waitUntil(lambda: page.grid.currentIndex().row() == 1)  # on to the next student
    assert model.setData(model.index(1, entry), "н")
    assert model.data(model.index(1, result)) == "absent"
    assert model.setData(model.index(0, entry), "90")
    assert model.data(model.index(0, result)) == "excellent"
    page.undo_stack.undo()
    assert model.data(model.index(0, result)) == "unsatisfactory"
    with page.ctx.db.session() as s:
        sheet = rm.load_sheet(s, page.sheet.head.id)
    assert sheet.rows[0].points == 55 and sheet.rows[1].outcome.mark == "absent"


def test_a_wrong_entry_is_refused_and_nothing_changes(page, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    entry = _column(page, "entry")
    before = page.grid_model.data(page.grid_model.index(0, entry))
    page.grid_model.setData(page.grid_model.index(0, entry), "abc")
    assert told and "abc" in told[0]
    assert page.grid_model.data(page.grid_model.index(0, entry)) == before
    assert page.undo_stack.count() == 0


def test_debts_summary_and_orders_tabs(page, qtbot):
    page.tabs.setCurrentIndex(1)
    assert page.debt_model.rowCount() > 0
    page.debt_filter.setText("zzzz-nobody")
    assert page.debt_proxy.rowCount() == 0
    page.tabs.setCurrentIndex(2)
    labels = [page.summary_model.rows[i]["label"] for i in range(page.summary_model.rowCount())]
    assert labels[-1] == "Faculty total" and "Course 1" in labels
    page.tabs.setCurrentIndex(3)
    everything = page.order_model.rowCount()
    assert everything > 0
    page.order_search.setText("2022-1")
    qtbot.waitUntil(lambda: 0 < page.order_model.rowCount() < everything)
    assert all("2022-1" in r["number"] for r in page.order_model.rows)


def test_the_student_card_lists_results_and_open_debts(qtbot, demo_db):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

    from desktop.models import debts as dm
    from desktop.views.results.card import add_results_section

    with demo_db.session() as s:
        debt = dm.open_debts(s)[0]
        expected = dm.student_results(s, debt.student_id)
    card = QDialog()
    qtbot.addWidget(card)
    layout = QVBoxLayout(card)
    layout.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
    view = add_results_section(card, demo_db, debt.student_id)
    model = view.model()
    assert model.rowCount() == len(expected) > 0
    rows = [model.rows[i] for i in range(model.rowCount())]
    assert any(r["open_debt"] and r["discipline"] == debt.discipline for r in rows)
    assert isinstance(layout.itemAt(layout.count() - 1).widget(), QDialogButtonBox)  # the buttons stay last


def test_the_form_of_control_is_chosen_per_sheet_with_undo(page, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    filled = page.sheet.head.id  # the demo's sheets are filled: the form stays
    page.control.setCurrentIndex(page.control.findData("pass_fail"))
    page._control_chosen()
    assert told and page.sheet.head.control == "exam" and page.control.currentData() == "exam"
    with page.ctx.db.session() as s:
        from desktop.models.results import GradeSheet

        empty = rm.issue_sheet(s, s.get(GradeSheet, filled).exam_id, dt.date(2026, 1, 5))
    page.open_sheet(empty)
    page.control.setCurrentIndex(page.control.findData("course_work"))
    page._control_chosen()
    assert page.sheet.head.control == "course_work"
    page.undo_stack.undo()
    assert page.sheet.head.control == "exam"


def test_promotion_dialog_lists_the_kept_back_and_the_page_promotes_with_undo(page, qtbot, monkeypatch):
    from PySide6.QtCore import Qt as _Qt

    from desktop.models import debts as dm
    from desktop.models.movements import state_on
    from desktop.views.results import dialogs

    dialog = dialogs.PromotionDialog(page.ctx)
    qtbot.addWidget(dialog)
    for i in range(1, dialog.group_model.rowCount()):  # only the first group
        dialog.group_model.item(i).setCheckState(_Qt.CheckState.Unchecked)
    dialog.max_debts.setValue(0)
    dialog.check()
    with page.ctx.db.session() as s:
        expected = dm.promotion_plan(s, dialog.group_ids(), 0)
    assert dialog.kept_model.rowCount() == len(expected.kept_back) > 0
    assert [r["name"] for r in dialog.kept_model.rows] == [k[1] for k in expected.kept_back]
    dialog.number.setText("45-п")
    dialog.kept_kind.setCurrentIndex(dialog.kept_kind.findData("repeat_year"))
    dialog.kept_number.setText("46-п")
    values = dialog.values()

    class Stub:
        def __init__(self, *a):
            pass

        def exec(self):
            return True

        def values(self):
            return values

    monkeypatch.setattr(dialogs, "PromotionDialog", Stub)
    page.promote()
    kept, promoted = expected.kept_back[0][0], expected.promoted[0]
    day = values[1].effective_date
    with page.ctx.db.session() as s:
        assert state_on(s, promoted, day).course == state_on(s, kept, day).course + 1
    page.tabs.setCurrentIndex(3)
    assert {"45-п", "46-п"} <= {r["number"] for r in page.order_model.rows}
    page.undo_stack.undo()
    page.load_orders()
    assert not {"45-п", "46-п"} & {r["number"] for r in page.order_model.rows}


def test_the_students_areas_promotion_keeps_debtors_back(qtbot, demo_db):
    from desktop.models import debts as dm
    from desktop.models import settings
    from desktop.models.movements import Order, state_on
    from desktop.views.students import StudentsArea

    with demo_db.session() as s:
        settings.put(s, "results.max_debts", 0)
        debtor = dm.open_debts(s)[0]
        plan = dm.promotion_plan(s, [debtor.group_id])
    assert plan.promoted and debtor.student_id in [k[0] for k in plan.kept_back]
    page = StudentsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    day = dt.date(2026, 7, 1)
    page.promote_groups([debtor.group_id], Order("77-к", day, day))
    with demo_db.session() as s:
        moved = state_on(s, plan.promoted[0], day).course
        stayed = state_on(s, debtor.student_id, day).course
    assert moved == stayed + 1


def test_a_filled_excel_sheet_dropped_on_the_area_imports_with_undo(page, tmp_path):
    import openpyxl

    from desktop.reports import grade_sheet as gs

    sheet_id = page.sheet.head.id
    path = tmp_path / "sheet.xlsx"
    gs.sheets_xlsx(path, [page.sheet], "en")
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    before = page.sheet.rows[0].points
    new = 99 if before == 100 else 100
    ws.cell(gs.HEADER_ROW + 2, 5).value = new
    book.save(path)
    assert page.accepts_file(str(path))
    page.import_file(str(path))
    assert page.sheet.head.id == sheet_id and page.sheet.rows[0].points == new
    page.undo_stack.undo()
    with page.ctx.db.session() as s:
        assert rm.load_sheet(s, sheet_id).rows[0].points == before
