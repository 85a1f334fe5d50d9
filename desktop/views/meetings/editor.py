"""The meeting editor: heading fields, the agenda with the draft's proposals to tick, attendance,
and the minutes per item with the decisions taken. Every edit is an undoable model operation.

This module builds the editor (widgets, actions, ``retranslate_ui``) and shows a meeting; what its
commands do is in ``editor_actions.py``, its dialogs in ``dialogs.py``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import dates
from desktop.i18n import _
from desktop.models import meetings as mt
from desktop.models import meetings_agenda as ag
from desktop.views.common.forms import allow_blank, date_edit, show_blank
from desktop.views.common.toolbar import button_bar
from desktop.views.meetings.dialogs import AttendeeDialog, DecisionDialog, SignDialog  # noqa: F401  (re-exported)
from desktop.views.meetings.editor_actions import EditorActions
from desktop.views.meetings.models import AttendanceModel, ProposalModel, agenda_model, decision_model


def table(model, stretch: int = 0) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    source = model.sourceModel() if hasattr(model, "sourceModel") else model
    for i, col in enumerate(getattr(source, "columns", [])):
        if col.width:
            view.setColumnWidth(i, col.width)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    return view


class MeetingEditor(EditorActions, QWidget):
    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.page = page
        # the meeting shown (``meetings.meeting_tree``, its texts in the content language where chosen)
        self.tree: dict[str, Any] | None = None
        self.shown: set = set()  # (table, id, field) shown in their version: edits go to that version
        self.staff: list[tuple[int, str]] = []
        self.buttons = {k: QToolButton() for k in ("tick_all", "add_ticked", "add_item", "delete_item", "up",
                                                   "down", "preview_agenda", "preview_minutes", "print",
                                                   "translations", "sign")}
        head = self._build_heading()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_agenda_tab(), "")
        self.tabs.addTab(self._build_attendance_tab(), "")
        self.tabs.addTab(self._build_minutes_tab(), "")
        prints = QHBoxLayout()
        prints.addWidget(button_bar(*(self.buttons[k] for k in ("preview_agenda", "preview_minutes", "print",
                                                                "translations", "sign"))), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(prints)
        self._build_actions()
        self.setEnabled(False)

    # Building -------------------------------------------------------------------------------
    def _build_heading(self) -> QFormLayout:
        """Date, time, place, chair, secretary and "held"; each edit is one operation."""
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 11pt; font-weight: 600;")  # pane title (UI.md type scale)
        self.date = date_edit()
        allow_blank(self.date)  # empty, not 01.01.2000, while no meeting is open
        show_blank(self.date)
        self.time = QLineEdit()
        self.time.setMaximumWidth(70)
        self.place = QLineEdit()
        self.chair, self.secretary = QComboBox(), QComboBox()
        self.held = QCheckBox()
        self.labels = {k: QLabel() for k in ("date", "time", "place", "chair", "secretary")}
        head = QFormLayout()
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for key, w in (("date", self.date), ("time", self.time), ("place", self.place)):
            row1.addWidget(self.labels[key])
            row1.addWidget(w, 1 if key == "place" else 0)
        for key, combo in (("chair", self.chair), ("secretary", self.secretary)):
            row2.addWidget(self.labels[key])
            row2.addWidget(combo, 1)
        row2.addWidget(self.held)
        head.addRow(self.heading)
        head.addRow(row1)
        head.addRow(row2)
        self.date.editingFinished.connect(lambda: self._edit_meeting("date", self.date.date().toPython()))
        self.time.editingFinished.connect(lambda: self._edit_meeting("time", self.time.text()))
        self.place.editingFinished.connect(lambda: self._edit_meeting("place", self.place.text().strip()))
        self.chair.activated.connect(lambda: self._edit_meeting("chair_id", self.chair.currentData()))
        self.secretary.activated.connect(lambda: self._edit_meeting("secretary_id", self.secretary.currentData()))
        self.held.clicked.connect(lambda on: self._edit_meeting("held", bool(on)))
        return head

    def _build_agenda_tab(self) -> QWidget:
        """The draft's proposals above, the agenda below."""
        self.proposals = ProposalModel(self)
        self.proposal_view = table(self.proposals)
        for col, width in enumerate((0, 180, 90, 140, 170)):
            if width:
                self.proposal_view.setColumnWidth(col, width)
        self.agenda = agenda_model(self)
        self.agenda.on_edit = self._edit_item_from_model
        self.agenda.on_move = lambda item_id, position: self.page.move_item(item_id, position)
        self.agenda_view = table(self.agenda, 1)
        # drag rows to reorder (Ctrl+Up/Down do the same from the keyboard)
        self.agenda_view.setDragEnabled(True)
        self.agenda_view.setAcceptDrops(True)
        self.agenda_view.setDropIndicatorShown(True)
        self.agenda_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.agenda_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.agenda_view.setDragDropOverwriteMode(False)
        self.proposals_label, self.agenda_label = QLabel(), QLabel()
        self.proposals_label.setWordWrap(True)  # the long hint wraps so the buttons beside it stay visible
        agenda_tab = QWidget()
        lay = QVBoxLayout(agenda_tab)
        # button rows fold behind » when the pane is narrow (1366-pixel screens, long Kyrgyz labels)
        bar = QHBoxLayout()
        bar.addWidget(self.proposals_label)
        bar.addWidget(button_bar(self.buttons["tick_all"], self.buttons["add_ticked"]), 1)
        lay.addLayout(bar)
        lay.addWidget(self.proposal_view, 2)
        bar = QHBoxLayout()
        bar.addWidget(self.agenda_label)
        bar.addWidget(button_bar(*(self.buttons[k] for k in ("add_item", "delete_item", "up", "down"))), 1)
        lay.addLayout(bar)
        lay.addWidget(self.agenda_view, 3)
        return agenda_tab

    def _build_attendance_tab(self) -> QWidget:
        self.attendance = AttendanceModel(self)
        self.attendance.on_change = self._set_attendance
        self.attendance_view = table(self.attendance, 0)
        self.attendance_view.setColumnWidth(1, 200)
        self.attendance_view.setColumnWidth(2, 240)
        self.attendance_buttons = {k: QToolButton() for k in ("add_attendee", "remove_attendee")}
        self.attendance_label = QLabel()
        attendance_tab = QWidget()
        al = QVBoxLayout(attendance_tab)
        bar = QHBoxLayout()
        bar.addWidget(self.attendance_label)
        bar.addWidget(button_bar(*self.attendance_buttons.values()), 1)
        al.addLayout(bar)
        al.addWidget(self.attendance_view, 1)
        return attendance_tab

    def _build_minutes_tab(self) -> QSplitter:
        """Items on the left; heard, decided and the item's decisions on the right."""
        self.minutes_items = QTableView()
        self.minutes_items.setModel(self.agenda)
        for col in (2, 3, 4):
            self.minutes_items.setColumnHidden(col, True)
        self.minutes_items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.minutes_items.verticalHeader().setVisible(False)
        self.minutes_items.horizontalHeader().setStretchLastSection(True)
        self.minutes_items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.minutes_items.selectionModel().currentChanged.connect(self._show_minutes)
        self.heard, self.decided = QPlainTextEdit(), QPlainTextEdit()
        self.save_minutes = QPushButton()
        self.save_minutes.clicked.connect(self._save_minutes)
        self.decisions = decision_model(self)
        # an edit here is an edit of the minutes: it changes what they print (until they are signed)
        self.decisions.on_edit = self._edit_decision_in_minutes
        self.decision_view = table(self.decisions, 0)
        self.decision_buttons = {k: QToolButton() for k in ("add_decision", "done", "cancel", "reopen", "delete")}
        self.minute_labels = [QLabel(), QLabel(), QLabel()]
        right = QWidget()
        rl = QVBoxLayout(right)
        self.signed_label = QLabel()
        self.signed_label.setWordWrap(True)
        rl.addWidget(self.signed_label)
        rl.addWidget(self.minute_labels[0])
        rl.addWidget(self.heard, 1)
        rl.addWidget(self.minute_labels[1])
        rl.addWidget(self.decided, 1)
        rl.addWidget(self.save_minutes, 0, Qt.AlignmentFlag.AlignRight)
        bar = QHBoxLayout()
        bar.addWidget(self.minute_labels[2])
        bar.addWidget(button_bar(*self.decision_buttons.values()), 1)
        rl.addLayout(bar)
        rl.addWidget(self.decision_view, 2)
        self.minutes_split = QSplitter()
        self.minutes_split.addWidget(self.minutes_items)
        self.minutes_split.addWidget(right)
        self.minutes_split.setStretchFactor(1, 2)
        self.minutes_split.setSizes([320, 700])
        self.minutes_items.setColumnWidth(0, 40)
        return self.minutes_split

    def _build_actions(self) -> None:
        """One QAction per command, on its button and (with its key) on the widget it acts on."""
        self.actions_by_key: dict[str, QAction] = {}
        specs = {
            "tick_all": (lambda: self.proposals.set_all(not self.proposals.ticked), None),
            "add_ticked": (self.add_ticked, QKeySequence("Ctrl+Return")),
            "add_item": (self.add_item, QKeySequence(Qt.Key.Key_Insert)),
            "delete_item": (self.delete_item, QKeySequence(QKeySequence.StandardKey.Delete)),
            "up": (lambda: self.move_item(-1), QKeySequence("Ctrl+Up")),
            "down": (lambda: self.move_item(1), QKeySequence("Ctrl+Down")),
            # spelled out: QKeySequence.StandardKey.Print is empty on some platform themes
            "preview_agenda": (lambda: self.page.preview("agenda"), QKeySequence("Ctrl+P")),
            "preview_minutes": (lambda: self.page.preview("minutes"), QKeySequence("Ctrl+Shift+P")),
            "print": (self.page.print_direct, None),
            "translations": (self.open_translations, None),
            "sign": (lambda: self.sign_minutes(), None),
            "add_decision": (self.add_decision, QKeySequence("Ctrl+D")),
            "done": (lambda: self._set_status("done"), None),
            "cancel": (lambda: self._set_status("cancelled"), None),
            "reopen": (lambda: self._set_status("open"), None),
            "delete": (self.delete_decision, QKeySequence(QKeySequence.StandardKey.Delete)),
            "add_attendee": (lambda: self.add_attendee(), None),
            "remove_attendee": (self.remove_attendee, None),
        }
        # agenda keys act on the agenda table only (Delete in the decisions table must not drop an item)
        owners = {"add_item": self.agenda_view, "delete_item": self.agenda_view, "up": self.agenda_view,
                  "down": self.agenda_view, "add_ticked": self.proposal_view, "delete": self.decision_view,
                  "remove_attendee": self.attendance_view,
                  # printing works wherever the focus is in the area (the list of meetings too)
                  "preview_agenda": self.page, "preview_minutes": self.page}
        for key, (slot, shortcut) in specs.items():
            act = QAction(self)
            if shortcut is not None:
                act.setShortcut(shortcut)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            owners.get(key, self).addAction(act)
            button = self.buttons.get(key) or self.decision_buttons.get(key) or self.attendance_buttons[key]
            button.setDefaultAction(act)
            self.actions_by_key[key] = act

    # Texts ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        texts = {"date": _("Date"), "time": _("Time"), "place": _("Place"), "chair": _("Chair"),
                 "secretary": _("Secretary")}
        for k, t in texts.items():
            self.labels[k].setText(t)
        self.held.setText(_("Held"))
        self.tabs.setTabText(0, _("Agenda"))
        self.tabs.setTabText(1, _("Attendance"))
        self.tabs.setTabText(2, _("Minutes"))
        self.proposals_label.setText(_("Proposed by Dekanat (tick what goes on the agenda)"))
        self.agenda_label.setText(_("Agenda"))
        for label, text in zip(self.minute_labels, (_("Heard:"), _("Decided:"), _("Decisions on this item")),
                               strict=True):
            label.setText(text)
        self.save_minutes.setText(_("Save minutes"))
        actions = {"tick_all": _("Tick all"), "add_ticked": _("Add ticked to agenda"), "add_item": _("Add agenda item"),
                   "delete_item": _("Delete agenda item"), "up": _("Move up"), "down": _("Move down"),
                   "preview_agenda": _("Agenda: print preview"), "preview_minutes": _("Minutes: print preview"),
                   "print": _("Print…"), "translations": _("Translations…"), "sign": _("Sign minutes…"),
                   "add_decision": _("Add decision"), "done": _("Mark done"),
                   "cancel": _("Cancel decision"), "reopen": _("Reopen"), "delete": _("Delete decision"),
                   "add_attendee": _("Add attendee…"), "remove_attendee": _("Remove attendee")}
        self.attendance_label.setText(_("Tick who was present; write the reason of an absence"))
        for k, t in actions.items():
            self.actions_by_key[k].setText(t)
        for m in (self.proposals, self.agenda, self.attendance, self.decisions):
            m.retranslate()
        self._show()

    # Loading ------------------------------------------------------------------------------
    def load(self, meeting_id: int | None) -> None:
        current_item = self.current_item_id()
        if meeting_id is None:
            self.tree = None
            self.setEnabled(False)
            for m in (self.agenda, self.decisions):
                m.set_rows([])
            self.attendance.set_rows([])
            self.proposals.set_proposals([], {})
            self.heading.setText("")
            show_blank(self.date)
            self.time.clear()
            self.place.clear()
            return
        from desktop.views.translations import content_language

        with self.page.ctx.db.session() as s:
            tree: dict[str, Any] = dict(mt.meeting_tree(s, meeting_id))
            if lang := content_language():  # typed texts in the interface language where translated
                from desktop.models.text_documents import localize_meeting

                tree = localize_meeting(s, tree, lang)[0]
            self.tree = tree
            self.shown = tree.get("shown", set())
            proposals = ag.agenda_draft(s, meeting_id)
            self.staff = mt.staff_choices(s)
        self.setEnabled(True)
        self.proposals.set_proposals(proposals, dict(self.staff))
        self.agenda.set_rows(self.tree["items"])
        self.attendance.set_rows(self.tree["attendees"])
        self._show()
        if current_item:
            self.select_item(current_item)

    def _show(self) -> None:
        t = self.tree
        if t is None:
            return
        heading = _("{series}, minutes No. {number}").format(series=t["series"], number=t["number"])
        if self.shown:  # which texts an edit changes: the versions shown, the others' originals
            from desktop.models.text_versions import LANGUAGE_NAMES

            heading += " · " + _("texts in {language} where translated; an edit changes that version").format(
                language=_(LANGUAGE_NAMES[t["lang"]]) if t.get("lang") in LANGUAGE_NAMES else "")
        self.heading.setText(heading)
        self.date.setDate(QDate(t["date"].year, t["date"].month, t["date"].day))
        self.time.setText(t["time"])
        self.place.setText(t["place"])
        for combo, person in ((self.chair, t["chair"]), (self.secretary, t["secretary"])):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", None)
            for staff_id, name in self.staff:
                combo.addItem(name, staff_id)
            combo.setCurrentIndex(max(combo.findData(person["id"] if person else None), 0))
            combo.blockSignals(False)
        self.held.setChecked(t["held"])
        signed = t.get("minutes_signed_on")
        writable = not getattr(self.page.ctx.db, "read_only", False)  # a read-only database: shown, not edited
        for w in (self.held, self.date, self.time, self.place, self.chair, self.secretary):
            w.setEnabled(signed is None and writable)  # signed minutes: the meeting is on record as it was
        self.signed_label.setVisible(signed is not None)
        if signed is not None:
            self.signed_label.setText(_("Minutes signed on {date}: they are final; follow the decisions up in "
                                        "the decisions register.").format(date=dates.table(signed)))
        self.actions_by_key["sign"].setEnabled(t["held"] and signed is None)
        for key in ("add_decision", "delete", "add_ticked", "add_item", "delete_item", "up", "down",
                    "add_attendee", "remove_attendee"):
            self.actions_by_key[key].setEnabled(signed is None)
        self.decisions.on_edit = self._edit_decision_in_minutes if signed is None else None
        self.agenda.on_edit = self._edit_item_from_model if signed is None else None
        for view in (self.attendance_view, self.proposal_view):
            view.setEnabled(signed is None)
        self._show_minutes()

