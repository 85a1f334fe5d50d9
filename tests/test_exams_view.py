"""The exam sessions area: Qt models, drag to move / copy with undo, the generator as one undo step,
conflicts list jumping to the cell, filters."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop import i18n
from desktop.models import exam_schedule as ops
from desktop.models import exams as ex
from desktop.views.common.area import AppContext
from desktop.views.exams import ExamsArea
from desktop.views.exams.models import DAY_ROLE, EXAM_IDS_ROLE, GROUP_ROLE


@pytest.fixture
def page(qtbot, demo_db):
    ctx = AppContext(demo_db)
    w = ExamsArea(ctx)
    qtbot.addWidget(w)
    w.year.setCurrentIndex(w.year.findText("2025-2026"))
    w.kind.setCurrentIndex(w.kind.findData("winter"))
    w._reload()
    return w


def _schedule(page):
    with page.ctx.db.session() as s:
        return ops.load_schedule(s, page.session_id)


def test_the_models_pass_the_model_tester(page, qtmodeltester):
    assert page.grid_model.rowCount() == 16 and page.grid_model.columnCount() == 24
    qtmodeltester.check(page.grid_model)
    qtmodeltester.check(page.list_model)
    qtmodeltester.check(page.list_proxy)
    qtmodeltester.check(page.conflict_model)


def test_conflicts_are_coloured_on_the_cells_and_the_list_jumps_to_them(page):
    assert page.conflict_model.rowCount() == 4
    for row in range(4):
        index = page.conflict_model.index(row, 2)
        page.jump_to_conflict(index)
        cell = page.grid.currentIndex()
        assert cell.data(DAY_ROLE) == index.data(DAY_ROLE)
        assert cell.data(GROUP_ROLE) == index.data(GROUP_ROLE)
        assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
        assert index.data(Qt.ItemDataRole.DisplayRole) in cell.data(Qt.ItemDataRole.ToolTipRole)
    holiday = page.grid_model.days.index(dt.date(2025, 12, 16))
    tip = page.grid_model.headerData(holiday, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Independence Day"
    assert page.grid_model.index(holiday, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_drag_an_exam_to_another_day_and_group_then_undo_and_redo(page, qtbot):
    model = page.grid_model
    source = next(model.index(r, c) for (r, c) in sorted(model.cells))
    exam_id = source.data(EXAM_IDS_ROLE)[0]
    before = _schedule(page).exam(exam_id)
    target = model.index(model.days.index(dt.date(2025, 12, 29)), 5)
    mime = model.mimeData([source])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    qtbot.waitUntil(lambda: page.undo_stack.count() == 1)
    moved = _schedule(page).exam(exam_id)
    assert moved.day == dt.date(2025, 12, 29) and moved.group_ids == (model.groups[5],)
    assert exam_id in page.grid_model.index(model.days.index(dt.date(2025, 12, 29)), 5).data(EXAM_IDS_ROLE)
    page.undo_stack.undo()
    assert _schedule(page).exam(exam_id) == before
    page.undo_stack.redo()
    assert _schedule(page).exam(exam_id).day == dt.date(2025, 12, 29)


def test_ctrl_drag_copies_and_copy_to_groups_undo(page, qtbot):
    model = page.grid_model
    source = next(model.index(r, c) for (r, c) in sorted(model.cells))
    exam_id = source.data(EXAM_IDS_ROLE)[0]
    count = len(_schedule(page).exams)
    target = model.index(source.row(), 7)
    assert model.dropMimeData(model.mimeData([source]), Qt.DropAction.CopyAction, -1, -1, target)
    qtbot.waitUntil(lambda: page.undo_stack.count() == 1)
    assert len(_schedule(page).exams) == count + 1
    page.undo_stack.undo()
    assert len(_schedule(page).exams) == count

    page.copy_to_groups(exam_id, model.groups[10:13])
    data = _schedule(page)
    copies = [e for e in data.exams if e.group_ids[0] in model.groups[10:13]
              and e.discipline_id == data.exam(exam_id).discipline_id]
    assert len(copies) == 3 and all(e.day == data.exam(exam_id).day for e in copies)
    page.undo_stack.undo()
    assert len(_schedule(page).exams) == count
    page.undo_stack.redo()
    assert len(_schedule(page).exams) == count + 3


def test_the_generator_drafts_in_one_undo_step(page):
    with page.ctx.db.session() as s:
        sid = ex.get_or_create_session(s, "2025-2026", "summer")
        groups = list(ops.load_schedule(s, sid).groups)[:4]
        for g in groups:
            for name in ("Алгебра", "Физика", "Тарых"):
                ex.link_discipline(s, sid, g, name)
    page.kind.setCurrentIndex(page.kind.findData("summer"))
    assert page.session_id == sid and page.list_model.rowCount() == 0
    steps = page.undo_stack.count()
    assert page.generate_for(groups) == []
    assert page.list_model.rowCount() == 12 and page.conflict_model.rowCount() == 0
    assert page.undo_stack.count() == steps + 1
    page.undo_stack.undo()
    assert page.list_model.rowCount() == 0


def test_filters_by_course_and_examiner(page):
    all_columns = page.grid_model.columnCount()
    page.course.setCurrentIndex(page.course.findData(2))
    assert 0 < page.grid_model.columnCount() < all_columns
    data = page.schedule
    assert all(data.groups[g].course == 2 for g in page.grid_model.groups)
    examiner = data.exams[0].examiner_id
    page.examiner.setCurrentIndex(page.examiner.findData(examiner))
    rows = page.list_proxy.rowCount()
    assert 0 < rows < page.list_model.rowCount()
    for r in range(rows):
        exam = data.exam(page.list_proxy.index(r, 0).data(EXAM_IDS_ROLE)[0])
        assert exam.examiner_id == examiner and any(data.groups[g].course == 2 for g in exam.group_ids)
    page.course.setCurrentIndex(0)
    page.examiner.setCurrentIndex(0)
    assert page.grid_model.columnCount() == all_columns


def test_create_a_session_with_undo(page):
    page.kind.setCurrentIndex(page.kind.findData("state"))
    assert page.session_id is None and not page.create_button.isHidden()
    page.create_session()
    assert page.session_id is not None
    assert (page.schedule.start, page.schedule.end) == (dt.date(2026, 5, 11), dt.date(2026, 6, 6))
    page.undo_stack.undo()
    assert page.session_id is None


@pytest.mark.parametrize("lang", ["ky", "kk", "ru"])
def test_the_matrix_in_each_language(page, lang, tmp_path):
    i18n.set_language(lang)
    page.retranslate_ui()
    page.resize(1300, 800)
    page.show()
    assert page.kind.itemText(0) == i18n._("Winter session") != "Winter session"
    assert page.list_model.headerData(3, Qt.Orientation.Horizontal) == i18n._("Discipline")
    assert not page.grab().isNull()


def test_the_exam_dialog_returns_what_it_shows(page, qtbot):
    from desktop.models.base import DomainError
    from desktop.views.exams.dialogs import ExamDialog

    exam = page.schedule.exams[0]
    dialog = ExamDialog(page.schedule, exam, parent=page)
    qtbot.addWidget(dialog)
    name, row = dialog.values()
    assert name == page.schedule.disciplines[exam.discipline_id]
    assert (row.id, row.group_ids, row.day, row.start, row.examiner_id, row.room_id, row.form, row.consult_day) == (
        exam.id, exam.group_ids, exam.day, exam.start, exam.examiner_id, exam.room_id, exam.form, exam.consult_day)
    dialog.discipline.setCurrentText("  ")
    with pytest.raises(DomainError):
        dialog.values()
    new = ExamDialog(page.schedule, None, dt.date(2025, 12, 18), exam.group_ids[0], parent=page)
    qtbot.addWidget(new)
    new.discipline.setCurrentText("Жаңы сабак")
    name, row = new.values()
    assert (name, row.id, row.group_ids, row.day, row.consult_day) == ("Жаңы сабак", 0, (exam.group_ids[0],),
                                                                        dt.date(2025, 12, 18), None)
