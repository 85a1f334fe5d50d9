"""Agenda and minutes PDFs read back with pdftotext, the decisions register in Excel, the CLI."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from desktop.models import meetings as mt
from desktop.models.org import Faculty, add_staff

D = dt.date
TRICKY = "Қазақ тілі әліпбиі ғ қ ң ө ұ ү һ і <b> & =1+1"

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="reads the PDF back with poppler's pdftotext")


def pdf_text(path) -> str:
    """One line in reading order (the frame's header and approval block are side by side), words
    hyphenated at a line end joined."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(re.sub(r"(\w)-\n(\w)", r"\1\2", out).split())


@pytest.fixture
def meeting(db):
    with db.session() as s:
        s.add(Faculty(name="Математика жана информациялык технологиялар факультети",
                      university="Ош мамлекеттик университети"))
        dean = add_staff(s, "Сопуев", "Уланбек", "Абдиевич", roles=["dean"])
        sec = add_staff(s, "Беделова", "Назира", roles=["methodist"])
        head = add_staff(s, "Нұрпейісова", "Әсем", roles=["head_of_department"])
        series = mt.add_series(s, "Деканаттын жумалык кеңешмеси", place="Ауд. 214 & <i>", chair_id=dean,
                               secretary_id=sec, members=[dean, sec, head])
        m = mt.add_meeting(s, series.id, D(2025, 12, 8))
        first = mt.add_agenda_item(s, m.id, TRICKY, speaker_id=head, minutes_allotted=15)
        mt.add_agenda_item(s, m.id, "Сессияга даярдык", speaker_id=dean, minutes_allotted=10)
        mt.update_agenda_item(s, first.id, heard="Баяндама угулду", decided="Маалымат эске алынсын")
        mt.add_decision(s, m.id, "Ведомостторду тапшыруу", responsible=[head], due_date=D(2025, 12, 15),
                        agenda_item_id=first.id)
        mt.set_attendance(s, m.id, head, False, "ооруп")
        return m.id


def tree_of(db, meeting_id):
    with db.session() as s:
        return mt.meeting_tree(s, meeting_id)


@needs_poppler
@pytest.mark.parametrize("lang,agenda,date,secretary", [
    ("ky", "Күн тартиби", "2025-жылдын 8-декабры", "Катчы"),
    ("kk", "Күн тәртібі", "8 желтоқсан 2025 ж.", "Хатшы"),
    ("ru", "Повестка дня", "8 декабря 2025 г.", "Секретарь"),
])
def test_agenda_pdf(db, meeting, tmp_path, lang, agenda, date, secretary):
    from desktop.reports.meeting_pdf import agenda_pdf

    path = tmp_path / f"agenda-{lang}.pdf"
    agenda_pdf(str(path), tree_of(db, meeting), lang)
    text = pdf_text(path)
    assert agenda in text and date in text and secretary in text
    assert "Математика жана информациялык технологиялар факультети" in text
    assert "Деканаттын жумалык кеңешмеси" in text and "Ауд. 214 & <i>" in text
    assert f"1. {TRICKY}" in text and "Нұрпейісова Ә." in text and "2. Сессияга даярдык" in text
    assert "Беделова Н." in text


@needs_poppler
@pytest.mark.parametrize("lang,minutes,heard,decided", [
    ("ky", "Протокол № 1", "Угулду:", "Токтом кылынды:"),
    ("kk", "Хаттама № 1", "Тыңдалды:", "Қаулы етті:"),
    ("ru", "Протокол № 1", "СЛУШАЛИ:", "ПОСТАНОВИЛИ:"),
])
def test_minutes_pdf(db, meeting, tmp_path, lang, minutes, heard, decided):
    from desktop.reports.meeting_pdf import minutes_pdf

    path = tmp_path / f"minutes-{lang}.pdf"
    minutes_pdf(str(path), tree_of(db, meeting), lang)
    text = pdf_text(path)
    assert minutes in text
    assert f"{heard} Баяндама угулду" in text and f"{decided} Маалымат эске алынсын" in text
    assert "1.1. Ведомостторду тапшыруу" in text and "15.12.2025" in text
    assert "Нұрпейісова Ә. (ооруп)" in text and "Сопуев У.А." in text
    assert TRICKY in text


@needs_poppler
def test_meeting_pdf_adds_minutes_once_held(db, meeting, tmp_path):
    from desktop.reports.meeting_pdf import meeting_pdf

    path = tmp_path / "m.pdf"
    meeting_pdf(str(path), tree_of(db, meeting), "ru")
    assert "Протокол №" not in pdf_text(path)
    with db.session() as s:
        mt.update_meeting(s, meeting, held=True)
    meeting_pdf(str(path), tree_of(db, meeting), "ru")
    text = pdf_text(path)
    assert "Повестка дня" in text and "Протокол № 1" in text


def test_decisions_xlsx(db, meeting, tmp_path):
    import openpyxl

    from desktop.reports.meeting_xlsx import decisions_xlsx

    with db.session() as s:
        m = s.get(mt.Meeting, meeting)
        mt.add_decision(s, m.id, TRICKY, due_date=D(2026, 2, 1))
        rows = mt.decisions(s, on_date=D(2025, 12, 20))
    path = tmp_path / "d.xlsx"
    decisions_xlsx(str(path), rows, "kk", D(2025, 12, 20))
    ws = openpyxl.load_workbook(path).active
    # Rows 1-5: the document frame (blank here: lines to sign by hand).
    assert ws["B9"].value == "Шешім"
    assert ws["B10"].value == "Ведомостторду тапшыруу" and ws["C10"].value == "Нұрпейісова Ә."
    assert "мерзімі өткен" in ws["E10"].value.lower()
    assert ws["B11"].value == TRICKY and ws["B11"].data_type == "s"
    assert ws["B10"].fill.fgColor.rgb.endswith("FDE2E1") and not ws["B11"].fill.fgColor.rgb.endswith("FDE2E1")
    assert ws.freeze_panes == "A10" and ws.auto_filter.ref


@needs_poppler
def test_cli_export_agenda_and_decisions(cli, demo_db, tmp_path):
    database = demo_db.url
    with demo_db.session() as s:
        first = mt.meetings_between(s, D(2025, 9, 1), D(2025, 12, 31))[0]
    out = tmp_path / "a.pdf"
    r = cli("--database", database, "export", "agenda", "--date", first["date"].isoformat(), "--lang", "kk",
            "--series", first["series"], "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = pdf_text(out)
    assert "Күн тәртібі" in text and first["series"] in text
    assert first["held"]  # September 2025 is long past on the pinned day: the meeting was held
    assert "Хаттама" in text
    r = cli("--database", database, "export", "agenda", "--date", "2025-09-02", "-o", str(out))
    assert r.returncode == 1 and "02.09.2025" in r.stderr
    r = cli("--database", database, "export", "agenda", "--date", "2025-13-01", "-o", str(out))
    assert r.returncode == 2
    xlsx = tmp_path / "d.xlsx"
    r = cli("--database", database, "export", "decisions", "--format", "xlsx", "--status", "open", "-o", str(xlsx))
    assert r.returncode == 0, r.stderr
    import openpyxl

    ws = openpyxl.load_workbook(xlsx).active
    with demo_db.session() as s:
        # 5 frame rows + title, date, blank, header above; a blank and the compiler's line below
        assert ws.max_row - 11 == len(mt.decisions(s, status="open")) > 0


def test_demo_term(demo_db):
    with demo_db.session() as s:
        weekly = mt.series_by_name(s, "Деканаттын жумалык кеңешмеси")
        rows = mt.meetings_between(s, D(2025, 9, 1), D(2025, 12, 31), weekly.id)
        assert sum(r["date"].weekday() == 0 for r in rows) >= len(rows) - 2
        from desktop.models.workdays import work_calendar

        cal = work_calendar(s)
        assert all(cal.is_working_day(r["date"]) for r in rows)
        assert len(rows) >= 15 and all(r["items"] >= 2 for r in rows)
        sources = {i["source"] for r in rows for i in mt.meeting_tree(s, r["id"])["items"]}
        assert {"workplan_due", "decision", "manual"} <= sources
        statuses = {d["status"] for d in mt.decisions(s)}
        assert {"open", "done"} <= statuses
        assert mt.series_by_name(s, "Кураторлордун айлык кеңешмеси").recurrence == "monthly"
