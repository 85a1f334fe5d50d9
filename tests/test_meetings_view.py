"""The meetings area: model tester, the next meeting with one click, ticking proposals, attendance,
minutes and decisions with undo/redo, the register's filters and export, the print path."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from desktop.models import meetings as mt
from desktop.views.common.area import AppContext
from desktop.views.meetings import MeetingsArea
from desktop.views.meetings.dialogs import DecisionValues
from desktop.views.meetings.models import ON_AGENDA_TEXT

D = dt.date


@pytest.fixture
def page(qtbot, demo_db):
    p = MeetingsArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    return p


def weekly_id(db) -> int:
    with db.session() as s:
        return mt.series_by_name(s, "Деканаттын жумалык кеңешмеси").id


def open_meeting(page, db, day=dt.date(2025, 12, 8)) -> int:
    with db.session() as s:
        meeting_id = mt.find_meeting(s, day).id
    page.open_meeting(meeting_id)
    return meeting_id


def test_models_pass_the_model_tester(page, demo_db, qtmodeltester):
    open_meeting(page, demo_db)
    assert page.editor.proposals.rowCount() > 0 and page.editor.agenda.rowCount() > 0
    for model in (page.meetings, page.editor.proposals, page.editor.agenda, page.editor.attendance,
                  page.editor.decisions, page.register.model, page.register.proxy):
        qtmodeltester.check(model)


def test_next_meeting_one_click_with_undo(page, demo_db):
    sid = weekly_id(demo_db)
    page.series.setCurrentIndex(page.series.findData(sid))
    page.actions_by_key["next"].trigger()
    with demo_db.session() as s:
        last = mt.meetings_between(s, D(2025, 9, 1), D(2026, 12, 31), sid)[-1]
    # The demo term's last meeting is Monday 29.12.2025. The next Monday, 05.01.2026, falls in
    # Kyrgyzstan's New Year days off (01.01-06.01) and 07.01 is Christmas: Thursday 08.01.2026.
    assert last["date"] == D(2026, 1, 8) and page.editor.tree["id"] == last["id"]
    assert page.editor.attendance.rowCount() > 3
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert mt.meetings_between(s, D(2025, 9, 1), D(2026, 12, 31), sid)[-1]["date"] == D(2025, 12, 29)
    page.undo_stack.redo()
    with demo_db.session() as s:
        assert mt.meetings_between(s, D(2025, 9, 1), D(2026, 12, 31), sid)[-1]["id"] == last["id"]


def test_tick_proposals_onto_the_agenda(page, demo_db):
    meeting_id = open_meeting(page, demo_db)
    proposals = page.editor.proposals
    free = [r for r, p in enumerate(proposals.proposals) if not p.on_agenda]
    assert free
    before = page.editor.agenda.rowCount()
    index = proposals.index(free[0], 0)
    assert proposals.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    ref = proposals.proposals[free[0]].ref
    page.editor.actions_by_key["add_ticked"].trigger()
    assert page.editor.agenda.rowCount() == before + 1
    assert page.editor.agenda.rows[-1]["source_ref"] == ref
    # now shown as on the agenda, greyed, not tickable
    p = next(p for p in proposals.proposals if p.ref == ref)
    flags = proposals.flags(proposals.index(proposals.proposals.index(p), 0))
    assert p.on_agenda and not flags & Qt.ItemFlag.ItemIsUserCheckable
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert len(mt.meeting_tree(s, meeting_id)["items"]) == before
    page.undo_stack.redo()
    with demo_db.session() as s:
        assert mt.meeting_tree(s, meeting_id)["items"][-1]["source_ref"] == ref


def test_agenda_editing_moves_and_minutes(page, demo_db):
    meeting_id = open_meeting(page, demo_db)
    editor = page.editor
    titles = [r["title"] for r in editor.agenda.rows]
    editor.agenda_view.setCurrentIndex(editor.agenda.index(0, 1))
    editor.actions_by_key["down"].trigger()
    assert [r["title"] for r in editor.agenda.rows][:2] == [titles[1], titles[0]]
    page.undo_stack.undo()
    assert [r["title"] for r in editor.agenda.rows] == titles
    # edit the title in the table, like a double-click would
    assert editor.agenda.setData(editor.agenda.index(0, 1), "Жаңы аталыш & <b>")
    with demo_db.session() as s:
        assert mt.meeting_tree(s, meeting_id)["items"][0]["title"] == "Жаңы аталыш & <b>"
    # the minutes of the second item
    editor.tabs.setCurrentIndex(2)
    editor.minutes_items.setCurrentIndex(editor.agenda.index(1, 1))
    editor.heard.setPlainText("Баяндамачы угулду")
    editor.decided.setPlainText("Маалыматка алынсын")
    editor.save_minutes.click()
    with demo_db.session() as s:
        item = mt.meeting_tree(s, meeting_id)["items"][1]
    assert (item["heard"], item["decided"]) == ("Баяндамачы угулду", "Маалыматка алынсын")
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert mt.meeting_tree(s, meeting_id)["items"][1]["heard"] != "Баяндамачы угулду"
    # an empty title is refused with a message, nothing changes
    from unittest import mock

    with mock.patch("desktop.views.meetings.actions.QMessageBox.warning") as warn:
        editor.agenda.setData(editor.agenda.index(0, 1), "  ")
    assert warn.called
    with demo_db.session() as s:
        assert mt.meeting_tree(s, meeting_id)["items"][0]["title"] == "Жаңы аталыш & <b>"


def test_attendance_and_decisions(page, demo_db):
    meeting_id = open_meeting(page, demo_db)
    editor = page.editor
    att = editor.attendance
    row = att.rows[0]
    att.setData(att.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    att.setData(att.index(0, 2), "иш сапарында", Qt.ItemDataRole.EditRole)
    # the name and position are not edited here; the absent person's row is greyed, the others' not
    assert not att.setData(att.index(0, 1), "Ректор", Qt.ItemDataRole.EditRole)
    assert not att.flags(att.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert att.flags(att.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert att.data(att.index(0, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert att.data(att.index(0, 1), Qt.ItemDataRole.ForegroundRole) is ON_AGENDA_TEXT
    assert att.data(att.index(1, 1), Qt.ItemDataRole.ForegroundRole) is None
    with demo_db.session() as s:
        a = mt.meeting_tree(s, meeting_id)["attendees"][0]
    assert (a["staff_id"], a["present"], a["note"]) == (row["staff_id"], False, "иш сапарында")
    page.undo_stack.undo()
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert mt.meeting_tree(s, meeting_id)["attendees"][0]["present"] == row["present"]
    # a decision on the first item, closed, undone
    first_item = editor.agenda.rows[0]["id"]
    page.add_decision(meeting_id, first_item, DecisionValues("Отчет тапшырылсын", (row["staff_id"],), D(2025, 12, 15)))
    d = next(r for r in editor.decisions.rows if r["text"] == "Отчет тапшырылсын")
    assert d["agenda_item_id"] == first_item
    editor.decision_view.setCurrentIndex(editor.decisions.index(editor.decisions.rows.index(d), 0))
    editor.actions_by_key["done"].trigger()
    with demo_db.session() as s:
        closed = next(r for r in mt.decisions(s, meeting_id=meeting_id) if r["id"] == d["id"])
    assert closed["status"] == "done" and closed["closed_on"] is not None
    page.undo_stack.undo()
    with demo_db.session() as s:
        again = next(r for r in mt.decisions(s, meeting_id=meeting_id) if r["id"] == d["id"])
    assert again["status"] == "open" and again["closed_on"] is None
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert d["id"] not in [r["id"] for r in mt.decisions(s, meeting_id=meeting_id)]


def test_register_filters_highlight_and_export(page, demo_db, tmp_path):
    reg = page.register
    page.tabs.setCurrentIndex(1)
    reg.status.setCurrentIndex(reg.status.findData("open"))
    assert reg.model.rowCount() > 0 and all(r["status"] == "open" for r in reg.model.rows)
    overdue = [i for i, r in enumerate(reg.model.rows) if r["overdue"]]
    assert overdue  # on the pinned day the demo has open decisions past their due date
    # the status cell says it in red, not the whole row
    status = next(i for i, c in enumerate(reg.model.columns) if c.key == "status")
    assert reg.model.data(reg.model.index(overdue[0], status), Qt.ItemDataRole.BackgroundRole) is not None
    assert reg.model.data(reg.model.index(overdue[0], 0), Qt.ItemDataRole.BackgroundRole) is None
    person = reg.model.rows[0]["responsible_ids"][0]
    reg.person.setCurrentIndex(reg.person.findData(person))
    assert all(person in r["responsible_ids"] for r in reg.model.rows)
    reg.overdue.setChecked(True)
    assert all(r["overdue"] for r in reg.model.rows)
    # the choices are remembered
    again = MeetingsArea(page.ctx)
    again.retranslate_ui()
    assert again.register.person.currentData() == person and again.register.overdue.isChecked()
    again.deleteLater()
    import openpyxl

    path = reg.export_xlsx(str(tmp_path / "d.xlsx"))
    ws = openpyxl.load_workbook(path).active
    assert ws.max_row - 11 == len(reg.model.rows)  # 5 frame rows, title, date, header; the compiler's line


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler is not installed")
def test_print_path_writes_a_pdf_through_qprinter(page, demo_db, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from desktop.views.common.printing import render_pdf

    open_meeting(page, demo_db)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = render_pdf(page.pdf_bytes("both"), printer, dpi=100)
    assert pages >= 2 and out.stat().st_size > 10_000
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    import re

    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == pages


def test_new_series_dialog_then_first_meeting(page, demo_db, qtbot):
    from desktop.models.org import staff_rows
    from desktop.views.meetings.series_dialog import SeriesDialog

    with demo_db.session() as s:
        staff = staff_rows(s)
    dialog = SeriesDialog(staff)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("methodological_council"))
    dialog.recurrence.setCurrentIndex(1)
    dialog.nth.setCurrentIndex(dialog.nth.findData(2))
    dialog.weekday.setCurrentIndex(3)
    dialog.name.setText("Усулдук кеңеш")
    values = dialog.values()
    assert values["members"] and values["nth_week"] == 2 and values["weekday"] == 3
    page.new_series(values)
    assert page.series.currentText() == "Усулдук кеңеш"
    page.actions_by_key["next"].trigger()
    date = page.editor.tree["date"]
    from desktop.models.workdays import work_calendar

    with demo_db.session() as s:
        cal = work_calendar(s)
    # the second Thursday of its month (or the working day after it, when that is a holiday)
    thursdays = [d for d in (date.replace(day=1) + dt.timedelta(days=i) for i in range(31))
                 if d.month == date.month and d.weekday() == 3]
    assert date == cal.next_working_day(thursdays[1])
    # From the pinned Monday 30.11.2026 the next second Thursday is 10.12.2026, a working day.
    assert date == D(2026, 12, 10)
    page.undo_stack.undo()
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert mt.series_by_name(s, "Усулдук кеңеш") is None


def test_opening_a_meeting_deleted_meanwhile_leaves_the_area_as_it_is(page):
    """The Today list can show a meeting another office has deleted since: opening it changes nothing."""
    before = page.meeting_id
    page.open_meeting(10**9)
    assert page.meeting_id == before
