"""The meetings area: the calendar of meetings with the meeting editor, and the decisions register."""

from desktop.views.meetings.page import MeetingsArea

__all__ = ["MeetingsArea"]
