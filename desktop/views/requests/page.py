"""The service requests area: dashboard counts, the register with filters, the card with its timeline.

This module builds the page (widgets, commands, ``retranslate_ui``); how the register loads and
is filtered is in ``listing.py``, what the commands do in ``actions.py`` (the exports and
previews in ``exports.py``), the dialogs in ``dialogs.py``, the card in ``card.py`` and the
table models in ``models.py``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from desktop import clock
from desktop.i18n import _, ngettext
from desktop.models.operations import Change
from desktop.models.request_templates import TemplateRow
from desktop.views import settings as user_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.page import ColumnPriorities, EmptyState, FilterBar, PageHeader
from desktop.views.requests.actions import RequestsActions
from desktop.views.requests.card import RequestCard
from desktop.views.requests.exports import RequestsExports
from desktop.views.requests.listing import RequestsListing
from desktop.views.requests.models import RegisterModel, RegisterProxy

SPLITTER = user_settings.REQUESTS_SPLITTER


class RequestsArea(RequestsListing, RequestsActions, RequestsExports, AreaPage):
    shows = Change.REQUESTS | Change.STUDENTS | Change.WORKDAYS | Change.COUNTRY | Change.SETTINGS | Change.TEXTS

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.today = clock.today()  # tests set it to a fixed day
        self._build_counts()
        self._build_register()
        self._build_filters()
        self._build_commands()
        self._build_card()
        self._build_layout()
        self._procedures: list[TemplateRow] = []
        self._filling = False
        self.refresh()

    # Building the page ----------------------------------------------------------
    def _build_counts(self) -> None:
        self.dashboard = QLabel()
        self.dashboard.setStyleSheet("font-size: 9pt;")  # body size, in points so Windows scaling applies
        # How far ahead "due soon" looks: a setting of the faculty's data (shared by every install).
        self.due_soon_label = QLabel()
        self.due_soon = QSpinBox()
        self.due_soon.setRange(0, 30)
        self.due_soon_label.setBuddy(self.due_soon)
        self.due_soon.valueChanged.connect(self.set_due_soon_days)
        self.due_soon.valueChanged.connect(self._due_soon_suffix)

    def _build_register(self) -> None:
        self.model = RegisterModel(self)
        self.proxy = RegisterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        for i, col in enumerate(self.model.columns):
            if col.width:
                self.view.setColumnWidth(i, col.width)

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.procedure_filter = QComboBox()
        self.status_filter = QComboBox()
        self.when_filter = QComboBox()
        for combo in (self.procedure_filter, self.status_filter, self.when_filter):
            combo.currentIndexChanged.connect(self._apply_filters)

    def _build_commands(self) -> None:
        """One QAction each (the bar, the Requests menu, the context menu, the keys)."""
        selected = lambda: self.current_request_id() is not None  # noqa: E731
        self.add_command("new", self.new_request, kind="primary", role="new", icon="new")
        self.add_command("open", self._open_card, role="open", enabled_when=selected, in_bar=False)
        self.add_command("step", self._mark_current_step, icon="check",
                         enabled_when=lambda: self.card.current_step() is not None)
        self.add_command("refuse", self.refuse, enabled_when=selected, in_bar=False)
        self.add_command("channel", lambda: self.change_channel(), enabled_when=selected, in_bar=False)
        self.add_command("documents", lambda: self.edit_documents(), enabled_when=selected, in_bar=False)
        self.add_command("delete", self.delete_request, role="delete", icon="delete", enabled_when=selected)
        self.register_preview_action = self.add_command("preview", self.preview_register, kind="print",
                                                        role="preview")
        self.add_command("card_preview", lambda: self.preview_card(), kind="print", enabled_when=selected)
        self.register_pdf_action = self.add_command("pdf", self.export_register_pdf, kind="pdf")
        self.add_command("card_pdf", lambda: self.export_card(), kind="pdf", enabled_when=selected)
        self.excel_action = self.add_command("excel", self.export_register, kind="excel", role="excel")
        self.templates_action = self.add_command("template", self.edit_template, kind="other")
        self.new_template_action = self.add_command("new_template", self.new_template, kind="other")
        self.translations_action = self.add_command("translations", lambda: self.open_translations(), kind="other")
        from desktop.views.translations import content_language_command

        content_language_command(self, lambda: self.refresh())  # typed texts: originals or interface language

    def _build_card(self) -> None:
        self.card = RequestCard()
        self.card.record_step.connect(self.mark_step_done)
        self.card.clear_step.connect(self.clear_step)
        self.card.toggle_condition.connect(self.toggle_condition)
        self.card.refuse.connect(self.refuse)
        self.card.withdraw.connect(self.withdraw)
        self.card.export_pdf.connect(self.export_card)
        self.card.preview.connect(self.preview_card)
        self.card.receipt.connect(lambda: self.preview_paper("receipt"))
        self.card.refusal_letter.connect(lambda: self.preview_paper("refusal"))
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        self.view.doubleClicked.connect(lambda _index: self._open_card())

    def _build_layout(self) -> None:
        self.header = PageHeader(self, search=self.search)
        self.title = self.header.title
        self.set_search(self.search)
        self.procedure_filter.setSizeAdjustPolicy(
            self.procedure_filter.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.procedure_filter.setMinimumContentsLength(12)
        self.filter_labels = [QLabel() for _i in range(3)]
        self.filters = FilterBar(zip(self.filter_labels, (self.procedure_filter, self.status_filter,
                                                          self.when_filter), strict=True),
                                 reset=self.reset_filters)
        self.proxy.rowsInserted.connect(self._update_shown)
        self.proxy.rowsRemoved.connect(self._update_shown)
        self.proxy.modelReset.connect(self._update_shown)
        self.proxy.layoutChanged.connect(self._update_shown)
        self.empty = EmptyState(self, ["new", "new_template"])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        user_settings.remember_split(self.splitter, SPLITTER, [800, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.filters)
        counts = QHBoxLayout()
        counts.addWidget(self.dashboard)
        counts.addStretch(1)
        counts.addWidget(self.due_soon_label)
        counts.addWidget(self.due_soon)
        layout.addLayout(counts)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.splitter, 1)
        self.set_list(self.view)
        self.set_details(self.splitter, self.card)
        # At 1366 px the status, current step and both due dates stay; channel, received date and
        # procedure give way first (the card shows them).
        self.columns_fit = ColumnPriorities(self.view, [1, 5, 7, 6, 8, 2, 3, 4],
                                            {i: c.width for i, c in enumerate(self.model.columns) if c.width})

    # Texts ------------------------------------------------------------------
    def _due_soon_suffix(self, days: int) -> None:
        """"3 рабочих дня", "5 рабочих дней": the unit agrees with the number in every language."""
        self.due_soon.setSuffix(" " + ngettext("working day", "working days", days))

    def retranslate_ui(self) -> None:
        self.header.set_title(_("Service requests"))
        self.set_search(self.search)
        self.search.setToolTip(_("Filter by applicant, procedure, step…"))
        self.set_command_texts({
            "new": _("New request…"), "open": _("Open the card"), "step": _("Mark step done…"),
            "refuse": _("Refuse the request"), "channel": _("Change channel…"), "documents": _("Documents received…"),
            "delete": _("Delete"), "preview": _("Print preview of the register…"),
            "card_preview": _("Print preview of the request card…"), "pdf": _("Register to PDF…"),
            "card_pdf": _("Request card to PDF…"), "excel": _("Register to Excel…"),
            "template": _("Edit procedure…"), "new_template": _("New procedure…"),
            "translations": _("Translate procedures…"),
            "content_lang": _("Show texts in the interface language")})
        for label, text in zip(self.filter_labels, (_("Procedure:"), _("Status:"), _("When:")), strict=True):
            label.setText(text)
        self.filters.retranslate()
        self.empty.set_text(_("Service requests: applications, references and certificates the office issues, "
                              "step by step with their due dates. Register the first one, or set up a procedure."))
        self.due_soon_label.setText(_("Due soon: within"))
        self._due_soon_suffix(self.due_soon.value())
        self.due_soon.setToolTip(_("Requests with a step due within this many working days are counted as due soon "
                                   "(for everyone working with this database)."))
        self._fill_filters()
        self.model.retranslate()
        header = self.view.horizontalHeader()
        for i in range(self.model.columnCount()):  # a longer title in ky/kk/ru widens its column
            header.resizeSection(i, max(header.sectionSize(i), header.sectionSizeHint(i)))
        self.card.retranslate_ui()
        self._update_dashboard()

    def status_text(self) -> str:
        c = getattr(self, "_counts", None)
        base = super().status_text()
        if c is None:
            return base
        counts = _("Open: {open}    Overdue: {overdue}    Due soon: {due_soon}").format(**c)
        return f"{base}    {counts}" if base else counts
