"""The academic calendar area: events table, year view, overrides, exports."""

from desktop.views.calendar.page import CalendarArea

__all__ = ["CalendarArea"]
