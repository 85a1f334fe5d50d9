"""The "Today" page: what the office has due this week and overdue, from every area, first in the
sidebar and shown at start. Its data (``models.today.today_rows``) loads once the window is
painted, so it adds nothing to start-up; a row opens its item in its area.

The first load reads every area (and loads their modules and the holiday calendars: about half a
second on a big faculty), so it runs on a second thread while the window stays usable; later
loads (Refresh, a change made in another area) are quick and run in place."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from dataclasses import asdict
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
)

from desktop import clock, colours, dates
from desktop.i18n import N_, _
from desktop.views.common.area import AreaPage
from desktop.views.common.page import PageHeader
from desktop.views.common.tablemodel import SORT_ROLE, Column, Record, RecordTableModel, TextFilterProxy

if TYPE_CHECKING:
    from desktop.models.today import TodayRow

# How a row opens its item: the area's page method that selects it.
OPENERS = {"workplan": "select_item", "meetings": "open_meeting", "requests": "select_request",
           "curators": "select_month"}
SECTION_ORDER = {"workplan": 0, "meetings": 1, "requests": 2, "curators": 3, "exams": 4, "backup": 5}
STATE_ORDER = {"overdue": 0, "due": 1, "info": 2}
OVERDUE = QColor(colours.role("danger").text)
LOAD_DELAY_MS = 300


def _section(value) -> str:
    from desktop.models.today import Section

    return value.label() if isinstance(value, Section) else ""


def _state(value) -> str:
    from desktop.models.today import State

    return value.label() if isinstance(value, State) else ""


COLUMNS = [
    Column("section", N_("Area"), display=_section),
    Column("state", N_("State"), display=_state),
    Column("date", N_("Date"), display=dates.table),
    Column("title", N_("What")),
    Column("detail", N_("Details")),
]


class TodayProxy(TextFilterProxy):
    """Rows by area, then overdue before due, then by date; only those whose shown text contains
    the search (case-insensitive)."""

    def __init__(self, parent=None):
        super().__init__([], parent)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        return any(self._needle in str(model.index(source_row, c).data() or "").casefold()
                   for c in range(model.columnCount()))

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.sourceModel()
        assert isinstance(source, RecordTableModel)  # the page's model
        rows = source.rows
        return self._key(rows[left.row()]) < self._key(rows[right.row()])

    @staticmethod
    def _key(row: Record):
        return (SECTION_ORDER.get(row["section"], 9), STATE_ORDER.get(row["state"], 9),
                row["date"] or dt.date.max)


class _Delivery(QObject):
    """Carries the first load's rows (or its error) from its thread to the page, in the window's thread."""

    done = Signal(object)


class TodayArea(AreaPage):
    def __init__(self, ctx, parent=None, today: dt.date | None = None):
        super().__init__(ctx, parent)
        self.today = today  # None: the real date at each load
        self.loaded = False
        self.loading: threading.Thread | None = None  # the first load, while it runs
        self._stale = False  # something changed while the first load was reading
        self._delivery: _Delivery | None = None
        self.model = RecordTableModel(COLUMNS, self)
        self.model.decorate = self._decorate
        self.proxy = TodayProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.doubleClicked.connect(self.open_row)
        # Commands: one QAction each (the bar, the Today menu, the context menu, the keys).
        self.add_command("open", lambda: self.open_row(self.view.currentIndex()), kind="primary", role="open",
                         icon="edit", enabled_when=lambda: self.view.currentIndex().isValid())
        self.add_command("refresh", self.refresh)
        self.search = QLineEdit()  # filters the rows (Ctrl+F)
        self.search.textChanged.connect(self.proxy.set_text)
        self.subtitle = QLabel()  # the day shown
        self.header = PageHeader(self, context=[self.subtitle], search=self.search)
        self.set_search(self.search)
        self.title = self.header.title
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.view, 1)
        self.set_list(self.view)
        self.update_commands()
        ctx.changed.connect(self._on_changed)

    def _on_changed(self, _changes) -> None:
        if self.loading is not None:
            self._stale = True  # what the first load read may be older than this change
        elif self.loaded and self.isVisible():
            self.refresh()

    def retranslate_ui(self) -> None:
        self.header.set_title(_("Today"))
        self.set_search(self.search)
        self.set_command_texts({"open": _("Open in its area"), "refresh": _("Refresh")})
        self._subtitle()
        self.model.retranslate()

    def _subtitle(self) -> None:
        from desktop.i18n import current

        day = self.today or clock.today()
        self.subtitle.setText(current().date(day, "full") if self.loaded else _("Loading…"))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.loaded:
            # Well after the window's first paint: the areas' queries (and their modules) load
            # while the office already sees the window, not before.
            QTimer.singleShot(LOAD_DELAY_MS, self, self._load_once)  # dropped with the page

    def _load_once(self) -> None:
        # Not for a page closed meanwhile (a window shut within the delay, its database gone).
        if not self.loaded and self.loading is None and self.isVisible():
            self._load_in_background()

    def _load_in_background(self) -> None:
        """The first load on a second thread (its own session); the rows come back through a signal,
        so they are shown in the window's thread. A page gone meanwhile receives nothing."""
        db, day = self.ctx.db, self.today or clock.today()
        delivery = _Delivery()  # no parent: it outlives a page closed while the thread reads
        delivery.done.connect(self._first_rows)

        def read() -> None:
            from desktop.models.today import today_rows

            try:
                with db.session() as s:
                    result: object = today_rows(s, day, db.path)
            except Exception as exc:  # noqa: BLE001 - told in the window's thread (excepthook)
                result = exc
            try:
                delivery.done.emit(result)
            except RuntimeError:  # the application is gone
                pass

        self._delivery = delivery
        self.loading = threading.Thread(target=read, name="dekanat-today", daemon=True)
        self.loading.start()

    def _first_rows(self, result) -> None:
        self.loading = None
        self._delivery = None
        if isinstance(result, BaseException):
            sys.excepthook(type(result), result, result.__traceback__)
            return
        if self.loaded:  # Refresh was pressed meanwhile: what it read is newer
            self._stale = False
            return
        if self._stale:  # a change came in while it read: read again, now (quick from here on)
            self._stale = False
            self.refresh()
            return
        self._show(result)

    def refresh(self) -> None:
        from desktop.models.today import today_rows

        with self.ctx.db.session() as s:
            rows = today_rows(s, self.today or clock.today(), self.ctx.db.path)
        self._show(rows)

    def _show(self, rows: list[TodayRow]) -> None:
        self.loaded = True
        self.model.set_rows([asdict(row) for row in rows])
        self.proxy.sort(0)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(3, min(self.view.columnWidth(3), 520))
        self._subtitle()
        self.update_commands()

    def _decorate(self, row: Record, column: int, role):
        if role == Qt.ItemDataRole.ForegroundRole and row["state"] == "overdue" and column in (1, 2):
            return QBrush(OVERDUE)
        return None

    def open_row(self, index: QModelIndex) -> bool:
        """Show the row's area with its item selected; False when the row has nowhere to go."""
        if not index.isValid():
            return False
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        window = self.window()
        if not row["area"] or not hasattr(window, "show_area"):
            return False
        page = window.show_area(row["area"])
        opener = OPENERS.get(row["area"])
        if opener and row["target"] is not None and hasattr(page, opener):
            getattr(page, opener)(row["target"])
        elif row["area"] == "exams" and row["target"] is not None:
            self._open_exam_session(page, row["target"])
        return True

    def _open_exam_session(self, page, session_id: int) -> None:
        """The exams area on that session: its year and kind chosen (the page reloads on each choice)."""
        from desktop.models.exams import year_and_kind

        with self.ctx.db.session() as s:
            found = year_and_kind(s, session_id)
        if found is not None:
            page.year.setCurrentIndex(max(page.year.findText(found[0]), 0))
            page.kind.setCurrentIndex(max(page.kind.findData(found[1]), 0))
