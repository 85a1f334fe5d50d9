"""The faculty's particulars as a form (``FacultyForm``, shared by the editor and the set-up
assistant) and the Faculty editor (Settings → Faculty…), whose save is one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop import clock
from desktop.i18n import _
from desktop.models import faculty_profile as fp
from desktop.models.academic_calendar import Layout
from desktop.models.org import academic_year_of
from desktop.views.common.forms import ok_cancel

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
        self.country = _combo((f"{country.label()} ({country.value})", country.value) for country in fp.Country)
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
