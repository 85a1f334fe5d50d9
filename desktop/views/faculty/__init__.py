"""The Faculty editor (Settings → Faculty…) and the set-up assistant shown when the database has
no faculty yet. Both write through ``models.faculty_profile``; the editor's save is one undo step.

Modules by job: ``form`` (the fields and the editor dialog), ``models`` (the assistant's table
columns and typed drafts), ``pages`` (the assistant's pages), ``wizard`` (the assistant and
``write_setup``). Every public name is importable from this package.
"""

from desktop.views.faculty.form import LANGUAGE_COUNTRY, FacultyDialog, FacultyForm
from desktop.views.faculty.models import GroupDraft, ProgrammeDraft
from desktop.views.faculty.wizard import SetupWizard, write_setup

__all__ = ["LANGUAGE_COUNTRY", "FacultyDialog", "FacultyForm", "GroupDraft", "ProgrammeDraft",
           "SetupWizard", "write_setup"]
