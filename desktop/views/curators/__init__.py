"""Curator reports: the dean's office's matrix with a group's history, the curator's report form,
and the teacher's distance-teaching log (the page is built in ``page.py``)."""

from desktop.views.curators.page import CuratorsArea

__all__ = ["CuratorsArea"]
