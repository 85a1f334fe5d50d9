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
    AreaSpec("staff", N_("Staff and programmes"), "desktop.views.staff", "StaffArea", "SP_FileDialogDetailedView"),
    AreaSpec("workplan", N_("Work plan"), "desktop.views.workplan", "WorkPlanArea", "SP_FileDialogListView"),
    AreaSpec("meetings", N_("Meetings"), "desktop.views.meetings", "MeetingsArea", "SP_FileDialogInfoView"),
]
