"""Minutes print what was decided at the meeting (issue 17, point 4): the register's later edits
(status, text, responsible, due date) leave the printed minutes as they were; signed minutes are
final; the report language keeps working (versions frozen at signing)."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from desktop.models import meetings as mt
from desktop.models.base import DomainError
from desktop.models.org import add_staff
from desktop.models.text_documents import localize_meeting
from desktop.models.text_versions import set_version
from desktop.reports.meeting_pdf import minutes_pdf

D = dt.date


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def meeting(session):
    dean = add_staff(session, "Сопуев", "Уланбек", "Абдиевич", roles=["dean"])
    methodist = add_staff(session, "Беделова", "Назира", roles=["methodist"])
    head = add_staff(session, "Осмонова", "Айгүл", roles=["head_of_department"])
    series = mt.add_series(session, "Деканаттын жумалык кеңешмеси", chair_id=dean, secretary_id=methodist,
                           members=[dean, methodist, head])
    m = mt.add_meeting(session, series.id, D(2026, 11, 2))
    item = mt.add_agenda_item(session, m.id, "Кышкы сессияга даярдык", speaker_id=head)
    d = mt.add_decision(session, m.id, "Экзамендердин жадыбалын түзүү", responsible=[head],
                        due_date=D(2026, 11, 20), agenda_item_id=item.id)
    mt.update_meeting(session, m.id, held=True)
    session.commit()
    return {"s": session, "meeting": m.id, "decision": d.id, "dean": dean, "head": head}


def _print(session, meeting_id, path, lang="ru"):
    tree, _missing = localize_meeting(session, mt.meeting_tree(session, meeting_id), lang)
    minutes_pdf(path, tree, lang)
    return pdf_text(path)


def test_register_edits_leave_the_minutes_as_decided(meeting, tmp_path):
    s, mid, did = meeting["s"], meeting["meeting"], meeting["decision"]
    before = _print(s, mid, tmp_path / "before.pdf")
    assert "Экзамендердин жадыбалын түзүү" in before and "Осмонова А." in before and "20.11.2026" in before
    # the register: closed, reworded, reassigned, postponed
    mt.update_decision(s, did, status="done")
    mt.update_decision(s, did, text="Жадыбалды кайра түзүү")
    mt.update_decision(s, did, responsible=[meeting["dean"]])
    mt.update_decision(s, did, due_date=D(2026, 12, 15))
    row = next(r for r in mt.decisions(s) if r["id"] == did)
    assert (row["text"], row["responsible"], row["due_date"], row["status"]) == (
        "Жадыбалды кайра түзүү", "Сопуев У.А.", D(2026, 12, 15), "done")
    after = _print(s, mid, tmp_path / "after.pdf")
    assert after == before
    assert "Жадыбалды кайра түзүү" not in after and "15.12.2026" not in after and "Выполнено" not in after


def test_an_edit_through_the_minutes_changes_both_and_undoes(meeting, tmp_path):
    s, mid, did = meeting["s"], meeting["meeting"], meeting["decision"]
    mt.update_decision(s, did, due_date=D(2026, 12, 1))  # postponed in the register first
    old = mt.update_decision(s, did, in_minutes=True, text="Экзамендердин жадыбалын бекитүү")
    text = _print(s, mid, tmp_path / "m.pdf")
    assert "Экзамендердин жадыбалын бекитүү" in text and "20.11.2026" in text  # the due date as decided
    assert next(r for r in mt.decisions(s) if r["id"] == did)["text"] == "Экзамендердин жадыбалын бекитүү"
    mt.update_decision(s, did, **old)
    text = _print(s, mid, tmp_path / "u.pdf")
    assert "Экзамендердин жадыбалын түзүү" in text and "бекитүү" not in text


def test_signed_minutes_are_final(meeting):
    s, mid, did = meeting["s"], meeting["meeting"], meeting["decision"]
    with pytest.raises(DomainError):
        mt.sign_minutes(s, mid, D(2026, 11, 1))  # before the meeting
    assert mt.sign_minutes(s, mid, D(2026, 11, 3)) is None
    assert mt.meeting_tree(s, mid)["minutes_signed_on"] == D(2026, 11, 3)
    for edit in (lambda: mt.update_decision(s, did, in_minutes=True, text="x"),
                 lambda: mt.add_decision(s, mid, "Жаңы чечим"),
                 lambda: mt.delete_decision(s, did),
                 lambda: mt.update_agenda_item(s, mt.meeting_tree(s, mid)["items"][0]["id"], heard="x"),
                 lambda: mt.update_meeting(s, mid, held=False),
                 lambda: mt.set_attendance(s, mid, meeting["dean"], False, "ооруп"),
                 lambda: mt.delete_meeting(s, mid)):
        with pytest.raises(DomainError, match="03.11.2026"):
            edit()
    # the register still follows it up
    mt.update_decision(s, did, status="done")
    assert next(r for r in mt.decisions(s) if r["id"] == did)["status"] == "done"
    # undo of signing
    mt.sign_minutes(s, mid, None)
    mt.update_agenda_item(s, mt.meeting_tree(s, mid)["items"][0]["id"], heard="Осмонова А. угулду")


def test_only_held_minutes_are_signed(meeting):
    s, mid = meeting["s"], meeting["meeting"]
    mt.update_meeting(s, mid, held=False)
    with pytest.raises(DomainError):
        mt.sign_minutes(s, mid, D(2026, 11, 3))


def test_language_versions_are_frozen_at_signing(meeting, tmp_path):
    s, mid, did = meeting["s"], meeting["meeting"], meeting["decision"]
    set_version(s, "meeting_decision", did, "text", "ru", "Составить расписание экзаменов")
    assert "Составить расписание экзаменов" in _print(s, mid, tmp_path / "a.pdf")
    mt.sign_minutes(s, mid, D(2026, 11, 3))
    # later: reworded in the register and its Russian version follows the new wording
    mt.update_decision(s, did, text="Жадыбалды кайра түзүү")
    set_version(s, "meeting_decision", did, "text", "ru", "Пересоставить расписание")
    ru = _print(s, mid, tmp_path / "ru.pdf")
    assert "Составить расписание экзаменов" in ru and "Пересоставить" not in ru
    ky = _print(s, mid, tmp_path / "ky.pdf", "ky")
    assert "Экзамендердин жадыбалын түзүү" in ky and "кайра" not in ky


def test_unsigned_minutes_never_print_a_version_of_a_reworded_text(meeting, tmp_path):
    s, mid, did = meeting["s"], meeting["meeting"], meeting["decision"]
    mt.update_decision(s, did, text="Жадыбалды кайра түзүү")
    set_version(s, "meeting_decision", did, "text", "ru", "Пересоставить расписание")
    ru = _print(s, mid, tmp_path / "ru.pdf")
    assert "Экзамендердин жадыбалын түзүү" in ru and "Пересоставить" not in ru


def test_delete_and_restore_keep_the_snapshot_and_signature(meeting):
    s, mid, did = meeting["s"], meeting["meeting"], meeting["decision"]
    mt.update_decision(s, did, text="Жадыбалды кайра түзүү", due_date=D(2026, 12, 15))
    snap = mt.delete_decision(s, did)
    mt.restore_decision(s, snap)
    row = next(r for r in mt.decisions(s) if r["id"] == did)
    assert (row["decided_text"], row["decided_due_date"], row["decided_responsible"]) == (
        "Экзамендердин жадыбалын түзүү", D(2026, 11, 20), "Осмонова А.")
    assert row["text"] == "Жадыбалды кайра түзүү"
    saved = mt.delete_meeting(s, mid)
    mt.restore_meeting(s, {**saved, "minutes_signed_on": D(2026, 11, 3)})
    assert mt.meeting_tree(s, mid)["minutes_signed_on"] == D(2026, 11, 3)


def test_command_line_signs_and_the_exported_minutes_stay(meeting, db, cli, tmp_path):
    s, did = meeting["s"], meeting["decision"]
    s.close()
    base = ["--database", db.url, "--lang", "ru"]
    r = cli(*base, "minutes", "sign", "--date", "2026-11-02", "--on", "2026-11-03")
    assert r.returncode == 0, r.stderr
    assert "03.11.2026" in r.stdout
    r = cli(*base, "minutes", "sign", "--date", "2026-11-02")
    assert r.returncode == 1 and "03.11.2026" in r.stderr  # already signed
    before = tmp_path / "before.pdf"
    assert cli(*base, "export", "agenda", "--date", "2026-11-02", "--lang", "ru", "-o", str(before)).returncode == 0
    with db.session() as s2:
        mt.update_decision(s2, did, status="done", text="Жадыбалды кайра түзүү", due_date=D(2026, 12, 15),
                           responsible=[meeting["dean"]])
    after = tmp_path / "after.pdf"
    assert cli(*base, "export", "agenda", "--date", "2026-11-02", "--lang", "ru", "-o", str(after)).returncode == 0
    assert pdf_text(before) == pdf_text(after)
    assert "Экзамендердин жадыбалын түзүү" in pdf_text(after)


def test_window_edits_minutes_signs_them_with_undo(meeting, db, qtbot, monkeypatch, tmp_path):
    from PySide6.QtCore import Qt

    from desktop.views.common.area import AppContext
    from desktop.views.meetings import MeetingsArea
    from desktop.views.meetings.dialogs import SignDialog

    s, mid, did = meeting["s"], meeting["meeting"], meeting["decision"]
    mt.update_decision(s, did, text="Жадыбалды кайра түзүү", status="done")  # the register, earlier
    s.commit()
    s.close()
    page = MeetingsArea(AppContext(db))
    qtbot.addWidget(page)
    page.retranslate_ui()
    page.open_meeting(mid)
    editor = page.editor
    editor.tabs.setCurrentIndex(2)
    model = editor.decisions
    assert model.rows[0]["text"] == "Экзамендердин жадыбалын түзүү"  # the minutes show it as decided
    index = model.index(0, 0)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    model.setData(index, "Экзамендердин жадыбалын бекитүү", Qt.ItemDataRole.EditRole)
    with db.session() as s2:
        assert mt.meeting_tree(s2, mid)["decisions"][0]["decided_text"] == "Экзамендердин жадыбалын бекитүү"
    # signing: the dialog offers today (pinned 30.11.2026)
    monkeypatch.setattr(SignDialog, "exec", lambda self: 1)
    page.commands["editor_sign"].trigger()
    with db.session() as s2:
        assert mt.meeting_tree(s2, mid)["minutes_signed_on"] == D(2026, 11, 30)
    assert not editor.signed_label.isHidden() and "30.11.2026" in editor.signed_label.text()
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not editor.actions_by_key["add_decision"].isEnabled() and not editor.heard.isEnabled()
    assert not editor.actions_by_key["sign"].isEnabled()
    editor.resize(1100, 700)
    editor.grab().save(str(tmp_path / "signed.png"))
    page.undo_stack.undo()
    with db.session() as s2:
        assert mt.meeting_tree(s2, mid)["minutes_signed_on"] is None
    assert editor.signed_label.isHidden() and editor.actions_by_key["add_decision"].isEnabled()
    page.undo_stack.undo()  # the edit through the minutes
    with db.session() as s2:
        d = mt.meeting_tree(s2, mid)["decisions"][0]
    assert (d["decided_text"], d["text"]) == ("Экзамендердин жадыбалын түзүү", "Жадыбалды кайра түзүү")
