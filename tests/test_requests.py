"""Service requests: seed 002's diploma duplicate planned on the Kazakh calendar, by hand-computed dates."""

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models import settings
from desktop.models.base import DomainError
from desktop.models.request_templates import (
    ProcedureTemplate,
    StepSpec,
    add_template,
    delete_template,
    ensure_builtin_procedures,
    restore_template,
    template_rows,
    template_usage,
    update_template,
)
from desktop.models.requests import (
    RequestStatus,
    ServiceRequest,
    create_request,
    dashboard_counts,
    delete_request,
    record_step,
    refuse_request,
    request_card,
    request_rows,
    request_snapshot,
    requests_due,
    requests_overdue,
    restore_request,
    set_condition,
    update_request,
    withdraw_refusal,
)

D = dt.date
FRIDAY = D(2026, 3, 20)  # Friday before Nauryz: 21-25 March 2026 are days off in Kazakhstan

# Hand computation, KZ 2026 (days off: Sat/Sun, 21-25.03 Nauryz with moved days, 01.05, 07.05, 09.05, 11.05):
#  1 registration 1 wd from Fri 20.03 (received)      -> 21..25 off -> Thu 26.03
#  2 check 4 wd from 26.03: Fri 27, Mon 30, Tue 31, Wed 01.04   -> 01.04
#  3 review 2 wd from 01.04: Thu 02, Fri 03                       -> 03.04
#  4 blank request 1 wd from 03.04 (optional): Mon 06.04          -> 06.04
#  5 preparation 22 calendar days from 06.04: 06.04 + 22          -> Tue 28.04
#    (without step 4: 03.04 + 22 = Sat 25.04 -> next working day Mon 27.04)
#  6 notice 1 wd from 28.04: Wed 29.04      (without step 4: from 27.04 -> Tue 28.04)
#  7 issue 1 wd from 29.04: Thu 30.04       (without step 4: from 28.04 -> Wed 29.04)
WITH_BLANK_REQUEST = [D(2026, 3, 26), D(2026, 4, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 4, 28),
                      D(2026, 4, 29), D(2026, 4, 30)]
WITHOUT_BLANK_REQUEST = [D(2026, 3, 26), D(2026, 4, 1), D(2026, 4, 3), None, D(2026, 4, 27),
                         D(2026, 4, 28), D(2026, 4, 29)]


def _duplicate_id(session) -> int:
    ensure_builtin_procedures(session)
    return session.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "duplicate_diploma"))


@pytest.fixture
def kz(session):
    settings.put(session, "country", "KZ")
    return session


def _planned(session, request_id):
    return [s["planned"] for s in request_snapshot(session, request_id)["steps"]]


def test_builtin_procedures_follow_seed_002(session):
    rows = {r.name: r for r in template_rows(session)}
    dup = rows["Duplicate of a diploma"].steps
    assert [(s.kind, s.days) for s in dup] == [("working", 1), ("working", 4), ("working", 2), ("working", 1),
                                               ("calendar", 22), ("working", 1), ("working", 1)]
    assert [s.optional for s in dup] == [False, False, False, True, False, False, False]
    assert dup[3].condition == "No blank in stock"
    grants = rows["Educational grant and social support"].steps
    assert [(s.fixed_month, s.fixed_day) for s in grants[2:]] == [(8, 15), (8, 25)]
    ensure_builtin_procedures(session)  # idempotent
    assert len(template_rows(session)) == 2


def test_duplicate_received_on_friday_before_nauryz_with_blank_request(kz):
    rid = create_request(kz, _duplicate_id(kz), FRIDAY, applicant="Сейітқали Дәурен", channel="portal",
                         conditions={3})
    assert _planned(kz, rid) == WITH_BLANK_REQUEST
    request = kz.get(ServiceRequest, rid)
    assert request.country == "KZ" and request.due == D(2026, 4, 30)


def test_optional_step_skipped_and_ticked_later(kz):
    rid = create_request(kz, _duplicate_id(kz), FRIDAY, applicant="Graduate")
    assert _planned(kz, rid) == WITHOUT_BLANK_REQUEST
    blank = request_snapshot(kz, rid)["steps"][3]
    assert blank["taken"] is False
    with pytest.raises(DomainError, match="skipped"):
        record_step(kz, blank["id"], D(2026, 4, 6))
    set_condition(kz, blank["id"], True)
    assert _planned(kz, rid) == WITH_BLANK_REQUEST
    set_condition(kz, blank["id"], False)
    assert _planned(kz, rid) == WITHOUT_BLANK_REQUEST
    first = request_snapshot(kz, rid)["steps"][0]
    with pytest.raises(DomainError, match="not optional"):
        set_condition(kz, first["id"], False)


def test_late_step_replans_the_rest_and_overdue(kz):
    rid = create_request(kz, _duplicate_id(kz), FRIDAY, applicant="Graduate", conditions={3})
    steps = request_snapshot(kz, rid)["steps"]
    record_step(kz, steps[0]["id"], D(2026, 3, 26), "Беделова Н.С.")
    # The check is due 01.04; on 02.04 it is overdue, on 01.04 it is not yet.
    assert [d.request_id for d in requests_overdue(kz, D(2026, 4, 1))] == []
    overdue = requests_overdue(kz, D(2026, 4, 2))
    assert [(d.request_id, d.step, d.planned) for d in overdue] == [
        (rid, "Check of the applicant's data", D(2026, 4, 1))]
    card = request_card(kz, rid, D(2026, 4, 2))
    assert card.overdue and card.steps[1].overdue and not card.steps[2].overdue
    row = next(r for r in request_rows(kz, D(2026, 4, 2)) if r["id"] == rid)
    assert row["overdue"] and row["days_overdue"] == 1 and row["current_step"] == "Check of the applicant's data"
    # Done late on Tue 07.04: review 2 wd -> Wed 08, Thu 09 = 09.04; blank 1 wd -> Fri 10.04;
    # preparation 10.04 + 22 = Sat 02.05 (01-03.05 off) -> Mon 04.05; notice 1 wd -> Tue 05.05;
    # issue 1 wd -> Wed 06.05 (07.05 is a day off, so this is the last date before it).
    record_step(kz, steps[1]["id"], D(2026, 4, 7), "Кудуев А.Ж.", note="waited for the archive")
    assert _planned(kz, rid) == [D(2026, 3, 26), D(2026, 4, 1), D(2026, 4, 9), D(2026, 4, 10), D(2026, 5, 4),
                                 D(2026, 5, 5), D(2026, 5, 6)]
    card = request_card(kz, rid, D(2026, 4, 8))
    assert card.steps[1].late and not card.steps[0].late and not card.overdue
    assert card.steps[1].done_by == "Кудуев А.Ж." and card.steps[1].note == "waited for the archive"
    # An early step pulls the rest forward: review done on 08.04 -> blank 1 wd -> Thu 09.04.
    record_step(kz, steps[2]["id"], D(2026, 4, 8))
    assert _planned(kz, rid)[3] == D(2026, 4, 9)


def test_all_steps_done_closes_the_request_and_undo_reopens(kz):
    rid = create_request(kz, _duplicate_id(kz), FRIDAY, applicant="Graduate")
    for step, planned in zip(request_snapshot(kz, rid)["steps"], WITHOUT_BLANK_REQUEST, strict=True):
        if planned:
            record_step(kz, step["id"], planned)
    request = kz.get(ServiceRequest, rid)
    assert request.status == RequestStatus.DONE and request.closed == D(2026, 4, 29)
    record_step(kz, request_snapshot(kz, rid)["steps"][-1]["id"], None)
    assert kz.get(ServiceRequest, rid).status == RequestStatus.IN_PROGRESS


def test_fixed_deadlines_of_the_grants_procedure(kz):
    ensure_builtin_procedures(kz)
    grants = kz.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "grants"))
    # Received Mon 20.07.2026: processing 2 wd -> Wed 22.07; sending 1 wd -> Thu 23.07;
    # certificates by 15.08.2026 = Saturday -> Mon 17.08; stipend order by 25.08.2026 (Tuesday).
    rid = create_request(kz, grants, D(2026, 7, 20), applicant="Абитуриент")
    assert _planned(kz, rid) == [D(2026, 7, 22), D(2026, 7, 23), D(2026, 8, 17), D(2026, 8, 25)]
    # Received after 25 August: next year's deadlines (15.08.2027 Sunday -> Mon 16.08.2027; 25.08.2027 Wed).
    rid = create_request(kz, grants, D(2026, 9, 1), applicant="Абитуриент")
    assert _planned(kz, rid)[2:] == [D(2027, 8, 16), D(2027, 8, 25)]
    # Received between the two dates (20.08.2026): both in the next cycle, the order after the certificates.
    rid = create_request(kz, grants, D(2026, 8, 20), applicant="Абитуриент")
    assert _planned(kz, rid)[2:] == [D(2027, 8, 16), D(2027, 8, 25)]


def test_due_this_week_and_dashboard(kz):
    rid = create_request(kz, _duplicate_id(kz), FRIDAY, applicant="A")
    other = create_request(kz, _duplicate_id(kz), D(2026, 3, 27), applicant="B")  # registration due Mon 30.03
    # A: check due Wed 01.04, review Fri 03.04; B: check from Mon 30.03 + 4 wd = Fri 03.04.
    due = requests_due(kz, D(2026, 3, 30), D(2026, 4, 5))
    assert [(d.request_id, d.planned) for d in due] == [(other, D(2026, 3, 30)), (rid, D(2026, 4, 1)),
                                                         (rid, D(2026, 4, 3)), (other, D(2026, 4, 3))]
    # On Mon 30.03: A's registration (26.03) is overdue; B's registration is due today (soon).
    counts = dashboard_counts(kz, D(2026, 3, 30))
    assert counts == {"open": 2, "overdue": 1, "due_soon": 1}
    refuse_request(kz, rid, "Incomplete documents", D(2026, 3, 30))
    assert dashboard_counts(kz, D(2026, 3, 30)) == {"open": 1, "overdue": 0, "due_soon": 1}
    assert requests_overdue(kz, D(2026, 5, 1))[0].request_id == other
    with pytest.raises(DomainError, match="refused"):
        record_step(kz, request_snapshot(kz, rid)["steps"][0]["id"], D(2026, 3, 26))
    withdraw_refusal(kz, rid)
    assert kz.get(ServiceRequest, rid).status == RequestStatus.IN_PROGRESS


def test_validation_and_undo_snapshots(kz):
    dup = _duplicate_id(kz)
    with pytest.raises(DomainError, match="applicant"):
        create_request(kz, dup, FRIDAY, applicant="  ")
    rid = create_request(kz, dup, FRIDAY, applicant="A")
    step = request_snapshot(kz, rid)["steps"][0]
    with pytest.raises(DomainError, match="before the request was received"):
        record_step(kz, step["id"], D(2026, 3, 19))
    with pytest.raises(DomainError, match="reason"):
        refuse_request(kz, rid, " ", FRIDAY)
    before = request_snapshot(kz, rid)
    update_request(kz, rid, received=D(2026, 3, 26))  # Thu 26.03 -> registration Fri 27.03
    assert _planned(kz, rid)[0] == D(2026, 3, 27)
    restore_request(kz, before)
    assert request_snapshot(kz, rid) == before
    data = delete_request(kz, rid)
    assert kz.get(ServiceRequest, rid) is None
    restore_request(kz, data)
    assert request_snapshot(kz, rid) == before


def test_country_is_kept_by_the_request(kz):
    rid = create_request(kz, _duplicate_id(kz), FRIDAY, applicant="A")
    settings.put(kz, "country", "KG")
    update_request(kz, rid, note="re-planned after the setting changed")
    assert _planned(kz, rid) == WITHOUT_BLANK_REQUEST
    # A KG request of the same day: 20-21.03.2026 are days off in Kyrgyzstan (Orozo Ait, Nooruz).
    kg = create_request(kz, _duplicate_id(kz), FRIDAY, applicant="B")
    assert kz.get(ServiceRequest, kg).country == "KG" and _planned(kz, kg)[0] == D(2026, 3, 23)


def test_office_templates(session):
    steps = [StepSpec("Справка об обучении", "Деканат", "working", 3),
             StepSpec("Подпись декана", "Деканат", "working", 1, optional=True, condition="Декан в отъезде")]
    tid = add_template(session, "Certificate of study", steps)
    with pytest.raises(DomainError, match="Step 2: an optional step needs its condition"):
        update_template(session, tid, "Certificate of study", [steps[0], StepSpec("X", optional=True)])
    with pytest.raises(DomainError, match="Step 1: give a valid day"):
        update_template(session, tid, "T", [StepSpec("X", kind="fixed", fixed_month=2, fixed_day=30)])
    old = update_template(session, tid, "Справка", steps[:1])
    assert old[0] == "Certificate of study" and len(old[1]) == 2
    assert next(r for r in template_rows(session) if r.id == tid).steps == steps[:1]
    builtin = _duplicate_id(session)
    with pytest.raises(DomainError, match="built-in"):
        delete_template(session, builtin)
    rid = create_request(session, tid, FRIDAY, applicant="A")
    assert template_usage(session, tid) == 1
    data = delete_template(session, tid)
    assert request_snapshot(session, rid)["procedure_id"] is None  # the request keeps its own steps
    assert len(request_snapshot(session, rid)["steps"]) == 1
    assert request_snapshot(session, rid)["procedure_name"] == "Справка"
    assert all(r.id != tid for r in template_rows(session))
    assert restore_template(session, data) == tid  # undo: the same procedure, linked again
    assert request_snapshot(session, rid)["procedure_id"] == tid
    assert next(r for r in template_rows(session) if r.id == tid).steps == steps[:1]


def test_office_override_replans_open_requests(kz, db):
    from desktop.models.check import check_database
    from desktop.models.requests import replan_open_requests, stale_plans
    from desktop.models.workdays import OverrideKind, set_override

    rid = create_request(kz, _duplicate_id(kz), FRIDAY, applicant="A")
    # A decree makes Thursday 26.03.2026 a day off: registration moves to Fri 27.03, the check
    # to 27.03 + 4 wd = Thu 02.04 ...
    set_override(kz, "KZ", D(2026, 3, 26), OverrideKind.DAY_OFF, "decree")
    kz.flush()
    assert stale_plans(kz) == [rid]
    kz.commit()
    assert check_database(db) == [f"service request {rid}: planned dates differ from the working-day calendar; "
                                  "open the requests area to re-plan"]
    assert replan_open_requests(kz) == 1
    assert _planned(kz, rid)[:2] == [D(2026, 3, 27), D(2026, 4, 2)]
    assert stale_plans(kz) == []
