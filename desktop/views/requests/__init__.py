"""The service requests area: the register, the card with its timeline, procedures, papers.

``page.py`` builds the page; ``listing.py``, ``actions.py`` and ``exports.py`` are its behaviour
(mixins on ``part.RequestsPart``, which declares once what they share)."""

from desktop.views.requests.page import RequestsArea

__all__ = ["RequestsArea"]
