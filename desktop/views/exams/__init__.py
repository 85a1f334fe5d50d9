"""The exam sessions area (issue 6): matrix and list editor, conflicts, generator, exports."""

from desktop.views.exams.page import ExamsArea

__all__ = ["ExamsArea"]
