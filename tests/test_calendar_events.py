"""Work plan items due "after the winter session" resolve through the academic calendar."""

import datetime as dt

from desktop.models import calendar_events, workplan
from desktop.models import workplan_deadline as dl
from desktop.models.academic_calendar import event_period

D = dt.date


def test_after_the_winter_session_follows_the_demo_calendar(demo_db):
    with demo_db.session() as s:
        winter = event_period(s, "2025-2026", "winter_session")
        assert winter is not None
        periods = calendar_events.event_periods(s, [2025])
        start, end = periods["after_winter_session", 2025]
        assert start > winter[1] and (start - winter[1]).days <= 5
        assert end - start == dt.timedelta(days=14)


def test_items_due_use_the_calendar_not_the_fixed_guess(demo_db):
    with demo_db.session() as s:
        plan = workplan.plan_for_year(s, "2025-2026")
        section = plan.sections[0]
        item = workplan.add_item(s, section.id, "Отчёт по форме 34",
                                 deadline={"kind": "event", "events": ["after_winter_session"]})
        item_id = item.id
        periods = calendar_events.event_periods(s, [2025])
        start, _end = periods["after_winter_session", 2025]
        due = {i.id for i in workplan.items_due(s, start, start + dt.timedelta(days=2))}
        assert item_id in due
        overdue_day = periods["after_winter_session", 2025][1] + dt.timedelta(days=1)
        assert item_id in {i.id for i in workplan.items_overdue(s, overdue_day)}
        assert item_id not in {i.id for i in workplan.items_overdue(s, start)}


def test_a_year_without_calendar_keeps_the_usual_periods(demo_db):
    with demo_db.session() as s:
        assert calendar_events.event_periods(s, [2030]) == {}
        calendar_events.install(s, [2030])
        assert dl.event_period("after_winter_session", 2030) == (D(2031, 2, 1), D(2031, 2, 15))
