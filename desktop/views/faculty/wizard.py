"""The set-up assistant shown when the database has no faculty yet, and the one transaction
that writes its answers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMessageBox, QWizard

from desktop import i18n
from desktop.i18n import N_, _
from desktop.models import faculty_profile as fp
from desktop.models.base import DomainError
from desktop.views.faculty.form import LANGUAGE_COUNTRY, _select
from desktop.views.faculty.models import GroupDraft, ProgrammeDraft
from desktop.views.faculty.pages import FormPage, GroupsPage, ProgrammesPage, WelcomePage


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
            write_setup(self.db, self.profile(), self.programmes.drafts(), self.groups.drafts())
        except DomainError as exc:
            QMessageBox.warning(self, _("Set up the faculty"), str(exc))
            return
        self.finished_with = "faculty"
        super().accept()


def write_setup(db, profile: fp.FacultyProfile, programmes: Sequence[ProgrammeDraft],
                groups: Sequence[GroupDraft]) -> None:
    """The assistant's answers in one transaction: all of it is written, or nothing."""
    from desktop.models.groups import create_group
    from desktop.models.org import add_programme

    with db.session() as s:
        fp.save_profile(s, profile)
        for p in programmes:
            add_programme(s, p.code, p.name, p.level, study_forms=p.study_forms)
        for g in groups:
            create_group(s, g.name, programme=g.programme or None, course=g.course,
                         study_form=g.study_form, language=g.language)
