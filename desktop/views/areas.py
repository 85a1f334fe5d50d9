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
    icon: str  # resources/icons/<icon>-<size>.png, drawn by tools/make_icons.py


AREAS: list[AreaSpec] = [
    AreaSpec("today", N_("Today"), "desktop.views.today", "TodayArea", "today"),
    AreaSpec("students", N_("Students and groups"), "desktop.views.students", "StudentsArea", "students"),
    AreaSpec("workplan", N_("Work plan"), "desktop.views.workplan", "WorkPlanArea", "workplan"),
    AreaSpec("meetings", N_("Meetings"), "desktop.views.meetings", "MeetingsArea", "meetings"),
    AreaSpec("calendar", N_("Academic calendar"), "desktop.views.calendar", "CalendarArea", "calendar"),
    AreaSpec("exams", N_("Exam sessions"), "desktop.views.exams", "ExamsArea", "exams"),
    AreaSpec("results", N_("Session results"), "desktop.views.results", "ResultsArea", "results"),
    AreaSpec("curators", N_("Curator reports"), "desktop.views.curators", "CuratorsArea", "curators"),
    AreaSpec("requests", N_("Service requests"), "desktop.views.requests", "RequestsArea", "requests"),
    AreaSpec("staff", N_("Staff and programmes"), "desktop.views.staff", "StaffArea", "staff"),
]
