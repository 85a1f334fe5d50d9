"""Student lists in the shapes offices really have (issue 16): every file is built here, imported,
and every column is checked to arrive by exporting the students again."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from desktop.models.contingent import Student
from desktop.reports.student_export import export_students_xlsx
from desktop.reports.student_import import ImportRefused, match_field
from desktop.reports.student_import.writing import import_students
from tests.factories import xlsx

ORDER_DAY = dt.date(2025, 9, 1)

# The three students every shape carries, and what the export must show for them (English labels).
PEOPLE = [
    # last, first, patronymic, record book, group, birth, funding word, form word, phone, email
    ("Бекмурза уулу", "Ыдырыс", "", "000123", "МАТ-1-25", dt.date(2007, 3, 4), "State grant", "Full-time",
     "+996 555 000111", "y@mail.kg"),
    ("Асанова", "Айгүл", "Бекмурза кызы", "000124", "МАТ-1-25", dt.date(2006, 11, 5), "Contract", "Extramural",
     "+996 555 000112", "a@mail.kg"),
    ("Сейітова", "Әсем", "Қайратқызы", "000125", "ПИ-1-25", dt.date(2006, 1, 31), "State grant",
     "Evening (part-time)", "+7 701 0001122", "s@mail.kz"),
]
# Windows-1251 has no ү, ә, қ: lists saved in it carry Russian spellings.
PEOPLE_RU = [
    ("Бекмурзаев", "Идрис", "", "000123", "МАТ-1-25", dt.date(2007, 3, 4), "State grant", "Full-time",
     "+996 555 000111", "y@mail.kg"),
    ("Асанова", "Айгуль", "Бекмурзаевна", "000124", "МАТ-1-25", dt.date(2006, 11, 5), "Contract", "Extramural",
     "+996 555 000112", "a@mail.kg"),
    ("Сеитова", "Асем", "Кайратовна", "000125", "ПИ-1-25", dt.date(2006, 1, 31), "State grant",
     "Evening (part-time)", "+7 701 0001122", "s@mail.kz"),
]
EXPORT_COLUMNS = ("Last name", "First name", "Patronymic", "Record-book number", "Group", "Funding", "Study form",
                  "Birth date", "Phone", "E-mail")


def exported(db, tmp_path) -> list[tuple]:
    """The students as the export writes them, sorted by record book."""
    target = tmp_path / "export.xlsx"
    with db.session() as s:
        export_students_xlsx(s, str(target), lang="en")
    ws = openpyxl.load_workbook(target).active
    rows = list(ws.iter_rows(values_only=True))
    col = {title: i for i, title in enumerate(rows[0])}
    out = []
    for r in rows[1:]:
        values = [r[col[c]] for c in EXPORT_COLUMNS]
        values = [v.date() if isinstance(v, dt.datetime) else v for v in values]
        out.append(tuple(values))
    return sorted(out, key=lambda r: r[3] or "")


def expected_rows(people=PEOPLE) -> list[tuple]:
    return [(last, first, patr or None, book, group, funding, form, born, phone, email)
            for last, first, patr, book, group, born, funding, form, phone, email in people]


def run(db, path, **kw):
    kw.setdefault("order", None)
    with db.session() as s:
        return import_students(s, path, **kw)


RU_HEADER = ["№", "Фамилия", "Имя", "Отчество", "Группа", "Дата рождения", "№ зачётной книжки", "Основа обучения",
             "Форма обучения", "Телефон", "E-mail"]


def ru_rows(book_header="№ зачётной книжки", people=PEOPLE):
    words = {"State grant": "бюджет", "Contract": "контракт", "Full-time": "очная", "Extramural": "заочная",
             "Evening (part-time)": "очно-заочная"}
    header = [book_header if h == "№ зачётной книжки" else h for h in RU_HEADER]
    return [header] + [[i + 1, p[0], p[1], p[2], p[4], p[5].strftime("%d.%m.%Y"), p[3], words[p[6]], words[p[7]], p[8],
                        p[9]] for i, p in enumerate(people)]


def test_title_rows_and_a_signature_footer(tmp_path, db):
    """The issue's list: title, blank row, headers on row 3, a signature under the table."""
    rows = [["Ошский государственный университет"], [], *ru_rows(), [],
            [None, "Декан факультета", None, None, None, None, "Сопуев У.А."],
            [None, "Методист деканата", None, "_____________", None, None, "Беделова Н.С."],
            [None, "М.П."], [None, "«12» сентября 2025 г."]]
    path = xlsx(tmp_path / "list.xlsx", rows)
    plan = run(db, path)
    assert plan.ignored_rows == [8, 9, 10, 11]
    assert len(plan.new_rows) == 3
    assert exported(db, tmp_path) == expected_rows()


@pytest.mark.parametrize("header", ["№ з/к", "Номер зачетки", "Зач. книжка", "Зачетная книжка №"])
def test_record_book_headers_as_offices_write_them(tmp_path, db, header):
    path = xlsx(tmp_path / "list.xlsx", ru_rows(header))
    plan = run(db, path)
    assert plan.sheet.mapping["record_book"] == 6
    assert exported(db, tmp_path) == expected_rows()


def test_one_full_name_column(tmp_path, db):
    rows = [["Ф.И.О. студента", "Группа", "№ зачётки", "Дата рожд.", "Форма оплаты", "Форма обучения", "Тел.",
             "Эл. почта"]]
    for p in PEOPLE:
        form = {"Full-time": "очная", "Extramural": "заочная", "Evening (part-time)": "вечерняя"}[p[7]]
        rows.append([" ".join(x for x in (p[0], p[1], p[2]) if x), p[4], p[3], p[5].strftime("%d.%m.%Y"),
                     "грант" if p[6] == "State grant" else "договор", form, p[8], p[9]])
    run(db, xlsx(tmp_path / "fio.xlsx", rows))
    assert exported(db, tmp_path) == expected_rows()


def test_kyrgyz_headers(tmp_path, db):
    rows = [["Студенттердин тизмеси"],
            ["Р/с", "Фамилиясы", "Аты", "Атасынын аты", "Тайпасы", "Туулган күнү", "Зачеттук китепченин №",
             "Каржылоо", "Окуу формасы", "Телефон номери", "Электрондук почта"]]
    for i, p in enumerate(PEOPLE):
        rows.append([i + 1, p[0], p[1], p[2], p[4], p[5].strftime("%d.%m.%Y"), p[3],
                     "мамлекеттик грант" if p[6] == "State grant" else "келишим",
                     {"Full-time": "күндүзгү", "Extramural": "сырттан", "Evening (part-time)": "кечки"}[p[7]], p[8],
                     p[9]])
    rows += [[], [None, "Факультеттин деканы", None, None, "__________", None, "Сопуев У.А."]]
    plan = run(db, xlsx(tmp_path / "ky.xlsx", rows))
    assert plan.ignored_rows == [7]
    assert exported(db, tmp_path) == expected_rows()


def test_kazakh_headers(tmp_path, db):
    rows = [["Студенттер тізімі"],
            ["№", "Тегі", "Аты", "Әкесінің аты", "Тобы", "Туған күні", "Сынақ кітапшасының нөмірі", "Оқу ақысы",
             "Оқу нысаны", "Телефон нөмірі", "Электрондық пошта"]]
    for i, p in enumerate(PEOPLE):
        rows.append([i + 1, p[0], p[1], p[2], p[4], p[5].strftime("%d.%m.%Y"), p[3],
                     "мемлекеттік грант" if p[6] == "State grant" else "ақылы",
                     {"Full-time": "күндізгі", "Extramural": "сырттай", "Evening (part-time)": "кешкі"}[p[7]], p[8],
                     p[9]])
    rows += [[None, "Деканның орынбасары", None, None, None, None, "Қолы ________"]]
    plan = run(db, xlsx(tmp_path / "kk.xlsx", rows))
    assert plan.ignored_rows == [6]
    assert exported(db, tmp_path) == expected_rows()


def test_old_xls_workbook(tmp_path, db):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Тизме")
    zeros = xlwt.easyxf(num_format_str="000000")
    for r, row in enumerate(ru_rows()):
        for c, value in enumerate(row):
            if r and c == 6:
                ws.write(r, c, int(value), zeros)  # record books typed as numbers, shown with zeros
            else:
                ws.write(r, c, value)
    path = tmp_path / "old.xls"
    book.save(str(path))
    plan = run(db, path)
    assert plan.sheet.kind == "xls"
    assert exported(db, tmp_path) == expected_rows()  # the "000000" format kept the leading zeros


def test_csv_in_windows_1251_with_semicolons(tmp_path, db):
    lines = [";".join(str(v) for v in row) for row in ru_rows(people=PEOPLE_RU)]
    path = tmp_path / "export.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1251"))
    plan = run(db, path)
    assert plan.sheet.kind == "csv"
    assert exported(db, tmp_path) == expected_rows(PEOPLE_RU)


def test_csv_in_utf8_with_a_bom_and_tabs(tmp_path, db):
    lines = ["\t".join(str(v) for v in row) for row in ru_rows()]
    path = tmp_path / "export.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8"))
    run(db, path)
    assert exported(db, tmp_path) == expected_rows()


def test_html_table_saved_as_xls(tmp_path, db):
    rows = ru_rows(people=PEOPLE_RU)
    cells = "".join(f"<th>{h}</th>" for h in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in rows[1:])
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>'
            f'<h3>Список студентов</h3><table border="1"><tr>{cells}</tr>{body}</table>'
            f'<p>Декан факультета ________ Сопуев У.А.</p></body></html>')
    path = tmp_path / "report.xls"
    path.write_bytes(page.encode("cp1251"))
    plan = run(db, path)
    assert plan.sheet.kind == "html"
    assert exported(db, tmp_path) == expected_rows(PEOPLE_RU)


# Headers: at least three wordings per field and language -------------------------------------------

HEADERS = {
    "record_book": {"ru": ["№ зачётной книжки", "Номер зачетной книжки", "№ з/к", "№ зач. кн.", "зач. книжка",
                           "Зачетки"],
                    "ky": ["Зачеттук китепче", "Зачеттук китепченин №", "Зачеттук китепчесинин номери"],
                    "kk": ["Сынақ кітапшасы", "Сынақ кітапшасының нөмірі", "Сынақ кітапшасы №"],
                    "en": ["Record book", "Record-book number", "Record book No."]},
    "full_name": {"ru": ["ФИО", "Ф.И.О.", "Фамилия, имя, отчество", "ФИО студента"],
                  "ky": ["Аты-жөнү", "Аты жөнү", "Студенттин аты-жөнү"],
                  "kk": ["Аты-жөні", "Тегі, аты, әкесінің аты", "Студенттің аты-жөні"],
                  "en": ["Full name", "Student name", "Name"]},
    "last_name": {"ru": ["Фамилия", "фамилия", "ФАМИЛИЯ:"], "ky": ["Фамилиясы", "фамилиясы", "ФАМИЛИЯСЫ"],
                  "kk": ["Тегі", "тегі", "ТЕГІ"], "en": ["Last name", "Surname", "Family name"]},
    "group": {"ru": ["Группа", "Шифр группы", "группы"], "ky": ["Тайпа", "Тайпасы", "Топ"],
              "kk": ["Топ", "Тобы", "ТОБЫ"], "en": ["Group", "group", "GROUP"]},
    "birth_date": {"ru": ["Дата рождения", "Дата рожд.", "Д.р."], "ky": ["Туулган күнү", "Туулган датасы",
                                                                       "туулган күнү:"],
                   "kk": ["Туған күні", "Туған күні, айы, жылы", "туған күні"],
                   "en": ["Birth date", "Date of birth", "DOB"]},
    "study_form": {"ru": ["Форма обучения", "форма обуч.", "Форма обучения:"],
                   "ky": ["Окуу формасы", "окуу формасы", "ОКУУ ФОРМАСЫ"],
                   "kk": ["Оқу нысаны", "Оқу түрі", "оқу нысаны"], "en": ["Study form", "Form of study",
                                                                          "Mode of study"]},
    "funding": {"ru": ["Основа обучения", "Форма оплаты", "Финансирование"], "ky": ["Каржылоо", "Окуу негизи",
                                                                                   "Төлөм формасы"],
                "kk": ["Қаржыландыру", "Оқу ақысы", "Оқу негізі"], "en": ["Funding", "Tuition", "funding"]},
    "phone": {"ru": ["Телефон", "Тел.", "Номер телефона"], "ky": ["Телефон номери", "Тел", "телефону"],
              "kk": ["Телефон нөмірі", "Тел.", "телефоны"], "en": ["Phone", "Mobile", "Phone number"]},
}


@pytest.mark.parametrize("field,lang,header", [(f, lang, h) for f, langs in HEADERS.items()
                                               for lang, hs in langs.items() for h in hs])
def test_headers_as_offices_write_them(field, lang, header):
    assert match_field(header) == field


def test_a_known_looking_column_left_unread_is_an_error_unless_let_go_or_mapped(tmp_path, db):
    rows = [["ФИО", "Группа", "Телефон родителей"], ["Ким Анна", "МАТ-1-25", "555"]]
    path = xlsx(tmp_path / "p.xlsx", rows)
    with pytest.raises(ImportRefused) as exc:
        run(db, path, dry_run=True)
    assert exc.value.problems == ['row 1, column "Телефон родителей": this column looks like “Phone” but is not '
                                  'read; map it to a field, or confirm that column C is let go.']
    assert exc.value.doubtful == [("C", "Телефон родителей")]
    plan = run(db, path, dry_run=True, ignore_columns=["C"])
    assert plan.sheet.mapping_lines() == ["A «ФИО» → Full name", "B «Группа» → Group", "C «Телефон родителей»: ignored"]
    plan = run(db, path, map_specs=["Телефон родителей=phone"])
    with db.session() as s:
        assert s.scalar(select(Student.phone)) == "555"


def test_the_cli_shows_the_mapping_and_says_what_it_did(cli, tmp_path, db_path):
    database = db_path
    path = xlsx(tmp_path / "l.xlsx", [["Список"], ["ФИО", "Группа", "№ зачётной книжки", "Примечание"],
                                      ["Ким Анна", "МАТ-1-25", "000042", "староста"]],
                setup=lambda wb: wb.create_sheet("Второй"))
    dry = cli("--database", str(database), "import", "students", str(path), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "  C «№ зачётной книжки» → Record-book number" in dry.stdout.splitlines()
    assert "  D «Примечание»: ignored" in dry.stdout.splitlines()
    assert "Students to add: 1" in dry.stdout
    done = cli("--database", str(database), "import", "students", str(path), "--sheet", "Sheet")
    assert done.returncode == 0, done.stderr
    assert "Students added: 1" in done.stdout and "Students to add" not in done.stdout
    doubtful = xlsx(tmp_path / "d.xlsx", [["ФИО", "Группа", "Телефон родителей"], ["Ли Мария", "МАТ-1-25", "5"]])
    refused = cli("--database", str(database), "import", "students", str(doubtful))
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[:2] == [
        'row 1, column "Телефон родителей": this column looks like “Phone” but is not read; map it to a field, or '
        'confirm that column C is let go.',
        '  --map "Телефон родителей=FIELD" reads column C as FIELD; --ignore-column C lets it go']
    missing = cli("--database", str(database), "import", "students", str(path), "--sheet", "Третий")
    assert missing.returncode == 1 and "no sheet “Третий”" in missing.stderr


def test_four_study_forms_arrive_and_headcount_reports_each(tmp_path, db):
    from desktop.models.movements import Order
    from desktop.reports.headcount import headcount_table

    rows = [["ФИО", "Группа", "Форма обучения"], ["Ким Анна", "МАТ-1-25", "очная"],
            ["Ли Мария", "МАТ-1-25", "очно-заочная"], ["Пак Ирина", "МАТ-1-25", "заочная"],
            ["Нуров Нур", "МАТ-1-25", "ДОТ"], ["Шер Али", "МАТ-1-25", "сырттан окуу"]]
    run(db, xlsx(tmp_path / "forms.xlsx", rows), order=Order("1-к", None, ORDER_DAY))
    with db.session() as s:
        forms = dict(s.execute(select(Student.last_name, Student.study_form)).all())
        _headers, table, _totals = headcount_table(s, dt.date(2025, 10, 1), "ru")
    assert forms == {"Ким": "full_time", "Ли": "evening", "Пак": "extramural", "Нуров": "distance",
                     "Шер": "extramural"}
    assert sorted((r[2], r[5]) for r in table if r[1]) == [("Вечерняя (очно-заочная)", 1), ("Дистанционная", 1),
                                                           ("Заочная", 2), ("Очная", 1)]
