"""What the requests page's mixins (``listing``, ``actions``, ``exports``) share: the page's
widgets, models and the methods one mixin calls in another, declared once for mypy."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QSplitter, QTableView

    from desktop.models import request_templates as templates
    from desktop.models import requests as req
    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.common.page import EmptyState, FilterBar
    from desktop.views.requests.card import RequestCard
    from desktop.views.requests.models import RegisterModel, RegisterProxy
else:
    _Page = object


class RequestsPart(_Page):  # for mypy an AreaPage: the page it is mixed into
    if TYPE_CHECKING:  # built by page.py
        today: dt.date
        _procedures: list[templates.TemplateRow]
        _filling: bool
        _counts: req.DashboardCounts
        model: RegisterModel
        proxy: RegisterProxy
        view: QTableView
        card: RequestCard
        search: QLineEdit
        procedure_filter: QComboBox
        status_filter: QComboBox
        when_filter: QComboBox
        filters: FilterBar
        dashboard: QLabel
        due_soon: QSpinBox
        empty: EmptyState
        splitter: QSplitter

        def retranslate_ui(self) -> None: ...
        # listing.py
        def current_request_id(self) -> int | None: ...
        def select_request(self, request_id: int | None) -> None: ...
        # actions.py
        def open_translations(self) -> None: ...
