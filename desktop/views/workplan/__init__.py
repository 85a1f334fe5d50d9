"""The work plan area: the editor of the faculty's annual plan."""

from desktop.views.workplan.page import WorkPlanArea

__all__ = ["WorkPlanArea"]
