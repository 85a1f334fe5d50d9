"""The students and groups area (the start page)."""

from desktop.views.students.page import StudentsArea

__all__ = ["StudentsArea"]
