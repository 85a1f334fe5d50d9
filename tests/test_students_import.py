"""Importing student lists from real .xlsx files made here: all or nothing, every problem named."""

import datetime as dt
import zipfile

import pytest
from sqlalchemy import func, select

from desktop.models.contingent import Group, Student
from desktop.models.movements import Movement
from desktop.reports.student_import import ImportRefused, parse_date, read_sheet, split_full_name
from desktop.reports.student_import.writing import import_students
from tests.factories import xlsx


def make_xlsx(path, rows, setup=None):
    """factories.xlsx with ``setup(worksheet)`` given the first sheet."""
    return xlsx(path, rows, (lambda wb: setup(wb.active)) if setup else None)


def count(db, entity):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(entity))


def run(db, path, **kw):
    with db.session() as s:
        return import_students(s, path, **kw)


def test_title_rows_russian_headers_full_name_and_signature(tmp_path, db):
    path = make_xlsx(tmp_path / "list.xlsx", [
        ["Ошский государственный университет"],
        ["Список студентов группы МАТ-1-25"],
        [],
        ["№ п/п", "Ф.И.О.", "№ зачётки", "Группа", "Дата рождения", "Основа обучения", "Форма обучения"],
        [1, "Бекмурза уулу Ыдырыс", "000123", "МАТ-1-25", dt.datetime(2007, 3, 4), "грант", "очная"],
        [2, "Асанов Азамат Бекмурза уулу", "000124", "МАТ-1-25", "05.11.2006", "контракт", "дистанционная"],
        [3, "Сейітова Әсем Қайратқызы", "000125", "ПИ-1-25", "2006-01-31", "Бюджет", "Очная"],
        [],
        ["Декан факультета", None, "__________", "Сопуев У.А."],
        ["Методист", None, None, "Беделова Н.С."],
    ])
    plan = run(db, path)
    assert len(plan.new_rows) == 3 and plan.ignored_rows == [9, 10]
    assert plan.new_groups == ["МАТ-1-25", "ПИ-1-25"]
    with db.session() as s:
        rows = s.execute(select(Student.last_name, Student.first_name, Student.patronymic, Student.record_book,
                                Student.birth_date, Student.funding, Student.study_form, Group.name)
                         .join(Group, Group.id == Student.group_id).order_by(Student.record_book)).all()
        assert [tuple(r) for r in rows] == [
            ("Бекмурза уулу", "Ыдырыс", "", "000123", dt.date(2007, 3, 4), "grant", "full_time", "МАТ-1-25"),
            ("Асанов", "Азамат", "Бекмурза уулу", "000124", dt.date(2006, 11, 5), "contract", "distance", "МАТ-1-25"),
            ("Сейітова", "Әсем", "Қайратқызы", "000125", dt.date(2006, 1, 31), "grant", "full_time", "ПИ-1-25"),
        ]
        assert s.scalar(select(func.count()).select_from(Movement).where(Movement.kind == "enrolment")) == 3


@pytest.mark.parametrize("headers,funding,form", [
    (["Фамилиясы", "Аты", "Атасынын аты", "Тайпа", "Туулган күнү", "Каржылоо", "Окуу формасы"], "келишим", "күндүзгү"),
    (["Тегі", "Аты", "Әкесінің аты", "Топ", "Туған күні", "Қаржыландыру", "Оқу нысаны"], "ақылы", "қашықтықтан"),
    (["Last name", "First name", "Patronymic", "Group", "Date of birth", "Funding", "Study form"], "contract",
     "distance"),
])
def test_synonyms_in_kyrgyz_kazakh_and_english(tmp_path, db, headers, funding, form):
    path = make_xlsx(tmp_path / "l.xlsx", [["Тизме"], headers, ["Өмүрбеков", "Тилек", "Үсөн уулу", "ПИ-2-24",
                                                             "01.02.2005", funding, form]])
    plan = run(db, path)
    assert plan.sheet.header_row == 1
    assert plan.new_rows[0]["last_name"] == "Өмүрбеков" and plan.new_rows[0]["patronymic"] == "Үсөн уулу"
    assert plan.new_rows[0]["funding"] == "contract"
    assert plan.new_rows[0]["study_form"] == ("full_time" if form == "күндүзгү" else "distance")


def test_every_kind_of_bad_row_is_listed_and_nothing_is_written(tmp_path, db):
    def setup(ws):
        ws["C6"] = "=TODAY()"

    path = make_xlsx(tmp_path / "bad.xlsx", [
        ["Список"],
        ["ФИО", "Группа", "Дата рождения", "Форма оплаты", "Номер зачетной книжки"],
        ["Иванов Иван", "МАТ-1-25", "31.02.2005", "грант", "1"],
        ["Петров", "МАТ-1-25", "01.01.2005", "контракт", "2"],
        ["Сидоров Сидор", "МАТ-1-25", "01.01.2005", "бартер", "3"],
        ["Ким Анна", "МАТ-1-25", None, "грант", "4"],
        ["Ли Мария", "МАТ-1-25", "01.01.2005", "грант", "3"],
        ["Нуров Нур", "МАТ-1-25", "01.01.2005", "грант", "5"],
    ], setup)
    with pytest.raises(ImportRefused) as exc:
        run(db, path)
    assert exc.value.problems == [
        'row 3, column "Дата рождения": impossible date “31.02.2005”.',
        'row 4, column "ФИО": the last name and the first name are required.',
        'row 5, column "Форма оплаты": unknown word “бартер”.',
        'row 6, column "Дата рождения": a formula; type the value itself.',
        'row 7, column "Номер зачетной книжки": record-book number 3 is repeated (first in row 5).',
    ]
    assert count(db, Student) == 0 and count(db, Group) == 0


def test_record_book_held_by_another_student_and_update_of_the_same(tmp_path, demo_db):
    with demo_db.session() as s:
        st = s.scalars(select(Student).order_by(Student.id)).first()
        book, last, first, group = st.record_book, st.last_name, st.first_name, st.group.name
    path = make_xlsx(tmp_path / "a.xlsx", [["Фамилия", "Имя", "Группа", "Зачетка", "Телефон"],
                                           ["Другой", "Человек", group, book, ""]])
    with pytest.raises(ImportRefused) as exc:
        run(demo_db, path)
    assert exc.value.problems == [f'row 2, column "Зачетка": record-book number {book} is already held by '
                                  f'another student ({last} {first}).']
    path = make_xlsx(tmp_path / "b.xlsx", [["Фамилия", "Имя", "Группа", "Зачетка", "Телефон"],
                                           [last, first, group, book, "+996 555 000111"]])
    plan = run(demo_db, path)
    assert not plan.new_rows and plan.updates[0].changes == {"phone": "+996 555 000111"}
    with demo_db.session() as s:
        assert s.scalar(select(Student.phone).where(Student.record_book == book)) == "+996 555 000111"


def test_dry_run_writes_nothing(tmp_path, db):
    path = make_xlsx(tmp_path / "d.xlsx", [["ФИО", "Группа"], ["Асанов Азамат", "ПИ-1-25"]])
    with db.session() as s:
        plan = import_students(s, path, dry_run=True)
        s.rollback()
    assert len(plan.new_rows) == 1 and plan.new_groups == ["ПИ-1-25"]
    assert count(db, Student) == 0 and count(db, Group) == 0


def test_numeric_record_book_keeps_leading_zeros_and_excel_serial_dates(tmp_path, db):
    def setup(ws):
        ws["C2"].number_format = "000000"

    path = make_xlsx(tmp_path / "n.xlsx", [["Аты-жөнү", "Тайпа", "Зачеттук китепче", "Туулган күнү"],
                                           ["Рашид кызы Бермет", "ДИЗ-1-25", 42, 38718]], setup)
    plan = run(db, path)
    row = plan.new_rows[0]
    assert row["record_book"] == "000042"
    assert row["birth_date"] == dt.date(2006, 1, 1)
    assert (row["last_name"], row["first_name"]) == ("Рашид кызы", "Бермет")


def test_missing_group_column_is_refused_unless_a_group_is_given(tmp_path, db):
    path = make_xlsx(tmp_path / "g.xlsx", [["Фамилия", "Имя"], ["Ким", "Анна"]])
    with pytest.raises(ImportRefused) as exc:
        run(db, path)
    assert "group" in exc.value.problems[0]
    plan = run(db, path, default_group="МАТ-1-25")
    assert plan.new_groups == ["МАТ-1-25"]


def test_zip_bomb_is_refused_before_loading(tmp_path, db):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    with pytest.raises(ImportRefused) as exc:
        read_sheet(path)
    assert "refused" in str(exc.value)


def test_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("not a zip")
    with pytest.raises(ImportRefused):
        read_sheet(path)


def test_header_not_found_is_reported(tmp_path, db):
    path = make_xlsx(tmp_path / "h.xlsx", [["a", "b"], [1, 2]])
    with pytest.raises(ImportRefused) as exc:
        run(db, path)
    assert "header" in exc.value.problems[0]


def test_value_parsers():
    assert split_full_name("Асқар ұлы Нұржан") == ("Асқар ұлы", "Нұржан", "")
    assert split_full_name("Иванова Анна Сергеевна") == ("Иванова", "Анна", "Сергеевна")
    assert parse_date("5.1.2006") == dt.date(2006, 1, 5)
    assert parse_date("2006-01-05") == dt.date(2006, 1, 5)
    for bad in ("31.02.2005", "2005-13-01", "вчера"):
        with pytest.raises(ValueError):
            parse_date(bad)
