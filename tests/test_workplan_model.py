"""Work plan data: deadline parsing of every kind, due/overdue across years, numbering, copy."""

import datetime as dt

import pytest

from desktop.i18n import translator
from desktop.models import workplan as wp
from desktop.models import workplan_deadline as dl
from desktop.models.org import add_staff

D = dt.date


@pytest.mark.parametrize("text, expected", [
    ("Сентябрь, 2021", {"kind": "months", "months": [[2021, 9]]}),
    ("Сентябрь, октябрь 2021", {"kind": "months", "months": [[2021, 9], [2021, 10]]}),
    ("Январь-февраль, 2022\nИюнь-июль, 2022",
     {"kind": "months", "months": [[2022, 1], [2022, 2], [2022, 6], [2022, 7]]}),
    ("Сентябрь, 202 1", {"kind": "months", "months": [[2021, 9]]}),
    ("Январь", {"kind": "months", "months": [[2022, 1]]}),
    ("Қыркүйек, қазан 2021", {"kind": "months", "months": [[2021, 9], [2021, 10]]}),
    ("16-23-сентябрь", {"kind": "dates", "start": "2021-09-16", "end": "2021-09-23"}),
    ("01.10.2021", {"kind": "dates", "start": "2021-10-01", "end": "2021-10-01"}),
    ("Жыл бою", {"kind": "year_round"}),
    ("Жыл бойы", {"kind": "year_round"}),
    ("В течение года", {"kind": "year_round"}),
    ("Дүйшөмбү сайын", {"kind": "weekly", "weekdays": [0]}),
    ("Каждый понедельник", {"kind": "weekly", "weekdays": [0]}),
    ("Әр дүйсенбі", {"kind": "weekly", "weekdays": [0]}),
    ("Дүйшөмбү, шейшемби күндөрү", {"kind": "weekly", "weekdays": [0, 1]}),
    ("Жумасына бир жолу", {"kind": "weekly", "weekdays": []}),
    ("Жума сайын", {"kind": "weekly", "weekdays": []}),
    ("Жума күнү сайын", {"kind": "weekly", "weekdays": [4]}),
    ("Айына бир жолу", {"kind": "monthly"}),
    ("Ар айда", {"kind": "monthly"}),
    ("Ежемесячно", {"kind": "monthly"}),
    ("Кышкы, жайкы сессиялардан кийин", {"kind": "event", "events": ["after_winter_session", "after_summer_session"]}),
    ("Май айына чейин жыйынтыгын чыгаруу", {"kind": "text", "text": "Май айына чейин жыйынтыгын чыгаруу"}),
])
def test_every_deadline_kind_is_parsed(text, expected):
    assert dl.parse(text, 2021) == expected


def test_rendering_in_each_language():
    months = {"kind": "months", "months": [[2025, 9], [2025, 10], [2026, 1]]}
    assert dl.render(months, translator("ky")) == "Сентябрь, октябрь, 2025; январь, 2026"
    assert dl.render(months, translator("kk")) == "2025 ж. қыркүйек, қазан; 2026 ж. қаңтар"
    assert dl.render(months, translator("ru")) == "Сентябрь, октябрь 2025; январь 2026"
    assert dl.render({"kind": "dates", "start": "2025-09-16", "end": "2025-09-23"}, translator("ru")) == \
        "16.09.2025–23.09.2025"
    assert dl.render({"kind": "weekly", "weekdays": [0]}, translator("en")) == "Every Monday"


@pytest.mark.parametrize("lang, days, text", [
    ("ru", [0], "Каждый понедельник"),
    ("ru", [0, 3], "Каждый понедельник и четверг"),
    ("ru", [2], "Каждую среду"),
    ("ru", [6], "Каждое воскресенье"),
    ("ru", [0, 2, 4], "Каждый понедельник, каждую среду и каждую пятницу"),
    ("ru", [4, 5], "Каждую пятницу и субботу"),
    ("ky", [0], "Дүйшөмбү сайын"),
    ("ky", [0, 3], "Дүйшөмбү жана бейшемби сайын"),
    ("ky", [0, 2, 4], "Дүйшөмбү, шаршемби жана жума күнү сайын"),
    ("ky", [4], "Жума күнү сайын"),
    ("ky", [0, 4], "Дүйшөмбү жана жума күнү сайын"),
    ("kk", [0], "Әр дүйсенбі"),
    ("kk", [0, 3], "Әр дүйсенбі және бейсенбі"),
    ("en", [0], "Every Monday"),
    ("en", [3, 0], "Every Monday and Thursday"),
    ("en", [0, 2, 4], "Every Monday, Wednesday and Friday"),
])
def test_weekly_deadline_reads_as_the_office_writes_it(lang, days, text):
    weekly = {"kind": "weekly", "weekdays": days}
    assert dl.render(weekly, translator(lang)) == text
    assert dl.parse(text, 2025) == {"kind": "weekly", "weekdays": sorted(days)}


def test_due_and_overdue_across_the_year_boundary():
    dec_jan = {"kind": "months", "months": [[2025, 12], [2026, 1]]}
    assert dl.is_due(dec_jan, D(2025, 12, 29), D(2026, 1, 4), 2025)
    assert dl.is_due(dec_jan, D(2026, 1, 1), D(2026, 1, 31), 2025)
    assert not dl.is_due(dec_jan, D(2026, 2, 1), D(2026, 2, 28), 2025)
    assert not dl.is_overdue(dec_jan, "planned", D(2026, 1, 31), 2025)
    assert dl.is_overdue(dec_jan, "planned", D(2026, 2, 1), 2025)
    assert not dl.is_overdue(dec_jan, "done", D(2026, 2, 1), 2025)
    monday = {"kind": "weekly", "weekdays": [0]}
    assert dl.is_due(monday, D(2025, 12, 29), D(2026, 1, 4), 2025)  # the week holding 29 Dec (a Monday)
    assert not dl.is_due(monday, D(2025, 12, 30), D(2026, 1, 4), 2025)
    monthly = {"kind": "monthly"}
    assert dl.is_due(monthly, D(2025, 12, 29), D(2026, 1, 4), 2025)  # holds 31 December
    assert not dl.is_due(monthly, D(2026, 1, 5), D(2026, 1, 11), 2025)
    assert dl.is_due({"kind": "year_round"}, D(2026, 3, 2), D(2026, 3, 8), 2025)
    assert not dl.is_due({"kind": "year_round"}, D(2026, 9, 7), D(2026, 9, 13), 2025)
    assert dl.is_overdue({"kind": "year_round"}, "in_progress", D(2026, 9, 1), 2025)
    assert not dl.is_overdue({"kind": "text", "text": "x"}, "planned", D(2030, 1, 1), 2025)


def test_event_deadlines_use_a_registered_resolver():
    after = {"kind": "event", "events": ["after_winter_session"]}
    dl.set_event_resolver(None)  # an earlier test's plan_tree installed the calendar's resolver
    assert dl.is_due(after, D(2026, 2, 2), D(2026, 2, 8), 2025)  # the usual period
    dl.set_event_resolver(lambda event, first: (D(first + 1, 1, 26), D(first + 1, 1, 30)))
    try:
        assert dl.is_due(after, D(2026, 1, 26), D(2026, 2, 1), 2025)
        assert not dl.is_due(after, D(2026, 2, 2), D(2026, 2, 8), 2025)
    finally:
        dl.set_event_resolver(None)


@pytest.fixture
def plan(session):
    add_staff(session, "Сопуев", "Уланбек", "Абдиевич")
    add_staff(session, "Рашид кызы", "Бермет")
    plan = wp.create_plan(session, "2025-2026", title="Иш планы 2025-2026")
    a = wp.add_section(session, plan.id, "Уюштуруу иштери", "organisational")
    b = wp.add_section(session, plan.id, "Окуу-усулдук иштер", "teaching")
    for i in range(3):
        wp.add_item(session, a.id, f"A{i}", deadline=dl.parse("Декабрь, 2025", 2025),
                    responsible="Сопуев У.А., каф. башчылары")
    wp.add_item(session, b.id, "B0", deadline={"kind": "weekly", "weekdays": [0]}, responsible="Рашид кызы Б.")
    return plan, a, b


def test_responsible_are_linked_to_staff_and_roles(session, plan):
    item = plan[1].items[0]
    refs = [(r.staff_id is not None, r.role, r.text) for r in item.responsible]
    assert refs == [(True, "", "Сопуев У.А."), (False, "head_of_department", "каф. башчылары")]
    assert plan[2].items[0].responsible[0].staff_id is not None


def test_numbering_follows_moves_and_deletes(session, plan):
    p, a, b = plan
    moved = a.items[0]
    old = wp.move_item(session, moved.id, b.id, 0)
    assert [(i.text, i.position) for i in a.items] == [("A1", 0), ("A2", 1)]
    assert [(i.text, i.position) for i in b.items] == [("A0", 0), ("B0", 1)]
    wp.move_item(session, moved.id, *old)
    assert [i.text for i in a.items] == ["A0", "A1", "A2"]
    snap = wp.delete_item(session, a.items[1].id)
    assert [(i.text, i.position) for i in a.items] == [("A0", 0), ("A2", 1)]
    wp.restore_item(session, snap)
    session.expire_all()
    assert [(i.text, i.position) for i in wp.plan_for_year(session, "2025-2026").sections[0].items] == \
        [("A0", 0), ("A1", 1), ("A2", 2)]


def test_queries_for_meeting_agendas(session, plan):
    wp.update_item(session, plan[1].items[0].id, status="done")
    due = wp.items_due(session, D(2025, 12, 1), D(2025, 12, 31))
    assert sorted(i.text for i in due) == ["A1", "A2", "B0"]
    assert sorted(i.text for i in wp.items_overdue(session, D(2026, 1, 5))) == ["A1", "A2"]


def test_copy_to_next_year(session, plan):
    wp.update_item(session, plan[1].items[0].id, status="done", completion_note="ok")
    new = wp.copy_to_next_year(session, plan[0].id)
    assert new.year.name == "2026-2027" and new.title == "Иш планы 2026-2027"
    items = new.sections[0].items
    assert items[0].deadline == {"kind": "months", "months": [[2026, 12]]}
    assert {i.status for s in new.sections for i in s.items} == {"planned"}
    assert items[0].responsible[0].staff_id == plan[1].items[0].responsible[0].staff_id
    assert new.sections[1].items[0].deadline == {"kind": "weekly", "weekdays": [0]}


def test_demo_has_the_seed_plan(demo_db):
    with demo_db.session() as s:
        tree = wp.plan_tree(s, wp.require_plan(s, "2025-2026"))
    assert len(tree["sections"]) == 8 and sum(len(x["items"]) for x in tree["sections"]) > 100
    first = tree["sections"][0]["items"][0]
    assert first["deadline"]["months"][0] == [2025, 9]
    assert first["responsible"][0]["staff_id"] is not None
    assert {i["status"] for x in tree["sections"] for i in x["items"]} >= {"done", "in_progress"}
