"""Session results: grading scales at their boundaries, sheets on a date, debts a retake closes,
the summary, promotion that keeps debtors back, orders and their extracts."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import debts as db_
from desktop.models import grading as gr
from desktop.models import orders, results, settings
from desktop.models.base import DomainError
from desktop.models.movements import MovementKind, Order, apply_movement, state_on
from tests.factories import enter_result as enter

D = dt.date


# Kazakhstan: numbers written out from Order No 152 (2011), the letter table --------------------------

@pytest.mark.parametrize("points, letter, gpa, grade", [
    (100, "A", 4.0, "5"), (95, "A", 4.0, "5"), (94, "A-", 3.67, "5"), (90, "A-", 3.67, "5"),
    (89, "B+", 3.33, "4"), (85, "B+", 3.33, "4"), (84, "B", 3.0, "4"), (80, "B", 3.0, "4"),
    (79, "B-", 2.67, "4"), (75, "B-", 2.67, "4"), (74, "C+", 2.33, "3"), (70, "C+", 2.33, "3"),
    (69, "C", 2.0, "3"), (65, "C", 2.0, "3"), (64, "C-", 1.67, "3"), (60, "C-", 1.67, "3"),
    (59, "D+", 1.33, "3"), (55, "D+", 1.33, "3"), (54, "D", 1.0, "3"), (50, "D", 1.0, "3"),
    (49, "FX", 0.5, "2"), (25, "FX", 0.5, "2"), (24, "F", 0.0, "2"), (0, "F", 0.0, "2"),
])
def test_kz_letter_table(points, letter, gpa, grade):
    out = gr.evaluate(gr.KZ_CREDIT, "exam", points=points)
    assert (out.score, out.letter, out.gpa, out.grade, out.passed) == (points, letter, gpa, grade, grade != "2")


def test_kz_final_is_60_rating_40_exam_and_admission_needs_50():
    # 0.6 * 70 + 0.4 * 90 = 78 -> B-
    out = gr.evaluate(gr.KZ_CREDIT, "exam", rating=70, points=90)
    assert (out.score, out.letter) == (78, "B-")
    # 0.6 * 50 + 0.4 * 49 = 49.6 -> 50 (half up) -> D, passed
    assert gr.evaluate(gr.KZ_CREDIT, "exam", rating=50, points=49).letter == "D"
    # 0.6 * 50 + 0.4 * 48 = 49.2 -> 49 -> FX
    assert gr.evaluate(gr.KZ_CREDIT, "exam", rating=50, points=48).letter == "FX"
    assert gr.evaluate(gr.KZ_CREDIT, "exam", rating=49, points=100).mark == "not_admitted"
    assert gr.evaluate(gr.KZ_CREDIT, "exam", rating=49.9, points=100).passed is False


def test_kg_thresholds_default_and_editable():
    kg = gr.kg_scale()
    assert [gr.evaluate(kg, "exam", points=p).grade for p in (100, 87, 86, 74, 73, 61, 60, 0)] == \
        ["5", "5", "4", "4", "3", "3", "2", "2"]
    own = gr.kg_scale([85, 70, 55])
    assert [gr.evaluate(own, "exam", points=p).grade for p in (85, 84, 70, 69, 55, 54)] == [
        "5", "4", "4", "3", "3", "2"]
    assert gr.evaluate(kg, "pass_fail", points=61).grade == "pass"
    assert gr.evaluate(kg, "pass_fail", points=60).grade == "fail"
    with pytest.raises(DomainError):
        gr.kg_scale([70, 80, 60])


def test_ru_five_point_and_pass_fail():
    assert gr.evaluate(gr.RU_FIVE, "exam", grade="3").passed
    assert not gr.evaluate(gr.RU_FIVE, "exam", grade="2").passed
    assert gr.evaluate(gr.RU_FIVE, "pass_fail", grade="pass").passed
    assert gr.parse_entry(gr.RU_FIVE, "pass_fail", "зачтено")["grade"] == "pass"
    assert gr.parse_entry(gr.RU_FIVE, "exam", "н")["mark"] == "absent"
    with pytest.raises(DomainError):
        gr.parse_entry(gr.RU_FIVE, "exam", "7")
    with pytest.raises(DomainError):
        gr.parse_entry(gr.KZ_CREDIT, "exam", "101")


# A small faculty -----------------------------------------------------------------------------------------

def test_sheet_lists_students_studying_on_the_exam_day_in_alphabetical_order(session, faculty):
    p = faculty["people"]
    apply_movement(session, [p["Бекова"]], MovementKind.EXPULSION, Order("7-ч", D(2026, 1, 9), D(2026, 1, 9)),
                   reason="По собственному желанию")
    sheet_id = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    sheet = results.load_sheet(session, sheet_id)
    # Kazakh letters in their alphabetical places: А, Ә, Ғ (after Г), Қ (after К); Бекова expelled the day before
    assert [r.name for r in sheet.rows] == ["Аманов Ас", "Әлиев Ас", "Ғалымов Ас", "Қасымова Ас"]
    assert [r.group for r in sheet.rows] == ["МАТ-1-25", "МАТ-1-25", "ФИЗ-1-25", "ФИЗ-1-25"]
    assert sheet.head.number == 1 and sheet.head.groups == ["МАТ-1-25", "ФИЗ-1-25"]
    assert sheet.scale.key == "kz_credit"
    second = results.issue_sheets(session, faculty["session"], D(2026, 1, 5))
    assert [results.load_sheet(session, s).head.number for s in second] == [2]  # only physics had none


def test_sheet_on_the_expulsion_day_itself_has_the_student_no_more_but_the_day_before_yes(session, faculty):
    p = faculty["people"]
    apply_movement(session, [p["Бекова"]], MovementKind.EXPULSION, Order("7-ч", D(2026, 1, 10), D(2026, 1, 11)),
                   reason="x")
    sheet = results.load_sheet(session, results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5)))
    assert "Бекова Ас" in [r.name for r in sheet.rows]  # expelled from the 11th, the exam is on the 10th


def test_debts_a_retake_closes_and_the_earlier_result_stays(session, faculty):
    s1 = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    s2 = results.issue_sheet(session, faculty["physics"], D(2026, 1, 5))
    enter(session, s1, "Аманов", "40", rating=60)  # 0.6*60+0.4*40 = 52 -> D, passed
    enter(session, s1, "Әлиев", "30", rating=50)  # 42 -> FX
    enter(session, s1, "Бекова", "н", rating=70)  # absent
    enter(session, s1, "Ғалымов", "90", rating=40)  # not admitted
    enter(session, s1, "Қасымова", "10", rating=55)  # 37 -> FX
    enter(session, s2, "Әлиев", "20", rating=20)  # not admitted
    found = db_.open_debts(session, year="2025-2026")
    assert sorted((d.name.split()[0], d.discipline, d.kind) for d in found) == [
        ("Бекова", "Алгебра", "absent"), ("Ғалымов", "Алгебра", "not_admitted"), ("Қасымова", "Алгебра", "fx"),
        ("Әлиев", "Алгебра", "fx"), ("Әлиев", "Физика", "not_admitted")]
    by_discipline, by_group = db_.debt_counts(found)
    assert by_discipline == [("Алгебра", 4, 4), ("Физика", 1, 1)]
    assert by_group == [("МАТ-1-25", 3, 2), ("ФИЗ-1-25", 2, 2)]

    exam_ids, sheet_ids = db_.draft_retakes(session, faculty["fx"], D(2026, 1, 21), kinds={"fx"})
    assert len(exam_ids) == 1
    retake = results.load_sheet(session, sheet_ids[0])
    assert retake.head.retake and [r.name for r in retake.rows] == ["Әлиев Ас", "Қасымова Ас"]
    assert retake.rows[0].earlier == "42 FX unsatisfactory"
    assert next(d for d in db_.open_debts(session) if d.name.startswith("Әлиев") and d.discipline == "Алгебра"
                ).retake_date == D(2026, 1, 21)
    enter(session, sheet_ids[0], "Әлиев", "70", rating=50)  # 58 -> D+
    left = db_.open_debts(session)
    assert ("Әлиев Ас", "Алгебра") not in [(d.name, d.discipline) for d in left]
    assert ("Қасымова Ас", "Алгебра") in [(d.name, d.discipline) for d in left]
    history = db_.student_results(session, faculty["people"]["Әлиев"])
    assert [(h.discipline, h.result) for h in history] == [
        ("Алгебра", "42 FX unsatisfactory"), ("Физика", "not admitted"), ("Алгебра", "58 D+ satisfactory")]


def test_summary_counts_and_rates(session, faculty):
    s1 = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    s2 = results.issue_sheet(session, faculty["physics"], D(2026, 1, 5))
    enter(session, s1, "Аманов", "100", rating=95)  # A
    enter(session, s2, "Аманов", "95", rating=95)  # A
    enter(session, s1, "Әлиев", "80", rating=80)  # B
    enter(session, s2, "Әлиев", "100", rating=100)  # A
    enter(session, s1, "Бекова", "60", rating=60)  # C-
    enter(session, s2, "Бекова", "н", rating=60)  # absent
    enter(session, s1, "Ғалымов", "70", rating=70)  # C+
    enter(session, s1, "Қасымова", "30", rating=60)  # 48 FX
    summary = db_.session_summary(session, faculty["session"])
    mat, fiz = summary.groups
    assert (mat.label, mat.students, mat.sat, mat.passed, mat.excellent, mat.good, mat.with_debts) == \
        ("МАТ-1-25", 3, 3, 2, 1, 2, 1)
    assert (fiz.label, fiz.students, fiz.sat, fiz.passed, fiz.excellent, fiz.good, fiz.with_debts) == \
        ("ФИЗ-1-25", 2, 2, 1, 0, 0, 1)
    assert summary.total.students == 5 and summary.total.pass_rate == pytest.approx(60.0)
    assert summary.total.quality_rate == pytest.approx(40.0)
    assert [c.course for c in summary.courses] == [1]
    db_.promote(session, db_.promotion_plan(session, [faculty["a"].id, faculty["b"].id], 5),
                Order("45-п", D(2026, 6, 28), D(2026, 7, 1)))
    assert [c.course for c in db_.session_summary(session, faculty["session"]).courses] == [1]  # as it sat


def test_promotion_keeps_back_debtors_beyond_the_allowed_number(session, faculty):
    settings.put(session, "results.max_debts", 1)
    s1 = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    s2 = results.issue_sheet(session, faculty["physics"], D(2026, 1, 5))
    enter(session, s1, "Әлиев", "10", rating=50)  # FX
    enter(session, s2, "Әлиев", "н", rating=50)  # absent: 2 debts
    enter(session, s1, "Бекова", "н", rating=50)  # 1 debt: allowed
    plan = db_.promotion_plan(session, [faculty["a"].id])
    assert [k[1] for k in plan.kept_back] == ["Әлиев Ас"]
    assert [len(k[3]) for k in plan.kept_back] == [2]
    assert len(plan.promoted) == 2
    order = Order("45-п", D(2026, 6, 28), D(2026, 7, 1))
    _moves, _groups = db_.promote(session, plan, order)
    p = faculty["people"]
    assert state_on(session, p["Бекова"], D(2026, 7, 2)).course == 2
    assert state_on(session, p["Әлиев"], D(2026, 7, 2)).course == 1
    db_.kept_back_order(session, plan, "repeat_year", Order("46-п", D(2026, 6, 28), D(2026, 7, 1)))
    doc = orders.order_document(session, "46-п")
    assert doc.kinds == ["repeat_year"] and [s.name for s in doc.items[0].students] == ["Әлиев Ас"]
    assert "(1)" in doc.items[0].reason


def test_orders_register_and_document_with_an_extract(session, faculty):
    p = faculty["people"]
    apply_movement(session, [p["Бекова"], p["Аманов"]], MovementKind.TRANSFER, Order("12-п", D(2026, 2, 1),
                   D(2026, 2, 2)), group_id=faculty["b"].id, reason="Личное заявление")
    register = orders.orders_register(session)
    assert [(o.number, o.students) for o in register] == [("12-п", 2), ("1-к", 5)]
    assert [o.number for o in orders.orders_register(session, "аманов")] == ["12-п", "1-к"]
    assert [o.number for o in orders.orders_register(session, "12")] == ["12-п"]
    doc = orders.order_document(session, "12-п")
    assert [(i.kind, i.from_group, i.to_group) for i in doc.items] == [("transfer", "МАТ-1-25", "ФИЗ-1-25")]
    assert [s.name for s in doc.items[0].students] == ["Аманов Ас", "Бекова Ас"]
    extract = doc.extract(p["Бекова"])
    assert [s.name for i in extract.items for s in i.students] == ["Бекова Ас"]
    with pytest.raises(DomainError):
        orders.order_document(session, "99")
    with pytest.raises(DomainError):
        doc.extract(p["Ғалымов"])


def test_the_faculty_chooses_its_scale_and_issued_sheets_keep_theirs(session, faculty):
    kz_sheet = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    old = db_.set_grading(session, "kg_module", [85, 70, 55], 3)
    assert old == ("", [87, 74, 61], 2)
    kg_sheet = results.issue_sheet(session, faculty["physics"], D(2026, 1, 5))
    enter(session, kg_sheet, "Әлиев", "55")
    enter(session, kz_sheet, "Әлиев", "55", rating=55)
    assert results.load_sheet(session, kg_sheet).rows[1].outcome.grade == "3"  # own threshold 55
    assert results.load_sheet(session, kz_sheet).rows[1].outcome.letter == "D+"  # still the credit system
    with pytest.raises(DomainError):
        db_.set_grading(session, "kg_module", [50, 70, 90], 2)
    assert settings.get(session, "results.max_debts") == 3


def test_form_of_control_changes_only_while_the_sheet_is_empty(session, faculty):
    sheet_id = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    assert results.set_control(session, sheet_id, "pass_fail") == "exam"
    enter(session, sheet_id, "Әлиев", "40", rating=60)  # 0.6*60+0.4*40 = 52: passed on a pass/fail
    row = results.load_sheet(session, sheet_id).rows[1]
    assert (row.outcome.grade, row.outcome.passed) == ("pass", True)
    with pytest.raises(DomainError):
        results.set_control(session, sheet_id, "exam")


def test_check_finds_a_result_that_contradicts_itself(session, faculty):
    from sqlalchemy import select

    from desktop.models.results import ExamResult
    from desktop.models.results.checks import _results_are_consistent

    sheet_id = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    enter(session, sheet_id, "Әлиев", "30", rating=50)  # FX: failed
    assert _results_are_consistent(session) == []
    row = session.scalars(select(ExamResult).where(ExamResult.grade == "2")).one()
    row.passed = True  # a direct edit that says passed with an "unsatisfactory"
    session.flush()
    assert len(_results_are_consistent(session)) == 1


def test_entered_counts_per_sheet(session, faculty):
    """The sheets list shows "entered / on the sheet": an absence counts as entered, a blank does not."""
    algebra = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    physics = results.issue_sheet(session, faculty["physics"], D(2026, 1, 5))
    enter(session, algebra, "Аманов", "40", rating=60)
    enter(session, algebra, "Бекова", "н", rating=70)
    on_algebra = len(results.load_sheet(session, algebra).rows)
    on_physics = len(results.load_sheet(session, physics).rows)
    assert results.entered_counts(session) == {algebra: (2, on_algebra), physics: (0, on_physics)}
    assert results.entered_counts(session, [physics]) == {physics: (0, on_physics)}
