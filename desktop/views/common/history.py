"""The audit history of one record (a student, a work plan item): when, who, what, old → new."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from desktop import dates
from desktop.i18n import N_, NC_, _
from desktop.models import audit
from desktop.models.db import Database
from desktop.views.common.table_views import row_table

COLUMNS = (N_("When"), N_("Who"), NC_("record history", "Action"), N_("Field"), N_("Old value"), N_("New value"))
FIELD_LABELS = {
    "last_name": N_("Last name"), "first_name": N_("First name"), "patronymic": N_("Patronymic"),
    "record_book": N_("Record-book number"), "birth_date": N_("Birth date"), "gender": N_("Gender"),
    "phone": N_("Phone"), "email": N_("E-mail"), "funding": N_("Funding"), "study_form": N_("Study form"),
    "group_id": N_("Group"), "status": NC_("student", "Status"), "kind": N_("Movement"),
    "effective_date": N_("Effective date"),
    "order_number": N_("Order number"), "order_date": N_("Order date"), "reason": N_("Reason"),
    "text": N_("Activity"), "deadline": N_("Deadline"), "completion_note": N_("Completion note"),
    "completed_on": N_("Completed on"), "responsible": N_("Responsible"), "section_id": N_("Section"),
    "student_id": N_("Student"), "from_group_id": N_("From group"), "course": N_("Course"),
    "rows": N_("Rows"),
}


class AuditHistoryModel(QAbstractTableModel):
    """Entries as plain tuples (read once; the history of one record is short)."""

    def __init__(self, entries: list[tuple], parent=None):
        super().__init__(parent)
        self.entries = entries

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        at, user, host, action, field, old, new, *rest = self.entries[index.row()]
        source = rest[0] if rest else None
        col = index.column()
        if col == 0:
            return dates.table_time(at, seconds=True)
        if col == 1:
            return f"{user}@{host}"
        if col == 2:
            label = audit.Action.labels().get(action)  # StrEnum keys: a plain string finds them
            text = _(label) if label else action
            return _("{action} (from {file})").format(action=text, file=source) if source else text
        if col == 3:
            return _(FIELD_LABELS[field]) if field in FIELD_LABELS else (field or "")
        value = shown_value(field, old if col == 4 else new)
        if role == Qt.ItemDataRole.DisplayRole and value and len(value) > 200:
            return value[:200] + "…"
        return value or ""


def shown_value(field: str | None, value: str | None) -> str:
    """A stored value as the windows show it: labels in the interface language instead of codes
    ("done" -> "Выполнено"), a deadline as the office writes it, ISO dates as dd.mm.yyyy."""
    if not value:
        return ""
    import json
    import re

    from desktop.i18n import current
    from desktop.models import workplan as wp
    from desktop.models import workplan_deadline as dl
    from desktop.models.contingent import Funding, Gender, StudentStatus, StudyForm
    from desktop.models.movements import MovementKind

    labels = {"status": {**StudentStatus.labels(), **wp.ItemStatus.labels()}, "funding": Funding.labels(),
              "study_form": StudyForm.labels(), "gender": Gender.labels(),
              "kind": MovementKind.labels()}.get(field or "")
    if labels and value in labels:
        return _(labels[value])
    if field == "deadline" and value.startswith("{"):
        try:
            return dl.render(json.loads(value), current())
        except (ValueError, TypeError, KeyError):
            return value
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return f"{value[8:10]}.{value[5:7]}.{value[:4]}"
    return value


def load_history(db: Database, table: str, record_id: int) -> list[tuple]:
    with db.session() as s:
        return [(e.at, e.os_user, e.host, e.action, e.field, e.old_value, e.new_value, e.source)
                for e in audit.history(s, table, record_id)]


class HistoryDialog(QDialog):
    def __init__(self, title: str, entries: list[tuple], parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("History: {record}").format(record=title))
        self.model = AuditHistoryModel(entries, self)
        self.view = row_table(self.model, read_only=True)
        self.view.resizeColumnsToContents()
        if entries:
            self.view.scrollToBottom()  # the newest change
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.view)
        if not entries:
            layout.addWidget(QLabel(_("No changes were recorded for this record.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 420)


def show_history(parent, db: Database, table: str, record_id: int, title: str) -> HistoryDialog:
    dialog = HistoryDialog(title, load_history(db, table, record_id), parent)
    dialog.open()
    return dialog
