"""“Rooms and disciplines…”: the rooms (name, capacity, building), the disciplines, and which group
sits which discipline in the session (the draft generator's input, with the usual examiner and form).

Tables are ``RecordTableModel``s edited in place; every change is an operation of
``models/exam_operations.py`` run on the exam page's undo stack (``views/common/operations.run``,
one transaction each). A refusal (a room or discipline some exam uses)
shows in the dialog's message line naming those exams, and nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import colours
from desktop.i18n import N_, _
from desktop.models import exam_operations as xops
from desktop.models import exam_rooms as rooms
from desktop.models.exams import ExamForm
from desktop.models.operations import bind
from desktop.views.common.operations import run
from desktop.views.common.table_views import row_table
from desktop.views.common.tablemodel import ID_ROLE, Column, Record, RecordTableModel, TextFilterProxy

ROOM_COLUMNS = [Column("name", N_("Room"), editable=True), Column("capacity", N_("Seats"), editable=True,
                                                                      align=Qt.AlignmentFlag.AlignRight),
                Column("building", N_("Building"), editable=True)]
DISCIPLINE_COLUMNS = [Column("name", N_("Discipline"), editable=True)]
LINK_COLUMNS = [Column("group", N_("Group")), Column("discipline", N_("Discipline")),
                Column("examiner", N_("Examiner")),
                Column("form", N_("Form"), display=lambda v: ExamForm(v).label() if v else "")]


def _table(model, proxy=None) -> QTableView:
    if proxy is not None:
        proxy.setSourceModel(model)
    view = row_table(proxy or model, sort_column=0)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    return view


class RoomsDisciplinesDialog(QDialog):
    def __init__(self, page, parent=None):
        super().__init__(parent or page)
        self.page, self.ctx = page, page.ctx
        self.session_id = page.session_id
        self.schedule = page.schedule
        self.buttons: dict[str, QPushButton] = {}
        self._build_lists()
        rooms_tab = self._list_tab(self.rooms, (("add_room", self.add_room), ("delete_room", self.delete_room)))
        disc_tab = self._list_tab(self.disciplines, (("add_discipline", self.add_discipline),
                                                     ("delete_discipline", self.delete_discipline)))
        links_tab = self._links_tab()
        for view, widths in ((self.rooms, (160, 80)), (self.disciplines, ()), (self.links, (120, 280, 170))):
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)
        self.tabs = QTabWidget()
        self.tabs.addTab(rooms_tab, "")
        self.tabs.addTab(disc_tab, "")
        self.tabs.addTab(links_tab, "")
        self._lay_out()
        self.resize(860, 560)
        self.retranslate_ui()
        self.reload()

    def _build_lists(self) -> None:
        """Rooms, disciplines and the session's links, each edited in place where it can be."""
        self.room_model = RecordTableModel(ROOM_COLUMNS, self)
        self.room_model.on_edit = self._edit_room
        self.rooms = _table(self.room_model, TextFilterProxy(["name", "building"], self))
        self.discipline_model = RecordTableModel(DISCIPLINE_COLUMNS, self)
        self.discipline_model.on_edit = self._rename_discipline
        self.disciplines = _table(self.discipline_model, TextFilterProxy(["name"], self))
        self.link_model = RecordTableModel(LINK_COLUMNS, self)
        self.link_proxy = TextFilterProxy(["group", "discipline", "examiner"], self)
        self.links = _table(self.link_model, self.link_proxy)
        self.links.selectionModel().currentRowChanged.connect(self._link_selected)

    def _button(self, key: str, slot) -> QPushButton:
        b = QPushButton()
        b.clicked.connect(lambda _c=False: slot())
        self.buttons[key] = b
        return b

    def _list_tab(self, view: QTableView, keys) -> QWidget:
        """A list with its buttons above it."""
        tab = QWidget()
        bar = QHBoxLayout()
        for key, slot in keys:
            bar.addWidget(self._button(key, slot))
        bar.addStretch(1)
        lay = QVBoxLayout(tab)
        lay.addLayout(bar)
        lay.addWidget(view)
        return tab

    def _links_tab(self) -> QWidget:
        """Links: choose group, discipline, examiner, form; Add a new link or Save the selected one's."""
        links_tab = QWidget()
        self.group = QComboBox()
        self.discipline = QComboBox()
        self.examiner = QComboBox()
        self.form = QComboBox()
        for combo in (self.group, self.discipline, self.examiner, self.form):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14 if combo is self.group else 10)
        self.link_labels = [QLabel() for _i in range(4)]
        pick = QHBoxLayout()
        for label, combo in zip(self.link_labels, (self.group, self.discipline, self.examiner, self.form), strict=True):
            label.setBuddy(combo)
            pick.addWidget(label)
            pick.addWidget(combo, 2 if combo is self.discipline else 1)
        bar = QHBoxLayout()
        for key, slot in (("add_link", self.add_link_from_form), ("save_link", self.save_link_from_form),
                          ("delete_link", self.delete_link)):
            bar.addWidget(self._button(key, slot))
        bar.addStretch(1)
        self.links_note = QLabel()
        self.links_note.setWordWrap(True)
        lay = QVBoxLayout(links_tab)
        lay.addWidget(self.links_note)
        lay.addLayout(pick)
        lay.addLayout(bar)
        lay.addWidget(self.links)
        return links_tab

    def _lay_out(self) -> None:
        """The tabs, the line that says why a change was refused, Close; Del deletes in the tab shown."""
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {colours.role('danger').text}")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.tabs.currentChanged.connect(lambda _i: self.error.clear())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(close)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self)
        delete.activated.connect(self._delete_current)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Rooms and disciplines"))
        self.close_button.setText(_("Close"))
        for i, text in enumerate((_("Rooms"), _("Disciplines"), _("Disciplines of the session"))):
            self.tabs.setTabText(i, text)
        for key, text in (("add_room", _("Add room")), ("delete_room", _("Delete room")),
                          ("add_discipline", _("Add discipline")), ("delete_discipline", _("Delete discipline")),
                          ("add_link", _("Add")), ("save_link", _("Save examiner and form")),
                          ("delete_link", _("Remove"))):
            self.buttons[key].setText(text)
        for label, text in zip(self.link_labels, (_("Group"), _("Discipline"), _("Examiner"), _("Form")), strict=True):
            label.setText(text)
        self.links_note.setText(_("Which group sits which discipline in this session, with the usual examiner "
                                  "and form: the draft generator schedules these."))
        for model in (self.room_model, self.discipline_model, self.link_model):
            model.retranslate()

    # Loading ------------------------------------------------------------------------------------
    def reload(self) -> None:
        with self.ctx.db.session() as s:
            room_rows = rooms.rooms(s)
            disc_rows = rooms.disciplines(s)
            link_rows = rooms.links(s, self.session_id) if self.session_id else []
        self.room_model.set_rows([{"id": i, "name": n, "capacity": c, "building": b} for i, n, c, b in room_rows])
        self.discipline_model.set_rows([{"id": i, "name": n} for i, n in disc_rows])
        self.link_model.set_rows([{"id": x.id, "group_id": x.group_id, "group": x.group,
                                   "discipline_id": x.discipline_id, "discipline": x.discipline,
                                   "examiner_id": x.examiner_id, "examiner": x.examiner, "form": x.form}
                                  for x in link_rows])
        self._fill_combos(disc_rows)

    def _fill_combos(self, disc_rows) -> None:
        keep = [c.currentData() for c in (self.group, self.discipline, self.examiner, self.form)]
        s = self.schedule
        groups = [(g.id, f"{g.name} ({g.programme_code}, {g.course})") for g in s.groups.values()] if s else []
        staff = [(None, "—")] + (sorted(s.staff.items(), key=lambda kv: kv[1]) if s else [])
        forms = [(f.value, f.label()) for f in ExamForm]
        for combo, items, value in zip((self.group, self.discipline, self.examiner, self.form),
                                       (groups, disc_rows, staff, forms), keep, strict=True):
            combo.clear()
            for data, text in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def _do(self, text: str, op):
        """The page's runner; a refusal shows on this dialog's error line and changes nothing.
        Undo and redo later (from the page, the dialog closed) reload the page only."""
        self.error.clear()
        outcome = run(self.page, text, op, title=_("Exam sessions"), refused=self.error.setText)
        if outcome is not None:
            self.reload()
        return outcome

    @staticmethod
    def _current_id(view: QTableView):
        index = view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _select(self, view: QTableView, record_id) -> None:
        model = view.model()
        for r in range(model.rowCount()):
            if model.index(r, 0).data(ID_ROLE) == record_id:
                view.setCurrentIndex(model.index(r, 0))
                return

    def _unique(self, base: str, taken) -> str:
        taken, name, n = set(taken), base, 2
        while name in taken:
            name, n = f"{base} {n}", n + 1
        return name

    # Rooms ------------------------------------------------------------------------------------------
    def add_room(self, name: str | None = None, capacity: int = 30, building: str = "") -> int | None:
        name = name or self._unique(_("New room"), (r["name"] for r in self.room_model.rows))
        outcome = self._do(_("Add room"), bind(xops.add_room_op, name, capacity, building))
        if outcome is None:
            return None
        self.tabs.setCurrentIndex(0)
        self._select(self.rooms, outcome.result)
        return outcome.result

    def _edit_room(self, row: Record, key: str, value) -> None:
        new = {**row, key: value}
        if key == "capacity":
            try:
                new["capacity"] = int(value)
            except (TypeError, ValueError):
                self.error.setText(_("Room {room}: the capacity must be a positive number.").format(room=row["name"]))
                return
        self._do(_("Edit room"), bind(xops.update_room_op, row["id"], str(new["name"]), new["capacity"],
                                      str(new["building"]), expected=(row["name"], row["capacity"], row["building"])))

    def delete_room(self) -> None:
        room_id = self._current_id(self.rooms)
        if room_id is None:
            return
        row = next(r for r in self.room_model.rows if r["id"] == room_id)
        self._do(_("Delete room"), bind(xops.delete_room_op, room_id, (row["name"], row["capacity"], row["building"])))

    # Disciplines ----------------------------------------------------------------------------------
    def add_discipline(self, name: str | None = None) -> int | None:
        name = name or self._unique(_("New discipline"), (r["name"] for r in self.discipline_model.rows))
        outcome = self._do(_("Add discipline"), bind(xops.add_discipline_op, name))
        if outcome is None:
            return None
        self.tabs.setCurrentIndex(1)
        self._select(self.disciplines, outcome.result)
        return outcome.result

    def _rename_discipline(self, row: Record, key: str, value) -> None:
        self._do(_("Rename discipline"), bind(xops.rename_discipline_op, row["id"], str(value), row["name"]))

    def delete_discipline(self) -> None:
        d_id = self._current_id(self.disciplines)
        if d_id is None:
            return
        self._do(_("Delete discipline"), bind(xops.delete_discipline_op, d_id))

    # Links ----------------------------------------------------------------------------------------------
    def _link_selected(self, current, _previous) -> None:
        row = self.link_model.record(self.link_proxy.mapToSource(current)) if current.isValid() else None
        if row is None:
            return
        for combo, value in ((self.group, row["group_id"]), (self.discipline, row["discipline_id"]),
                             (self.examiner, row["examiner_id"]), (self.form, row["form"])):
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def add_link(self, group_id: int, discipline_id: int, examiner_id: int | None, form: str) -> int | None:
        outcome = self._do(_("Link a discipline"), bind(xops.add_link_op, self.session_id, group_id, discipline_id,
                                                        examiner_id, form))
        if outcome is None:
            return None
        self._select(self.links, outcome.result)
        return outcome.result

    def add_link_from_form(self) -> None:
        if self.group.currentData() is None or self.discipline.currentData() is None:
            self.error.setText(_("Choose a group and a discipline."))
            return
        self.add_link(self.group.currentData(), self.discipline.currentData(), self.examiner.currentData(),
                      self.form.currentData())

    def save_link_from_form(self) -> None:
        link_id = self._current_id(self.links)
        if link_id is None:
            return
        self._do(_("Change a discipline's examiner and form"),
                 bind(xops.update_link_op, link_id, self.examiner.currentData(), self.form.currentData()))
        self._select(self.links, link_id)

    def delete_link(self) -> None:
        link_id = self._current_id(self.links)
        if link_id is None:
            return
        self._do(_("Remove a discipline from the session"), bind(xops.delete_link_op, link_id))

    def _delete_current(self) -> None:
        view = (self.rooms, self.disciplines, self.links)[self.tabs.currentIndex()]
        if view.state() == QAbstractItemView.State.EditingState:
            return
        (self.delete_room, self.delete_discipline, self.delete_link)[self.tabs.currentIndex()]()
