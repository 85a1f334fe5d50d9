"""A request's channel changed after it was registered: its steps re-plan for that channel
(seed 002), done steps keep their dates, undo puts everything back (issue 17, point 3)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models import requests as req
from desktop.models import settings
from desktop.models.base import DomainError
from desktop.models.request_templates import ProcedureTemplate, ensure_builtin_procedures

D = dt.date
TRANSFER = "Transfer of the documents from the service centre to the university"


@pytest.fixture
def duplicate(db):
    with db.session() as s:
        settings.put(s, "country", "KZ")
        ensure_builtin_procedures(s)
        pid = s.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "duplicate_diploma"))
        rid = req.create_request(s, pid, D(2026, 3, 2), applicant="Әбдірова Г.", channel="in_person")
        first = req.request_snapshot(s, rid)["steps"][0]
        req.record_step(s, first["id"], D(2026, 3, 3), "Беделова Н.С.", "тіркелді")
    return rid


def _steps(db, rid):
    with db.session() as s:
        snap = req.request_snapshot(s, rid)
    return snap, [(st["name"], st["planned"], st["actual"], st["done_by"]) for st in snap["steps"]]


def test_the_service_centre_adds_its_steps_and_keeps_what_is_done(db, duplicate):
    _before, steps_before = _steps(db, duplicate)
    with db.session() as s:
        req.change_channel(s, duplicate, "service_centre")
    after, steps = _steps(db, duplicate)
    names = [st[0] for st in steps]
    assert after["channel"] == "service_centre"
    assert names[0] == TRANSFER and names[-1] == "Issue of the duplicate by the service centre"
    registration = next(st for st in steps if st[0] == "Registration of the documents")
    assert registration[2:] == (D(2026, 3, 3), "Беделова Н.С.")
    assert steps[0][1] is not None and steps[0][2] is None  # the transfer is planned, not done
    # and back: the in-person steps again
    with db.session() as s:
        req.change_channel(s, duplicate, "in_person")
    assert _steps(db, duplicate)[1] == steps_before


def test_a_done_step_the_new_channel_lacks_refuses_the_change(db, duplicate):
    with db.session() as s:
        req.change_channel(s, duplicate, "service_centre")
        transfer = next(st for st in req.request_snapshot(s, duplicate)["steps"] if st["name"] == TRANSFER)
        req.record_step(s, transfer["id"], D(2026, 3, 2), "ЦОН")
    with pytest.raises(DomainError, match="Transfer"), db.session() as s:
        req.change_channel(s, duplicate, "portal")
    assert _steps(db, duplicate)[0]["channel"] == "service_centre"


def test_window_changes_the_channel_with_undo(db, duplicate, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from desktop.views.common.area import AppContext
    from desktop.views.requests import RequestsArea

    page = RequestsArea(AppContext(db))
    qtbot.addWidget(page)
    page.retranslate_ui()
    page.select_request(duplicate)
    _snap, before = _steps(db, duplicate)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("E-government portal", True))
    page.commands["channel"].trigger()
    snap, steps = _steps(db, duplicate)
    assert snap["channel"] == "portal" and "Notice of readiness through the portal" in [st[0] for st in steps]
    page.undo_stack.undo()
    snap, steps = _steps(db, duplicate)
    assert snap["channel"] == "in_person" and steps == before


# The receipt's list of documents received -------------------------------------------------------------------

def _receipt_text(db, rid, tmp_path, lang="ru") -> str:
    import subprocess

    from desktop.models.document_frame import document_frame
    from desktop.reports.requests import receipt_pdf

    with db.session() as s:
        card, frame = req.request_card(s, rid, D(2026, 3, 10)), document_frame(s, "requests")
    path = tmp_path / f"receipt-{lang}.pdf"
    receipt_pdf(card, path, lang, frame=frame)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_receipt_lists_the_documents_received(db, duplicate, tmp_path):
    blank = _receipt_text(db, duplicate, tmp_path)
    assert "1. ____" in blank and "3. ____" in blank  # nothing stated: lines to fill in by hand
    with db.session() as s:
        req.set_documents(s, duplicate, "1. Заявление <b>о выдаче</b> дубликата\n\n2) Копия удостоверения личности\n")
    text = _receipt_text(db, duplicate, tmp_path, "kk")
    assert "1. Заявление <b>о выдаче</b> дубликата" in text and "2. Копия удостоверения личности" in text
    assert "____________________________" not in text.split("Копия")[0].split("Заявление")[-1]
    assert "3. ____" not in text


def test_documents_given_at_registration_and_edited_in_the_window_with_undo(db, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QInputDialog

    from desktop.views.common.area import AppContext
    from desktop.views.requests import RequestsArea
    from desktop.views.requests.dialogs import NewRequestDialog

    with db.session() as s:
        settings.put(s, "country", "KZ")
        ensure_builtin_procedures(s)
    page = RequestsArea(AppContext(db))
    qtbot.addWidget(page)
    page.retranslate_ui()
    monkeypatch.setattr(NewRequestDialog, "exec", lambda self: (
        self.student.setEditText("Петров С.И."), self.documents.setPlainText("Заявление\nФото 3x4"), 1)[-1])
    page.new_request()
    rid = page.current_request_id()
    with db.session() as s:
        assert req.request_snapshot(s, rid)["documents"] == "Заявление\nФото 3x4"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Заявление\nФото 3x4\nКвитанция", True))
    page.commands["documents"].trigger()
    assert "3. Квитанция" in _receipt_text(db, rid, tmp_path)
    page.undo_stack.undo()
    with db.session() as s:
        assert req.request_snapshot(s, rid)["documents"] == "Заявление\nФото 3x4"
