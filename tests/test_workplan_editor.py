"""The work plan editor's whole-plan actions: header, new and deleted plans, exports and import
through the page, drag-and-drop acceptance, persisted choices."""

import datetime as dt
import subprocess
import warnings

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop import i18n
from desktop.models import workplan as wp
from desktop.views import settings as ui_settings
from desktop.views.common.area import AppContext
from desktop.views.workplan import WorkPlanArea, plan_actions
from desktop.views.workplan.plan_dialogs import ImportDialog, PlanHeaderDialog
from tests.factories import TRICKY, make_docx


@pytest.fixture
def page(qtbot, demo_db):
    p = WorkPlanArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    return p


@pytest.fixture
def warnings_shown(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def header(db, year="2025-2026"):
    with db.session() as s:
        p = wp.require_plan(s, year)
        return (p.title, p.faculty_name, p.approver_name, p.approver_position, p.approval_date)


def test_header_dialog_edits_the_approval_block_with_undo(page, demo_db, qtbot):
    before = header(demo_db)
    dialog = PlanHeaderDialog(page.tree, page)
    qtbot.addWidget(dialog)
    assert dialog.values()["title"] == before[0]
    dialog.title.setText(f"  План {TRICKY}  ")
    dialog.approver.setText("Сопуев У.А.")
    dialog.position.setText("Факультеттин деканы")
    dialog.has_date.setChecked(True)
    dialog.date.setDate(dt.date(2025, 8, 29))
    page.do_edit_header(dialog.values())
    assert header(demo_db) == (f"План {TRICKY}", before[1], "Сопуев У.А.", "Факультеттин деканы",
                               dt.date(2025, 8, 29))
    assert page.tree["approver_name"] == "Сопуев У.А."
    dialog.has_date.setChecked(False)
    assert dialog.values()["approval_date"] is None
    page.undo_stack.undo()
    assert header(demo_db) == before
    page.undo_stack.redo()
    assert header(demo_db)[4] == dt.date(2025, 8, 29)


def test_new_plan_has_the_eight_sections_in_the_interface_language(page, demo_db):
    i18n.set_language("ky")
    page.retranslate_ui()
    assert page.suggested_year() == "2026-2027"
    page.do_new_plan("2026-2027")
    assert page.year.currentText() == "2026-2027"
    with demo_db.session() as s:
        plan = wp.require_plan(s, "2026-2027")
        sections = [(x.kind, x.title) for x in plan.sections]
    assert [k for k, _t in sections] == [k.value for k in wp.STANDARD_SECTIONS]
    assert sections[0][1] == i18n.translator("ky")("Organisational work") != "Organisational work"
    assert [s["number"] for s in page.tree["sections"]] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert wp.plan_years(s) == ["2025-2026"]
    page.undo_stack.redo()
    with demo_db.session() as s:
        assert wp.plan_years(s) == ["2025-2026", "2026-2027"]


def test_new_plan_refuses_a_bad_or_taken_year(page, demo_db, warnings_shown):
    page.do_new_plan("2025/26")
    page.do_new_plan("2025-2026")
    assert len(warnings_shown) == 2 and "2025-2026" in warnings_shown[1]
    assert page.undo_stack.count() == 0
    with demo_db.session() as s:
        assert wp.plan_years(s) == ["2025-2026"]


def test_delete_plan_asks_first_and_undo_brings_everything_back(page, demo_db, monkeypatch):
    with demo_db.session() as s:
        before = wp.plan_tree(s, wp.require_plan(s, "2025-2026"), dt.date(2025, 10, 1))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No)
    page.delete_plan()
    assert asked and "2025-2026" in asked[0]
    with demo_db.session() as s:
        assert wp.plan_years(s) == ["2025-2026"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page.delete_plan()
    with demo_db.session() as s:
        assert wp.plan_years(s) == []
    assert page.tree is None and page.model.rowCount() == 0
    assert not page.actions_by_key["export_pdf"].isEnabled()
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert wp.plan_tree(s, wp.require_plan(s, "2025-2026"), dt.date(2025, 10, 1)) == before
    assert page.year.currentText() == "2025-2026" and page.model.rowCount() == 8


def test_choosing_the_year_among_plans(page, demo_db):
    page.copy_to_next_year()
    assert page.year.currentText() == "2026-2027"
    page.year.setCurrentIndex(page.year.findText("2025-2026"))
    assert page.tree["year"] == "2025-2026"
    assert ui_settings.get(ui_settings.WORKPLAN_YEAR) == "2025-2026"


def test_exports_from_the_page_in_the_report_language(page, tmp_path, monkeypatch):
    ui_settings.put(ui_settings.REPORT_LANGUAGE, "kk")
    page.do_edit_header({"title": TRICKY})
    from desktop.views import translations

    asked = []  # the demo plan has no Kazakh versions: the export lists them first; "Export anyway"
    monkeypatch.setattr(translations.MissingDialog, "exec",
                        lambda self: asked.append(self.texts.rowCount()) or translations.MissingDialog.EXPORT)
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(plan_actions.QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    page.actions_by_key["export_pdf"].trigger()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "БЕКІТЕМІН" in text and TRICKY in text
    assert asked and asked[0] > 100
    assert ui_settings.get(ui_settings.LAST_FOLDER) == str(tmp_path)

    page.do_export("xlsx", str(tmp_path / "plan.xlsx"))
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "plan.xlsx").active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "БЕКІТЕМІН" in values and TRICKY in values
    assert page.model.sections[0]["items"][0]["text"] in values

    page.do_export("progress", str(tmp_path / "progress.pdf"))
    text = subprocess.run(["pdftotext", str(tmp_path / "progress.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert i18n.translator("kk")("By section") in text


def test_export_to_an_unwritable_place_says_so(page, tmp_path, warnings_shown):
    page.do_export("pdf", str(tmp_path / "missing-folder" / "plan.pdf"))
    assert len(warnings_shown) == 1 and "missing-folder" in warnings_shown[0]


def test_import_shows_the_dry_run_then_imports_with_undo(page, demo_db, tmp_path, monkeypatch):
    path = tmp_path / "plan.docx"
    make_docx(path)
    assert page.accepts_file(str(path)) and page.accepts_file("/x/PLAN.XLSX")
    assert not page.accepts_file("/x/plan.pdf")
    seen = {}

    def accept(dialog):
        seen["summary"] = dialog.summary.toPlainText()
        seen["year"] = dialog.chosen_year()
        return True

    monkeypatch.setattr(ImportDialog, "exec", accept)
    page.import_file(str(path))
    assert seen["year"] == "2026-2027"
    assert "Уюштуруу иштери: 2" in seen["summary"] and "Тарбиялык иштер: 1" in seen["summary"]
    with demo_db.session() as s:
        plan = wp.require_plan(s, "2026-2027")
        assert [i.text for i in plan.sections[0].items][1] == TRICKY
    assert page.year.currentText() == "2026-2027" and page.model.rowCount() == 2
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert wp.plan_years(s) == ["2025-2026"]
    page.undo_stack.redo()
    with demo_db.session() as s:
        assert len(wp.require_plan(s, "2026-2027").sections) == 2


def test_import_of_a_bad_file_says_why_and_writes_nothing(page, demo_db, tmp_path, monkeypatch, warnings_shown):
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: True)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a Word file")
    page.import_file(str(broken))
    import docx

    empty = tmp_path / "letter.docx"
    d = docx.Document()
    d.add_paragraph("Урматтуу кесиптештер!")
    d.save(empty)
    page.import_file(str(empty))
    assert len(warnings_shown) == 2
    assert "broken.docx" in warnings_shown[0] and "letter.docx" in warnings_shown[1]
    good = tmp_path / "plan.docx"
    make_docx(good)
    monkeypatch.setattr(ImportDialog, "chosen_year", lambda dialog: "2025-2026")  # taken
    page.import_file(str(good))
    assert len(warnings_shown) == 3 and "2025-2026" in warnings_shown[2]
    with demo_db.session() as s:
        assert wp.plan_years(s) == ["2025-2026"]
    assert page.undo_stack.count() == 0


def test_filters_year_and_splitter_are_remembered(qtbot, demo_db):
    first = WorkPlanArea(AppContext(demo_db))
    qtbot.addWidget(first)
    first.retranslate_ui()
    first.f_status.setCurrentIndex(first.f_status.findData("done"))
    first.f_section.setCurrentIndex(2)
    first.f_overdue.setChecked(False)
    first.f_text.setText("кеңешме")
    first.splitter.setSizes([700, 300])
    first.splitter.splitterMoved.emit(700, 1)
    second = WorkPlanArea(AppContext(demo_db))
    qtbot.addWidget(second)
    second.retranslate_ui()
    assert second.f_status.currentData() == "done"
    assert second.f_section.currentData() == first.f_section.currentData()
    assert second.f_text.text() == "кеңешме"
    assert second.proxy.status == "done" and second.proxy.text == "кеңешме"
    assert second.splitter.saveState() == first.splitter.saveState()


def test_filter_change_raises_no_deprecation_warning(page):
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        page.f_text.setText("план")
        page.f_status.setCurrentIndex(1)
    assert page.proxy.text == "план"


def test_a_plan_dropped_on_the_window_is_imported(qtbot, demo_db, tmp_path, monkeypatch):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from desktop.views.main_window import MainWindow

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    page = window.show_area("workplan")
    path = tmp_path / "plan.docx"
    make_docx(path)
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: True)

    def mime(*paths):
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        return data

    pdf = mime(tmp_path / "notes.pdf")  # kept referenced: the event does not own its data
    refused = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, pdf,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(refused)
    assert not refused.isAccepted()
    data = mime(path)
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    with demo_db.session() as s:
        assert wp.plan_years(s) == ["2025-2026", "2026-2027"]
    assert page.year.currentText() == "2026-2027"
