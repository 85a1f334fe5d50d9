"""The session results area (issue 21): grade sheets, results, debts, summary, orders."""

from desktop.views.results.page import ResultsArea

__all__ = ["ResultsArea"]
