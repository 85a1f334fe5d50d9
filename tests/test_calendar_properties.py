"""A calendar's own properties (model and window), the days-off list and the "workdays" signal."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop import i18n
from desktop.models import academic_calendar as ac
from desktop.models.academic_calendar import Entry, Rule, RuleKind
from desktop.models.base import DomainError
from desktop.models.operations import Change
from desktop.views.calendar import CalendarArea
from desktop.views.calendar.models import DaysOffModel
from desktop.views.calendar.properties import CalendarPropertiesDialog
from desktop.views.common.area import AppContext

D = dt.date


@pytest.fixture
def cal(session):
    cal_id = ac.create_calendar(session, "2025-2026", "bachelor", "semester", "KZ")
    exams = ac.add_event(session, cal_id, "final_exams", "Exams", kind="final_exams")
    appeal = ac.add_event(session, cal_id, "appeals", "Appeal", kind="appeals")
    ac.set_entry(session, exams, "spring", Entry(D(2026, 3, 16), D(2026, 3, 20)))
    ac.set_entry(session, appeal, "spring", Entry(rule=Rule(RuleKind.AFTER, 1, exams)))
    return cal_id, exams, appeal


def _resolved(session, cal_id):
    data = ac.load(session, cal_id)
    return ac.resolve(data, ac.calendar_engine(session, data))


def test_update_calendar_changes_country_and_rules_follow(session, cal):
    cal_id, _exams, appeal = cal
    # Kazakhstan: Nauryz 21-23 March 2026 and the moved days off 24, 25 March.
    assert _resolved(session, cal_id)[appeal, "spring"] == (D(2026, 3, 26), D(2026, 3, 26))
    old = ac.update_calendar(session, cal_id, country="ru", title="Университет & <b>", approval="УТВЕРЖДЕНО",
                             teaching_weeks=16, level="master")
    assert old == {"level": "bachelor", "layout": "semester", "country": "KZ", "title": "", "approval": "",
                   "teaching_weeks": 15}
    assert ac.calendar_properties(session, cal_id) == {
        "level": "master", "layout": "semester", "country": "RU", "title": "Университет & <b>",
        "approval": "УТВЕРЖДЕНО", "teaching_weeks": 16}
    assert _resolved(session, cal_id)[appeal, "spring"] == (D(2026, 3, 23), D(2026, 3, 23))
    ac.update_calendar(session, cal_id, **old)
    assert _resolved(session, cal_id)[appeal, "spring"] == (D(2026, 3, 26), D(2026, 3, 26))


def test_update_calendar_refuses_bad_values(session, cal):
    cal_id, exams, appeal = cal
    ac.create_calendar(session, "2025-2026", "master", "semester", "KZ")
    with pytest.raises(DomainError, match="already exists"):
        ac.update_calendar(session, cal_id, level="master")
    with pytest.raises(DomainError, match="KG, KZ, RU"):
        ac.update_calendar(session, cal_id, country="UZ")
    with pytest.raises(DomainError, match="between 1 and 52"):
        ac.update_calendar(session, cal_id, teaching_weeks=0)
    with pytest.raises(DomainError, match="Spring semester"):  # dates in "spring" would vanish
        ac.update_calendar(session, cal_id, layout="trimester")
    ac.set_entry(session, exams, "spring", Entry())
    ac.set_entry(session, appeal, "spring", Entry())
    ac.set_entry(session, exams, "summer", Entry(D(2026, 7, 1), D(2026, 7, 3)))
    ac.update_calendar(session, cal_id, layout="trimester")  # "summer" exists in both layouts
    assert ac.load(session, cal_id).terms == ("t1", "t2", "t3", "summer")
    assert ac.calendar_properties(session, cal_id)["country"] == "KZ"


@pytest.fixture
def page(qtbot, demo_db):
    p = CalendarArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    p.resize(1300, 850)
    i = next(i for i in range(p.chooser.count()) if "Semesters" in p.chooser.itemText(i))
    p.chooser.setCurrentIndex(i)
    return p


def test_properties_dialog_round_trip(qtbot):
    values = {"level": "master", "layout": "trimester", "country": "RU", "title": "Әл-Фараби & <b>",
              "approval": "БЕКІТІЛДІ\n№1", "teaching_weeks": None}
    dialog = CalendarPropertiesDialog(values, "2025-2026")
    qtbot.addWidget(dialog)
    assert dialog.values() == values and dialog.year.isReadOnly()
    new = CalendarPropertiesDialog({"level": "bachelor", "layout": "semester", "country": "KG",
                                    "teaching_weeks": 15})
    qtbot.addWidget(new)
    new.year.setText("2026-27")
    new.accept()
    assert new.result() == 0 and "2025-2026" in new.error.text()
    new.year.setText("2026-2027")
    new.accept()
    assert new.result() == 1 and new.year_name() == "2026-2027"


def test_new_calendar_keeps_the_chosen_level_and_country(page, demo_db):
    page.new_calendar("2026-2027", {"level": "master", "layout": "trimester", "country": "RU", "title": "T",
                                    "approval": "", "teaching_weeks": 12})
    assert (page.data.year_name, page.data.level, page.data.layout, page.data.country, page.data.teaching_weeks) \
        == ("2026-2027", "master", "trimester", "RU", 12)
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert ac.find_calendar(s, "2026-2027", "master") is None
    page.undo_stack.redo()
    assert page.data.level == "master" and page.data.country == "RU"


def test_calendar_properties_change_revalidates_and_undoes(page, demo_db, qtbot):
    codes = {p.code for p in page._problems}
    assert "exam_on_holiday" in codes  # the state exam on Kazakhstan's moved Victory Day, 11.05.2026
    with qtbot.waitSignal(page.ctx.changed) as sig:
        page.edit_properties({"country": "KG", "title": "Ош & <i>", "teaching_weeks": 16})
    assert sig.args == [Change.CALENDAR]
    assert page.data.country == "KG" and page.data.title == "Ош & <i>"
    # Kyrgyzstan's days off apply now: 11.05.2026 is a working day there, 4 May a day off.
    messages = " ".join(p.message() for p in page._problems)
    assert "11.05.2026" not in messages and "04.05.2026 (May Holidays)" in messages
    assert "the term has 15 teaching weeks, not 16" in messages
    page.undo_stack.undo()
    assert page.data.country == "KZ" and page.data.teaching_weeks == 15
    assert [p.message() for p in page._problems] == [
        "the exam period starts or ends on a holiday: 11.05.2026 (Victory Day (moved day off))"]


def test_a_refused_change_tells_and_changes_nothing(page, monkeypatch):
    told = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a: told.append(a[2]))
    page.edit_properties({"level": "master", "layout": "trimester"})
    assert told and "Autumn semester" in told[0]
    assert page.data.layout == "semester" and page.undo_stack.count() == 0


def test_override_emits_workdays_for_other_areas(page, qtbot):
    with qtbot.waitSignal(page.ctx.changed) as sig:
        page.set_override("KZ", D(2026, 3, 27), "day_off", "Decree No. 5")
    assert sig.args == [Change.WORKDAYS]
    with qtbot.waitSignal(page.ctx.changed) as sig:
        page.undo_stack.undo()
    assert sig.args == [Change.WORKDAYS]
    # Through the dialog's own buttons too.
    dialog = page.overrides_dialog()
    qtbot.addWidget(dialog)
    dialog.day.setDate(dialog.day.date().fromString("30.03.2026", "dd.MM.yyyy"))
    dialog.note.setText("Қаулы № 7")
    with qtbot.waitSignal(page.ctx.changed) as sig:
        dialog.add_button.click()
    assert sig.args == [Change.WORKDAYS]
    assert dialog.model.rows == [{"day": D(2026, 3, 30), "kind": "day_off", "note": "Қаулы № 7"}]
    dialog.year.setValue(2026)
    assert {"day": D(2026, 3, 30), "name": "Қаулы № 7"} in dialog.days_off.rows
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    with qtbot.waitSignal(page.ctx.changed) as sig:
        dialog.remove_button.click()
    assert sig.args == [Change.WORKDAYS] and dialog.model.rows == []


@pytest.mark.parametrize("lang, nauryz, moved", [
    ("ky", "Нооруз майрамы", "Нооруз майрамы (которулган дем алыш)"),
    ("kk", "Наурыз мейрамы", "Наурыз мейрамы (ауыстырылған демалыс)"),
    ("ru", "Наурыз мейрамы", "Наурыз мейрамы (перенесённый выходной)"),
    ("en", "Nowruz Holiday", "Nowruz Holiday (observed)")])
def test_days_off_list_in_the_interface_language(page, qtbot, qtmodeltester, lang, nauryz, moved, tmp_path):
    i18n.set_language(lang)
    try:
        dialog = page.overrides_dialog()
        qtbot.addWidget(dialog)
        dialog.year.setValue(2026)
        model = dialog.days_off
        qtmodeltester.check(model)
        days = [r["day"] for r in model.rows]
        # Kazakhstan 2026: the moved days off of the seed are in the list.
        for day in (D(2026, 3, 9), D(2026, 3, 24), D(2026, 3, 25), D(2026, 5, 11), D(2026, 10, 26)):
            assert day in days
        row = days.index(D(2026, 3, 21))
        assert model.index(row, 0).data() == "21.03.2026"
        assert model.index(row, 1).data() == i18n.translator(lang).weekday(5)
        assert model.index(row, 2).data() == nauryz
        assert model.index(days.index(D(2026, 3, 24)), 2).data() == moved
        assert dialog.grab().save(str(tmp_path / f"days-off-{lang}.png"))
    finally:
        i18n.set_language("en")


def test_days_off_model_is_empty_without_rows(qtmodeltester):
    model = DaysOffModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_long_rule_texts_are_not_cut_in_the_tree(page, qtbot):
    page.show()
    qtbot.waitExposed(page)
    results = next(e for e in page.data.events if e.kind == "results")
    index = page.model.index_of_event(results.id, page.model.FIXED + page.data.terms.index("autumn"))
    text = index.data()
    assert text.startswith("Within 5 working days after the end of")
    lines_needed = page.tree.fontMetrics().boundingRect(
        0, 0, page.tree.columnWidth(index.column()) - 10, 100000, int(Qt.TextFlag.TextWordWrap), text).height()
    assert page.tree.visualRect(index).height() >= lines_needed


def test_holidays_list_in_two_columns(tmp_path, demo_db):
    import subprocess

    from desktop.reports.calendar_pdf import calendar_pdf

    with demo_db.session() as s:
        data = ac.load(s, ac.find_calendar(s, "2025-2026"))
        work = ac.calendar_engine(s, data)
    out = tmp_path / "c.pdf"
    calendar_pdf(out, data, ac.resolve(data, work), work, "kk")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    import re

    from desktop.reports.calendar_table import holidays_in_year

    holidays = holidays_in_year(data, work, "kk")
    section = text.split("Ұлттық және мемлекеттік мерекелер")[1]
    pairs = [ln for ln in section.splitlines() if len(re.findall(r"\b\d{1,2} \w+ 20\d\d\b", ln)) == 2]
    # Two holidays side by side on a line: the list takes half the lines it used to.
    assert len(pairs) == len(holidays) // 2 and "Наурыз мейрамы" in section


def test_state_institution_days_off_offered_in_the_dialog_with_undo(page, demo_db, qtbot):
    from desktop.models import settings
    from desktop.models.workdays import load_overrides

    with demo_db.session() as s:
        settings.put(s, "state_institution", False)
        before = load_overrides(s, "KG")
    dialog = page.overrides_dialog()
    qtbot.addWidget(dialog)
    dialog.country = "KG"
    dialog.reload()
    assert not dialog.state_institution.isChecked() and dialog.public_sector.isHidden()
    dialog.state_institution.setChecked(True)
    assert not dialog.public_sector.isHidden() and dialog.public_sector.isEnabled()
    assert dialog.public_sector.text() == "Add the days off for state institutions (4)"
    dialog.public_sector.click()
    with demo_db.session() as s:
        added = {day: kind for day, kind, _note in load_overrides(s, "KG")}
    assert added[D(2026, 1, 8)] == "day_off" and added[D(2026, 4, 25)] == "working_day"
    assert not dialog.public_sector.isEnabled()  # nothing left to offer
    page.undo_stack.undo()  # the four days go
    page.undo_stack.undo()  # and the faculty is no longer marked a state institution
    with demo_db.session() as s:
        assert load_overrides(s, "KG") == before
        assert settings.get(s, "state_institution") is False


def _trimester_faculty(session):
    """The Faculty editor's save with trimesters chosen (as the set-up assistant does)."""
    from dataclasses import replace

    from desktop.models import faculty_profile as fp

    fp.save_profile(session, replace(fp.load_profile(session), faculty="Ф", layout="trimester"))


def test_a_new_calendar_takes_the_faculty_year_layout(session):
    assert ac.load(session, ac.create_calendar(session, "2026-2027", "bachelor")).layout == "semester"
    _trimester_faculty(session)
    cal_id = ac.create_calendar(session, "2027-2028", "bachelor")
    assert ac.load(session, cal_id).layout == "trimester"
    assert ac.load(session, cal_id).terms == ("t1", "t2", "t3", "summer")
    # a layout named explicitly still wins
    assert ac.load(session, ac.create_calendar(session, "2027-2028", "master", "semester")).layout == "semester"


def test_a_years_dates_come_from_the_calendar_in_the_faculty_layout(session):
    """Both layouts for one year: the faculty's is asked first; a period only the other has comes from it."""
    sem = ac.create_calendar(session, "2026-2027", "bachelor", "semester", "KG")
    tri = ac.create_calendar(session, "2026-2027", "bachelor", "trimester", "KG")
    for cal_id, day in ((sem, D(2027, 6, 25)), (tri, D(2027, 6, 18))):
        grad = ac.add_event(session, cal_id, "graduation", "Graduation", kind="graduation")
        ac.set_entry(session, grad, "summer", Entry(day))
    exams = ac.add_event(session, sem, "final_exams", "Exams", kind="final_exams")
    ac.set_entry(session, exams, "autumn", Entry(D(2027, 1, 11), D(2027, 1, 22)))
    assert ac.find_calendar(session, "2026-2027") == sem
    assert ac.event_period(session, "2026-2027", "graduation") == (D(2027, 6, 25), D(2027, 6, 25))
    _trimester_faculty(session)
    assert ac.find_calendar(session, "2026-2027") == tri
    assert ac.event_period(session, "2026-2027", "graduation") == (D(2027, 6, 18), D(2027, 6, 18))
    assert ac.resolve_relative(session, "2026-2027", "start:graduation") == D(2027, 6, 18)
    # the trimester calendar has no winter session: the semester one answers
    assert ac.event_period(session, "2026-2027", "winter_session") == (D(2027, 1, 11), D(2027, 1, 22))
    assert ac.find_calendar(session, "2026-2027", layout="semester") == sem


def test_the_new_calendar_dialog_offers_the_faculty_layout(page, demo_db, monkeypatch):
    offered = []

    def answer(dialog):
        offered.append(dialog.layout_.currentData())
        return 0  # cancelled

    monkeypatch.setattr(CalendarPropertiesDialog, "exec", answer)
    page.new_calendar("2030-2031")
    with demo_db.session() as s:
        _trimester_faculty(s)
    page.new_calendar("2030-2031")
    assert offered == ["semester", "trimester"]
