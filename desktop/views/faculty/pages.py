"""The pages of the set-up assistant: welcome (language, or the demo instead), the faculty's
particulars in three steps, and the programmes and groups typed or taken from a student list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from desktop import i18n
from desktop.i18n import N_, _
from desktop.models.contingent import StudyForm
from desktop.models.org import ProgrammeLevel
from desktop.views.common.table_views import row_table
from desktop.views.common.tablemodel import Record, RecordTableModel
from desktop.views.faculty.form import FacultyForm, _combo, _select
from desktop.views.faculty.models import GROUP_COLUMNS, PROGRAMME_COLUMNS, GroupDraft, ProgrammeDraft

if TYPE_CHECKING:
    from desktop.views.faculty.wizard import SetupWizard


def _table(model: RecordTableModel) -> QTableView:
    view = row_table(model, read_only=True)
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

    def _append_row(self, row: Record) -> None:
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
        elif any(p.code == code for p in self.drafts()):
            problem = _("Programme code {code} is already used.").format(code=code)
        elif not name:
            problem = _("The programme name is required.")
        elif not any(box.isChecked() for box in self.forms.values()):
            problem = _("Study forms: choose at least one.")
        if problem:
            QMessageBox.warning(self, _("Programmes"), problem)
            return
        self.append(ProgrammeDraft(code, name, self.level.currentData(),
                                   ",".join(v for v, box in self.forms.items() if box.isChecked())))
        self.code.clear()
        self.name.clear()

    def drafts(self) -> list[ProgrammeDraft]:
        return [ProgrammeDraft.of(row) for row in self.model.rows]

    def append(self, draft: ProgrammeDraft) -> None:
        self._append_row({"id": draft.code, "code": draft.code, "name": draft.name, "level": draft.level,
                          "study_forms": draft.study_forms})


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
        programmes = self.programmes.drafts()
        for p in programmes:
            self.programme.addItem(f"{p.code} {p.name}", p.code)
        if programmes:
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
        elif any(g.name.casefold() == name.casefold() for g in self.drafts()):
            problem = _("A group named {name} already exists.").format(name=name)
        if problem:
            QMessageBox.warning(self, _("Groups"), problem)
            return False
        self.append(GroupDraft(name, programme or "", course, study_form, language))
        return True

    def drafts(self) -> list[GroupDraft]:
        return [GroupDraft.of(row) for row in self.model.rows]

    def append(self, draft: GroupDraft) -> None:
        self._append_row({"id": draft.name, "name": draft.name, "programme": draft.programme,
                          "course": draft.course, "study_form": draft.study_form, "language": draft.language})

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

        have = {g.name.casefold() for g in self.drafts()}
        added = 0
        for name in names:
            if name.casefold() not in have:
                self.append(GroupDraft(name, self.programme.currentData() or "", guess_course(name),
                                       self.study_form.currentData(), self.language.currentData()))
                have.add(name.casefold())
                added += 1
        return added
