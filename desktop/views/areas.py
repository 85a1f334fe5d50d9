"""The areas of the main window's sidebar. Each issue adds its area when it lands."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.i18n import N_


@dataclass(frozen=True)
class AreaSpec:
    key: str
    title: str  # English source; translated where shown
    module: str
    cls: str
    icon: str  # QStyle.StandardPixmap name


AREAS: list[AreaSpec] = [
    AreaSpec("students", N_("Students and groups"), "desktop.views.students", "StudentsArea", "SP_DirHomeIcon"),
    AreaSpec("workplan", N_("Work plan"), "desktop.views.workplan", "WorkPlanArea", "SP_FileDialogListView"),
    AreaSpec("meetings", N_("Meetings"), "desktop.views.meetings", "MeetingsArea", "SP_FileDialogInfoView"),
    AreaSpec("calendar", N_("Academic calendar"), "desktop.views.calendar", "CalendarArea", "SP_FileDialogInfoView"),
    AreaSpec("exams", N_("Exam sessions"), "desktop.views.exams", "ExamsArea", "SP_FileDialogListView"),
    AreaSpec("curators", N_("Curator reports"), "desktop.views.curators", "CuratorsArea", "SP_FileDialogInfoView"),
    AreaSpec("requests", N_("Service requests"), "desktop.views.requests", "RequestsArea", "SP_FileDialogContentsView"),
    AreaSpec("staff", N_("Staff and programmes"), "desktop.views.staff", "StaffArea", "SP_FileDialogDetailedView"),
]
