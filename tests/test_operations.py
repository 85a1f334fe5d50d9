"""The operations layer without a screen: each operation applied, undone and redone, each step in
its own transaction as the window runs it, and the database compared with what it held before and
after (models/operations.py)."""

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from desktop.models import groups, operations, org, settings
from desktop.models.base import DomainError
from desktop.models.contingent import Group
from desktop.models.operations import Change, apply_undo_redo, bind


def staff_state(db):
    with db.session() as s:
        return sorted((m.id, m.last_name, m.first_name, m.position, tuple(sorted(r.value for r in m.roles)))
                      for m in s.scalars(select(org.Staff)))


def programme_state(db):
    with db.session() as s:
        return sorted((p.id, p.code, p.name) for p in s.scalars(select(org.Programme)))


def group_state(db):
    with db.session() as s:
        return sorted((g.id, g.name, g.programme_id, g.course, g.active) for g in s.scalars(select(Group)))


# Operations whose redo runs the work again (a copy, a new assignment, a new session) make rows
# with new ids: SQLite gives the freed ids back, PostgreSQL's sequences do not.
RERUN = {"copy_to_next_year_op", "change_curator_op", "copy_last_month_plan_op", "create_session_op", "issue_sheets_op",
         "draft_retakes_op", "promote_op"}


def check_round_trip(db, op, state):
    """Apply, undo, redo: undo gives back the state before, redo the state after."""
    before = state(db)
    with db.session() as s:
        done = op(s)
    after = state(db)
    assert after != before
    with db.session() as s:
        undone = done.undo(s)
    assert state(db) == before
    with db.session() as s:
        redone = undone.undo(s)
    if getattr(op, "fn", None) is not None and op.fn.__name__ in RERUN and db.engine.dialect.name != "sqlite":
        assert state(db) != before  # done again, under new ids
    else:
        assert state(db) == after
    with db.session() as s:  # and once more: the chain keeps going
        redone.undo(s)
    assert state(db) == before
    return done


@pytest.fixture
def member(db):
    with db.session() as s:
        return org.add_staff(s, "Сопуев", "Бакыт", "Асанович", position="Декан", roles=["dean"])


def test_add_staff_round_trip(db):
    done = check_round_trip(db, bind(org.add_staff_op, "Абдыкеримова", "Айгүл"), staff_state)
    assert done.changes == Change.STAFF and isinstance(done.result, int)


def test_delete_staff_round_trip_keeps_roles_and_id(db, member):
    before = staff_state(db)
    done, _undone, redone = apply_undo_redo(db, bind(org.delete_staff_op, member))
    assert staff_state(db) == [] and done.changes == Change.STAFF
    with db.session() as s:
        redone.undo(s)
    assert staff_state(db) == before == [(member, "Сопуев", "Бакыт", "Декан", ("dean",))]


def test_set_roles_round_trip(db, member):
    check_round_trip(db, bind(org.set_staff_roles_op, member, {"dean", "vice_dean"}), staff_state)


def test_set_field_round_trip_and_its_flag(db, member):
    done = check_round_trip(db, bind(operations.set_field, org.Staff, member, "position", "Профессор",
                                     org.STAFF_VALIDATORS, expected="Декан"), staff_state)
    assert done.result == "Декан" and done.changes == Change.STAFF


def test_set_field_is_refused_when_someone_changed_the_value_meanwhile(db, member):
    with db.session() as s:
        done = operations.set_field(s, org.Staff, member, "position", "Профессор", expected="Декан")
    with db.session() as s:  # another install edits the same field
        s.get(org.Staff, member).position = "Доцент"
    with pytest.raises(StaleDataError), db.session() as s:
        done.undo(s)
    assert staff_state(db)[0][3] == "Доцент"


def test_a_refused_operation_writes_nothing(db, member):
    before = staff_state(db)
    with pytest.raises(DomainError), db.session() as s:
        operations.set_field(s, org.Staff, member, "last_name", "  ", org.STAFF_VALIDATORS)
    assert staff_state(db) == before


def test_programme_add_and_delete_round_trip(db):
    done = check_round_trip(db, bind(org.add_programme_op, "510100", "Математика"), programme_state)
    assert done.changes == Change.PROGRAMMES
    with db.session() as s:
        pid = org.add_programme(s, "520100", "Физика")
    check_round_trip(db, bind(operations.delete_record, org.Programme, pid), programme_state)


def test_group_create_and_archive_round_trip(db):
    with db.session() as s:
        pid = org.add_programme(s, "510100", "Математика")
    done = check_round_trip(db, bind(groups.create_group_op, "МАТ-1-25", programme=pid, course=1), group_state)
    assert done.changes == Change.GROUPS
    with db.session() as s:
        gid = groups.create_group(s, "МАТ-2-24", programme=pid, course=2)
    check_round_trip(db, bind(groups.set_group_archived_op, gid, True), group_state)


def test_change_names_of_older_announcements():
    assert Change.named("students") == Change.STUDENTS
    assert Change.named("document_frame") == Change.DOCUMENT_FRAME
    assert Change.named("*") == Change.ALL
    assert Change.STUDENTS in Change.ALL and Change.WORKDAYS in Change.ALL


# Students and groups (demo faculty) --------------------------------------------------------------
def student_state(db):
    from desktop.models.contingent import Student
    from desktop.models.dlt import DltPermission
    from desktop.models.movements import Movement

    with db.session() as s:
        students = s.scalars(select(Student))
        return (sorted((st.id, st.last_name, st.first_name, st.status, st.group_id) for st in students),
                sorted((g.id, g.course, g.head_student_id) for g in s.scalars(select(Group))),
                s.scalar(select(func.count()).select_from(Movement)),
                sorted((p.student_id, p.credits) for p in s.scalars(select(DltPermission))))


@pytest.fixture
def demo_student(demo_db):
    from desktop.models.contingent import Student, StudentStatus

    with demo_db.session() as s:
        st = s.scalars(select(Student).where(Student.status == StudentStatus.STUDYING.value)
                       .order_by(Student.id)).first()
        return st.id, st.group_id


def test_movement_round_trip(demo_db, demo_student):
    from desktop.models import movements
    from desktop.models.movements import MovementKind, Order

    sid, _gid = demo_student
    order = Order("9-ао", dt.date(2026, 11, 20), dt.date(2026, 11, 23))
    done = check_round_trip(demo_db, bind(movements.apply_movement_op, [sid], MovementKind.ACADEMIC_LEAVE, order),
                            student_state)
    assert done.changes == Change.STUDENTS and len(done.result) == 1


def test_enrolment_round_trip_keeps_the_id(demo_db, demo_student):
    from desktop.models import students
    from desktop.models.movements import Order

    _sid, gid = demo_student
    values = {"last_name": "Асқар ұлы", "first_name": "Нұржан", "group_id": gid, "funding": "grant",
              "order": Order("1-к", dt.date(2026, 8, 20), dt.date(2026, 9, 1))}
    done, undone, redone = apply_undo_redo(demo_db, bind(students.add_student_op, **values))
    assert redone.result == done.result and undone.result is None
    check_round_trip(demo_db, bind(students.add_student_op, **{**values, "last_name": "Токтогулов"}), student_state)


def test_group_head_round_trip(demo_db, demo_student):
    from desktop.models import students
    from desktop.models.contingent import Student

    _sid, gid = demo_student
    with demo_db.session() as s:
        head = s.get(Group, gid).head_student_id
        other = s.scalars(select(Student.id).where(Student.group_id == gid, Student.id != head)).first()
    done = check_round_trip(demo_db, bind(students.set_group_head_op, gid, other), student_state)
    assert done.result == head
    assert done.changes == Change.STUDENTS | Change.GROUPS


def test_dlt_permission_round_trip(demo_db, demo_student):
    from desktop.models import dlt

    sid, _gid = demo_student
    values = {"category": "emba_dba", "application_date": dt.date(2026, 9, 1), "order_number": "5-дот",
              "order_date": dt.date(2026, 9, 5), "credits": 10}
    check_round_trip(demo_db, bind(dlt.grant_dlt_op, sid, **values), student_state)


def test_promotion_round_trip(demo_db, demo_student):
    from desktop.models import debts
    from desktop.models.movements import Order

    _sid, gid = demo_student
    order = Order("77-п", dt.date(2026, 11, 27), dt.date(2026, 11, 30))
    done = check_round_trip(demo_db, bind(debts.promote_op, [gid], order), student_state)
    assert done.result[1] == [gid]


# Service requests ----------------------------------------------------------------------------------
def request_state(db):
    from desktop.models import requests as req
    from desktop.models.request_templates import ProcedureTemplate

    with db.session() as s:
        snapshots = [req.request_snapshot(s, rid) for rid in s.scalars(select(req.ServiceRequest.id))]
        procedures = sorted((p.id, p.name, p.active, len(p.steps)) for p in s.scalars(select(ProcedureTemplate)))
        return snapshots, procedures, settings.get(s, req.DUE_SOON.key)


@pytest.fixture
def request_id(db):
    from desktop.models import requests as req
    from desktop.models.request_templates import ProcedureTemplate, ensure_builtin_procedures

    with db.session() as s:
        settings.put(s, "country", "KZ")
        ensure_builtin_procedures(s)
        pid = s.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "duplicate_diploma"))
        return req.create_request(s, pid, dt.date(2026, 11, 27), applicant="Сейітқали Дәурен")


def test_request_create_and_delete_round_trip(db, request_id):
    from desktop.models import requests as req

    with db.session() as s:
        pid = s.get(req.ServiceRequest, request_id).procedure_id
    done = check_round_trip(db, bind(req.create_request_op, procedure_id=pid, received=dt.date(2026, 11, 30),
                                     applicant="Graduate"), request_state)
    assert done.changes == Change.REQUESTS
    check_round_trip(db, bind(req.delete_request_op, request_id), request_state)


@pytest.mark.parametrize("what", ["step", "refuse"])
def test_request_edits_round_trip(db, request_id, what):
    from desktop.models import requests as req

    with db.session() as s:
        step_id = req.request_snapshot(s, request_id)["steps"][0]["id"]
    change = (bind(req.record_step, step_id, dt.date(2026, 11, 30), "Иванова") if what == "step"
              else bind(req.refuse_request, request_id, "Incomplete documents", dt.date(2026, 11, 30)))
    check_round_trip(db, bind(req.edit_request_op, request_id, change), request_state)


def test_procedure_round_trips(db, request_id):
    from desktop.models import request_templates as templates

    steps = [templates.StepSpec("Приём заявления"), templates.StepSpec("Выдача")]
    done = check_round_trip(db, bind(templates.add_template_op, "Справка", steps), request_state)
    with db.session() as s:
        tid = templates.add_template(s, "Справка", steps)
    check_round_trip(db, bind(templates.update_template_op, tid, "Справка с места учёбы", steps[:1], False),
                     request_state)
    check_round_trip(db, bind(templates.delete_template_op, tid), request_state)
    assert done.changes == Change.REQUESTS


def test_shared_setting_round_trip(db):
    from desktop.models import requests as req

    done = check_round_trip(db, bind(settings.put_op, req.DUE_SOON.key, 7), request_state)
    assert done.result == 3 and done.changes == Change.SETTINGS


# Meetings ------------------------------------------------------------------------------------------
def meeting_state(db):
    from desktop.models import meetings as mt

    with db.session() as s:
        series = sorted((x.id, x.name, x.place, x.time) for x in s.scalars(select(mt.MeetingSeries)))
        trees = [mt.meeting_tree(s, mid) for mid in sorted(s.scalars(select(mt.Meeting.id)))]
        return series, trees


@pytest.fixture
def meeting(db, member):
    from desktop.models import meetings as mt

    with db.session() as s:
        series = mt.add_series(s, "Деканат", chair_id=member, secretary_id=member, members=[member])
        m = mt.add_meeting(s, series.id, dt.date(2026, 11, 30))
        item = mt.add_agenda_item(s, m.id, "Итоги сессии")
        mt.add_agenda_item(s, m.id, "Разное")
        decision = mt.add_decision(s, m.id, "Утвердить", agenda_item_id=item.id)
        return {"series": series.id, "meeting": m.id, "item": item.id, "decision": decision.id, "staff": member}


def test_meeting_operations_round_trip(db, meeting):
    from desktop.models import meetings_operations as mops
    from desktop.models.meetings_agenda import AgendaProposal

    m, item, decision = meeting["meeting"], meeting["item"], meeting["decision"]
    ops = [
        bind(mops.add_series_op, name="Учёный совет", weekday=2),
        bind(mops.update_series_op, meeting["series"], place="Ауд. 101", time="14:00"),
        bind(mops.delete_series_op, meeting["series"]),
        bind(mops.create_next_meeting_op, meeting["series"]),
        bind(mops.delete_meeting_op, m),
        bind(mops.update_meeting_op, m, place="Зал заседаний"),
        bind(mops.set_attendance_op, m, meeting["staff"], False, "командировка"),
        bind(mops.set_attendance_op, m, meeting["staff"], None, None),
        bind(mops.add_agenda_item_op, m, "Новый вопрос", 1),
        bind(mops.delete_agenda_item_op, item),
        bind(mops.update_agenda_item_op, item, title="Итоги зимней сессии"),
        bind(mops.move_agenda_item_op, item, 2),
        bind(mops.add_proposals_op, m, [AgendaProposal("workplan", "Отчёт кураторов", "workplan:1")]),
        bind(mops.add_decision_op, m, "Поручить кураторам", due_date=dt.date(2026, 12, 15)),
        bind(mops.update_decision_op, decision, text="Утвердить итоги"),
        bind(mops.delete_decision_op, decision),
    ]
    for op in ops:
        done = check_round_trip(db, op, meeting_state)
        assert done.changes == Change.MEETINGS, op


# Work plan -----------------------------------------------------------------------------------------
def plan_state(db):
    from desktop.models import workplan as wp
    from desktop.models.text_versions import TextVersion

    with db.session() as s:
        plans = sorted(s.scalars(select(wp.WorkPlan)), key=lambda p: p.id)
        # Responsible persons are re-created when they change (their versions carried by text), so
        # they are compared by item and place, not by row id (a new id on PostgreSQL's sequence).
        person = {r.id: (r.item_id, r.position) for r in s.scalars(select(wp.WorkPlanResponsible))}
        versions = sorted((v.table_name, str(person.get(v.row_id)) if v.table_name == "workplan_responsible"
                           else str(v.row_id), v.field, v.lang, v.text or "")
                          for v in s.scalars(select(TextVersion)))
        trees = [wp.plan_tree(s, p, today=dt.date(2026, 11, 30)) for p in plans]
        for tree in trees:
            for section in tree["sections"]:
                for item in section["items"]:
                    item["responsible"] = [{k: v for k, v in r.items() if k != "id"} for r in item["responsible"]]
        return trees, versions


@pytest.fixture
def plan(db, member):
    from desktop.models import workplan as wp

    with db.session() as s:
        p = wp.create_standard_plan(s, "2026-2027")
        section = p.sections[0]
        first = wp.add_item(s, section.id, "Отчёт кураторов")
        second = wp.add_item(s, section.id, "Итоги сессии")
        return {"plan": p.id, "section": section.id, "other_section": p.sections[1].id,
                "first": first.id, "second": second.id}


def test_work_plan_operations_round_trip(db, plan):
    from desktop.models import workplan_operations as wops
    from desktop.models.text_versions import set_version_op

    ops = [
        bind(wops.create_standard_plan_op, "2027-2028"),
        bind(wops.copy_to_next_year_op, plan["plan"]),
        bind(wops.delete_plan_op, plan["plan"]),
        bind(wops.update_plan_op, plan["plan"], approver_name="Сопуев Б.А."),
        bind(wops.add_section_op, plan["plan"], "Воспитательная работа"),
        bind(wops.update_section_op, plan["section"], title="Учебная работа"),
        bind(wops.delete_section_op, plan["section"]),
        bind(wops.add_item_op, plan["section"], "Новое мероприятие", 0),
        bind(wops.delete_item_op, plan["first"]),
        bind(wops.update_item_op, plan["first"], {"completion_note": "Выполнено"}, {"completion_note": ""}),
        bind(wops.set_responsible_op, plan["first"], "Сопуев Б.А."),
        bind(wops.move_item_op, plan["first"], plan["other_section"], 0),
        bind(set_version_op, "workplan_item", plan["first"], "text", "ky", "Кураторлордун отчёту", Change.WORKPLAN),
    ]
    for op in ops:
        done = check_round_trip(db, op, plan_state)
        assert done.changes == Change.WORKPLAN, op


def test_work_plan_undo_never_overwrites_a_later_change(db, plan):
    from desktop.models import workplan as wp
    from desktop.models import workplan_operations as wops

    with db.session() as s:
        done = wops.update_item_op(s, plan["first"], {"completion_note": "Выполнено"}, {"completion_note": ""})
    with db.session() as s:
        s.get(wp.WorkPlanItem, plan["first"]).completion_note = "Перенесено на март"
    with pytest.raises(StaleDataError), db.session() as s:
        done.undo(s)


def test_the_import_round_trip(db, tmp_path):
    from desktop.reports.workplan_import import import_plan_op, read_plan_file
    from tests.factories import xlsx

    path = xlsx(tmp_path / "plan.xlsx", [["№", "Мероприятие", "Срок", "Ответственный"],
                                         ["1. Учебная работа"], [1, "Отчёт кураторов", "до 10 сентября", "Декан"]])
    parsed = read_plan_file(str(path))
    done = check_round_trip(db, bind(import_plan_op, parsed, "2026-2027"), plan_state)
    assert done.changes == Change.WORKPLAN


# Academic calendar and working days ------------------------------------------------------------------
def calendar_state(db):
    from desktop.models import academic_calendar as ac
    from desktop.models.workdays import WorkdayOverride

    with db.session() as s:
        calendars = [ac.load(s, cid) for cid in sorted(s.scalars(select(ac.AcademicCalendar.id)))]
        overrides = sorted((o.country, o.day, o.kind, o.note) for o in s.scalars(select(WorkdayOverride)))
        return calendars, overrides, settings.get(s, "state_institution")


@pytest.fixture
def calendar(db):
    from desktop.models import academic_calendar as ac
    from desktop.models.academic_calendar import Entry, Rule, RuleKind

    with db.session() as s:
        cal_id = ac.create_calendar(s, "2025-2026", "bachelor", "semester", "KZ")
        exams = ac.add_event(s, cal_id, "final_exams", "Exams", kind="final_exams")
        appeal = ac.add_event(s, cal_id, "appeals", "Appeal", kind="appeals")
        ac.set_entry(s, exams, "spring", Entry(dt.date(2026, 3, 16), dt.date(2026, 3, 20)))
        ac.set_entry(s, appeal, "spring", Entry(rule=Rule(RuleKind.AFTER, 1, exams)))
        return cal_id, exams, appeal


def test_calendar_operations_round_trip(db, calendar):
    from desktop.models import calendar_operations as cops
    from desktop.models.academic_calendar import Entry

    cal_id, exams, appeal = calendar
    ops = [
        bind(cops.create_calendar_op, "2026-2027", level="master", country="KG"),
        bind(cops.copy_to_next_year_op, cal_id),
        bind(cops.update_calendar_op, cal_id, country="KG", teaching_weeks=16),
        bind(cops.add_event_op, cal_id, "vacation", "Каникулы"),
        bind(cops.delete_event_op, exams),  # the appeal's rule points at it: it comes back too
        bind(cops.update_event_op, appeal, title="Апелляция"),
        bind(cops.set_entry_op, exams, "spring", Entry(dt.date(2026, 3, 23), dt.date(2026, 3, 27))),
        bind(cops.set_entry_op, exams, "spring", Entry()),
    ]
    for op in ops:
        done = check_round_trip(db, op, calendar_state)
        assert done.changes == Change.CALENDAR, op


def test_days_off_operations_round_trip(db):
    from desktop.models import calendar_operations as cops

    with db.session() as s:
        settings.put(s, "state_institution", True)
    ops = [
        bind(cops.set_override_op, "KZ", dt.date(2026, 3, 27), "day_off", "Постановление № 5"),
        bind(cops.set_state_institution_op, False),
        bind(cops.apply_public_sector_days_op, "KG"),
    ]
    for op in ops:
        done = check_round_trip(db, op, calendar_state)
        assert done.changes == Change.WORKDAYS, op
    with db.session() as s:  # changing a day that had an override gives the old one back
        cops.set_override_op(s, "KZ", dt.date(2026, 3, 27), "day_off", "Постановление № 5")
    check_round_trip(db, bind(cops.set_override_op, "KZ", dt.date(2026, 3, 27), "working_day", "Перенос"),
                     calendar_state)


# Curators --------------------------------------------------------------------------------------------
def curator_state(db):
    from desktop.models import teaching_log as tl
    from desktop.models.contingent import CuratorAssignment
    from desktop.models.curators import PARTS, CuratorReport
    from desktop.models.records import snapshot

    with db.session() as s:
        def rows(entity):
            return sorted(tuple(sorted((k, str(v)) for k, v in snapshot(r).items() if k != "version"))
                          for r in s.scalars(select(entity)))

        return ([rows(e) for e in (CuratorAssignment, CuratorReport, tl.TeachingLogEntry)]
                + [rows(e) for e in PARTS.values()])


@pytest.fixture
def curated(demo_db):
    from desktop.models.contingent import CuratorAssignment
    from desktop.models.org import Staff, StaffRole, staff_by_role

    with demo_db.session() as s:
        a = s.scalars(select(CuratorAssignment).where(CuratorAssignment.end_date.is_(None))
                      .order_by(CuratorAssignment.id)).first()
        other = next(p.id for p in staff_by_role(s, StaffRole.CURATOR) if p.id != a.staff_id)
        teacher = s.scalars(select(Staff.id)).first()
        return {"assignment": a.id, "group": a.group_id, "curator": a.staff_id, "other": other, "teacher": teacher}


def test_curator_operations_round_trip(demo_db, curated):
    from desktop.models import curator_operations as cops
    from desktop.models import curator_reports as cr
    from desktop.models import teaching_log as tl

    aid = curated["assignment"]
    with demo_db.session() as s:
        rid = cr.open_report(s, aid, 2026, 2)  # the demo's reports run to January 2026
        line = cr.add_line(s, rid, "activities", {"day": dt.date(2026, 2, 20)})
        lesson = tl.add_entry(s, curated["teacher"], dt.date(2026, 11, 16))
    ops = [
        bind(cops.change_curator_op, curated["group"], curated["other"], dt.date(2026, 11, 30)),
        bind(cops.open_report_op, aid, 2026, 3),
        bind(cops.copy_last_month_plan_op, rid),
        bind(cops.add_line_op, rid, "contacts", {"day": dt.date(2026, 2, 25)}),
        bind(cops.delete_line_op, "activities", line),
        bind(cops.set_line_field_op, "activities", line, "topic", "Кураторский час"),
        bind(cops.set_remarks_op, rid, "Всё выполнено", ""),
        bind(cops.status_change_op, rid, bind(cr.submit, rid, dt.date(2026, 3, 2))),
        bind(cops.add_lesson_op, curated["teacher"], dt.date(2026, 11, 23)),
        bind(cops.delete_lesson_op, lesson),
        bind(cops.edit_lesson_op, lesson, "subject", "Математика"),
    ]
    for op in ops:
        done = check_round_trip(demo_db, op, curator_state)
        assert done.changes == Change.CURATORS, op


# Exam sessions ----------------------------------------------------------------------------------------
def exam_state(db):
    from desktop.models import exam_rooms as rooms
    from desktop.models import exam_schedule as schedule
    from desktop.models import exams as ex

    with db.session() as s:
        sessions = sorted((x.id, x.kind, x.start_date, x.end_date, x.country)
                          for x in s.scalars(select(ex.ExamSession)))
        exams = {sid: sorted(schedule.load_schedule(s, sid).exams, key=lambda e: e.id) for sid, *_rest in sessions}
        links = {sid: rooms.links(s, sid) for sid, *_rest in sessions}
        return sessions, exams, links, rooms.rooms(s), rooms.disciplines(s)


@pytest.fixture
def exams_office(db, session, office):
    from desktop.models import exam_rooms as rooms
    from desktop.models import exam_schedule as schedule
    from desktop.models import exams as ex
    from desktop.models.exam_schedule import ExamRow

    maths = ex.discipline_id(session, "Математика")
    link = rooms.add_link(session, office["session"], office["groups"][0], maths, office["staff"][0], "written")
    rooms.add_link(session, office["session"], office["groups"][1], maths, office["staff"][1], "written")  # to draft
    row = ExamRow(0, maths, (office["groups"][0],), dt.date(2026, 1, 12), 9 * 60, 120, office["staff"][0], None,
                  office["rooms"][0], "written")
    exam = schedule.add_exam(session, office["session"], row)
    session.commit()  # the operations below each run in their own transaction
    return {**office, "discipline": maths, "link": link, "exam": exam, "row": row}


def test_exam_operations_round_trip(db, exams_office):
    from dataclasses import replace

    from desktop.models import exam_operations as xops

    o = exams_office
    sid, exam, groups = o["session"], o["exam"], o["groups"]
    ops = [
        bind(xops.create_session_op, "2025-2026", "summer"),
        bind(xops.set_session_dates_op, sid, dt.date(2026, 1, 5), dt.date(2026, 1, 30)),
        bind(xops.add_exam_op, sid, "Физика", replace(o["row"], group_ids=(groups[1],))),
        bind(xops.edit_exam_op, exam, "Алгебра", replace(o["row"], id=exam, start=11 * 60)),
        bind(xops.delete_exams_op, [exam]),
        bind(xops.move_exam_op, exam, dt.date(2026, 1, 14), groups[0], groups[2]),
        bind(xops.copy_exam_op, exam, [groups[1], groups[2]], dt.date(2026, 1, 15)),
        bind(xops.add_room_op, "412", 25, "Башкы"),
        bind(xops.update_room_op, o["rooms"][1], "305а", 6, "ИТ"),
        bind(xops.delete_room_op, o["rooms"][1]),
        bind(xops.add_discipline_op, "История"),
        bind(xops.rename_discipline_op, o["discipline"], "Математический анализ"),
        bind(xops.add_link_op, sid, groups[2], o["discipline"], o["staff"][1], "oral"),
        bind(xops.update_link_op, o["link"], o["staff"][1], "oral"),
        bind(xops.delete_link_op, o["link"]),
        bind(xops.generate_draft_op, sid, [groups[1]]),
    ]
    for op in ops:
        done = check_round_trip(db, op, exam_state)
        assert done.changes == Change.EXAMS, op


# Session results ---------------------------------------------------------------------------------------
def results_state(db):
    from desktop.models import results as rm
    from desktop.models.contingent import Group
    from desktop.models.exams import Exam, ExamSession
    from desktop.models.movements import Movement

    with db.session() as s:
        sheets = [rm.load_sheet(s, sid) for sid in sorted(s.scalars(select(rm.GradeSheet.id)))]
        return ([(x.head, [(r.name, r.rating, r.points, r.outcome) for r in x.rows], x.scale.key) for x in sheets],
                sorted((e.id, e.session_id, e.discipline_id, e.day) for e in s.scalars(select(Exam))),
                sorted((x.id, x.kind) for x in s.scalars(select(ExamSession))),
                sorted((g.id, g.course) for g in s.scalars(select(Group))),
                s.scalar(select(func.count()).select_from(Movement)),
                [settings.get(s, key) for key in ("grading.scale", "grading.kg_thresholds", "results.max_debts")])


@pytest.fixture
def graded(db, session, tmp_path):
    from desktop.models import results as rm
    from desktop.reports import grade_sheet as gs
    from tests.factories import results_faculty

    faculty = results_faculty(session)
    algebra = rm.issue_sheet(session, faculty["algebra"], dt.date(2026, 1, 5))
    sheet = rm.load_sheet(session, algebra)
    path = tmp_path / "sheet.xlsx"
    gs.sheets_xlsx(path, [sheet], "ru")
    import openpyxl

    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    for row in range(gs.HEADER_ROW + 2, ws.max_row + 1):
        if ws.cell(row, 2).value == "001":
            ws.cell(row, 5).value, ws.cell(row, 6).value = 60, 30
    book.save(path)
    session.commit()
    return {**faculty, "a": faculty["a"].id, "sheet": algebra, "first": sheet.rows[0].result_id,
            "filled": gs.read_filled(path)}


def test_results_operations_round_trip(db, graded):
    from desktop.models import debts as dm
    from desktop.models import results_operations as rops
    from desktop.models.movements import Order

    check_round_trip(db, bind(rops.set_control_op, graded["sheet"], "pass_fail"), results_state)  # while empty
    with db.session() as s:
        rops.enter_result_op(s, graded["first"], "н", rating=50)  # a debt to retake
    with db.session() as s:
        plan = dm.promotion_plan(s, [graded["a"]])
    ops = [
        bind(rops.enter_result_op, graded["first"], "40", rating=60),
        bind(rops.issue_sheets_op, graded["session"], dt.date(2026, 1, 6)),
        bind(rops.import_results_op, graded["filled"], dt.date(2026, 1, 15)),
        bind(rops.draft_retakes_op, "2025-2026", "summer", dt.date(2026, 6, 20)),
        bind(rops.promote_op, plan, Order("45-п", dt.date(2026, 6, 28), dt.date(2026, 7, 1))),
        bind(rops.set_grading_op, "kg_module", [85, 70, 60], 1),
    ]
    for op in ops:
        done = check_round_trip(db, op, results_state)
        assert Change.RESULTS in done.changes, op


# Texts, the document frame, the faculty --------------------------------------------------------------
def settings_state(db):
    from desktop.models import faculty_profile
    from desktop.models.document_frame import load_frame, to_json
    from desktop.models.text_versions import TextVersion

    with db.session() as s:
        versions = sorted((v.table_name, v.row_id, v.field, v.lang, v.text or "")
                          for v in s.scalars(select(TextVersion)))
        return versions, to_json(load_frame(s)), faculty_profile.load_profile(s), staff_state(db)


def test_texts_frame_and_faculty_round_trip(db, plan):
    from desktop.models import faculty_profile
    from desktop.models.document_frame import save_frame_op
    from desktop.models.text_documents import FilledRow, document_texts, import_texts_op

    with db.session() as s:
        text = next(t for t in document_texts(s, "workplan", plan["plan"]) if t.original == "Отчёт кураторов")
        profile = faculty_profile.load_profile(s)
    rows = [FilledRow(2, text.ref.key, text.original, {"ky": "Кураторлордун отчёту", "kk": "Кураторлар есебі"})]
    done = check_round_trip(db, bind(import_texts_op, "workplan", plan["plan"], rows), settings_state)
    assert done.changes == Change.TEXTS and len(done.result.changes) == 2
    done = check_round_trip(db, bind(save_frame_op, {"city": "Ош", "council_number": "205-1"}), settings_state)
    assert done.changes == Change.DOCUMENT_FRAME
    profile.faculty, profile.city = "Факультет математики", "Бишкек"
    done = check_round_trip(db, bind(faculty_profile.save_profile_op, profile), settings_state)
    assert Change.FACULTY in done.changes


def test_a_text_import_with_a_wrong_row_writes_nothing(db, plan):
    from desktop.models.text_documents import FilledRow, import_texts_op

    before = settings_state(db)
    with pytest.raises(DomainError, match="Row 3"), db.session() as s:
        import_texts_op(s, "workplan", plan["plan"], [FilledRow(3, "workplan_item:999999:text", "", {"ky": "x"})])
    assert settings_state(db) == before


def test_deleting_a_discipline_round_trip(db, exams_office):
    from desktop.models import exam_operations as xops

    with db.session() as s:
        history = xops.add_discipline_op(s, "История").result
    check_round_trip(db, bind(xops.delete_discipline_op, history), exam_state)
