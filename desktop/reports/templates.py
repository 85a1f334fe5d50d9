"""Blank forms a new office fills and imports back: a student list (.xlsx) and a work plan
(.docx), in the interface language (File menu, ``dekanat export student-template`` and
``export workplan-template``).

The column titles are the importers' own words for each language (``student_import._SYNONYMS``,
``workplan_import.HEADER_WORDS``), so a filled template imports without choosing columns; each
form carries example rows that show how a value is written (replace them with your own).
"""

from __future__ import annotations

import datetime as dt

from desktop.i18n import translator

# Column titles as the student-list importer reads them, per language.
STUDENT_HEADERS = {
    "ky": ["Аты-жөнү", "Тайпа", "Зачеттук китепченин номери", "Туулган күнү", "Жынысы", "Каржылоо",
           "Окуу формасы", "Телефон", "E-mail"],
    "kk": ["Аты-жөні", "Топ", "Сынақ кітапшасының нөмірі", "Туған күні", "Жынысы", "Қаржыландыру", "Оқу нысаны",
           "Телефон", "E-mail"],
    "ru": ["ФИО", "Группа", "Номер зачетной книжки", "Дата рождения", "Пол", "Финансирование", "Форма обучения",
           "Телефон", "E-mail"],
    "en": ["Full name", "Group", "Record-book number", "Birth date", "Gender", "Funding", "Study form", "Phone",
           "E-mail"],
}
STUDENT_EXAMPLES = {
    "ky": [("Асанова Айгерим Бакытовна", "МАТ-1-25", "000101", dt.date(2007, 3, 14), "аял", "грант", "күндүзгү",
            "+996 555 123456", ""),
           ("Бекмурза уулу Нурлан", "МАТ-1-25", "000102", dt.date(2006, 11, 2), "эркек", "келишим", "күндүзгү",
            "", "")],
    "kk": [("Әбдірова Әсем Қайратқызы", "МАТ-1-25", "000101", dt.date(2007, 3, 14), "әйел", "грант", "күндізгі",
            "+7 701 1234567", ""),
           ("Қасымов Ерлан Серікұлы", "МАТ-1-25", "000102", dt.date(2006, 11, 2), "ер", "ақылы", "күндізгі", "", "")],
    "ru": [("Иванова Анна Сергеевна", "МАТ-1-25", "000101", dt.date(2007, 3, 14), "ж", "грант", "очная",
            "+7 913 1234567", ""),
           ("Смирнов Алексей Николаевич", "МАТ-1-25", "000102", dt.date(2006, 11, 2), "м", "контракт", "очная",
            "", "")],
    "en": [("Asanova Aigerim", "MAT-1-25", "000101", dt.date(2007, 3, 14), "f", "grant", "full-time", "", ""),
           ("Bekmurza uulu Nurlan", "MAT-1-25", "000102", dt.date(2006, 11, 2), "m", "contract", "full-time", "",
            "")],
}
WIDTHS = [36, 12, 16, 14, 8, 14, 14, 18, 24]


def write_student_list_template(target, lang: str) -> None:
    """A student list to fill: a note row, the header the importer recognises, two example rows."""
    from desktop.reports.xlsx import Workbook, write_value

    tr = translator(lang)
    book = Workbook(target)
    ws = book.sheet(tr("Students"))
    note = book.add_format(italic=True, font_color="#555555")
    header = book.fmt["header"]
    ws.write_string(0, 0, tr("Student list: one row per student. Replace the example rows with your students; "
                             "the group is written as the office writes it (МАТ-1-25)."), note)
    for col, (title, width) in enumerate(zip(STUDENT_HEADERS[lang], WIDTHS, strict=True)):
        ws.set_column(col, col, width)
        ws.write_string(2, col, title, header)
    fmt_cell, fmt_date = book.fmt["cell"], book.fmt["date"]
    for r, row in enumerate(STUDENT_EXAMPLES[lang], start=3):
        for col, value in enumerate(row):
            if col == 2:  # record-book numbers are text: their leading zeros count
                ws.write_string(r, col, value, fmt_cell)
            else:
                write_value(ws, r, col, value, fmt_date if isinstance(value, dt.date) else fmt_cell)
    book.close()


# The work plan form ---------------------------------------------------------------------------

PLAN_WORDS: dict[str, dict] = {
    "ky": {"approve": "БЕКИТЕМИН", "position": "Факультеттин деканы", "name": "________ Фамилиясы А.А.",
           "date": "«___» ____________ 20__-ж.", "title": "Факультеттин 20__-20__-окуу жылына карата иш планы",
           "header": ["№", "Иш-чаралар", "Мөөнөтү", "Жооптуулар"]},
    "kk": {"approve": "БЕКІТЕМІН", "position": "Факультет деканы", "name": "________ Тегі А.А.",
           "date": "«___» ____________ 20__ ж.", "title": "Факультеттің 20__-20__ оқу жылына арналған жұмыс жоспары",
           "header": ["№", "Іс-шаралар", "Мерзімі", "Жауаптылар"]},
    "ru": {"approve": "УТВЕРЖДАЮ", "position": "Декан факультета", "name": "________ Фамилия И.О.",
           "date": "«___» ____________ 20__ г.", "title": "План работы факультета на 20__-20__ учебный год",
           "header": ["№", "Мероприятия", "Срок", "Ответственные"]},
    "en": {"approve": "APPROVED", "position": "Dean of the faculty", "name": "________ Surname A.B.",
           "date": "«___» ____________ 20__", "title": "Work plan of the faculty for the academic year 20__-20__",
           "header": ["No", "Activity", "Deadline", "Responsible"]},
}
# Sections (the office's eight) with one example item each: (section, activity, deadline, responsible).
PLAN_EXAMPLES = {
    "ky": [("Уюштуруу иштери", "Деканаттагы жумалык кеңешмени өткөрүү", "Дүйшөмбү сайын", "Декан, методисттер"),
           ("Окуу-усулдук иштер", "Кышкы сессиянын жадыбалын түзүү", "Декабрь", "Декандын орун басары"),
           ("Тарбиялык иштер", "Куратордук саатты өткөрүү", "Жыл бою", "Кураторлор")],
    "kk": [("Ұйымдастыру жұмыстары", "Деканаттың апталық кеңесін өткізу", "Әр дүйсенбі", "Декан, әдіскерлер"),
           ("Оқу-әдістемелік жұмыстар", "Қысқы сессияның кестесін жасау", "Желтоқсан", "Декан орынбасары"),
           ("Тәрбие жұмыстары", "Кураторлық сағат өткізу", "Жыл бойы", "Кураторлар")],
    "ru": [("Организационная работа", "Проведение еженедельного совещания деканата", "Каждый понедельник",
            "Декан, методисты"),
           ("Учебно-методическая работа", "Составление расписания зимней сессии", "Декабрь",
            "Заместитель декана"),
           ("Воспитательная работа", "Проведение кураторского часа", "В течение года", "Кураторы")],
    "en": [("Organisational work", "Weekly meeting of the dean's office", "Every Monday", "Dean, methodists"),
           ("Teaching and methodological work", "Timetable of the winter session", "December", "Vice-dean"),
           ("Upbringing work", "Curator hour", "Year-round", "Curators")],
}


def write_workplan_template(target, lang: str) -> None:
    """A work plan to fill in Word: the approval block, the title, the table No / activity /
    deadline / responsible with section rows and an example activity in each."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    words = PLAN_WORDS[lang]
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    for line in (words["approve"], words["position"], words["name"], words["date"]):
        p = document.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    title = document.add_paragraph(words["title"])
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].bold = True
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text, width in zip(table.rows[0].cells, words["header"], (1.2, 9.0, 3.2, 4.2), strict=True):
        cell.text = text
        cell.width = Cm(width)
        cell.paragraphs[0].runs[0].bold = True
    number = 0
    for i, (section, activity, deadline, responsible) in enumerate(PLAN_EXAMPLES[lang]):
        row = table.add_row().cells
        merged = row[0].merge(row[3])
        merged.text = f"{'I' * (i + 1) if i < 3 else i + 1}. {section}"
        merged.paragraphs[0].runs[0].bold = True
        number += 1
        cells = table.add_row().cells
        for cell, text in zip(cells, (f"{number}.", activity, deadline, responsible), strict=True):
            cell.text = text
    document.save(str(target))
