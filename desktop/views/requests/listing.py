"""How the requests page shows the register: loading, the filters and their saved state, the
dashboard's counts, the current request and its card.

A mixin of :class:`desktop.views.requests.page.RequestsArea` (its widgets are built there)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.i18n import _
from desktop.models import request_templates as templates
from desktop.models import requests as req
from desktop.models import settings
from desktop.models.base import DomainError
from desktop.models.operations import Change
from desktop.models.request_templates import shown
from desktop.views import settings as user_settings
from desktop.views.requests.models import RegisterProxy, label_rows
from desktop.views.requests.part import RequestsPart

FILTERS = user_settings.REQUESTS_FILTERS

class RequestsListing(RequestsPart):
    def _fill_filters(self) -> None:
        saved = self._filter_state() if self.status_filter.count() else self._saved_filters()
        self._filling = True
        self.procedure_filter.clear()
        self.procedure_filter.addItem(_("All procedures"), None)
        for p in self._procedures:
            self.procedure_filter.addItem(shown(_, p.name), p.id)
        self.status_filter.clear()
        self.status_filter.addItem(_("Any status"), "")
        for status, label in req.RequestStatus.labels().items():
            self.status_filter.addItem(_(label), status.value)
        self.when_filter.clear()
        self.when_filter.addItem(_("Any time"), RegisterProxy.ALL)
        self.when_filter.addItem(_("Overdue"), RegisterProxy.OVERDUE)
        self.when_filter.addItem(_("Due this week"), RegisterProxy.THIS_WEEK)
        for combo, value in zip((self.procedure_filter, self.status_filter, self.when_filter), saved, strict=True):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self._filling = False
        self._apply_filters()

    def _filter_state(self) -> tuple:
        return (self.procedure_filter.currentData(), self.status_filter.currentData() or "",
                self.when_filter.currentData() or "")

    def _saved_filters(self) -> tuple:
        parts = (user_settings.get(FILTERS) or "").split("|")
        if len(parts) != 3:
            return (None, "", "")
        return (int(parts[0]) if parts[0].isdigit() else None, parts[1], parts[2])

    def _apply_filters(self) -> None:
        if self._filling:
            return
        procedure, status, when = self._filter_state()
        self.proxy.set_filters(procedure, status, when)
        user_settings.put(FILTERS, f"{procedure or ''}|{status}|{when}")

    def refresh(self) -> None:
        current = self.current_request_id()
        with self.ctx.db.session() as s:
            self._procedures = templates.template_rows(s)
            from desktop.models.text_documents import (
                add_request_search_texts,
                localize_request_rows,
            )
            from desktop.views.translations import content_language

            rows = add_request_search_texts(s, req.request_rows(s, self.today))  # every version, to search
            if lang := content_language():  # the procedures' texts as the user chose to see them
                rows = localize_request_rows(s, rows, lang)[0]
            self._counts = req.dashboard_counts(s, self.today)
            days = settings.get(s, req.DUE_SOON.key)
        self.due_soon.blockSignals(True)
        self.due_soon.setValue(days)
        self.due_soon.blockSignals(False)
        self.model.set_register(label_rows(rows))
        self.retranslate_ui()
        self.select_request(current)
        empty = not rows
        self.empty.setVisible(empty)
        self.splitter.setVisible(not empty)
        self.update_commands()

    def _update_dashboard(self) -> None:
        c = getattr(self, "_counts", None)
        if c is not None:
            self.dashboard.setText(_("Open: {open}    Overdue: {overdue}    Due soon: {due_soon}").format(**c))


    def on_changed(self, changes: Change) -> None:
        if changes & Change.WORKDAYS:
            # The office's working days changed: planned dates move with them (not an undoable edit
            # of this area: undoing the calendar change re-plans again).
            with self.ctx.db.session() as s:
                req.replan_open_requests(s)
        super().on_changed(changes)

    def current_request_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole + 1) if index.isValid() else None

    def select_request(self, request_id: int | None) -> None:
        """Make ``request_id`` current (the first row when it is not shown) and show its card."""
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if index.data(Qt.ItemDataRole.UserRole + 1) == request_id:
                self.view.setCurrentIndex(index)
                break
        else:
            if self.proxy.rowCount():
                self.view.setCurrentIndex(self.proxy.index(0, 0))
        self._show_current()

    def _show_current(self) -> None:
        rid = self.current_request_id()
        if rid is None:
            self.card.show_card(None)
            self.update_commands()
            return
        try:
            with self.ctx.db.session() as s:
                card = req.request_card(s, rid, self.today)
                from desktop.views.translations import content_language

                if lang := content_language():
                    from desktop.models.text_documents import localize_request_card

                    card = localize_request_card(s, card, lang)[0]
                self.card.show_card(card)
        except DomainError:
            self.card.show_card(None)
        self.update_commands()

    def _open_card(self) -> None:
        """Enter or double-click: the request's card, shown if it was hidden, with the focus."""
        if self.card.isHidden():
            self.set_details_position("right")
        self.card.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset_filters(self) -> None:
        for combo in (self.procedure_filter, self.status_filter, self.when_filter):
            combo.setCurrentIndex(0)
        self.search.clear()

    def _update_shown(self, *_args) -> None:
        self.filters.set_counts(self.proxy.rowCount(), self.model.rowCount())
        self.filters.reset_button.setVisible(bool(self.search.text()) or any(
            c.currentIndex() > 0 for c in (self.procedure_filter, self.status_filter, self.when_filter)))

