"""The Faculty editor (Settings → Faculty…) and the set-up assistant shown when the database has
no faculty yet. Both write through ``models.faculty_profile``; the editor's save is one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop import clock, i18n
from desktop.i18n import N_, _
from desktop.models import faculty_profile as fp
from desktop.models.academic_calendar import Layout
from desktop.models.base import DomainError
from desktop.models.contingent import StudyForm
from desktop.models.org import ProgrammeLevel, academic_year_of
from desktop.views.common.forms import ok_cancel
from desktop.views.common.tablemodel import Column, RecordTableModel

COUNTRY_TITLES = {"KG": N_("Kyrgyzstan"), "KZ": N_("Kazakhstan"), "RU": N_("Russia")}
# The country an interface language suggests (the demo and the wizard's first guess).
LANGUAGE_COUNTRY = {"ky": "KG", "kk": "KZ", "ru": "RU", "en": "KG"}


def _combo(pairs) -> QComboBox:
    combo = QComboBox()
    for label, value in pairs:
        combo.addItem(label, value)
    return combo


def _select(combo: QComboBox, value) -> None:
    i = combo.findData(value)
    if i >= 0:
        combo.setCurrentIndex(i)


class FacultyForm(QWidget):
    """The faculty's particulars as fields; ``profile()`` reads them, ``set_profile`` fills them.
    ``parts`` chooses which groups of fields show (the wizard spreads them over pages)."""

    PARTS = ("names", "people", "year")

    def __init__(self, parts=PARTS, parent=None):
        super().__init__(parent)
        self.parts = tuple(parts)
        self.university, self.faculty, self.city = QLineEdit(), QLineEdit(), QLineEdit()
        self.university.setMaxLength(300)
        self.faculty.setMaxLength(300)
        self.city.setMaxLength(100)
        self.country = _combo((f"{_(title)} ({code})", code) for code, title in COUNTRY_TITLES.items())
        self.year = QLineEdit(academic_year_of(clock.today()))
        self.year.setInputMask("9999-9999")
        self.layout_combo = _combo((lay.label(), lay.value) for lay in Layout)
        self.people: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        if "names" in parts:
            form.addRow(_("Country (working days):"), self.country)
            form.addRow(_("University:"), self.university)
            form.addRow(_("Faculty name:"), self.faculty)
            form.addRow(_("City:"), self.city)
        if "people" in parts:
            grid = QGridLayout()
            grid.addWidget(QLabel(_("Last name, first name, patronymic")), 0, 1)
            grid.addWidget(QLabel(_("Position (as printed on documents)")), 0, 2)
            for row, role in enumerate(fp.PEOPLE, start=1):
                name, position = QLineEdit(), QLineEdit()
                name.setMaxLength(300)
                position.setMaxLength(200)
                grid.addWidget(QLabel(_(fp.PEOPLE_LABELS[role]) + ":"), row, 0)
                grid.addWidget(name, row, 1)
                grid.addWidget(position, row, 2)
                self.people[role.value] = (name, position)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(2, 1)
            form.addRow(grid)
        if "year" in parts:
            form.addRow(_("Academic year:"), self.year)
            form.addRow(_("The year is divided into:"), self.layout_combo)

    def set_profile(self, profile: fp.FacultyProfile) -> None:
        self.university.setText(profile.university)
        self.faculty.setText(profile.faculty)
        self.city.setText(profile.city)
        _select(self.country, profile.country)
        if profile.year:
            self.year.setText(profile.year)
        _select(self.layout_combo, profile.layout)
        for role, (name, position) in self.people.items():
            person = profile.people.get(role, fp.Person())
            name.setText(person.name)
            position.setText(person.position)

    def fill(self, profile: fp.FacultyProfile) -> fp.FacultyProfile:
        """``profile`` with the values of the fields this form shows."""
        if "names" in self.parts:
            profile.university, profile.faculty, profile.city = (
                self.university.text(), self.faculty.text(), self.city.text())
            profile.country = self.country.currentData()
        if "year" in self.parts:
            profile.year = self.year.text().strip("-")
            profile.layout = self.layout_combo.currentData()
        for role, (name, position) in self.people.items():
            profile.people[role] = fp.Person(name.text(), position.text())
        return profile


class FacultyDialog(QDialog):
    """Settings → Faculty…: ``submit(profile) -> bool`` saves; a refusal keeps the dialog open."""

    def __init__(self, profile: fp.FacultyProfile, submit: Callable[[fp.FacultyProfile], bool], parent=None):
        super().__init__(parent)
        self.base = profile
        self.submit = submit
        self.form = FacultyForm()
        self.form.set_profile(profile)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(ok_cancel(self))
        self.setWindowTitle(_("Faculty"))
        self.resize(820, self.sizeHint().height())

    def profile(self) -> fp.FacultyProfile:
        return self.form.fill(fp.FacultyProfile(**{**self.base.__dict__, "people": dict(self.base.people)}))

    def accept(self) -> None:
        if self.submit(self.profile()):
            super().accept()


# The set-up assistant -----------------------------------------------------------------------

PROGRAMME_COLUMNS = [Column("code", N_("Code")), Column("name", N_("Programme")),
                     Column("level", N_("Level"), display=lambda v: ProgrammeLevel(v).label()),
                     Column("study_forms", N_("Study forms"), display=lambda v: _study_forms(v))]
GROUP_COLUMNS = [Column("name", N_("Group")), Column("programme", N_("Programme")),
                 Column("course", N_("Course")), Column("study_form", N_("Study form"), display=lambda v: _form(v)),
                 Column("language", N_("Language of instruction"), display=lambda v: _lang(v))]


def _study_forms(value) -> str:
    from desktop.views.staff import study_forms_label

    return study_forms_label(value)


def _form(value) -> str:
    from desktop.views.groups import _form_label

    return _form_label(value)


def _lang(value) -> str:
    from desktop.views.groups import _language_label

    return _language_label(value)


def _table(model: RecordTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    model.modelReset.connect(view.resizeColumnsToContents)
    return view


class WelcomePage(QWizardPage):
    def __init__(self, wizard: SetupWizard):
        super().__init__()
        self.wizard_ = wizard
        self.language = _combo((i18n.LANGUAGE_NAMES[lang], lang) for lang in i18n.LANGUAGES)
        _select(self.language, i18n.current_language())
        self.language.currentIndexChanged.connect(lambda: wizard.set_language(self.language.currentData()))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.demo_button = QPushButton()
        self.demo_button.clicked.connect(wizard.choose_demo)
        self.language_label = QLabel()
        form = QFormLayout(self)
        form.addRow(self.intro)
        form.addRow(self.language_label, self.language)
        form.addRow(QLabel(""))
        form.addRow(self.demo_button)

    def retranslate(self) -> None:
        self.setTitle(_("Welcome to Dekanat"))
        self.intro.setText(_("This assistant sets up your faculty in a few steps: its names, the people who "
                             "sign documents, the academic year, programmes and groups. Everything stays "
                             "editable later (Settings → Faculty…, Staff and programmes)."))
        self.language_label.setText(_("Interface language:"))
        self.demo_button.setText(_("Open the demo faculty instead"))


class FormPage(QWizardPage):
    def __init__(self, parts, title: str, subtitle: str):
        super().__init__()
        self.parts, self.title_text, self.subtitle_text = parts, title, subtitle
        self.form = FacultyForm(parts)
        QVBoxLayout(self).addWidget(self.form)

    def retranslate(self) -> None:
        self.setTitle(_(self.title_text))
        self.setSubTitle(_(self.subtitle_text))

    def validatePage(self) -> bool:
        if "names" in self.parts and not self.form.faculty.text().strip():
            QMessageBox.warning(self, _("Faculty"), _("Faculty name: the faculty's name is required."))
            return False
        return True


class ListPage(QWizardPage):
    """A small form with "Add" above the list of what was added (programmes, groups)."""

    def __init__(self, columns, title: str, subtitle: str):
        super().__init__()
        self.title_text, self.subtitle_text = title, subtitle
        self.model = RecordTableModel(columns, self)
        self.view = _table(self.model)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.form = QFormLayout()
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(self.buttons)
        layout.addWidget(self.view, 1)

    def retranslate(self) -> None:
        self.setTitle(_(self.title_text))
        self.setSubTitle(_(self.subtitle_text))
        self.add_button.setText(_("Add"))
        self.remove_button.setText(_("Remove"))
        self.model.retranslate()

    def rows(self) -> list[dict]:
        return list(self.model.rows)

    def append(self, row: dict) -> None:
        self.model.set_rows([*self.model.rows, row])

    def remove(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.set_rows([r for i, r in enumerate(self.model.rows) if i != index.row()])

    def add(self) -> None:  # override
        pass


class ProgrammesPage(ListPage):
    def __init__(self):
        super().__init__(PROGRAMME_COLUMNS, N_("Programmes"),
                         N_("The programmes (directions) the faculty teaches: code, name and level."))
        self.code, self.name = QLineEdit(), QLineEdit()
        self.code.setMaxLength(20)
        self.name.setMaxLength(300)
        self.level = _combo((lv.label(), lv.value) for lv in ProgrammeLevel)
        self.forms = {f.value: QCheckBox() for f in StudyForm}
        self.forms[StudyForm.FULL_TIME.value].setChecked(True)
        forms_row = QHBoxLayout()
        for box in self.forms.values():
            forms_row.addWidget(box)
        forms_row.addStretch(1)
        self.code_label, self.name_label, self.level_label, self.forms_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.form.addRow(self.code_label, self.code)
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.level_label, self.level)
        self.form.addRow(self.forms_label, forms_row)

    def retranslate(self) -> None:
        super().retranslate()
        self.code_label.setText(_("Code (for example 510100):"))
        self.name_label.setText(_("Name:"))
        self.level_label.setText(_("Level:"))
        self.forms_label.setText(_("Study forms:"))
        for value, box in self.forms.items():
            box.setText(StudyForm(value).label())

    def add(self) -> None:
        from desktop.models.org import PROGRAMME_CODE

        code, name = self.code.text().strip(), " ".join(self.name.text().split())
        problem = None
        if not PROGRAMME_CODE.match(code):
            problem = _("Programme code “{code}”: use 3-20 letters or digits, like 510100.").format(code=code)
        elif any(r["code"] == code for r in self.model.rows):
            problem = _("Programme code {code} is already used.").format(code=code)
        elif not name:
            problem = _("The programme name is required.")
        elif not any(box.isChecked() for box in self.forms.values()):
            problem = _("Study forms: choose at least one.")
        if problem:
            QMessageBox.warning(self, _("Programmes"), problem)
            return
        self.append({"id": code, "code": code, "name": name, "level": self.level.currentData(),
                     "study_forms": ",".join(v for v, box in self.forms.items() if box.isChecked())})
        self.code.clear()
        self.name.clear()


class GroupsPage(ListPage):
    def __init__(self, programmes: ProgrammesPage):
        from desktop.models.groups import MAX_COURSE
        from desktop.views.groups import language_choices, study_form_choices

        super().__init__(GROUP_COLUMNS, N_("Groups"),
                         N_("Type the groups, or take them from a student list in Excel."))
        self.programmes = programmes
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.programme = QComboBox()
        self.course = QSpinBox()
        self.course.setRange(1, MAX_COURSE)
        self.study_form = _combo(study_form_choices())
        self.language = _combo(language_choices())
        self.labels = [QLabel() for _i in range(5)]
        for label, widget in zip(self.labels, (self.name, self.programme, self.course, self.study_form,
                                               self.language), strict=True):
            self.form.addRow(label, widget)
        self.from_list_button = QPushButton()
        self.from_list_button.clicked.connect(self.take_from_list)
        self.buttons.insertWidget(2, self.from_list_button)

    def initializePage(self) -> None:
        self.programme.clear()
        self.programme.addItem(_("(no programme)"), "")
        for p in self.programmes.rows():
            self.programme.addItem(f"{p['code']} {p['name']}", p["code"])
        if self.programmes.rows():
            self.programme.setCurrentIndex(1)
        _select(self.language, {"ky": "ky", "kk": "kk", "ru": "ru"}.get(i18n.current_language(), "ky"))

    def retranslate(self) -> None:
        super().retranslate()
        for label, text in zip(self.labels, (_("Group name:"), _("Programme:"), _("Course:"), _("Study form:"),
                                             _("Language of instruction:")), strict=True):
            label.setText(text)
        self.from_list_button.setText(_("Take groups from a student list (.xlsx)…"))

    def add(self) -> None:
        self.add_group(self.name.text(), self.programme.currentData(), self.course.value(),
                       self.study_form.currentData(), self.language.currentData())
        self.name.clear()

    def add_group(self, name: str, programme: str, course: int, study_form: str, language: str) -> bool:
        name = " ".join(name.split())
        problem = None
        if not name:
            problem = _("The group name is required.")
        elif any(r["name"].casefold() == name.casefold() for r in self.model.rows):
            problem = _("A group named {name} already exists.").format(name=name)
        if problem:
            QMessageBox.warning(self, _("Groups"), problem)
            return False
        self.append({"id": name, "name": name, "programme": programme or "", "course": course,
                     "study_form": study_form, "language": language})
        return True

    def take_from_list(self, path: str | None = None) -> int:
        """The group names of a student list become rows here (course guessed from the name)."""
        from desktop.reports.student_groups import groups_in_student_list
        from desktop.reports.student_import import ImportRefused

        if not path:
            path, _f = QFileDialog.getOpenFileName(self, _("Student list"), "", _("Excel workbooks (*.xlsx)"))
            if not path:
                return 0
        try:
            names = groups_in_student_list(path)
        except ImportRefused as exc:
            QMessageBox.warning(self, _("Student list"), "\n".join(exc.problems))
            return 0
        if not names:
            QMessageBox.information(self, _("Student list"), _("The list has no group column."))
            return 0
        from desktop.models.groups import guess_course

        have = {r["name"].casefold() for r in self.model.rows}
        added = 0
        for name in names:
            if name.casefold() not in have:
                self.append({"id": name, "name": name, "programme": self.programme.currentData() or "",
                             "course": guess_course(name), "study_form": self.study_form.currentData(),
                             "language": self.language.currentData()})
                have.add(name.casefold())
                added += 1
        return added


class SetupWizard(QWizard):
    """What a new office answers once: language, country, names, people, year, programmes, groups.
    ``finished_with`` is "faculty" when it wrote the faculty, "demo" when the demo was built."""

    def __init__(self, db, parent=None, *, build_demo: Callable[[], bool] | None = None):
        super().__init__(parent)
        self.db = db
        self.build_demo = build_demo
        self.finished_with = ""
        self.welcome = WelcomePage(self)
        self.names = FormPage(("names",), N_("The faculty"),
                              N_("The country decides the working days and holidays; the names head every document."))
        self.people = FormPage(("people",), N_("People who sign"),
                               N_("The dean, the deputy dean and the methodist, as their names and positions are "
                                  "printed on documents. Leave blank what you do not know yet."))
        self.year = FormPage(("year",), N_("Academic year"), N_("The current academic year and how it is divided."))
        self.programmes = ProgrammesPage()
        self.groups = GroupsPage(self.programmes)
        for page in (self.welcome, self.names, self.people, self.year, self.programmes, self.groups):
            self.addPage(page)
        self.names.form.country.setCurrentIndex(
            max(self.names.form.country.findData(LANGUAGE_COUNTRY.get(i18n.current_language(), "KG")), 0))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.retranslate()
        self.resize(820, 580)  # within a 1280×720 screen

    def retranslate(self) -> None:
        self.setWindowTitle(_("Set up the faculty"))
        for page in (self.welcome, self.names, self.people, self.year, self.programmes, self.groups):
            page.retranslate()
        self.setButtonText(QWizard.WizardButton.NextButton, _("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))

    def set_language(self, lang: str) -> None:
        from desktop.views import settings as ui_settings

        ui_settings.put(ui_settings.INTERFACE_LANGUAGE, lang)
        i18n.set_language(lang)
        self.retranslate()
        _select(self.names.form.country, LANGUAGE_COUNTRY.get(lang, "KG"))

    def choose_demo(self) -> None:
        if self.build_demo is not None and self.build_demo():
            self.finished_with = "demo"
            super().accept()

    def profile(self) -> fp.FacultyProfile:
        profile = fp.FacultyProfile()
        for page in (self.names, self.people, self.year):
            page.form.fill(profile)
        return profile

    def accept(self) -> None:
        try:
            write_setup(self.db, self.profile(), self.programmes.rows(), self.groups.rows())
        except DomainError as exc:
            QMessageBox.warning(self, _("Set up the faculty"), str(exc))
            return
        self.finished_with = "faculty"
        super().accept()


def write_setup(db, profile: fp.FacultyProfile, programmes: list[dict], groups: list[dict]) -> None:
    """The assistant's answers in one transaction: all of it is written, or nothing."""
    from desktop.models.groups import create_group
    from desktop.models.org import add_programme

    with db.session() as s:
        fp.save_profile(s, profile)
        for p in programmes:
            add_programme(s, p["code"], p["name"], p["level"], study_forms=p.get("study_forms", "full_time"))
        for g in groups:
            create_group(s, g["name"], programme=g["programme"] or None, course=g["course"],
                         study_form=g["study_form"], language=g["language"])
