"""The work plan importer refuses spreadsheets that are not plans (with a message naming the file)
and still imports the real layouts: header or none, section rows or none, several lines in a cell."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.models.base import DomainError
from desktop.models.workplan import WorkPlan, WorkPlanItem, add_item, add_section, create_plan
from desktop.reports.workplan_import import import_plan, read_plan_file


def book(path, rows):
    from openpyxl import Workbook

    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


NOT_PLANS = {
    "students_header_only": ([["ФИО", "Группа", "№ зачетки", "Дата рождения"]], "is a list of students"),
    "students_kyrgyz": ([["№", "Аты-жөнү", "Тайпа", "Туулган күнү"], [1, "Асанов Азамат", "МАТ-1-25", "01.01.2005"]],
                        "is a list of students"),
    "wide": ([[1, "Иш-чара"] + [f"v{i}" for i in range(40)]], "has 42 columns"),
    "wrong_types": ([[12345, dt.date(2025, 1, 1), True, 3.14], [dt.datetime(2020, 5, 5), 42, -1.5, True]],
                    "no row has a number in the first column"),
    "numbers_only": ([[1, 2, 3, 4], [2, 3, 4, 5]], "no row has a number in the first column"),
    # formulas never calculated (no values saved in the file) read as empty cells
    "formulas": ([["=1+1", "=SUM(A1:A3)", "=TODAY()"], ["=A1", "=B1*2", "x"]], "no table found"),
    "no_deadline_nor_responsible": ([[1, "Алма", "кызыл", "таттуу"], [2, "Алмурут", "сары", "жумшак"]],
                                    "no deadline or responsible person"),
}


@pytest.mark.parametrize("name", sorted(NOT_PLANS))
def test_what_is_not_a_plan_is_refused_and_nothing_is_written(tmp_path, db_path, capsys, name):
    rows, reason = NOT_PLANS[name]
    path = book(tmp_path / f"{name}.xlsx", rows)
    with pytest.raises(DomainError) as err:
        read_plan_file(path)
    assert reason in str(err.value) and f"{name}.xlsx" in str(err.value)
    # Through the command that writes: refused, and the database keeps the plan it had, unchanged.
    from desktop.cli import main
    from desktop.models.db import Database

    database = Database(db_path)
    with database.session() as s:
        plan = create_plan(s, "2024-2025", title="Прошлогодний план")
        add_item(s, add_section(s, plan.id, "I. Уюштуруу иштери").id, "Кеңешме")
    database.engine.dispose()
    before = db_path.read_bytes()
    assert main(["--database", str(db_path), "import", "workplan", str(path), "--year", "2025-2026"]) == 1
    assert reason in capsys.readouterr().err
    database = Database(db_path)
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(WorkPlan)) == 1
        assert s.scalar(select(func.count()).select_from(WorkPlanItem)) == 1
    database.engine.dispose()
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("rows, sections, items", [
    # no header, no sections, several lines in a cell; deadlines and people recognised
    ([[1, "Жадыбалды түзүү\nжана бекитүү", "Сентябрь, 2025", "Сопуев У.А."], [2, "Кеңешме", "Ай сайын", "Деканат"]],
     1, 2),
    # a header (Kazakh), a section row, an extra column for the mark of completion
    ([["№", "Іс-шаралар", "Мерзімі", "Жауаптылар", "Белгі"], ["I. Ұйымдастыру жұмысы"],
      [1, "Кесте құру", "Қыркүйек", "Деканат", "орындалды"], [2, "Отырыс", "Жыл бойы", "кураторлар", ""]], 1, 2),
    # no header, free-text deadlines, but the people are roles
    ([["I. Тарбиялык иштер"], ["1.", "Кураторлордун сааты", "жума сайын", "кураторлор"]], 1, 1),
])
def test_real_layouts_still_import(tmp_path, session, rows, sections, items):
    parsed = read_plan_file(book(tmp_path / "plan.xlsx", rows))
    assert (len(parsed.sections), parsed.item_count) == (sections, items)
    import_plan(session, parsed, "2025-2026")
    assert session.scalar(select(func.count()).select_from(WorkPlanItem)) == items
