"""Plain helpers several test modules share (fixtures live in conftest.py)."""

from __future__ import annotations

import datetime as dt

from desktop.models.exam_conflicts import CheckRules
from desktop.models.exam_schedule import ExamRow, GroupInfo, Schedule

D = dt.date


# Exam sessions: a small schedule of plain rows for the conflict checks --------------------------

def schedule(*exams: ExamRow) -> Schedule:
    return Schedule(
        1, "2025-2026", "winter", D(2025, 12, 22), D(2026, 1, 17), "KG", exams=list(exams),
        groups={1: GroupInfo(1, "МАТ-1-25", 1, 1, "510100", "Математика", 20),
                2: GroupInfo(2, "ПИ-1-25", 1, 2, "710400", "Программалык инженерия", 25)},
        rooms={1: ("101", 60, "Башкы"), 2: ("305", 10, "ИТ")},
        staff={1: "Сопуев У.А.", 2: "Қасымов Ә.Ғ."},
        disciplines={1: "Алгебра", 2: "Физика", 3: "Тарых"})


RULES = CheckRules(min_rest=2, days_off={D(2025, 12, 27): "", D(2025, 12, 28): "", D(2026, 1, 7): "Рождество"})


def exam(i, groups, day, start=9 * 60, examiner=1, room=1, discipline=1, **kw) -> ExamRow:
    return ExamRow(i, discipline, tuple(groups), day, start, 120, examiner, None, room, "written", **kw)


def clean():
    return [exam(1, [1], D(2025, 12, 22)), exam(2, [2], D(2025, 12, 22), 13 * 60, examiner=2, discipline=2),
            exam(3, [1], D(2025, 12, 24), discipline=2, consult_day=D(2025, 12, 23), consult_minute=14 * 60),
            exam(4, [2], D(2025, 12, 24), 13 * 60, discipline=1)]


def kinds(conflicts):
    return sorted({c.kind for c in conflicts})


# Work plans: a Word plan in the layout offices use ------------------------------------------------

TRICKY = "Ә ғ қ ң ө ұ ү һ і: <b>bold</b> & =1+1"


def make_docx(path, *, header=True, headings_as_paragraphs=False):
    import docx

    d = docx.Document()
    d.add_paragraph("БЕКИТЕМИН")
    d.add_paragraph("Факультеттин деканы")
    d.add_paragraph("__________ Сопуев У.А.")
    d.add_paragraph("«___» __________ 2025-ж.")
    d.add_paragraph("Факультеттин 2025-2026-окуу жылына карата иш планы")
    sections = [("I. Уюштуруу иштери", [("1.", "Жадыбалды түзүү\nжана бекитүү", "Сентябрь, 2025",
                                          "Сопуев У.А.,\nметодисттер"),
                                         ("2.", TRICKY, "Жыл бою", "Деканат")]),
                ("II. Тарбиялык иштер", [("1.", "Кураторлордун кеңешмеси", "Айына бир жолу", "кураторлор")])]
    table = None
    for title, items in sections:
        if headings_as_paragraphs or table is None:
            if headings_as_paragraphs:
                d.add_paragraph(title)
            table = d.add_table(rows=0, cols=4)
            if header:
                cells = table.add_row().cells
                for c, t in zip(cells, ["№", "Иш-чаралар", "Мөөнөтү", "Жооптуулар"], strict=True):
                    c.text = t
        if not headings_as_paragraphs:
            row = table.add_row()
            row.cells[0].merge(row.cells[3]).text = title
        for values in items:
            for c, t in zip(table.add_row().cells, values, strict=True):
                c.text = t
    d.save(path)


# Student lists: an .xlsx made from rows, as an office saves one ----------------------------------

def xlsx(path, rows, setup=None):
    """An .xlsx holding ``rows`` on its first sheet; ``setup(workbook)`` may add sheets or hide rows."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    if setup:
        setup(wb)
    wb.save(path)
    return path


# Session results: a small Kazakh faculty (two groups, five students, algebra and physics) ------------
def results_faculty(session):
    """Two groups of the 2025-2026 winter session with five students, an algebra exam for both
    groups and a physics exam for the first; an fx session for retakes. Returns their ids."""
    from desktop.models import exams as ex
    from desktop.models import settings
    from desktop.models.contingent import Group
    from desktop.models.exams import Exam, exam_group
    from desktop.models.movements import Order
    from desktop.models.students import add_student

    order = Order("1-к", D(2025, 8, 20), D(2025, 9, 1))
    settings.put(session, "country", "KZ")
    a, b = Group(name="МАТ-1-25", course=1), Group(name="ФИЗ-1-25", course=1)
    session.add_all([a, b])
    session.flush()
    people = {}
    for name, book, g in (("Әлиев", "001", a), ("Бекова", "002", a), ("Аманов", "003", a), ("Ғалымов", "004", b),
                          ("Қасымова", "005", b)):
        people[name] = add_student(session, last_name=name, first_name="Ас", group_id=g.id, record_book=book,
                                   order=order)
    sid = ex.get_or_create_session(session, "2025-2026", "winter")
    fx = ex.get_or_create_session(session, "2025-2026", "fx")
    algebra = Exam(session_id=sid, discipline_id=ex.discipline_id(session, "Алгебра"), day=D(2026, 1, 10))
    physics = Exam(session_id=sid, discipline_id=ex.discipline_id(session, "Физика"), day=D(2026, 1, 14))
    session.add_all([algebra, physics])
    session.flush()
    session.execute(exam_group.insert(), [{"exam_id": algebra.id, "group_id": a.id},
                                          {"exam_id": algebra.id, "group_id": b.id},
                                          {"exam_id": physics.id, "group_id": a.id}])
    return {"a": a, "b": b, "people": people, "session": sid, "fx": fx, "algebra": algebra.id, "physics": physics.id}


def enter_result(session, sheet_id, name, text, rating=None):
    """Type one result into a sheet, for the student whose name starts with `name` (on 15 January 2026)."""
    from desktop.models import results

    sheet = results.load_sheet(session, sheet_id)
    row = next(r for r in sheet.rows if r.name.startswith(name))
    return results.enter_text(session, row.result_id, text, rating=rating, on=dt.date(2026, 1, 15))
