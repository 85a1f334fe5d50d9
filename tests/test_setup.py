"""A new office's first day: the faculty's particulars (model and Faculty editor with undo) and the
set-up assistant walked on an empty database up to an enrolled student and every area opened."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWizard

from desktop import i18n
from desktop.models import faculty_profile as fp
from desktop.models import load_all, settings
from desktop.models.base import DomainError
from desktop.models.org import Faculty, Staff, StaffRole, staff_by_role

load_all()


def _profile(**kw) -> fp.FacultyProfile:
    base = {"university": "Ош мамлекеттик университети", "faculty": "Математика жана информатика факультети",
            "city": "Ош", "country": "KG", "year": "2026-2027", "layout": "trimester",
            "people": {"dean": fp.Person("Сопуев Уланбек Абдиевич", "Декан"),
                       "methodist": fp.Person("Рашид кызы Бермет", "Методист")}}
    base.update(kw)
    return fp.FacultyProfile(**base)


def test_profile_is_saved_and_undone(session):
    undo = fp.save_profile(session, _profile())
    got = fp.load_profile(session)
    assert (got.faculty, got.university, got.city, got.country, got.year, got.layout) == (
        "Математика жана информатика факультети", "Ош мамлекеттик университети", "Ош", "KG", "2026-2027",
        "trimester")
    assert got.people["dean"] == fp.Person("Сопуев Уланбек Абдиевич", "Декан")
    methodist = staff_by_role(session, StaffRole.METHODIST)[0]
    assert (methodist.last_name, methodist.first_name, methodist.short_name) == ("Рашид кызы", "Бермет",
                                                                                  "Рашид кызы Б.")
    # a second save moves the dean's role to a new person and changes the country
    undo2 = fp.save_profile(session, _profile(country="KZ", people={"dean": fp.Person("Кудуев Аскар", "И.о. декана")}))
    assert [m.full_name for m in staff_by_role(session, StaffRole.DEAN)] == ["Кудуев Аскар"]
    assert settings.get(session, "country") == "KZ"
    assert fp.load_profile(session).people["methodist"].name == "Рашид кызы Бермет"  # blank: not stated
    fp.undo_save(session, undo2)
    assert [m.full_name for m in staff_by_role(session, StaffRole.DEAN)] == ["Сопуев Уланбек Абдиевич"]
    assert settings.get(session, "country") == "KG"
    assert session.query(Staff).count() == 2
    fp.undo_save(session, undo)
    assert session.query(Faculty).count() == 0 and session.query(Staff).count() == 0


@pytest.mark.parametrize("kw, message", [
    ({"faculty": "  "}, "Faculty name: the faculty's name is required"),
    ({"country": "UZ"}, "Country: choose one of KG, KZ, RU"),
    ({"year": "2026-2028"}, "The academic year must be written like 2025-2026"),
    ({"people": {"dean": fp.Person("", "Декан")}}, "Dean: the name is required"),
    ({"city": "О" * 101}, "City: at most 100 characters"),
])
def test_bad_profile_is_refused_and_writes_nothing(session, kw, message):
    with pytest.raises(DomainError, match=message):
        fp.save_profile(session, _profile(**kw))
    assert session.query(Faculty).count() == 0


@pytest.fixture
def window(qtbot, db):
    from desktop.views.main_window import MainWindow

    w = MainWindow(db)
    qtbot.addWidget(w)
    w.show()
    return w


def test_faculty_editor_saves_with_undo_and_keeps_typing_on_refusal(window, db, monkeypatch):
    from desktop.views.faculty import FacultyDialog

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    seen = {}

    def fill(dialog):
        dialog.form.university.setText("КГУ")
        dialog.accept()  # no faculty name: refused, the dialog stays with what was typed
        seen["kept"] = (dialog.form.university.text(), dialog.result())
        dialog.form.faculty.setText("Физика факультети")
        dialog.form.people["dean"][0].setText("Асанов Бакыт")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FacultyDialog, "exec", fill)
    assert window.act_faculty in window.menu_settings.actions() and window.act_faculty.text() == "Faculty…"
    assert window.open_faculty_editor()
    assert seen["kept"] == ("КГУ", 0)
    assert told == ["Faculty name: the faculty's name is required."]
    with db.session() as s:
        assert (fp.load_profile(s).faculty, fp.load_profile(s).people["dean"].name) == ("Физика факультети",
                                                                                         "Асанов Бакыт")
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    with db.session() as s:
        assert not fp.has_faculty(s) and s.query(Staff).count() == 0


def _xlsx(path, rows):
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_wizard_walks_an_empty_database_to_an_enrolled_student(window, db, qtbot, tmp_path, monkeypatch):
    from desktop.views.areas import AREAS
    from desktop.views.faculty import SetupWizard
    from desktop.views.students.dialogs import NewStudentDialog

    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"refused: {a[2]}"))
    walked = {}

    def walk(wizard: SetupWizard):
        wizard.show()
        wizard.welcome.language.setCurrentIndex(wizard.welcome.language.findData("ky"))
        assert wizard.button(QWizard.WizardButton.NextButton).text() == "Кийинки >"
        assert wizard.names.form.country.currentData() == "KG"
        wizard.next()
        wizard.names.form.university.setText("Ош мамлекеттик университети")
        wizard.names.form.faculty.setText("Математика жана информатика факультети")
        wizard.next()
        name, position = wizard.people.form.people["dean"]
        name.setText("Сопуев Уланбек Абдиевич")
        position.setText("Декан")
        wizard.next()
        wizard.year.form.year.setText("2026-2027")
        wizard.next()
        wizard.programmes.code.setText("510100")
        wizard.programmes.name.setText("Математика")
        wizard.programmes.forms["distance"].setChecked(True)
        wizard.programmes.add()
        wizard.next()
        assert wizard.groups.programme.currentData() == "510100"
        wizard.groups.name.setText("МАТ-1-26")
        wizard.groups.add()
        sheet = _xlsx(tmp_path / "list.xlsx", [["ФИО", "Группа"], ["Асанов Бакыт", "МАТ-2-25"],
                                               ["Осмонова Айжан", "МАТ-2-25"], ["Кадыров Эрлан", "мат-1-26"]])
        walked["from_list"] = wizard.groups.take_from_list(str(sheet))
        walked["groups"] = [(g.name, g.programme) for g in wizard.groups.drafts()]
        wizard.accept()
        return wizard.result()

    monkeypatch.setattr(SetupWizard, "exec", walk)
    assert window.offer_setup() == "faculty"
    assert walked["from_list"] == 1  # МАТ-2-25; "мат-1-26" was typed already
    assert walked["groups"] == [("МАТ-1-26", "510100"), ("МАТ-2-25", "510100")]
    assert i18n.current_language() == "ky"
    with db.session() as s:
        profile = fp.load_profile(s)
        assert (profile.faculty, profile.country, profile.year) == (
            "Математика жана информатика факультети", "KG", "2026-2027")
        assert profile.people["dean"] == fp.Person("Сопуев Уланбек Абдиевич", "Декан")
        from desktop.models.org import programme_rows

        assert [(p["code"], p["study_forms"]) for p in programme_rows(s)] == [("510100", "full_time,distance")]
    assert window.offer_setup() == ""  # a faculty exists: no assistant again

    def enrol(dialog):
        dialog.group.setCurrentIndex(dialog.group.findText("МАТ-1-26"))
        dialog.last_name.setText("Токтогулова")
        dialog.first_name.setText("Нургүл")
        dialog.number.setText("15-к")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewStudentDialog, "exec", enrol)
    students = window.page("students")
    students.enrol_student()
    with db.session() as s:
        from desktop.models.contingent import Student

        assert [(st.last_name, st.group.name) for st in s.query(Student)] == [("Токтогулова", "МАТ-1-26")]
    for area in AREAS:
        window.show_area(area.key)
        qtbot.wait(1)
        assert window.current_page() is window.page(area.key)


def test_wizard_offers_the_demo_on_its_first_page(window, db, monkeypatch):
    from desktop.views.faculty import SetupWizard

    monkeypatch.setattr(window, "build_demo_faculty", lambda: True)

    def press_demo(wizard):
        wizard.welcome.demo_button.click()
        return wizard.result()

    monkeypatch.setattr(SetupWizard, "exec", press_demo)
    assert window.offer_setup() == "demo"


def test_start_up_on_an_empty_database_schedules_the_assistant(qtbot, db, monkeypatch):
    from desktop.views import app

    calls = []
    monkeypatch.setattr("PySide6.QtCore.QTimer.singleShot", lambda ms, fn: calls.append(fn))

    class Window:
        def offer_setup(self):
            pass

    w = Window()
    app._offer_setup_when_empty(w, db)
    assert calls == [w.offer_setup]
    with db.session() as s:
        fp.save_profile(s, _profile())
    calls.clear()
    app._offer_setup_when_empty(w, db)
    assert calls == []
