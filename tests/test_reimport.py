"""Re-imports that never erase, imports that obey the movements rules, only what the user sees,
look-alikes and duplicates, and files that used to hang (issue 16). Every file is built here."""

from __future__ import annotations

import datetime as dt
import os
import re
import time
import zipfile

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop.models.audit import AuditEntry
from desktop.models.contingent import Group, Student
from desktop.models.movements import Movement, MovementKind, Order, apply_movement
from desktop.reports.student_import import ImportRefused, read_sheet
from desktop.reports.student_import.writing import import_students
from tests.factories import xlsx

D = dt.date


def run(db, path, **kw):
    with db.session() as s:
        return import_students(s, path, **kw)


def students(db) -> dict[str, tuple]:
    with db.session() as s:
        rows = s.execute(select(Student.last_name, Student.first_name, Student.patronymic, Student.record_book,
                                Student.birth_date, Student.funding, Student.study_form, Student.phone,
                                Student.email, Student.status, Group.name)
                         .join(Group, Group.id == Student.group_id)).all()
    return {r[0]: tuple(r[1:]) for r in rows}


FULL = ["Фамилия", "Имя", "Отчество", "Группа", "Дата рождения", "Зачетка", "Основа обучения", "Форма обучения",
        "Телефон", "E-mail"]


def first_import(db, tmp_path):
    path = xlsx(tmp_path / "first.xlsx", [
        FULL,
        ["Асанов", "Азамат", "Бекович", "МАТ-1-25", "04.03.2007", "000123", "грант", "заочная", "+996 555 1",
         "a@kg.kg"],
        ["Ким", "Анна", "Сергеевна", "МАТ-1-25", "05.11.2006", "000124", "контракт", "очная", "+996 555 2",
         "k@kg.kg"],
    ])
    run(db, path, order=Order("1-к", D(2025, 8, 25), D(2025, 9, 1)))


def test_a_reimport_with_blank_cells_and_without_record_books_changes_nothing_it_should_not(tmp_path, db):
    first_import(db, tmp_path)
    before = students(db)
    assert before["Асанов"] == ("Азамат", "Бекович", "000123", D(2007, 3, 4), "grant", "extramural", "+996 555 1",
                                "a@kg.kg", "studying", "МАТ-1-25")
    # Only "Фамилия Имя" in one column, blank funding, phone and form, no record books, no e-mail column;
    # Ким's phone is new.
    path = xlsx(tmp_path / "again.xlsx", [
        ["ФИО", "Группа", "Дата рождения", "Основа обучения", "Форма обучения", "Телефон"],
        ["Асанов Азамат", "МАТ-1-25", "04.03.2007", None, None, None],
        ["Ким Анна", "МАТ-1-25", "05.11.2006", "", " ", "+996 700 9"],
    ])
    plan = run(db, path, dry_run=True)
    assert (len(plan.new_rows), len(plan.updates), plan.unchanged) == (0, 1, [2])
    assert plan.change_lines() == ["row 3, Ким Анна: Phone: +996 555 2 → +996 700 9"]
    run(db, path)
    after = students(db)
    assert after["Асанов"] == before["Асанов"]
    assert after["Ким"] == before["Ким"][:6] + ("+996 700 9",) + before["Ким"][7:]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Student)) == 2
        kim = s.scalar(select(Student.id).where(Student.last_name == "Ким"))
        changes = s.execute(select(AuditEntry.action, AuditEntry.field, AuditEntry.old_value, AuditEntry.new_value,
                                   AuditEntry.source).where(AuditEntry.record_id == kim,
                                                            AuditEntry.action == "update")).all()
    assert [tuple(c) for c in changes] == [("update", "phone", "+996 555 2", "+996 700 9", "again.xlsx")]


def test_a_namesake_match_without_birth_dates_is_found_in_the_same_group_and_ambiguity_is_a_problem(tmp_path, db):
    first_import(db, tmp_path)
    path = xlsx(tmp_path / "twins.xlsx", [["ФИО", "Группа", "Дата рождения"],
                                          ["Ким Анна", "ПИ-1-25", "01.01.2006"]])
    run(db, path)  # another Ким Анна, in another group, another birthday
    again = xlsx(tmp_path / "again.xlsx", [["ФИО", "Группа", "Телефон"], ["Ким Анна", "ПИ-1-25", "+7 1"]])
    plan = run(db, again, dry_run=True)
    assert not plan.new_rows and plan.updates[0].changes == {"phone": "+7 1"}
    with db.session() as s:
        s.execute(Student.__table__.update().values(birth_date=None))
    both = xlsx(tmp_path / "both.xlsx", [["ФИО", "Группа", "Дата рождения"],
                                         ["Ким Анна", "МАТ-1-25", "05.11.2006"]])
    with db.session() as s:
        s.execute(Student.__table__.update().where(Student.last_name == "Ким")
                  .values(birth_date=D(2006, 11, 5)))
    with pytest.raises(ImportRefused) as exc:
        run(db, both, dry_run=True)
    assert exc.value.problems == ['row 2, column "ФИО": matches more than one stored student (Ким Анна, МАТ-1-25; '
                                  'Ким Анна, ПИ-1-25); add the record-book number.']


def test_an_import_never_unexpels_a_student(tmp_path, db):
    first_import(db, tmp_path)
    with db.session() as s:
        sid = s.scalar(select(Student.id).where(Student.last_name == "Ким"))
        apply_movement(s, [sid], MovementKind.EXPULSION, Order("9-ч", D(2025, 12, 1), D(2025, 12, 1)),
                       reason="долги")
    path = xlsx(tmp_path / "one.xlsx", [["ФИО", "Группа", "Зачетка"], ["Ким Анна", "ПИ-1-25", "000124"]])
    with pytest.raises(ImportRefused) as exc:
        run(db, path, order=Order("", None, D(2026, 1, 10)))
    assert exc.value.problems == ['row 2, column "Группа": Ким Анна is “Expelled”: an import changes nothing of '
                                  'such a student; the order needed first: a reinstatement order.']
    with db.session() as s:
        st = s.get(Student, sid)
        assert (st.status, st.group.name) == ("expelled", "МАТ-1-25")
        assert s.scalar(select(func.count()).select_from(Movement).where(Movement.kind == "transfer")) == 0
        assert s.scalar(select(func.count()).select_from(Group).where(Group.name == "ПИ-1-25")) == 0
    funding = xlsx(tmp_path / "f.xlsx", [["ФИО", "Группа", "Зачетка", "Основа обучения"],
                                         ["Ким Анна", "МАТ-1-25", "000124", "грант"]])
    with pytest.raises(ImportRefused) as exc:
        run(db, funding)
    assert "the order needed first: a reinstatement order" in exc.value.problems[0]


def test_a_group_change_is_a_transfer_under_the_movements_rules_and_audited(tmp_path, db):
    first_import(db, tmp_path)
    path = xlsx(tmp_path / "moved.xlsx", [["ФИО", "Группа", "Зачетка"], ["Асанов Азамат", "ПИ-1-25", "000123"]])
    plan = run(db, path, order=Order("15-к", D(2026, 1, 9), D(2026, 1, 10)))
    assert plan.change_lines() == ["row 2, Асанов Азамат: Group: МАТ-1-25 → ПИ-1-25"]
    with db.session() as s:
        sid = s.scalar(select(Student.id).where(Student.last_name == "Асанов"))
        moves = s.execute(select(Movement.kind, Movement.order_number, Movement.effective_date)
                          .where(Movement.student_id == sid).order_by(Movement.id)).all()
        assert [tuple(m) for m in moves] == [("enrolment", "1-к", D(2025, 9, 1)), ("transfer", "15-к", D(2026, 1, 10))]
        sources = set(s.scalars(select(AuditEntry.source).where(AuditEntry.table_name == "movement")))
        assert "moved.xlsx" in sources
    early = xlsx(tmp_path / "early.xlsx", [["ФИО", "Группа", "Зачетка"], ["Асанов Азамат", "МАТ-1-25", "000123"]])
    with pytest.raises(ImportRefused) as exc:
        run(db, early, order=Order("16-к", None, D(2025, 12, 1)))
    assert "before the student's last movement (10.01.2026)" in exc.value.problems[0]


def test_hidden_sheet_and_hidden_rows_are_skipped_and_counted(tmp_path, db):
    def setup(wb):
        hidden = wb.active
        hidden.title = "Старый"
        hidden.sheet_state = "hidden"
        ws = wb.create_sheet("Список")
        for row in [["ФИО", "Группа"], ["Ким Анна", "МАТ-1-25"], ["Отчисленный Студент", "МАТ-1-25"],
                    ["Ли Мария", "МАТ-1-25"]]:
            ws.append(row)
        ws.row_dimensions[3].hidden = True  # filtered out
        wb.active = 1

    path = xlsx(tmp_path / "h.xlsx", [["ФИО", "Группа"], ["Скрытый Студент", "СТАРАЯ-1-20"]], setup)
    plan = run(db, path, dry_run=True)
    assert plan.sheet.title == "Список"
    assert [r["last_name"] for r in plan.new_rows] == ["Ким", "Ли"]
    assert plan.sheet.hidden_rows == [3] and plan.sheet.hidden_sheets == ["Старый"]
    summary = plan.summary()
    assert "Hidden rows skipped: 1 (3)" in summary and "Hidden sheets skipped: 1 (Старый)" in summary
    # The hidden sheet is read only when the user names it.
    assert [r["last_name"] for r in run(db, path, dry_run=True, sheet_name="Старый").new_rows] == ["Скрытый"]


def test_look_alikes_invisible_characters_and_odd_record_books(tmp_path, db):
    first_import(db, tmp_path)
    path = xlsx(tmp_path / "odd.xlsx", [
        ["ФИО", "Группа", "Зачетка"],
        ["Асанов Азамат", "MAT-1-25", "000123"],  # the group typed in Latin: the existing МАТ-1-25
        ["Пaк Ирина", "MАТ-1-25", None],  # a Latin "a" in the name, a Latin "M" in the group
        ["Ли\u202e Мария\u200b", "МАТ-1-25", None],
    ])
    plan = run(db, path)
    assert plan.new_groups == [] and not plan.updates
    assert sorted(r["last_name"] for r in plan.new_rows) == ["Ли", "Пак"]
    assert 'row 3, column "ФИО": «Пaк Ирина» → «Пак Ирина»' in plan.folds
    assert 'row 2, column "Группа": «MAT-1-25» is the existing group «МАТ-1-25»' in plan.folds
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Group)) == 1
        assert s.scalar(select(Student.first_name).where(Student.last_name == "Ли")) == "Мария"
    bad = xlsx(tmp_path / "bad.xlsx", [
        ["Фамилия", "Имя", "Группа", "Зачетка", "Дата рождения"],
        ["\u200b", "Анна", "МАТ-1-25", "1", None],
        ["Нуров", "Нур", "МАТ-1-25", 12345.7, None],
        ["Шер", "Али", "МАТ-1-25", True, None],
        ["Нуров", "Бек", "МАТ-1-25", None, "01.02.2005"],
        ["Hуров", "Бек", "МАТ-1-25", None, "01.02.2005"],  # the same person, with a Latin "H"
    ])
    with pytest.raises(ImportRefused) as exc:
        run(db, bad)
    assert exc.value.problems == [
        'row 2, column "Фамилия": the last name is required.',
        'row 3, column "Зачетка": “12345.7” is a number with a fraction, not a record-book number; type the '
        'number as text.',
        'row 4, column "Зачетка": “True” is not a record-book number (a yes/no value); type the number as text.',
        'row 6, column "Фамилия": Нуров Бек, born 01.02.2005, is repeated (first in row 5).',
    ]


def test_the_same_record_book_twice_and_against_the_database(tmp_path, db):
    first_import(db, tmp_path)
    path = xlsx(tmp_path / "d.xlsx", [["ФИО", "Группа", "№ зачётной книжки", "Дата рождения"],
                                      ["Пак Ирина", "МАТ-1-25", "000777", None],
                                      ["Ли Мария", "МАТ-1-25", "000777", None],
                                      ["Нуров Нур", "МАТ-1-25", "000124", None],
                                      ["Асанов Азамат", "МАТ-1-25", "000999", "04.03.2007"]])
    with pytest.raises(ImportRefused) as exc:
        run(db, path)
    assert exc.value.problems == [
        'row 3, column "№ зачётной книжки": record-book number 000777 is repeated (first in row 2).',
        'row 4, column "№ зачётной книжки": record-book number 000124 is already held by another student '
        '(Ким Анна).',
        'row 5, column "№ зачётной книжки": Асанов Азамат, born 04.03.2007, is already stored with record-book '
        'number 000123.']


def _far_cell_xlsx(path):
    """A 5 KB workbook whose only far cell sits at XFD1048576 (and whose dimension says so)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["ФИО", "Группа"], ["Ким Анна", "МАТ-1-25"]]:
        ws.append(row)
    ws["XFD1048576"] = "x"
    wb.save(path)
    return path


def test_a_cell_at_xfd1048576_is_handled_in_seconds(tmp_path, db):
    path = _far_cell_xlsx(tmp_path / "far.xlsx")
    assert path.stat().st_size < 10_000
    start = time.monotonic()
    plan = run(db, path, dry_run=True)
    assert time.monotonic() - start < 5
    assert [r["last_name"] for r in plan.new_rows] == ["Ким"] and plan.ignored_rows == [1048576]


def test_the_work_plan_importer_handles_the_far_cell_and_ignores_signature_lines(tmp_path):
    from desktop.reports.workplan_import import read_plan_file

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["Деканаттын иш планы"], ["№", "Иш-чаралар", "Мөөнөтү", "Жооптуу"], ["I. Уюштуруу иштери"],
                [1, "Жыйын өткөрүү", "сентябрь", "декан"], [2, "Тизмени бекитүү", "октябрь", "методист"],
                [], ["Деканаттын методисти ____________ Беделова Н.С."], ["Факультеттин деканы", "Сопуев У.А."]]:
        ws.append(row)
    ws["XFD1048576"] = "x"
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    start = time.monotonic()
    plan = read_plan_file(path)
    assert time.monotonic() - start < 5
    assert [(s.title, len(s.items)) for s in plan.sections] == [("Уюштуруу иштери", 2)]


def test_the_work_plan_docx_with_signatures_and_many_notes_after_the_table(tmp_path):
    import docx

    from desktop.reports.workplan_import import read_plan_file

    d = docx.Document()
    d.add_paragraph("Деканаттын иш планы")
    table = d.add_table(rows=1, cols=4)
    for i, h in enumerate(["№", "Иш-чаралар", "Мөөнөтү", "Жооптуу"]):
        table.rows[0].cells[i].text = h
    for k in range(1, 4):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text, cells[3].text = str(k), f"Иш {k}", "сентябрь", "декан"
    d.add_paragraph("Деканаттын методисти ____________")
    for k in range(2000):
        d.add_paragraph(f"Эскертүү {k}")
    path = tmp_path / "plan.docx"
    d.save(str(path))
    start = time.monotonic()
    plan = read_plan_file(path)
    assert time.monotonic() - start < 5
    assert len(plan.sections) == 1 and plan.item_count == 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once(tmp_path, db):
    from desktop.models.base import DomainError
    from desktop.reports.workplan_import import read_plan_file

    fifo = tmp_path / "list.xlsx"
    os.mkfifo(fifo)
    link = tmp_path / "plan.docx"
    link.symlink_to(fifo)
    start = time.monotonic()
    with pytest.raises(ImportRefused) as exc:
        read_sheet(fifo)
    assert "is not a regular file" in exc.value.problems[0]
    with pytest.raises(DomainError, match="is not a regular file"):
        read_plan_file(link)
    assert time.monotonic() - start < 5


def test_more_rows_than_the_limit_are_refused_while_reading(tmp_path, db):
    from desktop.models import settings

    path = tmp_path / "big.csv"
    path.write_text("ФИО;Группа\n" + "".join(f"Ким Анна{i};МАТ-1-25\n" for i in range(50)), encoding="utf-8")
    with db.session() as s:
        settings.put(s, settings.IMPORT_ROW_LIMIT.key, 20)
    with pytest.raises(ImportRefused) as exc:
        run(db, path)
    assert exc.value.problems == ["big.csv has more than 20 rows, more than a faculty has; it was not read. Split "
                                  "it, or raise the limit in the settings."]


def test_password_protected_and_damaged_workbooks_are_named_as_such(tmp_path):
    # An encrypted .xlsx is an OLE2 compound file holding the stream "EncryptedPackage".
    sector = b"\x00" * 512
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "Root Entry".encode("utf-16-le").ljust(128, b"\x00") + \
        "EncryptionInfo".encode("utf-16-le").ljust(128, b"\x00") + \
        "EncryptedPackage".encode("utf-16-le").ljust(128, b"\x00")
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(header + directory.ljust(512, b"\x00") + sector)
    with pytest.raises(ImportRefused) as exc:
        read_sheet(locked)
    assert exc.value.problems == ["locked.xlsx is protected with a password. Open it in Excel, remove the password "
                                  "(File → Info → Protect workbook) and import the saved copy."]
    # A cell pointing to a shared string that does not exist.
    good = xlsx(tmp_path / "good.xlsx", [["ФИО", "Группа"], ["Ким Анна", "МАТ-1-25"]])
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":  # A2 now points at shared string 999
                data = re.sub(rb'<c r="A2" t="inlineStr">.*?</c>', b'<c r="A2" t="s"><v>999</v></c>', data)
            dst.writestr(item, data)
    sheet_xml = zipfile.ZipFile(broken).read("xl/worksheets/sheet1.xml")
    assert b"<v>999</v>" in sheet_xml
    with pytest.raises(ImportRefused) as exc:
        read_sheet(broken)
    assert exc.value.problems[0].startswith("broken.xlsx: the workbook is damaged")


def test_a_file_with_too_many_filled_cells_is_refused_while_reading(tmp_path, db):
    from desktop.models import settings

    path = tmp_path / "wide.csv"
    path.write_text("ФИО;Группа;" + ";".join(f"К{i}" for i in range(30)) + "\n"
                    + "".join(f"Ким Анна{i};МАТ-1-25;" + ";".join("x" * (k + 1) for k in range(30)) + "\n"
                              for i in range(10)), encoding="utf-8")
    with db.session() as s:
        settings.put(s, settings.IMPORT_ROW_LIMIT.key, 20)  # 20 rows × 5 = 100 filled cells at most
    with pytest.raises(ImportRefused) as exc:
        run(db, path)
    assert exc.value.problems == ["wide.csv holds more than 100 filled cells, more than a faculty's list; it was not "
                                  "read. Split it, or raise the row limit in the settings."]


def test_a_workbook_without_a_recognisable_header_is_refused_saying_what_it_is(tmp_path):
    path = xlsx(tmp_path / "marks.xlsx", [["Оценки"], ["Математика", 5, 4], ["Физика", 3, 5]])
    with pytest.raises(ImportRefused) as exc:
        read_sheet(path)
    assert exc.value.problems == [
        "marks.xlsx holds the sheet “Sheet”, and none of its first 20 rows names the columns of a "
        "student list (a name and a group, a record-book number …). Save the list from Excel as .xlsx, with a "
        "header row, and import that."]


def test_a_nul_byte_in_the_xml_and_a_locked_work_plan_are_named(tmp_path):
    from desktop.models.base import DomainError
    from desktop.reports.workplan_import import read_plan_file

    good = xlsx(tmp_path / "good.xlsx", [["ФИО", "Группа"], ["Ким Анна", "МАТ-1-25"]])
    broken = tmp_path / "nul.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace("Ким".encode("ascii", "xmlcharrefreplace"), b"\x00")
            dst.writestr(item, data)
    assert b"\x00" in zipfile.ZipFile(broken).read("xl/worksheets/sheet1.xml")
    with pytest.raises(ImportRefused) as exc:
        read_sheet(broken)
    assert exc.value.problems[0].startswith("nul.xlsx: the workbook is damaged")
    locked = tmp_path / "plan.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
                       + "EncryptedPackage".encode("utf-16-le").ljust(512, b"\x00"))
    with pytest.raises(DomainError, match="plan.docx is protected with a password"):
        read_plan_file(locked)


def test_a_pdf_named_xls_is_refused_saying_it_is_no_table(tmp_path):
    path = tmp_path / "list.xls"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    with pytest.raises(ImportRefused) as exc:
        read_sheet(path)
    assert exc.value.problems == ["list.xls is neither an Excel workbook (.xlsx, .xls) nor a CSV or HTML table; save "
                                  "the list from Excel as .xlsx and import that."]


def test_students_below_a_blank_row_are_read_and_notes_below_it_are_not(tmp_path, db):
    path = xlsx(tmp_path / "gap.xlsx", [
        ["№", "Фамилия", "Имя", "Группа"],
        [1, "Ким", "Анна", "МАТ-1-25"],
        [],
        [2, "Ли", "Мария", "МАТ-1-25"],  # numbered: a student
        [None, "Пак", "Ирина", "ПИ-1-25"],  # a name and a group: a student
        [],
        [None, "Всего студентов: 3"],  # a note
    ])
    plan = run(db, path, dry_run=True)
    assert [r["last_name"] for r in plan.new_rows] == ["Ким", "Ли", "Пак"]
    assert plan.ignored_rows == [7]
