"""Documents an office can sign and file: the frame (header, approval block, signature lines) on
every filed document in ru/ky/kk, the draft schedule, continuation pages, minutes that do not
change, the curator matrix "as of", the office's alphabetical order, typography."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from desktop.models.document_frame import (
    DocumentFrame,
    Frame,
    Official,
    blank_frame,
    document_frame,
    from_json,
    load_frame,
    save_frame,
)
from desktop.models.exam_schedule import ExamRow, GroupInfo, Schedule

D = dt.date
APPROVED = {"ru": "УТВЕРЖДАЮ", "ky": "БЕКИТЕМИН", "kk": "БЕКІТЕМІН"}
COMPILED = {"ru": "Составил", "ky": "Түзгөн", "kk": "Құрастырған"}
VICE_RECTOR = {"ru": "Проректор по учебной работе", "ky": "Окуу иштери боюнча проректор",
               "kk": "Оқу ісі жөніндегі проректор"}
DRAFT = {"ru": "ПРОЕКТ", "ky": "ДОЛБООР", "kk": "ЖОБА"}


def pdf_text(path, raw: bool = False) -> str:
    return subprocess.run(["pdftotext", "-raw" if raw else "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def flat(text: str) -> str:
    """One line, hyphenated line ends joined, no-break spaces as spaces."""
    return " ".join(re.sub(r"(\w)-\n(\w)", r"\1\2", text).split())


def pages(path) -> list[str]:
    return pdf_text(path).split("\f")[:-1]


FRAME = {
    "city": "Ош",
    "approvers": {
        "exam_schedule": {"position": "", "name": "Асанов Б.К."},
        "headcount": {"position": "", "name": "Сопуев У.А."},
        "group_list": {"position": "", "name": "Сопуев У.А."},
        "requests": {"position": "", "name": "Сопуев У.А."},
        "curators": {"position": "", "name": "Сопуев У.А."},
        "decisions": {"position": "", "name": "Сопуев У.А."},
        "teaching_log": {"position": "", "name": "Сопуев У.А."},
        "progress": {"position": "", "name": "Сопуев У.А."},
    },
    "plan_by_council": False,
    "council_name": "",
    "council_number": "205-1",
    "council_date": "2025-08-05",
    "compiler": {"position": "", "name": "Беделова Н.С."},
}


# The frame's data ----------------------------------------------------------------------------------------

def test_frame_round_trip_and_a_bad_date_names_its_field(session):
    save_frame(session, FRAME)
    frame = load_frame(session)
    assert frame.approver("exam_schedule") == Official("", "Асанов Б.К.")
    assert frame.council_date == D(2025, 8, 5) and frame.compiler.name == "Беделова Н.С."
    with pytest.raises(Exception, match="council_date"):
        save_frame(session, {**FRAME, "council_date": "05.08"})
    with pytest.raises(Exception, match="approvers: unknown kind"):
        from_json({"approvers": {"diploma": {"name": "X"}}})
    assert load_frame(session).council_date == D(2025, 8, 5)  # nothing partial was written


def test_frame_of_a_document_takes_the_faculty_names_and_defaults_the_position(session):
    from desktop.models.org import Faculty

    session.add(Faculty(name="Математика факультети", university="Ош мамлекеттик университети", city="Ош"))
    session.flush()
    empty = document_frame(session, "exam_schedule")
    assert (empty.university, empty.faculty, empty.city) == ("Ош мамлекеттик университети", "Математика факультети",
                                                             "Ош")
    assert empty.approver_name == "" and empty.default_position == "Vice-rector for academic affairs"
    save_frame(session, Frame(city="Бишкек", approvers={"exam_schedule": Official("Проректор", "Асанов Б.К.")}))
    frame = document_frame(session, "exam_schedule")
    assert (frame.city, frame.approver_position, frame.approver_name) == ("Бишкек", "Проректор", "Асанов Б.К.")
    assert document_frame(session, "headcount").default_position == "Dean of the faculty"


# The exam schedule: frame, draft, continuation -------------------------------------------------------------

def _schedule(exams_of_one_examiner: int = 3) -> Schedule:
    groups = {1: GroupInfo(1, "ҚҰҚ-1-25", 1, 1, "510100", "Математика", 20),
              2: GroupInfo(2, "ПИ-1-25", 1, 1, "510100", "Математика", 22),
              3: GroupInfo(3, "МАТ-2-24", 2, 1, "510100", "Математика", 25)}
    exams = [ExamRow(i + 1, 1, (1 + i % 2,), D(2025, 12, 22) + dt.timedelta(days=i % 20), 9 * 60, 120, 1, None, 1,
                     "written") for i in range(exams_of_one_examiner)]
    exams.append(ExamRow(900, 2, (3,), D(2025, 12, 24), 9 * 60, 90, 2, None, 2, "oral"))
    return Schedule(1, "2025-2026", "winter", D(2025, 12, 22), D(2026, 1, 17), "KG", exams=exams, groups=groups,
                    rooms={1: ("Ауд. 101", 60, ""), 2: ("305", 30, "")},
                    staff={1: "Өмүрбеков Т.Ү.", 2: "Абдиев Н.К."}, disciplines={1: "Алгебра", 2: "Информатика"})


def _frame(kind: str = "exam_schedule") -> DocumentFrame:
    return DocumentFrame(kind=kind, university="Ош мамлекеттик университети", faculty="Математика факультети",
                         city="Ош", approver_name="Асанов Б.К.", compiler_name="Беделова Н.С.",
                         default_position="Vice-rector for academic affairs")


@pytest.mark.parametrize("lang", ["ru", "ky", "kk"])
@pytest.mark.parametrize("layout", ["list", "matrix", "examiner", "room"])
def test_schedule_pdf_carries_the_frame_in_every_layout(tmp_path, lang, layout):
    from desktop.reports.exam_pdf import session_pdf

    path = tmp_path / f"{layout}-{lang}.pdf"
    session_pdf(path, _schedule(), lang, layout, frame=_frame())
    text = flat(pdf_text(path))
    for needle in (APPROVED[lang], VICE_RECTOR[lang], "Асанов Б.К.", "ОШ МАМЛЕКЕТТИК УНИВЕРСИТЕТИ",
                   "Математика факультети", COMPILED[lang], "Беделова Н.С.", "______________"):
        assert needle in text, needle
    assert DRAFT[lang] not in text  # no errors: a final schedule


def test_schedule_excel_carries_the_frame(tmp_path):
    from openpyxl import load_workbook

    from desktop.reports.exam_xlsx import session_xlsx

    path = tmp_path / "s.xlsx"
    session_xlsx(path, _schedule(), "kk", "list", frame=_frame())
    ws = load_workbook(path).worksheets[0]
    values = [str(c.value).replace("\xa0", " ") for row in ws.iter_rows() for c in row if c.value is not None]
    assert "ОШ МАМЛЕКЕТТИК УНИВЕРСИТЕТИ" in values and "БЕКІТЕМІН" in values
    assert "Оқу ісі жөніндегі проректор" in values and any("Асанов Б.К." in str(v) for v in values)
    assert any(str(v).startswith("Құрастырған") for v in values)
    assert not any("None" in str(v) for v in values)


def test_an_empty_frame_prints_lines_to_sign_never_none(tmp_path):
    from desktop.reports.exam_pdf import session_pdf

    path = tmp_path / "blank.pdf"
    session_pdf(path, _schedule(), "ru", "list", frame=blank_frame("exam_schedule"))
    text = pdf_text(path)
    assert "None" not in text
    assert "УТВЕРЖДАЮ" in text and "Проректор по учебной работе" in text
    assert "______________ ____________________" in text and "«____» ______________ 20___" in text


@pytest.mark.parametrize("layout", ["examiner", "room"])
def test_each_examiner_and_room_starts_a_page_and_continuation_pages_repeat_the_name(tmp_path, layout):
    from desktop.reports.exam_pdf import session_pdf

    path = tmp_path / f"{layout}.pdf"
    session_pdf(path, _schedule(exams_of_one_examiner=60), "ru", layout, frame=_frame())
    many = "Өмүрбеков Т.Ү." if layout == "examiner" else "Ауд. 101"  # 60 exams
    few = "Абдиев Н.К." if layout == "examiner" else "305"  # one exam
    texts = [flat(p) for p in pages(path)]
    titles = [t.split(" Дата ")[0] for t in texts]  # what heads each page's table
    of_many = [i for i, t in enumerate(titles) if many in t]
    assert len(of_many) >= 2  # 60 exams run over more than one page
    assert all(titles[i].endswith(f"{many} (продолжение)") for i in of_many[1:])  # continuation pages say whose
    of_few = [i for i, t in enumerate(titles) if t.endswith(few)]
    assert len(of_few) == 1 and of_few[0] not in of_many  # a page of its own
    assert "Информатика" not in " ".join(texts[i] for i in of_many)


def test_examiner_timetable_excel_breaks_pages_and_repeats_the_header(tmp_path):
    from openpyxl import load_workbook

    from desktop.reports.exam_xlsx import ROWS_PER_PAGE, session_xlsx

    path = tmp_path / "e.xlsx"
    session_xlsx(path, _schedule(exams_of_one_examiner=30), "ru", "examiner", frame=_frame())
    ws = load_workbook(path).active
    breaks = [b.id for b in ws.row_breaks.brk]
    names = {r: ws.cell(r, 1).value for r in range(1, ws.max_row + 1)}
    header = next(r for r, v in names.items() if v == "Дата")
    assert ws.print_title_rows == f"${header}:${header}" and ws.freeze_panes == f"A{header + 1}"
    # Абдиев first (alphabetical), then Өмүрбеков on a new page, continued after ROWS_PER_PAGE rows.
    assert names[header + 1] == "Абдиев Н.К."
    start = header + 3
    assert names[start] == "Өмүрбеков Т.Ү." and start - 1 in breaks
    assert names[start + 1 + ROWS_PER_PAGE] == "Өмүрбеков Т.Ү. (продолжение)" and start + ROWS_PER_PAGE in breaks


def test_course_label_continues_on_the_next_page(tmp_path):
    from desktop.reports.exam_pdf import session_pdf

    schedule = _schedule(exams_of_one_examiner=60)
    path = tmp_path / "list.pdf"
    session_pdf(path, schedule, "ru", "list", frame=_frame())
    texts = [flat(p) for p in pages(path)]
    assert "1 курс" in texts[0]
    assert "1 курс (продолжение)" in texts[1]


def _demo_errors(demo_db):
    from desktop.models.exam_conflicts import check_session
    from desktop.models.exams import find_session

    with demo_db.session() as s:
        sid = find_session(s, "2025-2026", "winter")
        _schedule, conflicts = check_session(s, sid, "ru")
    return sid, [c for c in conflicts if c.severity == "error"]


def test_a_schedule_with_errors_is_a_draft_until_they_are_resolved(demo_db, cli, tmp_path):
    from desktop.models.exam_schedule import delete_exams

    sid, errors = _demo_errors(demo_db)
    assert errors
    out = tmp_path / "s.pdf"
    r = cli("--database", demo_db.url, "export", "session", "--year", "2025-2026", "--session", "winter",
            "--format", "pdf", "--lang", "kk", "-o", str(out))
    assert r.returncode == 0 and "draft" in r.stderr
    texts = pages(out)
    assert all("ЖОБА" in t for t in texts)  # on every page
    assert "Errors" not in texts[-1] and errors[0].exam_ids and "қате" not in texts[0]
    r = cli("--database", demo_db.url, "export", "session", "--year", "2025-2026", "--session", "winter",
            "--format", "pdf", "--final", "-o", str(tmp_path / "f.pdf"))
    assert r.returncode == 1 and not (tmp_path / "f.pdf").exists() and "not final" in r.stderr
    # Resolve them (drop the second exam of each clash, the holiday exam): final, no ПРОЕКТ.
    with demo_db.session() as s:
        delete_exams(s, sorted({c.exam_ids[-1] for c in errors}))
    assert not _demo_errors(demo_db)[1]
    r = cli("--database", demo_db.url, "export", "session", "--year", "2025-2026", "--session", "winter",
            "--format", "pdf", "--lang", "ru", "--final", "-o", str(out))
    assert r.returncode == 0 and r.stderr == ""
    assert not any("ПРОЕКТ" in t for t in pages(out))


def test_draft_pdf_lists_the_errors_on_its_last_page(tmp_path):
    from desktop.reports.exam_pdf import session_pdf

    path = tmp_path / "d.pdf"
    session_pdf(path, _schedule(), "ru", "matrix", frame=_frame(), errors=["16.12.2025: экзамен в праздник"])
    texts = pages(path)
    assert all("ПРОЕКТ" in t for t in texts)
    assert "Ошибки, которые нужно устранить до утверждения расписания" in texts[-1]
    assert "1. 16.12.2025: экзамен в праздник" in texts[-1]


# The work plan: council line and the compiler ---------------------------------------------------------------

@pytest.mark.parametrize("lang,council,minutes", [
    ("ru", "решением Учёного совета", "протокол № 205-1 от 05.08.2025"),
    ("kk", "Ғылыми кеңесінің шешімімен", "05.08.2025 № 205-1 хаттама"),
    ("ky", "Окумуштуулар кеңешинин чечими менен", "05.08.2025 № 205-1 протокол"),
])
def test_plan_approval_names_the_council_decision_and_the_compiler_closes_it(demo_db, tmp_path, lang, council,
                                                                              minutes):
    from desktop.models import workplan as wp
    from desktop.reports.workplan_pdf import plan_pdf

    with demo_db.session() as s:
        save_frame(s, {**FRAME, "plan_by_council": True})
        tree = wp.plan_tree(s, wp.require_plan(s, "2025-2026"))
    path = tmp_path / "plan.pdf"
    plan_pdf(path, tree, lang)
    text = flat(pdf_text(path))
    assert council in text and minutes in text
    assert text.rstrip().rsplit(COMPILED[lang], 1)[1].startswith(":")  # the plan ends with "Составил: …"
    assert "Беделова Н.С." in text.rsplit(COMPILED[lang], 1)[1]


# Every filed document carries the frame, in three languages -------------------------------------------------

def _demo_pdfs(database, lang: str, folder) -> dict:
    """The demo's filed documents written in-process, each with the frame its command line loads."""
    from desktop.models import curator_reports as cr
    from desktop.models import workplan as wp
    from desktop.models.exam_conflicts import check_session
    from desktop.models.exams import find_session
    from desktop.models.requests import request_card, request_rows
    from desktop.reports import (
        curator_matrix,
        exam_pdf,
        headcount,
        requests,
        student_export,
        workplan_pdf,
    )

    on = D(2026, 1, 20)
    out = {name: folder / f"{lang}-{name}.pdf" for name in
           ("headcount", "groups", "register", "card", "plan", "progress", "curators", "examiners")}
    with database.session() as s:
        headcount.export_headcount_pdf(s, out["headcount"], D(2025, 11, 1), lang)
        student_export.export_group_list_pdf(s, out["groups"], lang=lang, on=on)
        frame = document_frame(s, "requests")
        requests.register_pdf(request_rows(s, on), out["register"], lang, on, frame=frame)
        requests.card_pdf(request_card(s, 1, on), out["card"], lang, on, frame=frame)
        tree = wp.plan_tree(s, wp.require_plan(s, "2025-2026"), on)
        workplan_pdf.plan_pdf(out["plan"], tree, lang)
        workplan_pdf.progress_pdf(out["progress"], tree, lang, on)
        curator_matrix.write_matrix_pdf(out["curators"], cr.build_matrix(s, "2025-2026", on),
                                        cr.summary(s, "2025-2026"), lang, frame=document_frame(s, "curators"))
        schedule, conflicts = check_session(s, find_session(s, "2025-2026", "winter"), lang)
        exam_pdf.session_pdf(out["examiners"], schedule, lang, "examiner", frame=document_frame(s, "exam_schedule"),
                             errors=[c.message for c in conflicts if c.severity == "error"])
    return out


@pytest.mark.parametrize("lang", ["ru", "ky", "kk"])
def test_every_filed_document_carries_the_frame(demo_db, tmp_path, lang):
    with demo_db.session() as s:
        save_frame(s, FRAME)
        from desktop.models.org import the_faculty

        faculty = the_faculty(s).name
    for name, path in _demo_pdfs(demo_db, lang, tmp_path).items():
        if name == "plan":
            continue  # approved by its own approver (the plan's header); its tests are above
        text = flat(pdf_text(path, raw=True))
        approver = "Асанов Б.К." if name == "examiners" else "Сопуев У.А."
        for needle in (APPROVED[lang], approver, faculty, COMPILED[lang], "Беделова Н.С."):
            assert needle in text, (name, needle)
    from openpyxl import load_workbook

    from desktop.models import meetings as mt
    from desktop.reports.meeting_xlsx import decisions_xlsx

    with demo_db.session() as s:
        rows, frame = mt.decisions(s, on_date=D(2026, 1, 20)), document_frame(s, "decisions")
    decisions_xlsx(tmp_path / "d.xlsx", rows, lang, D(2026, 1, 20), frame=frame)
    values = [str(c.value) for row in load_workbook(tmp_path / "d.xlsx").active.iter_rows() for c in row if c.value]
    assert APPROVED[lang] in values and any(v.startswith(COMPILED[lang]) for v in values)


def test_the_command_line_exports_load_the_frame(demo_db, cli, tmp_path):
    with demo_db.session() as s:
        save_frame(s, FRAME)
    base = ["--database", demo_db.url, "export"]
    for name, args in {"headcount.pdf": ["headcount", "--date", "2025-11-01", "--format", "pdf"],
                       "groups.pdf": ["students", "--format", "pdf", "--group", "ДИЗ-1-22"],
                       "card.pdf": ["request", "--id", "1"],
                       "curators.xlsx": ["curator-reports", "--year", "2025-2026", "--format", "xlsx"],
                       "decisions.xlsx": ["decisions"]}.items():
        out = tmp_path / name
        r = cli(*base, *args, "--lang", "ru", "-o", str(out))
        assert r.returncode == 0, (name, r.stderr)
        if name.endswith(".pdf"):
            text = flat(pdf_text(out, raw=True))
        else:
            from openpyxl import load_workbook

            text = " ".join(str(c.value) for row in load_workbook(out).worksheets[0].iter_rows() for c in row
                            if c.value).replace("\xa0", " ")
        assert "УТВЕРЖДАЮ" in text and "Сопуев У.А." in text and "Составил" in text, name


# Minutes: what was decided ----------------------------------------------------------------------------------

def test_minutes_stay_the_same_when_a_decision_is_closed(demo_db, tmp_path):
    from desktop.models import meetings as mt
    from desktop.reports.meeting_pdf import minutes_pdf

    with demo_db.session() as s:
        row = next(d for d in mt.decisions(s) if d["status"] == "open")
        tree = mt.meeting_tree(s, row["meeting_id"])
    before = tmp_path / "before.pdf"
    minutes_pdf(before, tree, "ru")
    with demo_db.session() as s:
        mt.update_decision(s, row["id"], status="done")
        tree = mt.meeting_tree(s, row["meeting_id"])
        assert next(d for d in tree["decisions"] if d["id"] == row["id"])["status"] == "done"
    after = tmp_path / "after.pdf"
    minutes_pdf(after, tree, "ru")
    assert pdf_text(before) == pdf_text(after)
    assert "(Выполнено)" not in pdf_text(after)


# Curator matrix as of a past date ----------------------------------------------------------------------------

def test_curator_matrix_as_of_counts_a_later_submission_as_not_yet(demo_db):
    from desktop.models import curator_reports as cr
    from desktop.models.curators import CellState, CuratorReport

    with demo_db.session() as s:
        report = s.query(CuratorReport).filter(CuratorReport.year == 2026, CuratorReport.month == 1).first()
        report.status, report.submitted_on, report.accepted_on = "accepted", D(2026, 2, 10), D(2026, 2, 12)
        aid = report.assignment_id
    with demo_db.session() as s:
        def state(as_of):
            matrix = cr.build_matrix(s, "2025-2026", as_of)
            row = next(r for r in matrix.rows if r.assignment.id == aid)
            return row.cells[matrix.months.index((2026, 1))][0]

        assert state(D(2026, 1, 20)) in (CellState.NOT_DUE, CellState.MISSING)  # submitted only in February
        assert state(D(2026, 2, 11)) in (CellState.ON_TIME, CellState.LATE)  # submitted, not yet accepted
        assert state(D(2026, 2, 20)) == CellState.ACCEPTED


# Collation ---------------------------------------------------------------------------------------------------

def test_names_sort_by_each_languages_alphabet():
    from desktop.models.collation import sort_key, sort_string

    ky = ["Үсөн", "Уулу", "Өмүр", "Оморов", "Ңаа", "Нурлан", "Пак"]
    assert sorted(ky, key=lambda n: sort_key(n, "ky")) == ["Нурлан", "Ңаа", "Оморов", "Өмүр", "Пак", "Уулу", "Үсөн"]
    kk = ["Іңкәр", "Ыбырай", "Һади", "Хан", "Ұлан", "Үміт", "Уәли", "Қайрат", "Кенже", "Ғани", "Гүл", "Әсем", "Ахмет"]
    assert sorted(kk, key=lambda n: sort_key(n, "kk")) == [
        "Ахмет", "Әсем", "Гүл", "Ғани", "Кенже", "Қайрат", "Уәли", "Ұлан", "Үміт", "Хан", "Һади", "Ыбырай", "Іңкәр"]
    # The Qt sort string orders the same way.
    assert sorted(kk, key=lambda n: sort_string(n, "kk")) == sorted(kk, key=lambda n: sort_key(n, "kk"))
    assert sorted(["Ёлкин", "Ежов", "Жуков"], key=lambda n: sort_key(n, "ru")) == ["Ежов", "Ёлкин", "Жуков"]


def test_group_list_is_alphabetical_not_by_record_book(session, tmp_path):
    from desktop.models.contingent import Group
    from desktop.models.movements import Order
    from desktop.models.students import add_student
    from desktop.reports.student_export import export_group_list_pdf

    group = Group(name="ИСМ-1-25", course=1)
    session.add(group)
    session.flush()
    for book, last in (("001", "Өмүрбеков"), ("002", "Оморов"), ("003", "Ногоев"), ("004", "Ңаа")):
        add_student(session, last_name=last, first_name="Азамат", group_id=group.id, record_book=book,
                    order=Order("1-к", D(2025, 8, 20), D(2025, 9, 1)))
    path = tmp_path / "g.pdf"
    export_group_list_pdf(session, path, lang="ky", on=D(2025, 10, 1))
    text = pdf_text(path)
    order = [text.index(n) for n in ("Ногоев", "Ңаа", "Оморов", "Өмүрбеков")]
    assert order == sorted(order)


def test_students_table_sorts_by_the_interface_languages_alphabet(qtbot):
    from PySide6.QtCore import Qt

    from desktop import i18n
    from desktop.views.common.tablemodel import (
        SORT_ROLE,
        Column,
        RecordTableModel,
        TextFilterProxy,
    )

    i18n.set_language("kk")
    model = RecordTableModel([Column("name", "Name")], id_key="id")
    model.set_rows([{"id": i, "name": n} for i, n in enumerate(["Ұлан", "Үміт", "Уәли", "Қайрат", "Кенже"])])
    proxy = TextFilterProxy(["name"])
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert shown == ["Кенже", "Қайрат", "Уәли", "Ұлан", "Үміт"]
    assert isinstance(proxy.index(0, 0).data(SORT_ROLE), str)


# Typography --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("word,broken", [
    ("тапсырмаларын", "тап-сыр-ма-ла-рын"), ("Жоспарланған", "Жос-пар-лан-ған"), ("Демалыс", "Де-ма-лыс"),
    ("жұрттың", "жұрт-тың"), ("Аткарылды", "Ат-ка-рыл-ды"), ("көңүл", "кө-ңүл"), ("ауа", "ауа"),
])
def test_kyrgyz_and_kazakh_words_break_between_syllables(word, broken):
    from desktop.models.typography import hyphenate

    assert hyphenate(word, "kk") == broken


def test_initials_stay_with_the_surname():
    from desktop.models.typography import NBSP, keep_initials

    assert keep_initials("Иванова Е.С., Е. С. Петров") == f"Иванова{NBSP}Е.С., Е.{NBSP}С.{NBSP}Петров"
    assert keep_initials("Абдумиталип уулу К.") == f"Абдумиталип уулу{NBSP}К."
    assert keep_initials("http://x/a.png и т. е.") == "http://x/a.png и т. е."


def test_a_narrow_cell_hyphenates_instead_of_cutting():
    from desktop.reports.pdf import register_fonts, wrap

    register_fonts()
    lines = wrap("Жоспарланған тапсырмаларын", "PTSans", 9, 40, "kk").split("\n")
    assert lines == ["Жоспар-", "ланған", "тапсыр-", "маларын"]
    assert wrap("Запланировано", "PTSans", 9, 40, "ru").split("\n") == ["Заплани-", "ровано"]


def test_headings_keep_with_the_next_row():
    from desktop.reports.pdf import styles

    assert styles()["heading"].keepWithNext


WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@pytest.mark.parametrize("lang", ["ru", "ky", "kk"])
@pytest.mark.sqlite_only
def test_no_word_of_the_demo_pdfs_is_split_without_a_hyphen(demo_db, tmp_path, lang):
    """Every word pdftotext reads from the demo's documents is a word of the source texts: a word cut
    without a hyphen shows up as two fragments that are not words."""
    text = "".join(pdf_text(path, raw=True) + "\n" for path in _demo_pdfs(demo_db, lang, tmp_path).values())
    lines = text.split("\n")
    vocabulary = _vocabulary(demo_db, lang)
    # A line ending in letters (no hyphen) and the next line's first letters that together make a
    # word of the texts printed, while one of the parts is not a word: "Запланирован" / "о".
    suspicious = []
    for a, b in zip(lines, lines[1:], strict=False):
        tail, head = (WORD.findall(a)[-1:] or [""])[0], (WORD.findall(b)[:1] or [""])[0]
        if tail and head and a.rstrip().endswith(tail) and b.lstrip().startswith(head) and head[0].islower():
            if (tail + head).casefold() in vocabulary and not (tail.casefold() in vocabulary
                                                               and head.casefold() in vocabulary):
                suspicious.append(f"{tail}|{head}")
    assert suspicious == []


def _vocabulary(database, lang: str) -> set[str]:
    """Every word the documents may print: the catalog's translations and the demo's own texts."""
    import sqlite3

    from babel.messages.pofile import read_po

    from desktop import paths

    words: set[str] = set()
    with open(paths.translations_dir() / lang / "LC_MESSAGES" / "dekanat.po", "rb") as fh:
        for message in read_po(fh):
            for text in (message.string if isinstance(message.string, tuple) else (message.string,)):
                words.update(w.casefold() for w in WORD.findall(text or ""))
    connection = sqlite3.connect(str(database.path))
    for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in connection.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                if isinstance(value, str):
                    words.update(w.casefold() for w in WORD.findall(value))
    connection.close()
    return words


# Seed 002's papers -------------------------------------------------------------------------------------------

@pytest.fixture
def requests_db(db):
    from sqlalchemy import select

    from desktop.models import settings
    from desktop.models.org import Faculty
    from desktop.models.request_templates import (
        ProcedureTemplate,
        ensure_builtin_procedures,
    )
    from desktop.models.requests import (
        REFUSAL_GROUNDS,
        create_request,
        record_step,
        refuse_request,
        request_snapshot,
    )

    with db.session() as s:
        settings.put(s, "country", "KZ")
        s.add(Faculty(name="Заң факультеті", university="Maqsut Narikbayev University", city="Астана"))
        save_frame(s, {"approvers": {"requests": {"position": "", "name": "Сейітқали Д.А."}}})
        ensure_builtin_procedures(s)
        key = {k: s.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == k))
               for k in ("duplicate_diploma", "grants")}
        ids = {ch: create_request(s, key["duplicate_diploma"], D(2026, 3, 2), applicant="Әбдірова Г.", channel=ch)
               for ch in ("in_person", "service_centre", "portal")}
        ids["grants"] = create_request(s, key["grants"], D(2026, 6, 1), applicant="Петров С.И.")
        record_step(s, request_snapshot(s, ids["grants"])["steps"][0]["id"], D(2026, 6, 2), "Беделова Н.С.")
        refuse_request(s, ids["portal"], REFUSAL_GROUNDS[0], D(2026, 3, 5))
    return ids


def _card(db, rid):
    from desktop.models.requests import request_card

    with db.session() as s:
        return request_card(s, rid, D(2026, 3, 10)), document_frame(s, "requests")


def test_each_channel_plans_seed_002s_steps(db, requests_db):
    names = {ch: [s["name"] for s in _card(db, requests_db[ch])[0]["steps"]]
             for ch in ("in_person", "service_centre", "portal")}
    assert names["in_person"][0] == "Registration of the documents"
    assert names["service_centre"][0] == "Transfer of the documents from the service centre to the university"
    assert names["service_centre"][-2:] == ["Sending the duplicate to the service centre",
                                            "Issue of the duplicate by the service centre"]
    assert "Notice of readiness through the portal" in names["portal"]
    assert "Notice to the applicant" in names["in_person"]
    centre = _card(db, requests_db["service_centre"])[0]["steps"]
    person = _card(db, requests_db["in_person"])[0]["steps"]
    assert centre[1]["planned"] > person[0]["planned"]  # registration waits for the transfer (2 working days)


@pytest.mark.parametrize("lang,title,ground,signer", [
    ("ru", "Мотивированный отказ", "Услугополучатель представил неполный пакет документов", "Декан факультета"),
    ("kk", "Дәлелді бас тарту", "Көрсетілетін қызметті алушы құжаттардың толық емес топтамасын ұсынды",
     "Факультет деканы"),
    ("ky", "Негизделген баш тартуу", "Арыз ээси документтердин толук эмес топтомун тапшырды", "Факультеттин деканы"),
])
def test_motivated_refusal_letter_names_the_ground_date_and_signer(db, requests_db, tmp_path, lang, title, ground,
                                                                    signer):
    from desktop.reports.requests import card_pdf, refusal_pdf

    card, frame = _card(db, requests_db["portal"])
    path = tmp_path / "refusal.pdf"
    refusal_pdf(card, path, lang, frame=frame)
    text = flat(pdf_text(path, raw=True))
    for needle in (title, ground, signer, "Сейітқали Д.А.", "05.03.2026", "Әбдірова Г.",
                   "MAQSUT NARIKBAYEV UNIVERSITY"):
        assert needle in text, needle
    card_path = tmp_path / "card.pdf"
    card_pdf(card, card_path, lang, D(2026, 3, 10), frame=frame)
    text = flat(pdf_text(card_path, raw=True))
    assert "05.03.2026" in text and "Сейітқали Д.А." in text  # the card shows the refusal's date and signer
    with pytest.raises(Exception, match="2"):
        refusal_pdf(_card(db, requests_db["service_centre"])[0], tmp_path / "x.pdf", "ru", frame=frame)


@pytest.mark.parametrize("lang,title,moved", [
    ("ru", "Расписка в приёме документов", "15.08 — выходной день: перенесено на следующий рабочий день, 17.08.2026"),
    ("kk", "Құжаттарды қабылдау туралы қолхат", "15.08 — демалыс күні: келесі жұмыс күніне, 17.08.2026 ауыстырылды"),
    ("ky", "Документтерди кабыл алуу тилкат", "15.08 — дем алыш күн: кийинки жумуш күнүнө, 17.08.2026 жылдырылды"),
])
def test_receipt_and_the_moved_fixed_deadline(db, requests_db, cli, tmp_path, lang, title, moved):
    path = tmp_path / f"receipt-{lang}.pdf"
    r = cli("--database", db.url, "export", "request", "--id", str(requests_db["grants"]), "--paper", "receipt",
            "--lang", lang, "-o", str(path))
    assert r.returncode == 0, r.stderr
    text = flat(pdf_text(path, raw=True))
    for needle in (title, "Беделова Н.С.", "01.06.2026", "Петров С.И.", str(requests_db["grants"])):
        assert needle in text, needle
    card = tmp_path / f"card-{lang}.pdf"
    assert cli("--database", db.url, "export", "request", "--id", str(requests_db["grants"]), "--lang", lang,
               "-o", str(card)).returncode == 0
    assert moved in flat(pdf_text(card, raw=True))  # 15.08.2026 is a Saturday: the certificates by Monday 17.08
    r = cli("--database", db.url, "export", "request", "--id", str(requests_db["grants"]), "--paper", "refusal",
            "-o", str(tmp_path / "no.pdf"))
    assert r.returncode == 1 and not (tmp_path / "no.pdf").exists()


# The window: Settings → Document frame… -----------------------------------------------------------------------

def test_document_frame_dialog_saves_with_undo(db, qtbot, monkeypatch):
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QDialog

    from desktop.views import frame_dialog

    with db.session() as s:
        save_frame(s, {"city": "Ош"})

    def fill(dialog):
        qtbot.addWidget(dialog)
        dialog.names["exam_schedule"].setText("Асанов Б.К.")
        dialog.by_council.setChecked(True)
        dialog.council_number.setText("205-1")
        dialog.council_date.setText("05.08.2025")
        dialog.compiler_name.setText("Беделова Н.С.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(frame_dialog.DocumentFrameDialog, "exec", fill)
    from desktop.views.common.area import AppContext

    stack = QUndoStack()
    assert frame_dialog.edit_document_frame(None, AppContext(db), stack)
    with db.session() as s:
        frame = load_frame(s)
    assert frame.approver("exam_schedule").name == "Асанов Б.К." and frame.plan_by_council
    assert (frame.council_number, frame.council_date, frame.city) == ("205-1", D(2025, 8, 5), "Ош")
    stack.undo()
    with db.session() as s:
        frame = load_frame(s)
    assert frame.approver("exam_schedule").name == "" and not frame.plan_by_council and frame.city == "Ош"
    stack.redo()
    with db.session() as s:
        assert load_frame(s).compiler.name == "Беделова Н.С."


def test_document_frame_dialog_refuses_a_bad_date(db, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.views.frame_dialog import DocumentFrameDialog

    dialog = DocumentFrameDialog(Frame())
    qtbot.addWidget(dialog)
    dialog.council_date.setText("31.02.2025")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    dialog.accept()
    assert warned and "31.02.2025" in warned[0] and dialog.result() != dialog.DialogCode.Accepted


def test_a_section_heading_never_ends_a_page(tmp_path):
    """A plan whose section heading would fall on the last line of a page: it moves to the next page
    with its first item."""
    from desktop.reports.workplan_pdf import plan_pdf

    for filler in range(38, 46):  # one of these puts "II." right at the foot of page 1
        tree = {"year": "2025-2026", "title": "План", "sections": [
            {"number": "I", "title": "Первый", "items": [
                {"number": i, "text": "Мероприятие", "deadline": {}, "responsible_text": "Деканат"}
                for i in range(1, filler)]},
            {"number": "II", "title": "Демалыс", "items": [
                {"number": 1, "text": "Последнее мероприятие", "deadline": {}, "responsible_text": "Деканат"}]}]}
        path = tmp_path / f"section-{filler}.pdf"
        plan_pdf(path, tree, "ru")
        for page in pages(path):
            lines = [ln for ln in page.splitlines() if ln.strip() and "Стр." not in ln]
            assert not lines[-1].strip().startswith("II. Демалыс"), filler


def test_frame_from_the_command_line(db, cli, tmp_path):
    import json

    good = tmp_path / "frame.json"
    good.write_text(json.dumps(FRAME, ensure_ascii=False), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**FRAME, "approvers": {"exam_schedule": {"name": "x" * 400}}}), encoding="utf-8")
    r = cli("--database", db.url, "frame", "set", str(bad))
    assert r.returncode == 1 and "approvers.exam_schedule.name" in r.stderr
    assert json.loads(cli("--database", db.url, "frame", "show").stdout)["approvers"] == {}  # nothing written
    assert cli("--database", db.url, "frame", "set", str(good)).returncode == 0
    shown = json.loads(cli("--database", db.url, "frame", "show").stdout)
    assert shown["approvers"]["exam_schedule"]["name"] == "Асанов Б.К." and shown["council_number"] == "205-1"


@pytest.mark.parametrize("bad,field", [
    ({"approvers": "декан"}, "approvers"), ({"approvers": {"plan": "декан"}}, "approvers.plan"),
    ({"compiler": 3}, "compiler"), ({"plan_by_council": "false"}, "plan_by_council"),
    ({"city": "x" * 301}, "city"), ({"council_date": "2025-02-30"}, "council_date"),
])
def test_a_bad_frame_names_its_field(bad, field):
    with pytest.raises(Exception, match=field):
        from_json(bad)


def test_columns_get_room_for_their_longest_word():
    from desktop.reports.pdf import register_fonts, widths_for_words

    register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    word = stringWidth("Запланировано", "PTSans-Bold", 8)
    out = widths_for_words([40, 200, 60], [["Запланировано"], ["a b c"], ["Өмүрбеков Т.Ү."]], "PTSans-Bold", 8)
    assert out[0] >= word + 6 and out[2] >= stringWidth("Өмүрбеков\u00a0Т.Ү.", "PTSans-Bold", 8) + 6
    assert abs(sum(out) - 300) < 1e-6 and out[1] < 200  # taken from the roomy column


def test_curator_summary_as_of_counts_only_reports_handed_in_by_then(demo_db):
    from desktop.models import curator_reports as cr

    with demo_db.session() as s:
        year = cr.summary(s, "2025-2026")
        before = cr.summary(s, "2025-2026", as_of=D(2025, 11, 15))
        start = cr.summary(s, "2025-2026", as_of=D(2025, 8, 1))
    assert start.reports == 0 and sum(start.activities.values()) == 0
    assert 0 < before.reports < year.reports
