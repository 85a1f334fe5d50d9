"""The audit trail (who, what, when, old and new value; append-only by the database) and the
version counters that refuse a stale write instead of silently overwriting."""

import datetime as dt
import getpass
import socket
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError, IntegrityError, InternalError
from sqlalchemy.orm.exc import StaleDataError

from desktop.models import audit, records
from desktop.models import workplan as wp
from desktop.models.audit import AuditEntry
from desktop.models.contingent import Group, Student
from desktop.models.movements import MovementKind, Order, apply_movement, undo_movements
from desktop.models.students import STUDENT_VALIDATORS, add_student


def entries(db, table, record_id):
    with db.session() as s:
        return [(e.action, e.field, e.old_value, e.new_value) for e in audit.history(s, table, record_id)]


def first_student(db):
    with db.session() as s:
        return s.scalar(select(Student.id).order_by(Student.id))


def test_a_field_change_records_who_what_when_old_and_new(demo_db):
    sid = first_student(demo_db)
    with demo_db.session() as s:
        old = records.set_field(s, Student, sid, "phone", "+996 555 <b>&1", STUDENT_VALIDATORS)
    with demo_db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.record_id == sid, AuditEntry.field == "phone")).one()
        assert (entry.action, entry.table_name, entry.old_value, entry.new_value) == (
            "update", "student", old, "+996 555 <b>&1")
        assert (entry.os_user, entry.host) == (getpass.getuser(), socket.gethostname())
        assert abs(entry.at - dt.datetime.now()) < dt.timedelta(minutes=5)


def test_enrolment_movements_and_undo_are_all_recorded(demo_db):
    with demo_db.session() as s:
        group_id = s.scalar(select(Group.id).order_by(Group.id))
        other_id = s.scalar(select(Group.id).where(Group.id != group_id).order_by(Group.id))
        order = Order("12-к", dt.date(2025, 9, 1), dt.date(2025, 9, 1))
        sid = add_student(s, last_name="Асқарова", first_name="Әлия", group_id=group_id, order=order,
                          record_book="000917")
        moved = apply_movement(s, [sid], MovementKind.TRANSFER, Order("13-к", dt.date(2025, 10, 1),
                                                                      dt.date(2025, 10, 1)), group_id=other_id)
    history = entries(demo_db, "student", sid)
    assert ("insert", "last_name", None, "Асқарова") in history
    assert ("insert", "record_book", None, "000917") in history
    assert ("update", "group_id", str(group_id), str(other_id)) in history
    assert ("insert", "kind", None, "transfer") in entries(demo_db, "movement", moved[0])
    with demo_db.session() as s:
        undo_movements(s, moved)
    assert ("delete", "kind", "transfer", None) in entries(demo_db, "movement", moved[0])
    assert ("update", "group_id", str(other_id), str(group_id)) in entries(demo_db, "student", sid)


def test_deleting_a_student_keeps_what_was_deleted(demo_db):
    with demo_db.session() as s:
        st = s.scalar(select(Student).order_by(Student.id.desc()))
        sid, name = st.id, st.last_name
        s.delete(st)
    assert ("delete", "last_name", name, None) in entries(demo_db, "student", sid)


def test_work_plan_item_changes_and_responsible_persons(demo_db):
    with demo_db.session() as s:
        item = s.scalar(select(wp.WorkPlanItem).order_by(wp.WorkPlanItem.id))
        item_id, old_text, old_status = item.id, item.text, item.status
    with demo_db.session() as s:
        wp.update_item(s, item_id, text="Жаңы иш-чара", status="cancelled" if old_status == "done" else "done")
        wp.set_responsible(s, item_id, "Сопуев У.А.")
    history = entries(demo_db, "workplan_item", item_id)
    assert ("update", "text", old_text, "Жаңы иш-чара") in history
    assert ("update", "status", old_status, "cancelled" if old_status == "done" else "done") in history
    assert any(a == "insert" and f == "responsible" and new == "Сопуев У.А." for a, f, _o, new in history)
    with demo_db.session() as s:
        wp.delete_item(s, item_id)
    assert ("delete", "text", "Жаңы иш-чара", None) in entries(demo_db, "workplan_item", item_id)


def test_demo_and_import_are_one_bulk_entry_each_found_from_the_record(demo_db):
    sid = first_student(demo_db)
    history = entries(demo_db, "student", sid)
    assert [h for h in history if h[0] == "demo"] and all(h[1] == "rows" for h in history if h[0] == "demo")
    with demo_db.session() as s:
        students = s.scalar(select(func.count()).select_from(Student))
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "demo")) == 2
        assert s.scalar(select(AuditEntry.new_value).where(AuditEntry.action == "demo",
                                                           AuditEntry.table_name == "student")).startswith(
            f"{students}: ")


def _refused(db, statement):
    with pytest.raises((IntegrityError, InternalError, DatabaseError), match="append-only"):
        with db.engine.begin() as conn:
            conn.execute(text(statement))


def test_the_database_refuses_to_change_or_delete_audit_rows(demo_db):
    sid = first_student(demo_db)
    with demo_db.session() as s:
        records.set_field(s, Student, sid, "email", "a@b.kg")
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    _refused(demo_db, "UPDATE audit_log SET new_value = 'x'")
    _refused(demo_db, "DELETE FROM audit_log")
    if demo_db.engine.dialect.name == "postgresql":
        _refused(demo_db, "TRUNCATE audit_log")
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_demo_force_keeps_the_audit_trail(demo_db):
    from desktop.models.demo import build_demo

    with demo_db.session() as s:
        before = s.scalars(select(AuditEntry.id)).all()
    build_demo(demo_db, students=40, force=True)
    with demo_db.session() as s:
        after = s.scalars(select(AuditEntry.id)).all()
        assert set(before) < set(after)
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "demo")) == 4


# Version counters ------------------------------------------------------------------------------

def test_two_sessions_editing_one_student_the_second_write_is_refused(demo_db):
    sid = first_student(demo_db)
    first, second = demo_db.Session(), demo_db.Session()
    try:
        a = first.get(Student, sid)
        b = second.get(Student, sid)
        assert a.version == b.version
        a.phone = "111"
        first.commit()
        b.phone = "222"
        with pytest.raises(StaleDataError):
            second.commit()
        second.rollback()
    finally:
        first.close()
        second.close()
    with demo_db.session() as s:
        st = s.get(Student, sid)
        assert st.phone == "111"  # never a silent overwrite
        assert st.version >= 2


@pytest.mark.parametrize("entity_name, field", [("Group", "language"), ("Staff", "phone"), ("Programme", "name"),
                                                ("WorkPlanItem", "completion_note"), ("Movement", "reason")])
def test_every_shared_record_has_a_version_counter(demo_db, entity_name, field):
    from desktop.models import movements, org

    entity = {"Group": Group, "Staff": org.Staff, "Programme": org.Programme, "WorkPlanItem": wp.WorkPlanItem,
              "Movement": movements.Movement}[entity_name]
    first, second = demo_db.Session(), demo_db.Session()
    try:
        rid = first.scalar(select(entity.id).order_by(entity.id))
        a, b = first.get(entity, rid), second.get(entity, rid)
        setattr(a, field, "one")
        first.commit()
        setattr(b, field, "two")
        with pytest.raises(StaleDataError):
            second.commit()
        second.rollback()
    finally:
        first.close()
        second.close()


def test_a_movement_moves_the_student_version_on(demo_db):
    sid = first_student(demo_db)
    stale = demo_db.Session()
    try:
        st = stale.get(Student, sid)
        with demo_db.session() as s:
            apply_movement(s, [sid], MovementKind.ACADEMIC_LEAVE, Order("5", dt.date(2026, 2, 1),
                                                                         dt.date(2026, 2, 1)))
        st.phone = "stale"
        with pytest.raises(StaleDataError):
            stale.commit()
        stale.rollback()
    finally:
        stale.close()


def test_bulk_inserts_start_at_version_one(demo_db):
    with demo_db.session() as s:
        assert set(s.scalars(select(Student.version).distinct())) == {1}


def test_set_field_refuses_when_the_value_shown_is_out_of_date(demo_db):
    sid = first_student(demo_db)
    with demo_db.session() as s:
        shown = s.get(Student, sid).phone
        records.set_field(s, Student, sid, "phone", "333")
    with pytest.raises(StaleDataError):
        with demo_db.session() as s:
            records.set_field(s, Student, sid, "phone", "444", expected=shown)
    with demo_db.session() as s:
        assert s.get(Student, sid).phone == "333"


def test_audit_values_never_reach_the_log_file(demo_db, tmp_path, qapp, monkeypatch):
    import logging

    from desktop.logs import setup_logging
    from desktop.views import app
    from desktop.views.common import stale

    log_path = Path(setup_logging())
    secret = "Секрет-Әлия-0917"
    sid = first_student(demo_db)
    with demo_db.session() as s:
        records.set_field(s, Student, sid, "first_name", secret)
    monkeypatch.setattr(stale, "ask_reload", lambda parent=None: False)
    try:
        with demo_db.session() as s:
            records.set_field(s, Student, sid, "first_name", "x", expected="not what is stored")
    except StaleDataError as exc:
        app.excepthook(type(exc), exc, exc.__traceback__)
    files = {log_path}
    for handler in logging.getLogger().handlers + logging.getLogger("dekanat").handlers:
        handler.flush()
        if getattr(handler, "baseFilename", None):  # set up once per process: maybe an earlier test's file
            files.add(Path(handler.baseFilename))
    logs = "".join(p.read_text(encoding="utf-8", errors="replace") for p in files if p.exists())
    assert "changed by another install" in logs
    assert secret not in logs
