"""The curator reports area: matrix, report form and teaching log, with undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.models import curator_reports as cr
from desktop.models.curators import CellState, CuratorReport, ReportStatus
from desktop.views.common.area import AppContext
from desktop.views.curators import CuratorsArea
from desktop.views.curators.matrix import FIXED, STATE_ROLE


@pytest.fixture
def page(qtbot, demo_db):
    p = CuratorsArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.as_of.setDate(QDate(2026, 2, 20))
    p.retranslate_ui()
    return p


def test_models_pass_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.matrix_model)
    page.load_history(page.matrix_model.index(0, 2))
    assert page.history_model.rowCount() > 0
    qtmodeltester.check(page.history_model)
    page.form.select(page.matrix_model.matrix.rows[0].assignment.id, (2025, 10))
    for table in page.form.tables.values():
        qtmodeltester.check(table.model)
    page.log.month.setDate(QDate(2025, 11, 1))
    qtmodeltester.check(page.log.model)
    assert page.log.all_model.rowCount() == 3  # the demo's three teachers with distance lessons
    qtmodeltester.check(page.log.all_model)


def test_matrix_shows_states_colours_and_counts(page):
    m = page.matrix_model
    n = len(m.matrix.rows)
    states = [m.index(r, c).data(STATE_ROLE) for r in range(n) for c in range(FIXED, m.columnCount())]
    assert states.count(CellState.MISSING.value) == m.matrix.counts[CellState.MISSING]
    missing_row = n + 4  # the count rows follow the curators: accepted, on time, late, returned, missing
    assert m.index(missing_row, 1).data() == "Missing"
    total = sum(int(m.index(missing_row, c).data()) for c in range(FIXED, m.columnCount()))
    assert total == m.matrix.counts[CellState.MISSING]
    first_cell = m.index(0, FIXED)  # September: every demo curator's report is in by now
    assert first_cell.data(STATE_ROLE) in {CellState.ACCEPTED.value, CellState.ON_TIME.value,
                                           CellState.LATE.value, CellState.RETURNED.value}
    assert first_cell.data(Qt.ItemDataRole.BackgroundRole) is not None


def _find_cell(page, state: CellState):
    m = page.matrix_model
    for r in range(len(m.matrix.rows)):
        for c in range(FIXED, m.columnCount()):
            if m.index(r, c).data(STATE_ROLE) == state.value:
                return m.index(r, c)
    raise AssertionError(state)


@pytest.mark.sqlite_only  # on PostgreSQL a redone copy gets new ids, so lines re-sort after the redone hand line
def test_start_a_missing_report_copy_the_plan_submit_and_undo(page, demo_db):
    # Make October of a curator who reported in September missing: no report at all.
    row = next(r for r in page.matrix_model.matrix.rows if r.cells[0][1] and r.cells[1][1])
    aid, sep_id, oct_id = row.assignment.id, row.cells[0][1], row.cells[1][1]
    with demo_db.session() as s:
        cr.delete_report(s, oct_id)
        sep_acts = len(cr.part_rows(s, sep_id, "activities"))
        sep_risks = len(cr.part_rows(s, sep_id, "risks"))
    page.refresh()
    r = [x.assignment.id for x in page.matrix_model.matrix.rows].index(aid)
    cell = page.matrix_model.index(r, FIXED + 1)
    assert cell.data(STATE_ROLE) == CellState.MISSING.value
    page.open_cell(cell)
    form = page.form
    assert form.report_id is None and form.start_button.isEnabled()
    form.start()
    rid = form.report_id
    assert rid is not None and form.status == ReportStatus.DRAFT
    form.copy_plan()
    assert form.tables["activities"].model.rowCount() == sep_acts
    assert form.tables["risks"].model.rowCount() == sep_risks
    form.add_line("risks")
    risks = form.tables["risks"]
    last = risks.model.rowCount() - 1
    assert risks.model.setData(risks.model.index(last, 0), "Әлиева Ғалия <b>&</b>")
    assert risks.model.rows[last]["student_name"] == "Әлиева Ғалия <b>&</b>"
    form.remarks.setPlainText("Жақсы =1+1")
    form.save_remarks()
    form.submit()
    # Submitted today: as of 20.02.2026 the report was not handed in yet; as of today it was.
    assert page.matrix_model.index(r, FIXED + 1).data(STATE_ROLE) == CellState.MISSING.value
    page.as_of.setDate(QDate.currentDate())
    assert page.matrix_model.index(r, FIXED + 1).data(STATE_ROLE) in (CellState.ON_TIME.value, CellState.LATE.value)
    page.as_of.setDate(QDate(2026, 2, 20))
    with demo_db.session() as s:
        assert s.get(CuratorReport, rid).status == ReportStatus.SUBMITTED
        assert s.get(CuratorReport, rid).remarks == "Жақсы =1+1"
    for _ in range(5):  # submit, remarks, edit, add line, copy
        page.undo_stack.undo()
    assert form.tables["activities"].model.rowCount() == 0 and form.status == ReportStatus.DRAFT
    page.undo_stack.undo()  # start
    assert form.report_id is None
    assert page.matrix_model.index(r, FIXED + 1).data(STATE_ROLE) == CellState.MISSING.value
    for _ in range(4):
        page.undo_stack.redo()
    assert form.tables["risks"].model.rows[-1]["student_name"] == "Әлиева Ғалия <b>&</b>"


def test_a_bad_number_is_refused_and_nothing_changes(page, demo_db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    cell = _find_cell(page, CellState.ON_TIME)
    page.open_cell(cell)
    acts = page.form.tables["activities"]
    assert acts.model.rowCount() > 0
    old = acts.model.rows[0]["present"]
    acts.model.setData(acts.model.index(0, 3), "many")
    assert warnings and "many" in warnings[0]
    assert acts.model.rows[0]["present"] == old
    assert page.undo_stack.count() == 0


def test_accepted_reports_cannot_be_edited(page, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    page.open_cell(_find_cell(page, CellState.ACCEPTED))
    form = page.form
    assert not form.submit_button.isEnabled() and not form.tables["activities"].add_button.isEnabled()
    acts = form.tables["activities"].model
    assert acts.rowCount() > 0
    topic = acts.rows[0]["topic"]
    acts.setData(acts.index(0, 2), "changed")
    assert acts.rows[0]["topic"] == topic


def test_change_curator_through_its_dialog_and_undo(page, demo_db, monkeypatch):
    import datetime as dt

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDialog
    from sqlalchemy import select

    from desktop.models.contingent import CuratorAssignment
    from desktop.views.curators.change_dialog import ChangeCuratorDialog

    page.matrix_view.setCurrentIndex(page.matrix_model.index(0, 0))
    before = len(page.matrix_model.matrix.rows)
    chosen = {}

    def answer(dialog):
        assert dialog.start.date() == QDate(2026, 11, 30)  # today (pinned) is offered, in the office's date field
        assert dialog.curator.count() > 0
        dialog.curator.setCurrentIndex(0)
        dialog.start.setDate(QDate(2026, 2, 2))
        chosen["id"] = dialog.curator.currentData()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ChangeCuratorDialog, "exec", answer)
    page.change_curator()
    assert len(page.matrix_model.matrix.rows) == before + 1
    with demo_db.session() as s:
        starts = set(s.scalars(select(CuratorAssignment.start_date).where(CuratorAssignment.staff_id == chosen["id"])))
    assert dt.date(2026, 2, 2) in starts
    page.undo_stack.undo()
    assert len(page.matrix_model.matrix.rows) == before


def test_change_curator_dialog_with_no_other_curator_cannot_be_accepted(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.views.curators.change_dialog import ChangeCuratorDialog

    dialog = ChangeCuratorDialog("ЮР-1-25", [])
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_teaching_log_add_edit_totals(page, demo_db):
    log = page.log
    log.month.setDate(QDate(2025, 11, 1))
    log.add_entry()
    assert log.model.rowCount() >= 1
    row = next(i for i, r in enumerate(log.model.rows) if r["subject"] == "")
    hours_before = log._totals.hours
    assert log.model.setData(log.model.index(row, 2), "3")
    assert log._totals.hours == hours_before + 1  # a new lesson counts 2 hours by default
    teacher = log.teacher.currentText()
    listed = {r["teacher"]: r["hours"] for r in log.all_model.rows}
    assert listed[teacher] == log._totals.hours
    page.undo_stack.undo()
    assert log._totals.hours == hours_before
    assert log.pdf_bytes().startswith(b"%PDF")


def test_switching_language_retranslates(page):
    from desktop import i18n

    i18n.set_language("ky")
    page.retranslate_ui()
    assert page.tabs.tabText(0) != "Submission matrix"
    assert page.matrix_model.headerData(0, Qt.Orientation.Horizontal) == "Куратор"


def test_accept_names_who_accepted_and_return_asks_why(page, demo_db, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    page.open_cell(_find_cell(page, CellState.ON_TIME))
    form = page.form
    rid = form.report_id
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Эргешов М.", True))
    form.accept()
    with demo_db.session() as s:
        report = s.get(CuratorReport, rid)
        assert report.status == ReportStatus.ACCEPTED and report.accepted_by.short_name == "Эргешов М."
        doc = cr.report_document(s, rid)
    assert doc.accepted_by == "Эргешов М."
    page.undo_stack.undo()
    assert form.status == ReportStatus.SUBMITTED
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Нет подписи", True))
    form.send_back()
    assert form.status == ReportStatus.RETURNED and "Нет подписи" in form.status_label.text()
