"""Groups in the window: the Groups tab of "Staff and programmes" and the "New group" dialog
(also offered by Enrol… when the faculty has no group yet)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
)

from desktop.i18n import N_, NC_, _
from desktop.models import groups as group_model
from desktop.models.contingent import StudyForm
from desktop.views.common.forms import ok_cancel
from desktop.views.common.tablemodel import Column


def _form_label(value) -> str:
    try:
        return StudyForm(value).label()
    except ValueError:
        return str(value or "")


def _language_label(value) -> str:
    try:
        return group_model.TeachingLanguage(value).label()
    except ValueError:
        return str(value or "")


GROUP_COLUMNS = [
    Column("name", N_("Group"), editable=True),
    Column("programme_id", N_("Programme"), editable=True),  # display set by the tab (needs the codes)
    Column("course", N_("Course"), editable=True, align=Qt.AlignmentFlag.AlignCenter),
    Column("study_form", N_("Study form"), editable=True, display=_form_label),
    Column("language", N_("Language of instruction"), editable=True, display=_language_label),
    Column("students", N_("Students"), align=Qt.AlignmentFlag.AlignRight),
    Column("on_leave", N_("On leave"), align=Qt.AlignmentFlag.AlignRight),
    Column("active", NC_("state", "Status"), display=lambda v: _("active") if v else _("archived")),
]


def study_form_choices() -> list[tuple[str, str]]:
    return [(f.label(), f.value) for f in StudyForm]


def language_choices() -> list[tuple[str, str]]:
    return [(_language_label(lang), lang) for lang in group_model.TEACHING_LANGUAGES]


class CourseDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        spin = QSpinBox(parent)
        spin.setRange(1, group_model.MAX_COURSE)
        return spin

    def setEditorData(self, editor, index):
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 1))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class NewGroupDialog(QDialog):
    """Name, programme, course, study form and language of a new group. ``submit(values)``
    creates it and returns True; on a refusal it returns False and the dialog stays open with
    what the user typed."""

    def __init__(self, programmes: Sequence[Mapping[str, Any]], submit: Callable[[group_model.GroupValues], bool],
                 parent=None):
        """``programmes``: rows with id, code and name (``org.programme_rows``)."""
        super().__init__(parent)
        self.submit = submit
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.name.setPlaceholderText(_("for example МАТ-1-25"))
        self.programme = QComboBox()
        self.programme.addItem(_("(no programme)"), None)
        for p in programmes:
            self.programme.addItem(f"{p['code']} {p['name']}", p["id"])
        if programmes:
            self.programme.setCurrentIndex(1)
        self.course = QSpinBox()
        self.course.setRange(1, group_model.MAX_COURSE)
        self.study_form = QComboBox()
        for label, value in study_form_choices():
            self.study_form.addItem(label, value)
        self.language = QComboBox()
        for label, value in language_choices():
            self.language.addItem(label, value)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: palette(highlight);")
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(_("Group name:"), self.name)
        form.addRow(_("Programme:"), self.programme)
        form.addRow(_("Course:"), self.course)
        form.addRow(_("Study form:"), self.study_form)
        form.addRow(_("Language of instruction:"), self.language)
        form.addRow(self.error)
        form.addRow(ok_cancel(self))
        self.setWindowTitle(_("New group"))

    def values(self) -> group_model.GroupValues:
        return {"name": self.name.text(), "programme": self.programme.currentData(),
                "course": self.course.value(), "study_form": self.study_form.currentData(),
                "language": self.language.currentData()}

    def accept(self) -> None:
        if self.submit(self.values()):
            super().accept()

