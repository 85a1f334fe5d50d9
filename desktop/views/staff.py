"""Staff and programmes: the simple editor every area relies on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import N_, _
from desktop.models import groups as group_model
from desktop.models import operations, org
from desktop.models.operations import bind
from desktop.views.common.area import AreaPage
from desktop.views.common.delegates import ChoiceDelegate
from desktop.views.common.operations import run
from desktop.views.common.page import row_table
from desktop.views.common.tablemodel import Column, Record, RecordTableModel, TextFilterProxy

STAFF_COLUMNS = [
    Column("last_name", N_("Last name"), editable=True),
    Column("first_name", N_("First name"), editable=True),
    Column("patronymic", N_("Patronymic"), editable=True),
    Column("short_name", N_("Short name"), editable=True),
    Column("position", N_("Position"), editable=True),
    Column("roles", N_("Roles"), display=lambda roles: ", ".join(
        org.StaffRole(r).label() for r in roles or [])),
    Column("department", N_("Department")),
]

PROGRAMME_COLUMNS = [
    Column("code", N_("Code"), editable=True),
    Column("name", N_("Programme"), editable=True),
    Column("level", N_("Level"), editable=True,
           display=lambda v: org.ProgrammeLevel(v).label() if v else ""),
    Column("study_forms", N_("Study forms"), editable=True, display=lambda v: study_forms_label(v)),
]


def study_forms_label(value) -> str:
    from desktop.models.contingent import StudyForm

    forms = [f for f in (value or "").split(",") if f in set(StudyForm)]
    return ", ".join(StudyForm(f).label() for f in forms)


def study_forms_choices() -> list[tuple[str, str]]:
    """The programme's study forms as offered by its combo box: each alone, then both."""
    from desktop.models.contingent import StudyForm

    values = [f.value for f in StudyForm] + [",".join(f.value for f in StudyForm)]
    return [(study_forms_label(v), v) for v in values]


def level_choices() -> list[tuple[str, object]]:
    return [(level.label(), level.value) for level in org.ProgrammeLevel]


class RecordList(QWidget):
    """A filterable table with add/delete buttons; edits go through the page's undo stack."""

    def __init__(self, columns, filter_keys, parent=None):
        super().__init__(parent)
        self.model = RecordTableModel(columns, self)
        self.proxy = TextFilterProxy(filter_keys, self)
        self.proxy.setSourceModel(self.model)
        self.view = row_table(self.proxy, sort_column=0)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setAlternatingRowColors(True)
        self.model.modelReset.connect(self.view.resizeColumnsToContents)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.add_button = QToolButton()
        self.delete_button = QToolButton()
        self.extra = QHBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addLayout(self.extra)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def selected_record(self) -> Record | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index))

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Filter…"))
        self.add_button.setText(_("Add"))
        self.delete_button.setText(_("Delete"))
        self.model.retranslate()


class StaffArea(AreaPage):
    _programme_codes: dict[int, str]  # programme id -> code, for the groups tab

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.tabs = QTabWidget()
        self._build_staff_and_programmes_tabs()
        self._build_groups_tab()
        self.page_header()
        self._build_commands()
        self.stack_bands(self.header, self.command_bar(), fill=[self.tabs])
        self.set_list(self.groups.view)
        self.set_list(self.programmes.view)
        self.set_list(self.staff.view)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.refresh()

    def _build_staff_and_programmes_tabs(self) -> None:
        self.staff = RecordList(STAFF_COLUMNS, ["last_name", "first_name", "short_name", "position"])
        self.programmes = RecordList(PROGRAMME_COLUMNS, ["code", "name"])
        self.programmes.view.setItemDelegateForColumn(2, ChoiceDelegate(level_choices, self.programmes.view))
        self.programmes.view.setItemDelegateForColumn(3, ChoiceDelegate(study_forms_choices, self.programmes.view))
        self.roles_button = QToolButton()
        self.roles_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.roles_menu = QMenu(self.roles_button)
        self.roles_menu.aboutToShow.connect(self._fill_roles_menu)
        self.roles_button.setMenu(self.roles_menu)
        self.staff.extra.addWidget(self.roles_button)
        self.tabs.addTab(self.staff, "")
        self.tabs.addTab(self.programmes, "")
        self.staff.model.on_edit = self._edit_staff
        self.programmes.model.on_edit = self._edit_programme

    def _build_commands(self) -> None:
        """One QAction each, acting on the tab shown (staff, programmes or groups)."""
        on_staff = lambda: self.tabs.currentIndex() == 0  # noqa: E731
        self.add_command("new", lambda: (self.add_staff, self.add_programme,
                                         self.add_group)[self.tabs.currentIndex()](),
                         kind="primary", role="new", icon="new")
        # A group is archived (its own button), never deleted: Delete does nothing on that tab.
        self.add_command("delete", lambda: (self.delete_staff, self.delete_programme,
                                            lambda: None)[self.tabs.currentIndex()](),
                         role="delete", icon="delete", enabled_when=lambda: self.tabs.currentIndex() < 2 and
                         self._current_list().selected_record() is not None)
        self.add_command("roles", self.roles_button.showMenu, enabled_when=on_staff, in_bar=False)
        self.add_command("find", self._find, kind="other", role="find", icon="search")
        for records_list in (self.staff, self.programmes):
            records_list.add_button.setDefaultAction(self.commands["new"])
            records_list.delete_button.setDefaultAction(self.commands["delete"])
            records_list.add_button.hide()  # the command bar has them
            records_list.delete_button.hide()

    def _find(self) -> None:
        search = self._current_list().search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    def _current_list(self) -> RecordList:
        return (self.staff, self.programmes, self.groups)[self.tabs.currentIndex()]

    def _tab_changed(self, _index: int) -> None:
        self.list_view = self._current_list().view
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.header.set_title(_("Staff and programmes"))
        self.tabs.setTabText(0, _("Staff"))
        self.tabs.setTabText(1, _("Programmes"))
        self.tabs.setTabText(2, _("Groups"))
        self.staff.retranslate()
        self.programmes.retranslate()
        self.groups.retranslate()
        self.groups.add_button.setText(_("New group…"))
        self.groups.delete_button.setText(_("Archive / restore"))
        self.groups.delete_button.setToolTip(_("Archive a graduated group, or make an archived group active again"))
        self.roles_button.setText(_("Roles"))
        on_staff = self.tabs.currentIndex() == 0
        self.set_command_texts({"new": _("New staff member…") if on_staff else _("New programme…"),
                                "delete": _("Delete"), "roles": _("Roles"), "find": _("Search")})
        for records_list in (self.staff, self.programmes):
            records_list.search.setPlaceholderText(_("Search… (Ctrl+F)"))

    def refresh(self) -> None:
        with self.ctx.db.session() as s:
            self.staff.model.set_rows(org.staff_rows(s))
            self.programmes.model.set_rows(org.programme_rows(s))
            self._programme_codes = {p["id"]: p["code"] for p in self.programmes.model.rows}
            self.groups.model.set_rows(group_model.group_list(s))
        self.update_commands()

    # Running model-layer operations --------------------------------------
    def _do(self, text: str, op) -> bool:
        return run(self, text, op, title=_("Staff and programmes")) is not None

    def _edit(self, entity, validators, row, key, value, label):
        self._do(label, bind(operations.set_field, entity, row["id"], key, value, validators, expected=row.get(key)))

    def _edit_staff(self, row, key, value) -> None:
        self._edit(org.Staff, org.STAFF_VALIDATORS, row, key, value, _("Edit staff member"))

    def _edit_programme(self, row, key, value) -> None:
        self._edit(org.Programme, org.PROGRAMME_VALIDATORS, row, key, value, _("Edit programme"))

    # Staff ----------------------------------------------------------------
    def add_staff(self) -> None:
        name, ok = QInputDialog.getText(self, _("New staff member"), _("Last name, first name, patronymic:"))
        if not ok or not name.strip():
            return
        parts = name.split()
        self._do(_("Add staff member"),
                 bind(org.add_staff_op, parts[0], parts[1] if len(parts) > 1 else "", " ".join(parts[2:])))

    def delete_staff(self) -> None:
        row = self.staff.selected_record()
        if row is None:
            return
        # The member as the list shows them is what is deleted (another office's change meanwhile: stale).
        self._do(_("Delete staff member"), bind(org.delete_staff_op, row["id"], dict(row)))

    def _fill_roles_menu(self) -> None:
        self.roles_menu.clear()
        row = self.staff.selected_record()
        if row is None:
            act = self.roles_menu.addAction(_("Select a staff member first"))
            act.setEnabled(False)
            return
        current = set(row["roles"])
        for role in org.StaffRole:
            act = self.roles_menu.addAction(org.StaffRole(role).label())
            act.setCheckable(True)
            act.setChecked(role.value in current)
            act.toggled.connect(lambda checked, role=role, row=row: self._toggle_role(row, role, checked))

    def _toggle_role(self, row, role, checked) -> None:
        old = set(row["roles"])
        new = old | {role.value} if checked else old - {role.value}
        self._do(_("Change roles"), bind(org.set_staff_roles_op, row["id"], new))

    # Programmes -----------------------------------------------------------
    def add_programme(self) -> None:
        code, ok = QInputDialog.getText(self, _("New programme"), _("Code (for example 510100):"))
        if not ok or not code.strip():
            return
        name, ok = QInputDialog.getText(self, _("New programme"), _("Name:"))
        if not ok or not name.strip():
            return
        self._do(_("Add programme"), bind(org.add_programme_op, code, name))

    def delete_programme(self) -> None:
        row = self.programmes.selected_record()
        if row is None:
            return
        # The programme as shown is what is deleted (another office's change meanwhile: stale).
        self._do(_("Delete programme"), bind(operations.delete_record, org.Programme, row["id"], expected=dict(row)))

    # Groups ---------------------------------------------------------------
    def _build_groups_tab(self) -> None:
        from desktop.views.groups import (
            GROUP_COLUMNS,
            CourseDelegate,
            language_choices,
            study_form_choices,
        )

        self._programme_codes = {}
        columns = list(GROUP_COLUMNS)
        columns[1] = Column(columns[1].key, columns[1].title, editable=True,
                            display=lambda pid: self._programme_codes.get(pid, ""))
        self.groups = RecordList(columns, ["name", "programme_code", "programme_name"])
        view = self.groups.view
        view.setItemDelegateForColumn(1, ChoiceDelegate(self._programme_choices, view))
        view.setItemDelegateForColumn(2, CourseDelegate(view))
        view.setItemDelegateForColumn(3, ChoiceDelegate(study_form_choices, view))
        view.setItemDelegateForColumn(4, ChoiceDelegate(language_choices, view))
        self.groups.model.on_edit = self._edit_group
        self.groups.add_button.clicked.connect(self.add_group)
        self.groups.delete_button.clicked.connect(self.toggle_archived)
        self.tabs.addTab(self.groups, "")

    def _programme_choices(self) -> list[tuple[str, object]]:
        none: list[tuple[str, object]] = [(_("(no programme)"), None)]
        return none + [(f"{p['code']} {p['name']}", p["id"])
                                                 for p in self.programmes.model.rows]

    def _edit_group(self, row, key, value) -> None:
        self._edit(group_model.Group, group_model.GROUP_VALIDATORS, row, key, value, _("Edit group"))

    def add_group(self) -> bool:
        from desktop.views.groups import NewGroupDialog

        dialog = NewGroupDialog(self.programmes.model.rows, self.create_group, self)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def create_group(self, values: group_model.GroupValues) -> bool:
        """Create a group (undoable); False, with the refusal shown, when the values are refused."""
        return self._do(_("Add group"), bind(group_model.create_group_op, **values))

    def toggle_archived(self) -> None:
        row = self.groups.selected_record()
        if row is None:
            return
        archive = row["active"]
        self._do(_("Archive group") if archive else _("Restore group"),
                 bind(group_model.set_group_archived_op, row["id"], archive))
