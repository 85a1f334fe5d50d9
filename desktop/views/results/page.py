"""The session results area: grade sheets with a keyboard-first results grid, the debts register,
the session's summary and the orders register; exports, the filled Excel sheet back, retakes and
promotion that holds debtors back."""

from __future__ import annotations

import html
import os

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text as sql_text

from desktop import clock, colours, dates
from desktop.i18n import N_, _
from desktop.models import debts as dm
from desktop.models import grading
from desktop.models import orders as om
from desktop.models import results as rm
from desktop.models import results_operations as rops
from desktop.models.exams import (
    SessionKind,
    find_session,
    sessions,
)
from desktop.models.operations import Change, bind
from desktop.views import settings as ui_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.operations import run
from desktop.views.common.page import PageHeader, find_in_view, shortcut_text
from desktop.views.common.tablemodel import Column, RecordTableModel, TextFilterProxy

KIND = ui_settings.RESULTS_KIND
SPLITTER = ui_settings.RESULTS_SPLITTER
TAB = ui_settings.RESULTS_TAB

ENTRY = "entry"
# The exports, each a command: its kind (the bar's PDF or Excel button) and the tab it acts on
# (None: the whole session, shown on every tab).
EXPORTS = (("sheet_blank_pdf", 0), ("sheet_pdf", 0), ("sheet_xlsx", 0), ("slips_pdf", 0), ("all_sheets_pdf", None),
           ("debts_xlsx", 1), ("debts_pdf", 1), ("summary_xlsx", 2), ("summary_pdf", 2))


def _num(v) -> str:
    return "" if v is None else f"{v:g}"


SHEET_COLUMNS = [
    Column("number", N_("No."), width=50),
    Column("discipline", N_("Discipline"), width=220),
    Column("groups", N_("Groups"), width=150),
    Column("day", N_("Date"), dates.table, width=90),
    Column("examiner", N_("Examiner"), width=130),
    Column("state", N_("Entered"), width=70),
]


def grid_columns(scale: grading.Scale, retake: bool) -> list[Column]:
    cols = [Column("no", N_("No."), width=40), Column("name", N_("Student"), width=240),
            Column("record_book", N_("Record book No"), width=130), Column("group", N_("Group"), width=90)]
    if scale.rating_weight is not None:
        cols.append(Column("rating", N_("Admission rating"), _num, editable=True, width=110))
    title = N_("Exam points") if scale.rating_weight is not None else (N_("Points") if scale.uses_points else
                                                                       N_("Grade"))
    cols.append(Column(ENTRY, title, editable=True, width=100))
    if scale.rating_weight is not None:
        cols.append(Column("score", N_("Final points"), _num, width=90))
    if scale.bands[0].letter:
        cols += [Column("letter", N_("Letter grade"), width=60), Column("gpa", N_("GPA"), _num, width=50)]
    cols.append(Column("result", N_("Result"), lambda v: _(v) if v else "", width=130))
    if retake:
        cols.append(Column("earlier", N_("Earlier result"), width=140))
    return cols


def result_label(o: grading.Outcome) -> str:
    """The English source of the grade or mark (translated where shown)."""
    if o.mark:
        return grading.Mark.labels()[grading.Mark(o.mark)]
    return grading.GRADE_LABELS.get(o.grade, "")


def grid_rows(sheet: rm.Sheet) -> list[dict]:
    out = []
    for i, r in enumerate(sheet.rows, 1):
        o = r.outcome
        out.append({"id": r.result_id, "no": i, "name": r.name, "record_book": r.record_book, "group": r.group,
                    "rating": r.rating, ENTRY: rm.result_entry_text(r, sheet.scale), "score": o.score,
                    "letter": o.letter, "gpa": o.gpa, "result": result_label(o), "earlier": r.earlier,
                    "passed": o.passed,
                    "entered": o.entered})
    return out


class ResultsArea(AreaPage):
    shows = Change.RESULTS

    def on_changed(self, changes: Change) -> None:
        """Each operation's ``after`` reloads the part of the page it changed (the grid, the sheets)."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.sheet: rm.Sheet | None = None
        self.session_id: int | None = None
        self.year = QComboBox()
        self.kind = QComboBox()
        for k in SessionKind:
            self.kind.addItem("", k.value)

        self.sheet_model = RecordTableModel(SHEET_COLUMNS, self)
        self.sheet_view = self._table(self.sheet_model)
        self.sheet_view.selectionModel().currentRowChanged.connect(lambda *_a: self._sheet_chosen())

        self.grid_model = RecordTableModel([], self)
        self.grid_model.on_edit = self._edited
        self.grid_model.decorate = self._decorate
        self.grid = self._table(self.grid_model, select_rows=False)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.sheet_label = QLabel()
        self.sheet_label.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.control = QComboBox()
        for c in grading.Control:
            self.control.addItem("", c.value)
        self.control.activated.connect(lambda _i: self._control_chosen())
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.sheet_label, 1)
        head.addWidget(self.control)
        rl.addLayout(head)
        rl.addWidget(self.grid, 1)
        rl.addWidget(self.hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sheet_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([460, 900])
        state = ui_settings.get(SPLITTER)
        if state:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(lambda *_a: ui_settings.put(SPLITTER, self.splitter.saveState()))

        self.debt_model = RecordTableModel([
            Column("name", N_("Student"), width=220), Column("record_book", N_("Record book No"), width=100),
            Column("group", N_("Group"), width=90), Column("discipline", N_("Discipline"), width=220),
            Column("session", N_("Session"), width=190), Column("kind", N_("Kind of debt"), lambda k: _(dm.DEBT_KINDS[k]),
                                                                 width=130),
            Column("result", N_("Result"), width=190),
            Column("retake", N_("Retake date"), dates.table, width=90)], self)
        self.debt_proxy = TextFilterProxy(["name", "record_book", "group", "discipline"], self)
        self.debt_proxy.setSourceModel(self.debt_model)
        self.debt_view = self._table(self.debt_proxy)  # kept in the register's order: group, then name
        # One search field in the header (Ctrl+F) for the tab shown: it finds a grade sheet or a
        # summary row, filters the debts, searches the orders.
        self.search = QLineEdit()
        self.search.textChanged.connect(self._search)
        self.debt_filter = self.order_search = self.search
        self.debt_counts = QLabel()
        self.debt_counts.setWordWrap(True)
        debts_page = QWidget()
        dl = QVBoxLayout(debts_page)
        dl.addWidget(self.debt_view, 1)
        dl.addWidget(self.debt_counts)

        self.summary_model = RecordTableModel([
            Column("label", N_("Group"), width=140), Column("course", N_("Course"), width=60),
            Column("programme", N_("Programme"), width=90), Column("students", N_("Students"), width=80),
            Column("sat", N_("Sat"), width=60), Column("passed", N_("Passed"), width=70),
            Column("excellent", N_("Only excellent"), width=100), Column("good", N_("Excellent and good"), width=120),
            Column("with_debts", N_("With debts"), width=90),
            Column("pass_rate", N_("Pass rate, %"), lambda v: f"{v:.1f}", width=100),
            Column("quality_rate", N_("Quality rate, %"), lambda v: f"{v:.1f}", width=110)], self)
        self.summary_view = self._table(self.summary_model)

        self.order_model = RecordTableModel([
            Column("number", N_("Order No"), width=100),
            Column("order_date", N_("Order date"), dates.table, width=90),
            Column("kinds", N_("Kind"), lambda ks: ", ".join(om.MovementKind(k).label() for k in ks),
                   width=260),
            Column("students", N_("Students"), width=80)], self, id_key="key")
        self.order_view = self._table(self.order_model)
        self.order_view.doubleClicked.connect(lambda *_a: self.print_order())
        self._order_timer = QTimer(self)
        self._order_timer.setSingleShot(True)
        self._order_timer.setInterval(200)
        self._order_timer.timeout.connect(self.load_orders)
        orders_page = QWidget()
        ol = QVBoxLayout(orders_page)
        ol.addWidget(self.order_view, 1)

        self.tabs = QTabWidget()
        for w in (self.splitter, debts_page, self.summary_view, orders_page):
            self.tabs.addTab(w, "")
        self.tabs.setCurrentIndex(ui_settings.get(TAB) or 0)
        self.tabs.currentChanged.connect(self._tab_changed)

        # Commands: one QAction each (the bar, the Session results menu, the context menu, the keys).
        has_session = lambda: self.session_id is not None  # noqa: E731
        has_sheet = lambda: self.sheet is not None  # noqa: E731
        self.add_command("issue", self.issue_sheets, kind="primary", role="new", icon="new", enabled_when=has_session)
        self.add_command("import", self.import_results, icon="import")
        self.add_command("retakes", self.draft_retakes)
        self.add_command("promote", self.promote)
        self.add_command("order", self.print_order)
        self.add_command("grading", self.edit_grading)
        self.export_actions = {}
        for key, tab in EXPORTS:
            needs = has_sheet if tab == 0 else None if key.startswith("debts") else has_session
            self.export_actions[key] = self.add_command(key, lambda k=key: self.export(k),
                                                        kind="excel" if key.endswith("xlsx") else "pdf",
                                                        enabled_when=needs)
        self.header = PageHeader(self, context=[self.year, self.kind], search=self.search)
        self.set_search(self.search)
        self.title = self.header.title
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.tabs, 1)
        for view in (self.summary_view, self.order_view, self.debt_view, self.sheet_view):
            self.set_list(view)
        self._scope_commands()
        self._loading = False
        self.year.currentIndexChanged.connect(self._session_changed)
        self.kind.currentIndexChanged.connect(self._session_changed)
        self.retranslate_ui()
        self.refresh()

    def _table(self, model, select_rows: bool = True) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(False)
        if select_rows:
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        for i, c in enumerate(source.columns):
            if c.width:
                view.setColumnWidth(i, c.width)
        return view

    def _tab_view(self) -> QTableView:
        return (self.sheet_view, self.debt_view, self.summary_view, self.order_view)[self.tabs.currentIndex()]

    def _tab_changed(self, index: int) -> None:
        ui_settings.put(TAB, index)
        self.search.blockSignals(True)  # each tab's search starts empty
        self.search.clear()
        self.search.blockSignals(False)
        self.debt_proxy.set_text("")
        self._scope_commands()
        self.refresh()

    def _scope_commands(self) -> None:
        """The exports of the tab shown (and the session's own) while it is shown; the list the
        keys and the focus go to is the tab's."""
        tab = self.tabs.currentIndex()
        for key, act in self.export_actions.items():
            act.setVisible(dict(EXPORTS)[key] in (None, tab))
        self.list_view = self._tab_view()
        self._search_tip()
        self.update_commands()

    def _search_tip(self) -> None:
        tips = {1: _("Filter by student, record book, group or discipline"),
                3: _("Search by order number, kind or student")}
        self.search.setToolTip(tips.get(self.tabs.currentIndex(), ""))

    def _search(self, text: str) -> None:
        tab = self.tabs.currentIndex()
        if tab == 0 and text.strip():
            find_in_view(self.sheet_view, text, [1, 0, 2, 4])
        elif tab == 1:
            self.debt_proxy.set_text(text)
        elif tab == 2 and text.strip():
            find_in_view(self.summary_view, text, [0])
        elif tab == 3:
            self._order_timer.start()

    # Texts ------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.header.set_title(_("Session results"))
        self.set_search(self.search)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, SessionKind(self.kind.itemData(i)).label())
        for i, text in enumerate((_("Grade sheets"), _("Debts"), _("Summary"), _("Orders"))):
            self.tabs.setTabText(i, text)
        texts = {"issue": _("Issue sheets"), "import": _("Import results…"), "retakes": _("Draft retakes…"),
                 "promote": _("Promotion…"), "order": _("Print order…"), "grading": _("Grading scale…")}
        tips = {"issue": _("Number a grade sheet for every exam of the session that has none"),
                "import": _("Read the results of a filled grade sheet (.xlsx) back, all or nothing"),
                "retakes": _("Draft the retake exams of the open debts, one per discipline and examiner"),
                "promote": _("Promote groups to the next course, keeping back students with too many debts"),
                "order": _("Print the chosen order with an extract per student"),
                "grading": _("The faculty's grading scale and the number of debts allowed at promotion")}
        labels = {"sheet_blank_pdf": _("Grade sheet, blank (PDF)…"), "sheet_pdf": _("Grade sheet, filled (PDF)…"),
                  "sheet_xlsx": _("Grade sheet for the examiner (Excel)…"),
                  "slips_pdf": _("Individual retake slips of the sheet (PDF)…"),
                  "all_sheets_pdf": _("All grade sheets of the session (PDF)…"),
                  "debts_xlsx": _("Debts register (Excel)…"), "debts_pdf": _("Debts register (PDF)…"),
                  "summary_xlsx": _("Session summary (Excel)…"), "summary_pdf": _("Session summary (PDF)…")}
        self.set_command_texts({**texts, **labels})
        for key, tip in tips.items():  # what the command does, and its key where it has one
            key_text = shortcut_text(self.commands[key])
            self.commands[key].setToolTip(f"{tip} ({key_text})" if key_text else tip)
        for i in range(self.control.count()):
            self.control.setItemText(i, grading.Control(self.control.itemData(i)).label())
        self.control.setToolTip(_("Form of control"))
        self._search_tip()
        self.hint.setText(_("Type points (or a grade) and press Enter; н = absent, нд = not admitted. "
                            "The letter and the grade follow. Ctrl+Z undoes."))
        for model in (self.sheet_model, self.grid_model, self.debt_model, self.summary_model, self.order_model):
            model.retranslate()
        self._show_sheet_label()

    # Loading ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._loading = True
        try:
            with self.ctx.db.session() as s:
                years = list(dict.fromkeys(r[1] for r in sessions(s)))
            current = self.year.currentText()
            self.year.clear()
            self.year.addItems(years)
            if current in years:
                self.year.setCurrentText(current)
            kind = ui_settings.get(KIND)
            i = self.kind.findData(kind)
            if i >= 0:
                self.kind.setCurrentIndex(i)
        finally:
            self._loading = False
        self._session_changed()

    def _session_changed(self) -> None:
        if self._loading:
            return
        ui_settings.put(KIND, self.kind.currentData())
        year = self.year.currentText()
        with self.ctx.db.session() as s:
            self.session_id = find_session(s, year, self.kind.currentData()) if year else None
        self.update_commands()
        tab = self.tabs.currentIndex()
        if tab == 0:
            self.load_sheets()
        elif tab == 1:
            self.load_debts()
        elif tab == 2:
            self.load_summary()
        else:
            self.load_orders()

    def load_sheets(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else (self.sheet.head.id if self.sheet else None)
        rows = []
        if self.session_id is not None:
            with self.ctx.db.session() as s:
                heads = rm.sheet_heads(s, session_id=self.session_id)
                entered = {sid: f"{done}/{total}" for sid, done, total in s.execute(sql_text(
                    "SELECT sheet_id, sum(CASE WHEN grade <> '' OR mark <> '' THEN 1 ELSE 0 END), count(*) "
                    "FROM exam_result GROUP BY sheet_id"))}
            rows = [{"id": h.id, "number": h.number, "discipline": h.discipline, "groups": ", ".join(h.groups),
                     "day": h.day, "examiner": h.examiner, "state": entered.get(h.id, "0/0")} for h in heads]
        self.sheet_model.set_rows(rows)
        row = self.sheet_model.row_of(keep) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.sheet_view.selectRow(row)
        else:
            self.sheet = None
            self.grid_model.columns = []
            self.grid_model.set_rows([])
            self._show_sheet_label()

    def _sheet_chosen(self) -> None:
        index = self.sheet_view.currentIndex()
        record = self.sheet_model.record(index)
        if record is None:
            return
        self.open_sheet(record["id"])

    def open_sheet(self, sheet_id: int) -> None:
        with self.ctx.db.session() as s:
            self.sheet = rm.load_sheet(s, sheet_id)
        self.grid_model.beginResetModel()
        self.grid_model.columns = grid_columns(self.sheet.scale, self.sheet.head.retake)
        self.grid_model.rows = grid_rows(self.sheet)
        self.grid_model.endResetModel()
        for i, c in enumerate(self.grid_model.columns):
            self.grid.setColumnWidth(i, c.width or 100)
        self._show_sheet_label()

    def _control_chosen(self) -> None:
        if self.sheet is None:
            return
        control, sheet_id = self.control.currentData(), self.sheet.head.id
        if control == self.sheet.head.control:
            return
        run(self, _("Form of control"), bind(rops.set_control_op, sheet_id, control), title=_("Form of control"),
            after=lambda _outcome: self.open_sheet(sheet_id))
        self.open_sheet(sheet_id)

    def _show_sheet_label(self) -> None:
        self.update_commands()
        self.control.setEnabled(self.sheet is not None)
        if self.sheet is not None:
            self.control.setCurrentIndex(self.control.findData(self.sheet.head.control))
        if self.sheet is None:
            self.sheet_label.setText(_("No grade sheets yet: issue them for the session's exams."))
            return
        h = self.sheet.head
        title = (_("Retake grade sheet No {number}") if h.retake else _("Grade sheet No {number}")).format(
            number=h.number)
        control = grading.Control(h.control).label()
        details = f"{h.discipline}, {control}, {', '.join(h.groups)}, {h.day:%d.%m.%Y}, {h.examiner}"
        self.sheet_label.setText(f"<b>{html.escape(title)}</b> — {html.escape(details)}")

    def _decorate(self, row: dict, column: int, role):
        if role == Qt.ItemDataRole.ForegroundRole and row.get("entered") and not row.get("passed"):
            return QColor(colours.role("danger").text)
        return None

    # Entering results ------------------------------------------------------------------------------------
    def _edited(self, row: dict, key: str, value) -> None:
        if self.sheet is None:
            return
        rid = row["id"]
        text = "" if value is None else str(value)
        if key == "rating":
            text = text.strip().replace(",", ".")
            try:
                rating = float(text) if text else None
            except ValueError:
                QMessageBox.warning(self, _("Session results"), _("“{text}” is not a number.").format(text=text))
                return
            op = bind(rops.enter_result_op, rid, row.get(ENTRY) or "", rating=rating)
        else:
            op = bind(rops.enter_result_op, rid, text)
        current = self.grid.currentIndex()
        if run(self, _("Enter result of {name}").format(name=row["name"]), op, title=_("Session results"),
               after=lambda _outcome: self._reload_grid()) is None:
            return
        # Keyboard first: the next student's same cell, ready for typing.
        if current.isValid() and current.row() + 1 < self.grid_model.rowCount():
            QTimer.singleShot(0, lambda: self.grid.setCurrentIndex(
                self.grid_model.index(current.row() + 1, current.column())))

    def _reload_grid(self) -> None:
        if self.sheet is None:
            return
        with self.ctx.db.session() as s:
            self.sheet = rm.load_sheet(s, self.sheet.head.id)
        fresh = {r["id"]: r for r in grid_rows(self.sheet)}
        for row in self.grid_model.rows:
            if row["id"] in fresh:
                row.update(fresh[row["id"]])
        if self.grid_model.rows:
            self.grid_model.dataChanged.emit(self.grid_model.index(0, 0), self.grid_model.index(
                len(self.grid_model.rows) - 1, len(self.grid_model.columns) - 1))

    # Lists ------------------------------------------------------------------------------------------------
    def load_debts(self) -> None:
        year = self.year.currentText()
        with self.ctx.db.session() as s:
            found = dm.open_debts(s, year=year or None)
        self.debt_model.set_rows([{"id": i, "name": d.name, "record_book": d.record_book, "group": d.group,
                                   "discipline": d.discipline,
                                   "session": f"{d.year}, {SessionKind(d.session_kind).label()}",
                                   "kind": d.kind, "result": d.result, "retake": d.retake_date}
                                  for i, d in enumerate(found)])
        by_discipline, by_group = dm.debt_counts(found)
        self.debt_counts.setText(_("{n} open debts. By discipline: {disciplines}. By group: {groups}.").format(
            n=len(found), disciplines=", ".join(f"{k} {n}" for k, n, _s in by_discipline[:8]) or "—",
            groups=", ".join(f"{k} {n}" for k, n, _s in by_group[:8]) or "—"))

    def load_summary(self) -> None:
        rows = []
        if self.session_id is not None:
            with self.ctx.db.session() as s:
                summary = dm.session_summary(s, self.session_id)
            from desktop.reports.session_results import _label

            for r in [*summary.groups, *summary.courses, *summary.programmes, summary.total]:
                rows.append({"id": id(r), "label": _label(r, _), "course": r.course if r.level == "group" else "",
                             "programme": r.programme if r.level == "group" else "", "students": r.students,
                             "sat": r.sat, "passed": r.passed, "excellent": r.excellent, "good": r.good,
                             "with_debts": r.with_debts, "pass_rate": r.pass_rate, "quality_rate": r.quality_rate})
        self.summary_model.set_rows(rows)

    def load_orders(self) -> None:
        with self.ctx.db.session() as s:
            found = om.orders_register(s, self.order_search.text())
        self.order_model.set_rows([{"key": (o.number, o.order_date), "number": o.number, "order_date": o.order_date,
                                    "kinds": o.kinds, "students": o.students} for o in found])

    # Actions ----------------------------------------------------------------------------------------------
    def issue_sheets(self) -> None:
        if self.session_id is None:
            return
        outcome = run(self, _("Issue grade sheets"), bind(rops.issue_sheets_op, self.session_id, clock.today()),
                      title=_("Session results"), after=lambda _outcome: self.load_sheets())
        if outcome is not None:
            self.ctx.status_message.emit(_("{n} grade sheets issued").format(n=len(outcome.result)))

    def accepts_file(self, path: str) -> bool:
        return path.lower().endswith(".xlsx")

    def import_file(self, path: str) -> None:
        from desktop.reports.grade_sheet import ResultsRefused, read_filled

        try:
            filled = read_filled(path)
        except ResultsRefused as exc:
            QMessageBox.warning(self, _("Import results"), "\n".join(exc.problems))
            return
        outcome = run(self, _("Import results"), bind(rops.import_results_op, filled, clock.today()),
                      after=lambda _outcome: self.load_sheets(),
                      refused=lambda message: QMessageBox.warning(self, _("Import results"),
                                                                  _("Nothing was imported:") + "\n" + message))
        if outcome is not None:
            self.ctx.status_message.emit("; ".join(outcome.result))

    def import_results(self) -> None:
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or ""
        path, _f = QFileDialog.getOpenFileName(self, _("Import results"), folder, "Excel (*.xlsx)")
        if path:
            self.import_file(path)

    def draft_retakes(self) -> None:
        from desktop.views.results.dialogs import RetakeDialog

        dialog = RetakeDialog(self)
        if not dialog.exec():
            return
        kind, day = dialog.values()
        outcome = run(self, _("Draft retakes"), bind(rops.draft_retakes_op, self.year.currentText(), kind, day),
                      title=_("Draft retakes"), after=lambda _outcome: self.refresh())
        if outcome is not None:
            self.ctx.status_message.emit(_("{n} retake sheets drafted").format(n=len(outcome.result)))

    def promote(self) -> None:
        from desktop.views.results.dialogs import PromotionDialog

        dialog = PromotionDialog(self.ctx, self)
        if not dialog.exec():
            return
        plan, order, kept_kind, kept_order = dialog.values()
        outcome = run(self, _("Promotion to the next course"), bind(rops.promote_op, plan, order, kept_kind, kept_order),
                      title=_("Promotion…"), after=lambda _outcome: self.refresh())
        if outcome is not None:
            self.ctx.status_message.emit(_("{n} students promoted, {k} kept back").format(
                n=len(plan.promoted), k=len(plan.kept_back)))

    def edit_grading(self) -> None:
        from desktop.views.results.dialogs import GradingDialog

        dialog = GradingDialog(self.ctx, self)
        if not dialog.exec():
            return
        scale, thresholds, allowed = dialog.values()
        run(self, _("Grading scale"), bind(rops.set_grading_op, scale, thresholds, allowed), title=_("Grading scale"),
            after=lambda _outcome: None)

    def _chosen_order(self):
        record = self.order_model.record(self.order_view.currentIndex())
        return record["key"] if record else None

    def print_order(self) -> None:
        key = self._chosen_order()
        if key is None:
            self.tabs.setCurrentIndex(3)
            return
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or ""
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in key[0])
        path, _f = QFileDialog.getSaveFileName(self, _("Print order…"), os.path.join(folder, f"order-{safe}.pdf"),
                                               "PDF (*.pdf)")
        if not path:
            return
        lang = self.ctx.report_language
        with self.ctx.db.session() as s:
            doc = om.order_document(s, key[0], key[1])
            frame = rm.faculty_frame(s)
        extracts = [doc.extract(sid) for sid in dict.fromkeys(st.student_id for i in doc.items for st in i.students)]
        from desktop.reports.orders_pdf import order_pdf
        from desktop.views.common.tasks import write_report_file

        if write_report_file(self, _("Export"), path, lambda tmp, _p: order_pdf(tmp, doc, frame, lang,
                                                                                   extracts=extracts)):
            self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def export(self, key: str) -> None:
        what, fmt = key.rsplit("_", 1)
        if (what.startswith("sheet") or what == "slips") and self.sheet is None:
            return
        if what != "debts" and self.session_id is None:
            return
        year, kind = self.year.currentText(), self.kind.currentData()
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or ""
        stem = {"sheet_blank": f"sheet-{self.sheet.head.number if self.sheet else ''}",
                "sheet": f"sheet-{self.sheet.head.number if self.sheet else ''}", "all_sheets": f"sheets-{kind}-{year}",
                "slips": f"slips-{self.sheet.head.number if self.sheet else ''}",
                "debts": f"debts-{year}", "summary": f"summary-{kind}-{year}"}[what]
        path, _f = QFileDialog.getSaveFileName(self, _("Export"), os.path.join(folder, f"{stem}.{fmt}"),
                                               "Excel (*.xlsx)" if fmt == "xlsx" else "PDF (*.pdf)")
        if not path:
            return
        ui_settings.put(ui_settings.LAST_FOLDER, os.path.dirname(path))
        lang = self.ctx.report_language
        with self.ctx.db.session() as s:
            frame = rm.faculty_frame(s)
            if what == "all_sheets":
                sheets = [rm.load_sheet(s, h.id) for h in rm.sheet_heads(s, session_id=self.session_id)]
            else:
                sheets = [rm.load_sheet(s, self.sheet.head.id)] if self.sheet else []
            debts = dm.open_debts(s, year=year) if what == "debts" else []
            summary = dm.session_summary(s, self.session_id) if what == "summary" else None
        from desktop.reports import grade_sheet as gs
        from desktop.reports import session_results as sr
        from desktop.views.common.tasks import write_report_file

        def write(tmp, _progress):
            if what == "slips":
                gs.slips_pdf(tmp, sheets, frame, lang)
            elif what in ("sheet", "sheet_blank", "all_sheets") and fmt == "pdf":
                gs.sheets_pdf(tmp, sheets, frame, lang, blank=what == "sheet_blank")
            elif what == "sheet":
                gs.sheets_xlsx(tmp, sheets, lang)
            elif what == "debts":
                (sr.debts_xlsx(tmp, debts, year, None, lang) if fmt == "xlsx"
                 else sr.debts_pdf(tmp, debts, year, None, frame, lang))
            else:
                sr.summary_xlsx(tmp, summary, lang) if fmt == "xlsx" else sr.summary_pdf(tmp, summary, frame, lang)

        if write_report_file(self, _("Export"), path, write):
            self.ctx.status_message.emit(_("Saved {path}").format(path=path))
