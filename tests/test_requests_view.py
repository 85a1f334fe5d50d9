"""The service requests area: register filters, the card's timeline, edits with undo, exports."""

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from sqlalchemy import select

from desktop import i18n
from desktop.models import settings
from desktop.models.operations import Change
from desktop.models.request_templates import ProcedureTemplate, ensure_builtin_procedures
from desktop.models.requests import RequestStatus, ServiceRequest, create_request, record_step, request_snapshot
from desktop.views.common.area import AppContext
from desktop.views.requests import RequestsArea
from desktop.views.requests.models import RegisterProxy

D = dt.date
TODAY = D(2026, 4, 2)  # Thursday


@pytest.fixture
def filled(db):
    """Three KZ requests: one overdue (check due 01.04), one due this week, one done."""
    with db.session() as s:
        settings.put(s, "country", "KZ")
        ensure_builtin_procedures(s)
        dup = s.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "duplicate_diploma"))
        late = create_request(s, dup, D(2026, 3, 20), applicant="Сейітқали Дәурен <b>&", conditions={3})
        soon = create_request(s, dup, D(2026, 4, 1), applicant="=1+1 Үсөнова Гүлзат", channel="portal")
        done = create_request(s, dup, D(2026, 3, 20), applicant="Петров С.И.")
        for step in request_snapshot(s, done)["steps"]:
            if step["planned"]:
                record_step(s, step["id"], step["planned"], "Беделова Н.С.")
    return {"db": db, "late": late, "soon": soon, "done": done}


@pytest.fixture
def page(qtbot, filled):
    p = RequestsArea(AppContext(filled["db"]))
    qtbot.addWidget(p)
    p.today = TODAY
    p.refresh()
    p.resize(1400, 700)
    return p


def test_models_pass_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    page.select_request(page.model.rows[0]["id"])
    qtmodeltester.check(page.card.steps)


def _ids(page):
    return sorted(page.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(page.proxy.rowCount()))


def test_register_filters_and_dashboard(page, filled):
    assert page.dashboard.text() == "Open: 2    Overdue: 1    Due soon: 1"
    page.when_filter.setCurrentIndex(page.when_filter.findData(RegisterProxy.OVERDUE))
    assert _ids(page) == [filled["late"]]
    page.when_filter.setCurrentIndex(page.when_filter.findData(RegisterProxy.THIS_WEEK))
    assert _ids(page) == [filled["soon"]]  # registration due today 02.04, in the week 30.03-05.04
    page.when_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("done"))
    assert _ids(page) == [filled["done"]]
    page.status_filter.setCurrentIndex(0)
    page.search.setText("үсөнова")
    assert _ids(page) == [filled["soon"]]
    page.search.setText("")
    # The overdue request's status is a red chip with its word; the rest of the row stays plain.
    row = page.model.row_of(filled["late"])
    assert page.model.index(row, 5).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fde4e4"
    assert page.model.index(row, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.model.index(row, 5).data() == "In progress, overdue"
    soon = page.model.row_of(filled["soon"])
    assert page.model.index(soon, 5).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#e3eefa"  # info


def test_mark_step_done_refuse_and_undo(page, filled):
    db = filled["db"]
    page.select_request(filled["late"])
    assert page.card.card.id == filled["late"]
    states = [page.card.steps.state(i) for i in range(7)]
    assert states[:3] == ["overdue", "overdue", "open"]  # due 26.03 and 01.04, then 03.04
    steps = page.card.card.steps
    page.record(steps[0].id, D(2026, 3, 26), "Беделова Н.С.")
    page.record(steps[1].id, D(2026, 4, 2), "Кудуев А.Ж.")
    assert page.card.steps.state(1) == "late"
    with db.session() as s:
        assert request_snapshot(s, filled["late"])["steps"][2]["planned"] == D(2026, 4, 6)  # Fri 03, Mon 06
    page.undo_stack.undo()
    with db.session() as s:
        assert request_snapshot(s, filled["late"])["steps"][1]["actual"] is None
    page.undo_stack.redo()
    page.refuse("Нет документа об оплате")
    with db.session() as s:
        assert s.get(ServiceRequest, filled["late"]).status == RequestStatus.REFUSED
    page.undo_stack.undo()
    with db.session() as s:
        assert s.get(ServiceRequest, filled["late"]).status == RequestStatus.IN_PROGRESS


def test_new_request_and_delete_with_undo(page, filled):
    db = filled["db"]
    with db.session() as s:
        dup = s.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "duplicate_diploma"))
    page.create_request({"procedure_id": dup, "received": D(2026, 3, 20), "student_id": None, "applicant": "Жаңа түлек",
                         "channel": "service_centre", "note": "", "conditions": set()})
    new_id = page.current_request_id()
    assert page.card.card.applicant == "Жаңа түлек"
    # Through the service centre (seed 002): its transfer to the university (2 working days after
    # Nauryz: 27.03), then the registration (30.03).
    assert [s.planned for s in page.card.card.steps][:2] == [D(2026, 3, 27), D(2026, 3, 30)]
    page.delete_request()
    with db.session() as s:
        assert s.get(ServiceRequest, new_id) is None
    page.undo_stack.undo()
    with db.session() as s:
        assert s.get(ServiceRequest, new_id).applicant == "Жаңа түлек"
    page.undo_stack.undo()
    with db.session() as s:
        assert s.get(ServiceRequest, new_id) is None


@pytest.mark.parametrize("lang", ["ky", "kk", "ru"])
def test_grab_register_and_card(page, filled, lang, tmp_path):
    i18n.set_language(lang)
    page.retranslate_ui()  # the main window does this on a language switch
    page.select_request(filled["soon"])  # the overdue row stays unselected, in red
    page.show()
    image = page.grab()
    assert image.save(str(tmp_path / f"requests-{lang}.png"))
    assert image.width() > 1000
    assert page.title.text() == i18n.translator(lang)("Service requests") != "Service requests"


def test_exports_read_back(page, filled, tmp_path):
    import openpyxl

    xlsx = tmp_path / "register.xlsx"
    page.export_register(str(xlsx))
    ws = openpyxl.load_workbook(xlsx).active
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "Сейітқали Дәурен <b>&" in values and "=1+1 Үсөнова Гүлзат" in values
    page.select_request(filled["late"])
    pdf = tmp_path / "card.pdf"
    page.export_card(str(pdf))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Сейітқали Дәурен <b>&" in text and "26.03.2026" in text and "Overdue" in text


def test_procedure_editor_new_with_undo(page, filled, monkeypatch, qtmodeltester):
    from PySide6.QtWidgets import QDialog

    from desktop.models.request_templates import template_rows
    from desktop.views.requests import dialogs

    def accept_with_two_steps(dialog):
        qtmodeltester.check(dialog.model)
        dialog.name.setText("Академическая справка")
        m = dialog.model
        m.setData(m.index(0, 0), "Выписка оценок")
        m.setData(m.index(0, 3), "5")
        m.insert_step(1)
        m.setData(m.index(1, 0), "Запрос архива")
        m.setData(m.index(1, 2), "calendar")
        m.setData(m.index(1, 5), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        m.setData(m.index(1, 6), "Учился до 2015 года")
        assert m.move_step(1, -1) == 0
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.TemplateDialog, "exec", accept_with_two_steps)
    page.new_template()
    with filled["db"].session() as s:
        made = next(t for t in template_rows(s) if t.name == "Академическая справка")
    assert [(st.name, st.kind, st.days, st.optional) for st in made.steps] == [
        ("Запрос архива", "calendar", 1, True), ("Выписка оценок", "working", 5, False)]
    assert page.procedure_filter.findText("Академическая справка") > 0
    page.undo_stack.undo()
    with filled["db"].session() as s:
        assert all(t.name != "Академическая справка" for t in template_rows(s))


def test_working_days_changed_elsewhere_replans(page, filled):
    from desktop.models.workdays import OverrideKind, set_override

    with filled["db"].session() as s:
        set_override(s, "KZ", D(2026, 4, 2), OverrideKind.DAY_OFF, "decree")  # the soon request's registration
    page.ctx.notify(Change.WORKDAYS)
    row = page.model.rows[page.model.row_of(filled["soon"])]
    assert row["step_due"] == D(2026, 4, 3)


def test_delete_procedure_from_the_editor_with_undo(page, filled, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.models.request_templates import StepSpec, add_template, template_rows
    from desktop.views.requests import dialogs

    db = filled["db"]
    with db.session() as s:
        tid = add_template(s, "Справка об обучении", [StepSpec("Подготовка", "Деканат", "working", 2)])
        rid = create_request(s, tid, D(2026, 3, 30), applicant="Асанов Азамат")
    page.refresh()
    asked, told = [], []
    monkeypatch.setattr(dialogs.TemplateDialog, "exec", lambda d: (d.delete_button is not None
                                                                  and dialogs.TemplateDialog.DELETE))
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    # A built-in is refused with the reason, nothing asked, nothing deleted.
    page.procedure_filter.setCurrentIndex(1)
    page.edit_template()
    assert told and "built-in" in told[0] and not asked
    # The office's own, used by one request: asked (saying the request keeps its steps), deleted.
    page.procedure_filter.setCurrentIndex(page.procedure_filter.findData(tid))
    page.edit_template()
    assert "1 request was registered under it; it keeps its steps" in asked[0]
    with db.session() as s:
        assert all(t.id != tid for t in template_rows(s))
        assert request_snapshot(s, rid)["procedure_name"] == "Справка об обучении"
        assert len(request_snapshot(s, rid)["steps"]) == 1
    assert page.procedure_filter.findData(tid) == -1
    assert page.undo_stack.undoText() == "Delete procedure"
    page.undo_stack.undo()
    with db.session() as s:
        assert any(t.id == tid for t in template_rows(s))
        assert request_snapshot(s, rid)["procedure_id"] == tid
    assert page.procedure_filter.findData(tid) > 0


def test_register_pdf_and_print_preview(page, filled, monkeypatch, tmp_path):
    from desktop.views.common import printing

    shown = []
    monkeypatch.setattr(printing, "preview_pdf", lambda _parent, pdf, title="": shown.append((pdf, title)))
    page.when_filter.setCurrentIndex(page.when_filter.findData(RegisterProxy.OVERDUE))
    page.preview_register()
    pdf, title = shown[0]
    assert pdf.startswith(b"%PDF") and title == "Register of service requests"
    path = tmp_path / "register.pdf"
    page.export_register_pdf(str(path))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    assert "Сейітқали Дәурен <b>&" in text and "Үсөнова" not in text  # only what the filter shows
    assert "In progress, overdue" in text
    assert any(a.shortcut().matches(QKeySequence(QKeySequence.StandardKey.Print)) for a in page.actions())


def test_due_soon_horizon_is_a_setting_and_the_counts_follow(page, filled):
    db = filled["db"]
    with db.session() as s:
        dup = s.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "duplicate_diploma"))
        create_request(s, dup, TODAY, applicant="Жаңы арыз")  # registration due Fri 03.04, 1 working day ahead
    page.refresh()
    assert page.due_soon.value() == 3 and page.dashboard.text().endswith("Due soon: 2")
    page.due_soon.setValue(0)  # only what is due today
    assert page.dashboard.text().endswith("Due soon: 1")
    with db.session() as s:
        assert settings.get(s, "requests_due_soon_days") == 0
    page.undo_stack.undo()
    assert page.due_soon.value() == 3 and page.dashboard.text().endswith("Due soon: 2")
    with db.session() as s:
        assert settings.get(s, "requests_due_soon_days") == 3
    # Another window on the same database sees the stored horizon.
    page.due_soon.setValue(1)
    other = RequestsArea(AppContext(db))
    other.today = TODAY
    other.refresh()
    assert other.due_soon.value() == 1 and other.dashboard.text().endswith("Due soon: 2")
    other.deleteLater()


def test_the_due_soon_unit_agrees_with_the_number(page):
    from desktop import i18n

    i18n.set_language("ru")
    try:
        page.retranslate_ui()
        suffixes = {}
        for days in (1, 3, 5, 21):
            page.due_soon.setValue(days)
            suffixes[days] = page.due_soon.suffix()
        assert suffixes == {1: " рабочий день", 3: " рабочих дня", 5: " рабочих дней", 21: " рабочий день"}
    finally:
        i18n.set_language("en")
        page.retranslate_ui()
    assert page.due_soon.suffix() == " working days"  # 21
    page.due_soon.setValue(1)
    assert page.due_soon.suffix() == " working day"


def test_refusal_with_a_ground_then_the_letter_and_the_receipt(page, filled, monkeypatch, tmp_path):
    """Seed 002: the refusal names a ground from the list (kept translatable), the card shows its date,
    and the card's buttons give the motivated refusal letter and the receipt."""
    import subprocess

    from PySide6.QtWidgets import QInputDialog

    from desktop.models.requests import REFUSAL_GROUNDS

    page.select_request(filled["soon"])
    assert page.card.receipt_button.isEnabled() and not page.card.letter_button.isEnabled()
    chosen = i18n._(REFUSAL_GROUNDS[0])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (chosen, True))
    page.refuse()
    with filled["db"].session() as s:
        refused = s.get(ServiceRequest, filled["soon"])
        assert refused.refusal_reason == REFUSAL_GROUNDS[0] and refused.closed == TODAY
    assert page.card.letter_button.isEnabled()
    assert "02.04.2026" in page.card.facts.text()
    from desktop.views import settings as ui_settings

    ui_settings.put(ui_settings.REPORT_LANGUAGE, "ru")
    for paper, needle in (("refusal", "Услугополучатель представил неполный пакет документов"),
                          ("receipt", "Расписка в приёме документов")):
        path = tmp_path / f"{paper}.pdf"
        path.write_bytes(page.paper_pdf_bytes(paper))
        text = " ".join(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                                       text=True).stdout.split())
        assert needle in text, paper


def test_an_export_declined_at_the_missing_translations_writes_nothing(page, filled, tmp_path, monkeypatch):
    from desktop.views import translations

    monkeypatch.setattr(translations, "confirm_missing", lambda *_a, **_k: False)
    xlsx, pdf = tmp_path / "register.xlsx", tmp_path / "register.pdf"
    page.export_register(str(xlsx))
    page.export_register_pdf(str(pdf))
    assert not xlsx.exists() and not pdf.exists()
