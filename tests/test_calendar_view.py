"""The calendar editor: the events tree, inline problems, the year view, edits with undo."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.models import academic_calendar as ac
from desktop.models.academic_calendar import Entry
from desktop.models.workdays import load_overrides
from desktop.views.calendar import CalendarArea
from desktop.views.calendar.dialogs import EntryForm
from desktop.views.calendar.events_model import EVENT_ID_ROLE
from desktop.views.calendar.models import OverridesModel
from desktop.views.common.area import AppContext

D = dt.date


@pytest.fixture
def page(qtbot, demo_db):
    p = CalendarArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    p.resize(1300, 850)
    return p


def _semester(page):
    i = next(i for i in range(page.chooser.count()) if "Semesters" in page.chooser.itemText(i))
    page.chooser.setCurrentIndex(i)
    return page.data


def test_models_pass_the_model_tester(page, qtmodeltester):
    _semester(page)
    qtmodeltester.check(page.model)
    qtmodeltester.check(OverridesModel())


def test_tree_shows_categories_events_and_the_inline_problem(page):
    data = _semester(page)
    model = page.model
    assert model.rowCount() == len(data.by_category())
    assert model.index(0, 1).data() == "Registration for courses"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Autumn semester"
    state = next(e for e in data.events if e.kind == "final_attestation")
    index = model.index_of_event(state.id, model.FIXED + data.terms.index("spring"))
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "11.05.2026" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert page.problems.rowCount() == 1


def test_edit_title_undo_redo(page, demo_db):
    data = _semester(page)
    event = data.events[0]
    index = page.model.index_of_event(event.id, 1)
    assert page.model.setData(index, "Тіркеу <b>", Qt.ItemDataRole.EditRole)
    with demo_db.session() as s:
        assert s.get(ac.CalendarEvent, event.id).title == "Тіркеу <b>"
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert s.get(ac.CalendarEvent, event.id).title == event.title
    page.undo_stack.redo()
    assert page.model.index_of_event(event.id, 1).data() == "Тіркеу <b>"


def test_set_entry_updates_rules_and_year_view_and_undoes(page):
    data = _semester(page)
    exams = next(e for e in data.events if e.kind == "final_exams")
    results = next(e for e in data.events if e.kind == "results")
    page.set_entry(exams.id, "autumn", Entry(D(2025, 12, 15), D(2025, 12, 26)))
    assert page.model.resolved[results.id, "autumn"] == (D(2025, 12, 29), D(2026, 1, 6))
    cell = page.year_view.view.cell(D(2025, 12, 29))
    assert "final_exams" in {b.category for b in cell.bands}
    page.undo_stack.undo()
    assert page.model.resolved[results.id, "autumn"] == (D(2025, 12, 31), D(2026, 1, 9))


def test_add_sub_row_and_delete_with_undo(page):
    data = _semester(page)
    parent = next(e for e in data.events if e.kind == "final_exams")
    page.tree.setCurrentIndex(page.model.index_of_event(parent.id, 1))
    page.add_sub_row("Халықаралық экономика мектебі")
    child = next(e for e in page.data.events if e.title == "Халықаралық экономика мектебі" and e.parent_id == parent.id)
    assert child.number == "1.2"
    page.tree.setCurrentIndex(page.model.index_of_event(parent.id, 1))
    page.delete_event()
    assert page.data.event(parent.id) is None and page.data.event(child.id) is None
    page.undo_stack.undo()
    assert page.data.event(child.id).parent_id == parent.id
    page.undo_stack.undo()
    assert page.data.event(child.id) is None


def test_year_view_click_on_a_band_opens_that_event(page, qtbot, monkeypatch):
    data = _semester(page)
    page.tabs.setCurrentIndex(1)
    page.year_view.resize(1200, 800)
    opened = []
    monkeypatch.setattr(page, "edit_date", lambda event_id=None, term=None: opened.append((event_id, term)))
    with qtbot.waitSignal(page.year_view.band_clicked) as sig:
        qtbot.mouseClick(page.year_view, Qt.MouseButton.LeftButton, pos=page.year_view.point_of(D(2025, 12, 17)))
    exams = next(e for e in data.events if e.kind == "final_exams")
    assert sig.args == [exams.id, "autumn"] and opened == [(exams.id, "autumn")]
    assert page.tree.currentIndex().data(EVENT_ID_ROLE) == exams.id
    cell = page.year_view.cell_at(page.year_view.point_of(D(2025, 12, 16)))
    assert "Independence Day" in page.year_view.tooltip_text(cell)
    page.year_view.grab()  # paints without error


def test_overrides_through_undo(page, demo_db):
    _semester(page)
    page.set_override("KZ", D(2026, 3, 27), "day_off", "Decree No. 5")
    with demo_db.session() as s:
        assert load_overrides(s, "KZ") == [(D(2026, 3, 27), "day_off", "Decree No. 5")]
    assert page.year_view.view.cell(D(2026, 3, 27)).is_day_off
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert load_overrides(s, "KZ") == []
    assert not page.year_view.view.cell(D(2026, 3, 27)).is_day_off


def test_copy_to_next_year_selects_the_copy_and_undo_removes_it(page, demo_db):
    _semester(page)
    page.copy_to_next_year()
    assert page.data.year_name == "2026-2027"
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert ac.find_calendar(s, "2026-2027") is None


def test_entry_form_logic():
    assert EntryForm.build("dates", D(2026, 1, 5), D(2026, 1, 1), True, "", "within", 0, True, None, False) == \
        Entry(D(2026, 1, 5), D(2026, 1, 5))
    with pytest.raises(ValueError):
        EntryForm.build("dates", D(2026, 1, 5), D(2026, 1, 1), False, "", "within", 0, True, None, False)
    with pytest.raises(ValueError):
        EntryForm.build("rule", D(2026, 1, 5), D(2026, 1, 5), False, "", "within", 5, True, None, False)
    rule = EntryForm.build("rule", D(2026, 1, 5), D(2026, 1, 5), False, "", "within", 5, True, 7, False)
    assert rule.rule == ac.Rule("within", 5, 7) and EntryForm.build("none", *[None] * 9) == Entry()


def test_settings_keep_the_chosen_calendar_and_tab(qtbot, demo_db):
    first = CalendarArea(AppContext(demo_db))
    qtbot.addWidget(first)
    first.retranslate_ui()
    first.chooser.setCurrentIndex(1)
    first.tabs.setCurrentIndex(1)
    chosen = first.chooser.currentData()
    second = CalendarArea(AppContext(demo_db))
    qtbot.addWidget(second)
    second.retranslate_ui()
    assert second.chooser.currentData() == chosen and second.tabs.currentIndex() == 1
