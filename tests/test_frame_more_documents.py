"""The document frame on the agenda and minutes, the academic calendar (PDF and Excel) and the
monthly curator reports, in ru, ky and kk (issue 17, point 2): approving official, faculty name and
signature lines read back with pdftotext / openpyxl."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import openpyxl
import pytest

from desktop.models import academic_calendar as ac
from desktop.models import meetings as mt
from desktop.models.academic_calendar import Entry
from desktop.models.curator_reports import ReportDocument
from desktop.models.document_frame import document_frame, save_frame
from desktop.models.org import Faculty, add_staff
from desktop.models.text_documents import localize_meeting
from desktop.models.text_versions import set_version
from desktop.models.workdays import WorkCalendar

D = dt.date
APPROVED = {"ru": "УТВЕРЖДАЮ", "ky": "БЕКИТЕМИН", "kk": "БЕКІТЕМІН"}
COMPILED = {"ru": "Составил", "ky": "Түзгөн", "kk": "Құрастырған"}
VICE_RECTOR = {"ru": "Проректор по учебной работе", "ky": "Окуу иштери боюнча проректор",
               "kk": "Оқу ісі жөніндегі проректор"}
FACULTY = {"ky": "Математика факультети", "ru": "Факультет математики", "kk": "Математика факультеті"}
FRAME = {"city": "Ош", "approvers": {"agenda": {"position": "", "name": "Сопуев У.А."},
                                      "calendar": {"position": "", "name": "Асанов Б.К."},
                                      "curators": {"position": "", "name": "Эргешов М."}},
         "compiler": {"position": "", "name": "Беделова Н.С."}}
LANGS = ["ru", "ky", "kk"]


def text_of(path) -> str:
    """Reading order in one line (header and approval block stand side by side), hyphenated line
    ends joined, no-break spaces as spaces."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(re.sub(r"(\w)-\n(\w)", r"\1\2", out).replace("\xa0", " ").split())


@pytest.fixture
def office(session):
    faculty = Faculty(name=FACULTY["ky"], university="Ош мамлекеттик университети")
    session.add(faculty)
    session.flush()
    for lang in ("ru", "kk"):
        set_version(session, "faculty", faculty.id, "name", lang, FACULTY[lang])
    save_frame(session, FRAME)
    session.commit()
    return session


def _meeting(s):
    dean = add_staff(s, "Сопуев", "Уланбек", "Абдиевич", roles=["dean"])
    secretary = add_staff(s, "Беделова", "Назира", roles=["methodist"])
    series = mt.add_series(s, "Деканаттын кеңешмеси", chair_id=dean, secretary_id=secretary, members=[dean, secretary])
    m = mt.add_meeting(s, series.id, D(2026, 11, 2))
    mt.add_agenda_item(s, m.id, "Сессияга даярдык", speaker_id=dean)
    mt.update_meeting(s, m.id, held=True)
    return m.id


@pytest.mark.parametrize("lang", LANGS)
def test_agenda_carries_header_and_approval_minutes_the_header_and_signatures(office, tmp_path, lang):
    from desktop.reports.meeting_pdf import agenda_pdf, minutes_pdf

    mid = _meeting(office)
    tree, _missing = localize_meeting(office, mt.meeting_tree(office, mid), lang)
    frame = document_frame(office, "agenda")
    agenda_pdf(tmp_path / "a.pdf", tree, lang, frame=frame)
    minutes_pdf(tmp_path / "m.pdf", tree, lang, frame=frame)
    agenda, minutes = text_of(tmp_path / "a.pdf"), text_of(tmp_path / "m.pdf")
    assert APPROVED[lang] in agenda and "Сопуев У.А." in agenda and "«____» ______________ 20___" in agenda
    assert FACULTY[lang] in agenda and "ОШ МАМЛЕКЕТТИК УНИВЕРСИТЕТИ" in agenda and "Ош" in agenda
    # the minutes: signed by chair and secretary, not approved
    assert FACULTY[lang] in minutes and APPROVED[lang] not in minutes
    assert minutes.count("______________") == 2 and "Беделова Н." in minutes


def test_the_agenda_from_the_command_line_loads_the_frame(office, db, cli, tmp_path):
    _meeting(office)
    office.commit()
    out = tmp_path / "a.pdf"
    r = cli("--database", db.url, "export", "agenda", "--date", "2026-11-02", "--lang", "kk", "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = text_of(out)
    assert "БЕКІТЕМІН" in text and "Сопуев У.А." in text and FACULTY["kk"] in text


def _calendar(s, approval: str = ""):
    cal_id = ac.create_calendar(s, "2025-2026", "bachelor", "semester", "KG", "", approval)
    ev = ac.add_event(s, cal_id, "final_exams", "Жыйынтыктоочу сынактар", kind="final_exams")
    ac.set_entry(s, ev, "autumn", Entry(D(2025, 12, 15), D(2025, 12, 30)))
    return ac.load(s, cal_id)


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_pdf_and_excel_carry_the_frame(office, tmp_path, lang):
    from desktop.reports.calendar_pdf import calendar_pdf
    from desktop.reports.calendar_xlsx import calendar_xlsx

    data, work = _calendar(office), WorkCalendar("KG")
    frame = document_frame(office, "calendar", lang)
    calendar_pdf(tmp_path / "c.pdf", data, ac.resolve(data, work), work, lang, frame=frame)
    text = text_of(tmp_path / "c.pdf")
    for needle in (APPROVED[lang], VICE_RECTOR[lang], "Асанов Б.К.", FACULTY[lang], COMPILED[lang], "Беделова Н.С."):
        assert needle in text, needle
    calendar_xlsx(tmp_path / "c.xlsx", data, ac.resolve(data, work), work, lang, frame=frame)
    cells = [str(c) for row in openpyxl.load_workbook(tmp_path / "c.xlsx").worksheets[0].iter_rows(values_only=True)
             for c in row if c]
    assert APPROVED[lang] in cells and FACULTY[lang] in cells and VICE_RECTOR[lang] in cells
    assert any(c.startswith(COMPILED[lang]) for c in cells) and any("Асанов" in c for c in cells)


def test_a_calendars_own_approval_replaces_the_frames(office, tmp_path):
    """Seed 004: the calendar approved by the council's decision, typed with the calendar."""
    from desktop.reports.calendar_pdf import calendar_pdf

    data, work = _calendar(office, "БЕКІТІЛДІ\nҒылыми кеңесінің шешімімен\n2025 жылғы «05» тамыздағы №205-1-хаттама"), \
        WorkCalendar("KG")
    calendar_pdf(tmp_path / "c.pdf", data, ac.resolve(data, work), work, "kk",
                 frame=document_frame(office, "calendar", "kk"))
    text = text_of(tmp_path / "c.pdf")
    assert "БЕКІТІЛДІ" in text and "№205-1-хаттама" in text and FACULTY["kk"] in text
    assert "БЕКІТЕМІН" not in text and "Асанов" not in text
    assert "Құрастырған" in text


def _report(i: int, group: str) -> ReportDocument:
    return ReportDocument(id=i, group=group, curator="Токторбаев А.М.", year=2026, month=10, status="submitted",
                          submitted_on=D(2026, 11, 3), accepted_by="", accepted_on=None, return_comment="",
                          remarks="", due=D(2026, 11, 5),
                          parts={"activities": [], "risks": [], "contacts": [], "achievements": []})


@pytest.mark.parametrize("lang", LANGS)
def test_each_monthly_curator_report_carries_the_frame(office, tmp_path, lang):
    from desktop.reports.curator_report import write_reports_pdf

    path = tmp_path / "r.pdf"
    write_reports_pdf(path, [_report(1, "ДИЗ-1-25"), _report(2, "ПИ-1-25")], lang,
                      frame=document_frame(office, "curators", lang))
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = [" ".join(re.sub(r"(\w)-\n(\w)", r"\1\2", p).replace("\xa0", " ").split()) for p in out.split("\f")[:-1]]
    assert len(pages) == 2
    for page in pages:  # one report per page, each under the frame, signed by its curator
        assert APPROVED[lang] in page and "Эргешов М." in page and FACULTY[lang] in page
        assert "____________________ Токторбаев А.М." in page


def test_a_blank_frame_prints_lines_never_none(tmp_path):
    from desktop.reports.curator_report import write_reports_pdf

    write_reports_pdf(tmp_path / "r.pdf", [_report(1, "ДИЗ-1-25")], "ru", faculty="Факультет математики")
    text = text_of(tmp_path / "r.pdf")
    assert "УТВЕРЖДАЮ" in text and "Факультет математики" in text and "None" not in text
    assert "______________ ____________________" in text
