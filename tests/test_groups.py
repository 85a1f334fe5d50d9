"""Groups and programmes managed by hand: model functions, ``dekanat groups|programmes``, the
Groups tab with undo, and enrolment on a faculty that starts empty."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.models import groups as gm
from desktop.models import load_all
from desktop.models.base import DomainError
from desktop.models.contingent import Group, Student
from desktop.models.movements import Order
from desktop.models.org import add_programme
from desktop.models.students import add_student

load_all()
DAY = dt.date(2026, 9, 1)


def test_create_rename_move_and_archive(session):
    pid = add_programme(session, "510100", "Математика")
    gid = gm.create_group(session, "  МАТ-1-25 ", programme="510100", course=1, language="kk")
    group = session.get(Group, gid)
    assert (group.name, group.programme_id, group.course, group.language, group.active) == (
        "МАТ-1-25", pid, 1, "kk", True)
    assert gm.rename_group(session, gid, "МАТ-2-25") == "МАТ-1-25"
    assert gm.set_group_course(session, gid, 2) == 1
    assert gm.set_group_programme(session, gid, None) == pid
    assert (group.name, group.course, group.programme_id) == ("МАТ-2-25", 2, None)
    add_student(session, last_name="Асанов", first_name="Бакыт", group_id=gid, order=Order("1-к", DAY, DAY))
    rows = gm.group_list(session)
    assert [(r["name"], r["students"], r["active"]) for r in rows] == [("МАТ-2-25", 1, True)]
    with pytest.raises(DomainError, match="still has 1 students studying"):
        gm.set_group_archived(session, gid)
    session.execute(Student.__table__.update().values(status="graduated"))
    assert gm.set_group_archived(session, gid) is False
    assert gm.group_list(session, archived=False) == []
    assert gm.group_list(session)[0]["active"] is False


@pytest.mark.parametrize("kwargs, message", [
    ({"name": "  "}, "The group name is required"),
    ({"name": "мат-1-25"}, "A group named МАТ-1-25 already exists"),
    ({"name": "X", "course": 7}, "The course must be a number from 1 to 6"),
    ({"name": "X", "programme": "999999"}, "no programme with the code 999999"),
    ({"name": "X", "study_form": "evening?"}, "Unknown study form"),
    ({"name": "X", "language": "de"}, "Unknown language of instruction"),
])
def test_bad_group_values_are_refused_naming_the_field(session, kwargs, message):
    gm.create_group(session, "МАТ-1-25")
    with pytest.raises(DomainError, match=message):
        gm.create_group(session, **kwargs)
    assert [r["name"] for r in gm.group_list(session)] == ["МАТ-1-25"]


def test_enrolment_without_a_group_is_a_clear_refusal_and_no_warning(session):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(DomainError, match="Choose the group"):
            add_student(session, last_name="Асанов", first_name="Бакыт", group_id=None,
                        order=Order("1-к", DAY, DAY))


def test_command_line_groups_and_programmes(db, capsys, monkeypatch):
    from desktop.cli import main

    monkeypatch.setattr("desktop.cli.Context.db", property(lambda self: db))
    # The test's database stays open across commands; each command still lets go of the file's lock.
    monkeypatch.setattr("desktop.cli.Context.close",
                        lambda self: self._lock.release() if getattr(self, "_lock", None) else None)

    def run(*args):
        code = main(["--lang", "en", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    assert run("programmes", "add", "710400", "Программалык инженерия", "--study-forms", "full_time,distance")[0] == 0
    code, _out, err = run("programmes", "add", "510100", "Математика", "--study-forms", "correspondence")
    assert code == 1 and "Unknown study form “correspondence”" in err
    assert run("groups", "add", "ПИ-1-25", "--programme", "710400", "--course", "1")[0] == 0
    code, _out, err = run("groups", "add", "пи-1-25")
    assert code == 1 and "A group named ПИ-1-25 already exists" in err
    assert run("groups", "rename", "ПИ-1-25", "ПИ-2-25", "--course", "2")[0] == 0
    code, out, _err = run("groups", "list")
    assert out.splitlines()[1].split("\t") == ["ПИ-2-25", "710400", "2", "Full-time", "ky", "0", "active"]
    code, out, _err = run("programmes", "list")
    assert out.splitlines()[1].split("\t") == ["710400", "Программалык инженерия", "Bachelor", "Full-time, Distance",
                                                "1", "0"]
    assert run("groups", "archive", "ПИ-2-25")[0] == 0
    assert run("groups", "list", "--active")[1].splitlines()[1:] == []
    assert run("groups", "archive", "ПИ-2-25", "--undo")[0] == 0
    code, _out, err = run("groups", "rename", "нет-такой", "X")
    assert code == 1 and "There is no group named нет-такой" in err


@pytest.fixture
def staff_page(qtbot, db):
    from desktop.views.common.area import AppContext
    from desktop.views.staff import StaffArea

    page = StaffArea(AppContext(db))
    qtbot.addWidget(page)
    page.retranslate_ui()
    return page


def test_groups_tab_creates_edits_and_undoes(staff_page, db, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    page = staff_page
    assert page.tabs.tabText(2) == "Groups"
    with db.session() as s:
        pid = add_programme(s, "510100", "Математика")
    page.refresh()
    programmes = page.programmes.model
    assert programmes.index(0, 3).data() == "Full-time"
    assert programmes.setData(programmes.index(0, 3), "full_time,distance", Qt.ItemDataRole.EditRole)
    assert programmes.index(0, 3).data() == "Full-time, Distance"
    page.undo_stack.undo()
    assert programmes.rows[0]["study_forms"] == "full_time"
    assert page.create_group({"name": "МАТ-1-25", "programme": pid, "course": 1, "study_form": "full_time",
                              "language": "ky"})
    model = page.groups.model
    assert [(r["name"], r["programme_code"]) for r in model.rows] == [("МАТ-1-25", "510100")]
    assert model.index(0, 1).data() == "510100"
    assert not page.create_group({"name": "мат-1-25", "programme": None, "course": 1, "study_form": "full_time",
                                  "language": "ky"})
    assert told == ["A group named МАТ-1-25 already exists."]
    # rename through the table, then undo both steps
    assert model.setData(model.index(0, 0), "МАТ-2-25", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(0, 2), 2, Qt.ItemDataRole.EditRole)
    assert (model.rows[0]["name"], model.rows[0]["course"]) == ("МАТ-2-25", 2)
    page.groups.view.setCurrentIndex(page.groups.proxy.mapFromSource(model.index(0, 0)))
    page.toggle_archived()
    assert model.rows[0]["active"] is False and model.index(0, 7).data() == "archived"
    page.undo_stack.undo()
    page.undo_stack.undo()
    page.undo_stack.undo()
    assert (model.rows[0]["name"], model.rows[0]["course"], model.rows[0]["active"]) == ("МАТ-1-25", 1, True)
    page.undo_stack.undo()
    assert model.rows == []


def test_new_group_dialog_keeps_what_was_typed_when_refused(qtbot, staff_page, monkeypatch):
    from desktop.views.groups import NewGroupDialog

    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    dialog = NewGroupDialog([], staff_page.create_group)
    qtbot.addWidget(dialog)
    dialog.name.setText("ПИ-1-25")
    dialog.course.setValue(9)  # the spin box stops at 6
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    again = NewGroupDialog([], staff_page.create_group)
    qtbot.addWidget(again)
    again.name.setText("пи-1-25")
    again.show()
    again.accept()
    assert again.isVisible() and again.name.text() == "пи-1-25"


def test_enrol_on_an_empty_faculty_offers_a_group_then_keeps_typed_values(qtbot, db, monkeypatch):
    from desktop.views.common.area import AppContext
    from desktop.views.groups import NewGroupDialog
    from desktop.views.students.dialogs import NewStudentDialog
    from desktop.views.students.page import StudentsArea

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)

    def create_group(dialog):
        dialog.name.setText("ДИЗ-1-25")
        dialog.accept()
        return dialog.result()

    seen: dict = {}

    def fill_student(dialog):
        seen["groups"] = [dialog.group.itemText(i) for i in range(dialog.group.count())]
        dialog.last_name.setText("Асанова")
        dialog.number.setText("12-к")
        dialog.accept()  # no first name: refused, the dialog keeps the typing
        seen["kept"] = (dialog.last_name.text(), dialog.number.text(), dialog.result())
        dialog.first_name.setText("Айгерим")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewGroupDialog, "exec", create_group)
    monkeypatch.setattr(NewStudentDialog, "exec", fill_student)
    page = StudentsArea(AppContext(db))
    qtbot.addWidget(page)
    page.refresh()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        page.enrol_student()
    assert seen["groups"] == ["ДИЗ-1-25"]
    assert seen["kept"] == ("Асанова", "12-к", 0)
    assert told == ["The last name and the first name are required."]
    with db.session() as s:
        assert [(st.last_name, st.group.name) for st in s.query(Student)] == [("Асанова", "ДИЗ-1-25")]
