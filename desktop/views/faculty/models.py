"""What the set-up assistant's lists show (table columns on the shared ``RecordTableModel``) and
the typed drafts it hands to ``write_setup``."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.i18n import N_
from desktop.models.org import ProgrammeLevel
from desktop.views.common.tablemodel import Column, Record


@dataclass(frozen=True, slots=True)
class ProgrammeDraft:
    """A programme typed into the assistant, written when it finishes."""

    code: str
    name: str
    level: str
    study_forms: str = "full_time"

    @classmethod
    def of(cls, row: Record) -> ProgrammeDraft:
        return cls(row["code"], row["name"], row["level"], row["study_forms"])


@dataclass(frozen=True, slots=True)
class GroupDraft:
    """A group typed into the assistant (or taken from a student list), written when it finishes."""

    name: str
    programme: str  # a programme code, "" for none
    course: int
    study_form: str
    language: str

    @classmethod
    def of(cls, row: Record) -> GroupDraft:
        return cls(row["name"], row["programme"], row["course"], row["study_form"], row["language"])


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

