"""The exam page, second round: the rooms-and-disciplines dialog with undo and refusals, the draft
run in a worker thread (cancel writes nothing), and matrix cells showing every exam."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.models import exam_rooms as rooms
from desktop.models import exam_schedule as ops
from desktop.models.exams import Exam, Room
from desktop.models.progress import Progress
from desktop.views.common.area import AppContext
from desktop.views.common.tablemodel import ID_ROLE
from desktop.views.exams import ExamsArea
from desktop.views.exams.models import MAX_SHOWN
from desktop.views.exams.rooms_dialog import RoomsDisciplinesDialog


@pytest.fixture
def page(qtbot, demo_db):
    w = ExamsArea(AppContext(demo_db))
    qtbot.addWidget(w)
    w.year.setCurrentIndex(w.year.findText("2025-2026"))
    w.kind.setCurrentIndex(w.kind.findData("winter"))
    w._reload()
    return w


@pytest.fixture
def dialog(page, qtbot):
    d = RoomsDisciplinesDialog(page)
    qtbot.addWidget(d)
    return d


def _row(model, key, value):
    return next(i for i, r in enumerate(model.rows) if r[key] == value)


def test_the_tables_pass_the_model_tester(dialog, qtmodeltester):
    assert dialog.room_model.rowCount() == 8 and dialog.discipline_model.rowCount() > 10
    assert dialog.link_model.rowCount() > 40
    for view in (dialog.rooms, dialog.disciplines, dialog.links):
        qtmodeltester.check(view.model().sourceModel())
        qtmodeltester.check(view.model())


def test_add_edit_a_room_in_place_and_undo(dialog, page):
    room_id = dialog.add_room()
    assert dialog.room_model.rows[_row(dialog.room_model, "id", room_id)]["name"] == "New room"
    assert dialog.add_room() is not None  # a second one gets "New room 2"
    assert "New room 2" in [r["name"] for r in dialog.room_model.rows]
    m = dialog.room_model
    r = _row(m, "id", room_id)
    assert m.setData(m.index(r, 0), "Ауд. 404 <b>&")
    assert m.setData(m.index(_row(m, "id", room_id), 1), 120)
    assert m.setData(m.index(_row(m, "id", room_id), 2), "Жаңы корпус")
    assert m.rows[_row(m, "id", room_id)] == {"id": room_id, "name": "Ауд. 404 <b>&", "capacity": 120,
                                              "building": "Жаңы корпус"}
    assert room_id in page.schedule.rooms  # the page reloaded: the exam dialog offers it
    m.setData(m.index(_row(m, "id", room_id), 1), 0)
    assert "positive" in dialog.error.text()  # refused, nothing changed
    assert m.rows[_row(m, "id", room_id)]["capacity"] == 120
    stack = page.undo_stack
    for _i in range(3):
        stack.undo()
    with page.ctx.db.session() as s:
        assert s.get(Room, room_id).name == "New room"
    stack.undo()
    stack.undo()
    with page.ctx.db.session() as s:
        assert s.get(Room, room_id) is None
    stack.redo()
    with page.ctx.db.session() as s:
        assert s.get(Room, room_id).name == "New room"  # back with its id


def test_deleting_a_room_in_use_is_refused_naming_the_exams(dialog, page):
    busy = next(e.room_id for e in page.schedule.exams if e.room_id)
    name = page.schedule.rooms[busy][0]
    dialog.rooms.setCurrentIndex(dialog.rooms.model().index(
        next(r for r in range(dialog.rooms.model().rowCount())
             if dialog.rooms.model().index(r, 0).data(ID_ROLE) == busy), 0))
    before = page.undo_stack.count()
    dialog.delete_room()
    assert dialog.error.text().startswith(f"Room {name} cannot be deleted:")
    assert "(" in dialog.error.text() and "Move them to another room first." in dialog.error.text()
    assert page.undo_stack.count() == before and len(dialog.room_model.rows) == 8
    # An unused room goes, and undo brings it back.
    free = dialog.add_room("Бош бөлмө", 10)
    dialog.delete_room()  # the new room is the current one
    assert free not in [r["id"] for r in dialog.room_model.rows]
    page.undo_stack.undo()
    with page.ctx.db.session() as s:
        assert s.get(Room, free).name == "Бош бөлмө"


def test_disciplines_rename_delete_refused_and_links_for_the_generator(dialog, page):
    used = page.schedule.exams[0].discipline_id
    view = dialog.disciplines
    view.setCurrentIndex(next(view.model().index(r, 0) for r in range(view.model().rowCount())
                              if view.model().index(r, 0).data(ID_ROLE) == used))
    dialog.delete_discipline()
    using = sum(1 for e in page.schedule.exams if e.discipline_id == used)
    assert "cannot be deleted" in dialog.error.text()
    assert ("Delete that exam first." if using == 1 else "Delete those exams first.") in dialog.error.text()

    new = dialog.add_discipline("Қазақ әдебиеті")
    m = dialog.discipline_model
    assert m.setData(m.index(_row(m, "id", new), 0), "Қазақ әдебиеті ғ")
    group = next(iter(page.schedule.groups))
    dialog.tabs.setCurrentIndex(2)
    dialog.group.setCurrentIndex(dialog.group.findData(group))
    dialog.discipline.setCurrentIndex(dialog.discipline.findData(new))
    dialog.form.setCurrentIndex(dialog.form.findData("oral"))
    count = dialog.link_model.rowCount()
    dialog.add_link_from_form()
    assert dialog.link_model.rowCount() == count + 1
    dialog.add_link_from_form()  # the same again: refused with the names
    assert "already sits “Қазақ әдебиеті ғ”" in dialog.error.text()
    link = dialog.links.currentIndex().data(ID_ROLE)
    examiner = dialog.examiner.itemData(1)
    dialog.examiner.setCurrentIndex(1)
    dialog.form.setCurrentIndex(dialog.form.findData("test"))
    dialog.save_link_from_form()
    with page.ctx.db.session() as s:
        mine = [x for x in rooms.links(s, page.session_id) if x.id == link][0]
        assert (mine.examiner_id, mine.form, mine.discipline) == (examiner, "test", "Қазақ әдебиеті ғ")
        assert (group, new, examiner, "test") in ops.session_disciplines(s, page.session_id)
    # Deleting the discipline takes its link; undo brings both back.
    view.setCurrentIndex(next(view.model().index(r, 0) for r in range(view.model().rowCount())
                              if view.model().index(r, 0).data(ID_ROLE) == new))
    dialog.delete_discipline()
    assert dialog.link_model.rowCount() == count
    page.undo_stack.undo()
    dialog.reload()
    assert dialog.link_model.rowCount() == count + 1
    dialog.links.setCurrentIndex(next(dialog.links.model().index(r, 0)
                                      for r in range(dialog.links.model().rowCount())
                                      if dialog.links.model().index(r, 0).data(ID_ROLE) == link))
    dialog.delete_link()
    assert dialog.link_model.rowCount() == count
    page.undo_stack.undo()
    dialog.reload()
    assert dialog.link_model.rowCount() == count + 1


def test_the_draft_runs_through_the_progress_task_and_is_one_undo_step(page, qtbot):
    with page.ctx.db.session() as s:
        before = s.scalar(select(func.count()).select_from(Exam))
        d = rooms.add_discipline(s, "Жаңы сабак")
        for g in page.schedule.groups:
            rooms.add_link(s, page.session_id, g, d)
    unplaced = page.generate_for(list(page.schedule.groups))
    with page.ctx.db.session() as s:
        after = s.scalar(select(func.count()).select_from(Exam))
    assert after - before + len(unplaced) == len(page.schedule.groups)
    page.undo_stack.undo()
    with page.ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Exam)) == before
    page.undo_stack.redo()
    with page.ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Exam)) == after


def test_a_cancelled_draft_leaves_nothing(page, monkeypatch):
    from desktop.views.common import tasks

    real = tasks.run_with_progress

    def cancel_at_once(parent, title, fn, label=""):
        def cancelled(progress: Progress):
            progress.cancel()  # as if Cancel was pressed at the first step
            return fn(progress)
        return real(parent, title, cancelled, label)

    monkeypatch.setattr(tasks, "run_with_progress", cancel_at_once)
    with page.ctx.db.session() as s:
        before = s.scalar(select(func.count()).select_from(Exam))
        d = rooms.add_discipline(s, "Жаңы сабак")
        for g in page.schedule.groups:
            rooms.add_link(s, page.session_id, g, d)
    count = page.undo_stack.count()
    assert page.generate_for(list(page.schedule.groups)) == []
    with page.ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Exam)) == before
    assert page.undo_stack.count() == count


def test_a_cell_with_several_exams_shows_each_and_its_row_grows(page):
    exam = page.schedule.exams[5]
    group = exam.group_ids[0]
    others = [g for g in page.schedule.groups if g != group][:5]
    with page.ctx.db.session() as s:
        for g in others:  # five more exams the same day for the same group (plus the first: six)
            new = ops.copy_exam(s, exam.id, [g])[0]
            ops.update_exam(s, new, group_ids=(group,), start=exam.start + 30)
    page._reload()
    model = page.grid_model
    index = model.index_of(exam.day, group)
    text = index.data(Qt.ItemDataRole.DisplayRole)
    lines = text.split("\n")
    assert len(lines) == MAX_SHOWN and lines[-1] == "+3 more"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.count(page.schedule.disciplines[exam.discipline_id]) >= 6  # every exam, then the conflicts
    assert "two exams on one day" in tip
    header = page.grid.verticalHeader()
    assert header.sectionSize(index.row()) == MAX_SHOWN * header.defaultSectionSize()
    quiet = next(r for r, n in enumerate(model.row_exams) if n == 1)
    assert header.sectionSize(quiet) == header.defaultSectionSize()
    # Two exams: both shown in full, the row twice as tall.
    with page.ctx.db.session() as s:
        ops.delete_exams(s, [e.id for e in ops.load_schedule(s, page.session_id).exams
                             if e.day == exam.day and group in e.group_ids and e.id != exam.id][1:])
    page._reload()
    index = model.index_of(exam.day, group)
    assert len(index.data(Qt.ItemDataRole.DisplayRole).split("\n")) == 2
    assert header.sectionSize(index.row()) == 2 * header.defaultSectionSize()
    assert dt.date.fromisoformat(index.data(Qt.ItemDataRole.UserRole + 11)) == exam.day
