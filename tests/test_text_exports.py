"""Reports in one language print that language's texts; missing versions warn; the Excel round trip."""

from __future__ import annotations

import subprocess

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.models import load_all
from desktop.models import text_versions as tv

load_all()


@pytest.fixture(autouse=True)
def usual_event_periods():
    """plan_tree installs this test's calendar for "after the winter session"; later tests get the usual."""
    from desktop.models import workplan_deadline

    yield
    workplan_deadline.set_event_resolver(None)

# Kyrgyz originals with their Russian versions (seed 000's words)
ITEMS = [
    ("Жаңы окуу жылына аудиторияларды даярдоо", "Подготовка аудиторий к новому учебному году"),
    ("Усулдук кеңештердин пландарын бекитүү", "Утверждение планов методических советов"),
    ("Студенттер үчүн тандоо курстарын уюштуруу", "Организация элективных курсов для студентов"),
]
SECTION = ("Уюштуруу иштери", "Организационная работа")
PEOPLE = ("Деканат, каф. башчылары", "Деканат, заведующие кафедрами")
TITLE = ("Факультеттин 2025-2026-окуу жылына карата иш планы", "План работы факультета на 2025-2026 учебный год")
POSITION = ("Факультеттин деканы", "Декан факультета")


def make_plan(session, *, translate_all=True):
    from desktop.models import workplan as wp
    from desktop.models.workplan import WorkPlanResponsible

    plan = wp.create_plan(session, "2025-2026", title=TITLE[0], approver_position=POSITION[0],
                          approver_name="Сопуев У.А.")
    section = wp.add_section(session, plan.id, SECTION[0])
    items = [wp.add_item(session, section.id, ky, responsible=PEOPLE[0]) for ky, _ru in ITEMS]
    session.flush()
    tv.set_version(session, "workplan", plan.id, "title", "ru", TITLE[1])
    tv.set_version(session, "workplan", plan.id, "approver_position", "ru", POSITION[1])
    tv.set_version(session, "workplan_section", section.id, "title", "ru", SECTION[1])
    for n, (item, (_ky, ru)) in enumerate(zip(items, ITEMS, strict=True)):
        if translate_all or n:
            tv.set_version(session, "workplan_item", item.id, "text", "ru", ru)
        for ref in session.query(WorkPlanResponsible).filter_by(item_id=item.id):
            ru_person = {"Деканат": "Деканат", "каф. башчылары": "заведующие кафедрами"}[ref.text]
            if ru_person != ref.text:
                tv.set_version(session, "workplan_responsible", ref.id, "text", "ru", ru_person)
            else:
                tv.set_original_language(session, "workplan_responsible", ref.id, "text", "ky")
                tv.set_version(session, "workplan_responsible", ref.id, "text", "ru", ru_person)
    return plan


def pdf_text(path) -> str:
    return " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def xlsx_text(path) -> str:
    ws = load_workbook(path, read_only=True).active
    return " ".join(" ".join(str(v).split()) for row in ws.iter_rows(values_only=True) for v in row if v)


def _export(session, plan, lang, tmp_path):
    from desktop.models import workplan as wp
    from desktop.models.text_documents import localize_plan
    from desktop.reports.workplan_pdf import plan_pdf
    from desktop.reports.workplan_xlsx import plan_xlsx

    tree, missing = localize_plan(session, wp.plan_tree(session, plan), lang)
    plan_pdf(tmp_path / f"{lang}.pdf", tree, lang)
    plan_xlsx(tmp_path / f"{lang}.xlsx", tree, lang)
    return missing, pdf_text(tmp_path / f"{lang}.pdf"), xlsx_text(tmp_path / f"{lang}.xlsx")


def test_russian_and_kyrgyz_plans_carry_no_text_of_the_other_language(session, tmp_path):
    plan = make_plan(session)
    missing, pdf, xlsx = _export(session, plan, "ru", tmp_path)
    assert missing == []
    for text in (pdf, xlsx):
        for ky, ru in [*ITEMS, SECTION, TITLE, POSITION]:
            assert ru in text
            assert ky not in text
        assert "заведующие кафедрами" in text and "башчылары" not in text
        assert "УТВЕРЖДАЮ" in text
    missing, pdf, xlsx = _export(session, plan, "ky", tmp_path)
    assert missing == []
    for text in (pdf, xlsx):
        for ky, ru in [*ITEMS, SECTION, TITLE, POSITION]:
            assert ky in text
            assert ru not in text
        assert "заведующие" not in text and "БЕКИТЕМИН" in text


def test_a_text_without_a_version_prints_its_original_and_is_counted(session, tmp_path):
    plan = make_plan(session, translate_all=False)
    missing, pdf, _xlsx = _export(session, plan, "ru", tmp_path)
    assert [t.original for t in missing] == [ITEMS[0][0]]
    assert ITEMS[0][0] in pdf and ITEMS[1][1] in pdf


@pytest.fixture
def cli_db(tmp_path, migrated_template):
    import shutil

    from desktop.models.db import Database

    path = tmp_path / "cli.sqlite3"
    shutil.copyfile(migrated_template, path)
    db = Database(path)
    with db.session() as s:
        make_plan(s, translate_all=False)
    db.dispose()
    return path


def test_cli_warns_of_missing_versions_and_strict_refuses(cli_db, tmp_path):
    from tests.conftest import run_cli

    out = tmp_path / "ru.pdf"
    done = run_cli("--database", str(cli_db), "export", "workplan", "--year", "2025-2026", "--format", "pdf",
                   "--lang", "ru", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "1 text has no version in Russian" in done.stderr
    out.unlink()
    done = run_cli("--database", str(cli_db), "export", "workplan", "--year", "2025-2026", "--format", "pdf",
                   "--lang", "ru", "--strict", "-o", str(out))
    assert done.returncode == 1
    assert "--strict" in done.stderr
    assert not out.exists()
    done = run_cli("--database", str(cli_db), "export", "workplan", "--year", "2025-2026", "--format", "pdf",
                   "--lang", "ky", "--strict", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_excel_round_trip_fills_the_missing_versions(cli_db, tmp_path):
    from tests.conftest import run_cli

    sheet = tmp_path / "texts.xlsx"
    done = run_cli("--database", str(cli_db), "export", "texts", "--document", "workplan", "--year", "2025-2026",
                   "-o", str(sheet))
    assert done.returncode == 0, done.stderr
    book = load_workbook(sheet)
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    ru_col = next(i for i, h in enumerate(header) if h.startswith("ru")) + 1
    rows = {ws.cell(r, 4).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(rows[ITEMS[0][0]], ru_col).value is None  # the missing one is blank
    assert ws.cell(rows[ITEMS[1][0]], ru_col).value == ITEMS[1][1]
    ws.cell(rows[ITEMS[0][0]], ru_col).value = ITEMS[0][1]
    ws.cell(rows[ITEMS[2][0]], 4).value = "Студенттер үчүн курстарды уюштуруу"  # the original retyped
    book.save(sheet)
    done = run_cli("--database", str(cli_db), "import", "texts", str(sheet))
    assert done.returncode == 0, done.stderr
    assert "1 version written" in done.stdout
    assert "left as it is" in done.stderr  # the changed original is flagged
    pdf = tmp_path / "ru.pdf"
    done = run_cli("--database", str(cli_db), "export", "workplan", "--year", "2025-2026", "--format", "pdf",
                   "--lang", "ru", "--strict", "-o", str(pdf))
    assert done.returncode == 0, done.stderr
    text = pdf_text(pdf)
    assert ITEMS[0][1] in text and ITEMS[0][0] not in text
    assert ITEMS[2][0] not in text  # the original was not overwritten by the retyped one ...
    from desktop.models.db import Database

    db = Database(cli_db)
    with db.session() as s:
        from sqlalchemy import select

        from desktop.models.workplan import WorkPlanItem
        assert ITEMS[2][0] in s.scalars(select(WorkPlanItem.text)).all()  # ... in the database either
    db.dispose()


def test_excel_import_with_a_foreign_id_writes_nothing(cli_db, tmp_path):
    from tests.conftest import run_cli

    sheet = tmp_path / "texts.xlsx"
    run_cli("--database", str(cli_db), "export", "texts", "--document", "workplan", "--year", "2025-2026",
            "-o", str(sheet))
    book = load_workbook(sheet)
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    ru_col = next(i for i, h in enumerate(header) if h.startswith("ru")) + 1
    rows = {ws.cell(r, 4).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows[ITEMS[0][0]], ru_col).value = ITEMS[0][1]  # a good row ...
    ws.cell(rows[ITEMS[1][0]], 1).value = "workplan_item:9999:text"  # ... and an id of no text of this plan
    book.save(sheet)
    done = run_cli("--database", str(cli_db), "import", "texts", str(sheet))
    assert done.returncode == 1
    assert f"Row {rows[ITEMS[1][0]]}" in done.stderr and "workplan_item:9999:text" in done.stderr
    from desktop.models.db import Database

    db = Database(cli_db)
    with db.session() as s:
        from sqlalchemy import select

        from desktop.models.workplan import WorkPlanItem
        first = s.scalar(select(WorkPlanItem.id).where(WorkPlanItem.text == ITEMS[0][0]))
        assert tv.get_version(s, "workplan_item", first, "text", "ru") is None  # nothing partial
    db.dispose()


def test_requests_register_prints_the_state_language_version(demo_db, tmp_path):
    """The demo's office procedures are typed in Russian and carry Kyrgyz versions."""
    import datetime as dt

    from desktop.models.requests import request_rows
    from desktop.models.text_documents import faculty_name, localize_request_rows
    from desktop.reports.requests import register_pdf

    on = dt.date(2026, 3, 2)
    with demo_db.session() as s:
        rows = request_rows(s, on)
        ky, missing = localize_request_rows(s, rows, "ky")
        assert missing == []
        register_pdf(ky, tmp_path / "ky.pdf", "ky", on, faculty_name(s, "ky"))
        ru, missing = localize_request_rows(s, rows, "ru")
        assert missing == []
        register_pdf(ru, tmp_path / "ru.pdf", "ru", on, faculty_name(s, "ru"))
        # a version removed: counted as missing, the original printed
        from sqlalchemy import select

        from desktop.models.request_templates import ProcedureTemplate
        pid = s.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.name == "Справка об обучении"))
        tv.set_version(s, "procedure_template", pid, "name", "ky", None)
        _rows, missing = localize_request_rows(s, rows, "ky")
        assert [t.original for t in missing] == ["Справка об обучении"]
    ky_text, ru_text = pdf_text(tmp_path / "ky.pdf"), pdf_text(tmp_path / "ru.pdf")
    for russian in ("Справка об обучении", "Подпись декана", "Учебная часть", "Неполный пакет"):
        assert russian not in ky_text
    assert "Окуу тууралуу маалымкат" in ky_text and "Математика жана информациялык" in ky_text
    assert "Справка об обучении" in ru_text and "Факультет математики" in ru_text
    assert "маалымкат" not in ru_text and "факультети" not in ru_text


def test_meeting_minutes_print_the_versions_of_the_report_language(demo_db, tmp_path):
    from sqlalchemy import select

    from desktop.models import meetings as mt
    from desktop.models.text_documents import localize_meeting
    from desktop.reports.meeting_pdf import meeting_pdf

    with demo_db.session() as s:
        meeting = s.scalars(select(mt.Meeting).where(mt.Meeting.held.is_(True)).order_by(mt.Meeting.id)).first()
        tree = mt.meeting_tree(s, meeting.id)
        item = tree["items"][0]
        tv.set_version(s, "agenda_item", item["id"], "title", "ru", "Об итогах зимней сессии (русская версия)")
        tv.set_version(s, "meeting_series", tree["series_id"], "name", "ru", "Совещание в деканате (версия)")
        ru, missing = localize_meeting(s, tree, "ru")
        assert ru["items"][0]["title"] == "Об итогах зимней сессии (русская версия)"
        assert all(t.ref != tv.TextRef("agenda_item", item["id"], "title") for t in missing)
        meeting_pdf(tmp_path / "ru.pdf", ru, "ru")
    text = pdf_text(tmp_path / "ru.pdf")
    assert "Об итогах зимней сессии (русская версия)" in text
    assert " ".join(item["title"].split()) not in text  # the original title is not printed


def test_exam_schedule_prints_disciplines_and_rooms_in_the_report_language(demo_db, tmp_path):
    from desktop.models.exam_schedule import load_schedule
    from desktop.models.exams import find_session
    from desktop.models.text_documents import localize_schedule
    from desktop.reports.exam_xlsx import session_xlsx

    with demo_db.session() as s:
        schedule = load_schedule(s, find_session(s, "2025-2026", "winter"))
        ru, missing = localize_schedule(s, schedule, "ru")
        assert missing == []
        ky, missing = localize_schedule(s, schedule, "ky")
        assert missing == []
    session_xlsx(tmp_path / "ru.xlsx", ru, "ru", "list", "course")
    session_xlsx(tmp_path / "ky.xlsx", ky, "ky", "list", "course")
    book = load_workbook(tmp_path / "ru.xlsx", read_only=True)
    ru_text = " ".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)
    book = load_workbook(tmp_path / "ky.xlsx", read_only=True)
    ky_text = " ".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)
    assert "Математический анализ" in ru_text and "Математикалык анализ" not in ru_text
    assert "Математикалык анализ" in ky_text and "Математический анализ" not in ky_text


@pytest.mark.parametrize("lang, present, absent", [
    ("ru", "Регистрация на дисциплины весеннего семестра", "Көктемгі семестрдің пәндеріне тіркелу"),
    ("kk", "Көктемгі семестрдің пәндеріне тіркелу", "Регистрация на дисциплины весеннего семестра")])
def test_the_kazakh_calendar_prints_one_language(demo_db, tmp_path, lang, present, absent):
    from desktop.models import academic_calendar as ac
    from desktop.models.text_documents import localize_calendar
    from desktop.reports.calendar_pdf import calendar_pdf
    from desktop.reports.calendar_xlsx import calendar_xlsx

    with demo_db.session() as s:
        data = ac.load(s, ac.find_calendar(s, "2025-2026", "bachelor", "semester"))
        work = ac.calendar_engine(s, data)
        data, missing = localize_calendar(s, data, lang)
    assert missing == []
    resolved = ac.resolve(data, work)
    calendar_pdf(tmp_path / "c.pdf", data, resolved, work, lang)
    calendar_xlsx(tmp_path / "c.xlsx", data, resolved, work, lang)
    for text in (pdf_text(tmp_path / "c.pdf"), xlsx_text(tmp_path / "c.xlsx")):
        assert present in text and absent not in text
        # no event title of the other language anywhere: Kazakh letters only in the Kazakh version
        assert any(ch in text for ch in "әғқұі") == (lang == "kk")


def test_the_demo_plan_in_russian_has_no_kyrgyz_left(demo_db, tmp_path):
    """Seed 000's Kyrgyz plan: every item, section, person and worded deadline has a Russian version."""
    from desktop.models import workplan as wp
    from desktop.models.text_documents import localize_plan
    from desktop.reports.workplan_pdf import plan_pdf
    from desktop.reports.workplan_xlsx import plan_xlsx

    with demo_db.session() as s:
        tree = wp.plan_tree(s, wp.require_plan(s, "2025-2026"))
        ru, missing = localize_plan(s, tree, "ru")
        ky, _missing = localize_plan(s, tree, "ky")
    assert missing == []
    plan_pdf(tmp_path / "ru.pdf", ru, "ru")
    plan_xlsx(tmp_path / "ru.xlsx", ru, "ru")
    plan_pdf(tmp_path / "ky.pdf", ky, "ky")
    for text in (pdf_text(tmp_path / "ru.pdf"), xlsx_text(tmp_path / "ru.xlsx")):
        assert not set(text) & set("ңөүҢӨҮ")  # no Kyrgyz letter anywhere
        assert "График боюнча" not in text and "По графику" in text
        assert "Проверка групповых журналов" in text
    ky_text = pdf_text(tmp_path / "ky.pdf")
    assert "Тайпалык журналдарды текшерүү" in ky_text and "Проверка групповых журналов" not in ky_text
    assert "По графику" not in ky_text and "УТВЕРЖДАЮ" not in ky_text


def test_the_demo_meetings_export_in_russian_with_strict(demo_template, tmp_path):
    """The demo's meetings are typed in Kyrgyz: series, agenda items, minutes and decisions all carry a
    Russian version, so ``export agenda --lang ru --strict`` writes the agenda and minutes."""
    import shutil

    from sqlalchemy import select

    from desktop.models import meetings as mt
    from desktop.models.db import Database
    from desktop.models.text_documents import localize_meeting
    from tests.conftest import run_cli

    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    db = Database(path)
    with db.session() as s:
        meetings = s.scalars(select(mt.Meeting).order_by(mt.Meeting.date)).all()
        assert len(meetings) > 10
        for meeting in meetings:  # every meeting of the demo, not only the one printed below
            _tree, missing = localize_meeting(s, mt.meeting_tree(s, meeting.id), "ru")
            assert [t.original for t in missing] == [], meeting.date
        held = next(m for m in meetings if m.held and m.series.name == "Деканаттын жумалык кеңешмеси")
        date = held.date.isoformat()
    db.dispose()
    out = tmp_path / "agenda-ru.pdf"
    done = run_cli("--database", str(path), "export", "agenda", "--date", date, "--format", "pdf", "--lang", "ru",
                   "--strict", "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = " ".join(pdf_text(out).split())
    assert "Еженедельное совещание деканата" in text and "жумалык кеңешмеси" not in text
    assert "Информацию принять к сведению." in text or "Считать решение выполненным." in text
    assert "эске алынсын" not in text and "аткарылды деп" not in text and "маалымат берди" not in text


def test_strict_refuses_a_version_older_than_its_edited_original(cli_db, tmp_path):
    """All of the plan translated but for one item; an item's original edited afterwards: the export
    prints its old Russian version and says so, ``--strict`` refuses it as it refuses a missing one."""
    from sqlalchemy import select

    from desktop.models import workplan as wp
    from desktop.models.db import Database
    from tests.conftest import run_cli

    db = Database(cli_db)
    with db.session() as s:
        item = s.scalar(select(wp.WorkPlanItem).where(wp.WorkPlanItem.text == ITEMS[0][0]))
        tv.set_version(s, "workplan_item", item.id, "text", "ru", ITEMS[0][1])  # now nothing is missing
    out = tmp_path / "ru.pdf"
    args = ("--database", str(cli_db), "export", "workplan", "--year", "2025-2026", "--format", "pdf", "--lang", "ru")
    done = run_cli(*args, "--strict", "-o", str(out))
    assert done.returncode == 0 and done.stderr == "", done.stderr
    out.unlink()
    with db.session() as s:
        wp.update_item(s, item.id, text="Жаңы окуу жылына аудиторияларды жана лабораторияларды даярдоо")
    db.dispose()
    done = run_cli(*args, "--strict", "-o", str(out))
    assert done.returncode == 1 and "written before its original was edited" in done.stderr, done.stderr
    assert "no version" not in done.stderr and not out.exists()
    done = run_cli(*args, "-o", str(out))
    assert done.returncode == 0 and "1 text's version in Russian was written before" in done.stderr
    assert ITEMS[0][1] in " ".join(pdf_text(out).split())  # the old version is printed, not the Kyrgyz


def test_the_plans_frame_names_the_university_in_the_report_language(demo_db):
    """The frame above a Russian plan of the Kyrgyz demo names the university in Russian (the
    faculty's version), the Kyrgyz plan keeps the original; a university without a version is
    counted with the missing texts."""
    from desktop.models import workplan as wp
    from desktop.models.org import Faculty
    from desktop.models.text_documents import localize_plan

    with demo_db.session() as s:
        tree = wp.plan_tree(s, wp.require_plan(s, "2025-2026"))
        ru, missing = localize_plan(s, tree, "ru")
        assert ru["frames"]["plan"].university == "Ошский государственный университет" and missing == []
        ky, _missing = localize_plan(s, tree, "ky")
        assert ky["frames"]["plan"].university == "Ош мамлекеттик университети"
        faculty = s.scalars(select(Faculty)).first()
        tv.set_version(s, "faculty", faculty.id, "university", "ru", None)
        ru, missing = localize_plan(s, tree, "ru")
        assert ru["frames"]["plan"].university == "Ош мамлекеттик университети"
        assert [t.original for t in missing] == ["Ош мамлекеттик университети"]


def test_the_texts_sheet_marks_a_version_older_than_its_edited_original(cli_db, tmp_path):
    from desktop.models import workplan as wp
    from desktop.models.db import Database
    from desktop.models.text_documents import plan_texts
    from desktop.reports.text_xlsx import texts_xlsx

    db = Database(cli_db)
    with db.session() as s:
        plan = wp.require_plan(s, "2025-2026")
        item = s.scalar(select(wp.WorkPlanItem).where(wp.WorkPlanItem.text == ITEMS[1][0]))
        wp.update_item(s, item.id, text="Усулдук кеңештердин жылдык пландарын бекитүү")
        texts_xlsx(tmp_path / "texts.xlsx", plan_texts(s, plan.id), "workplan", plan.id, "en")
    db.dispose()
    sheet = load_workbook(tmp_path / "texts.xlsx").worksheets[0]
    ru_column = next(c for c, v in enumerate(next(sheet.iter_rows(values_only=True)), 1) if str(v).startswith("ru"))
    fills = {row[3].value: row[ru_column - 1].fill.fgColor.rgb for row in sheet.iter_rows(min_row=2)}
    assert fills["Усулдук кеңештердин жылдык пландарын бекитүү"].endswith("FDE4E4")  # out of date
    assert not fills[ITEMS[2][0]].endswith("FDE4E4")  # a current version is not marked


def test_a_version_imported_for_an_original_edited_since_comes_in_stale(session):
    """A sheet exported before an item's original was edited comes back with a Kazakh version: it is
    written (the other languages are taken), but it translates the sheet's original, so it is stale."""
    from desktop.models import workplan as wp
    from desktop.models.text_documents import FilledRow, import_filled, plan_texts

    plan = make_plan(session)
    item = session.scalar(select(wp.WorkPlanItem).where(wp.WorkPlanItem.text == ITEMS[0][0]))
    wp.update_item(session, item.id, text="Жаңы окуу жылына бардык аудиторияларды даярдоо")  # edited since
    key = f"workplan_item:{item.id}:text"
    other = session.scalar(select(wp.WorkPlanItem).where(wp.WorkPlanItem.text == ITEMS[1][0]))
    result = import_filled(session, "workplan", plan.id, [
        FilledRow(2, key, ITEMS[0][0], {"kk": "Жаңа оқу жылына аудиторияларды дайындау"}),
        FilledRow(3, f"workplan_item:{other.id}:text", ITEMS[1][0],
                  {"kk": "Әдістемелік кеңестердің жоспарларын бекіту"})])
    assert result.errors == [] and [k for _line, k in result.changed_originals] == [key]
    stale = {t.ref.row_id: t.stale for t in plan_texts(session, plan.id) if t.ref.table == "workplan_item"
             and t.ref.field == "text"}
    assert stale[item.id] == {"kk", "ru"}  # the Russian was written before the edit too
    assert stale[other.id] == frozenset()
