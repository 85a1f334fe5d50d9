"""One page template for every area (UI.md §2–§3, §7).

How an area adopts it (``AreaPage`` already carries the machinery; see students, requests)::

    class MyArea(AreaPage):
        def __init__(self, ctx, parent=None):
            super().__init__(ctx, parent)
            self.view = row_table(self.proxy, sort_column=0)  # the list: rows selected, no row numbers
            # 1. every command is one QAction, registered in the order "More ▾" lists them;
            #    ``role`` gives it the shared shortcut (SHORTCUTS), ``kind`` its place in the bar,
            #    ``enabled_when`` follows the selection (call self.update_commands() when it changes).
            self.add_command("new", self.create, kind="primary", role="new", icon="new")
            self.add_command("edit", self.edit, role="open", enabled_when=self.has_current)
            self.add_command("delete", self.delete, role="delete", enabled_when=self.has_current)
            self.add_command("preview", self.preview, kind="print", role="preview")
            self.add_command("pdf", self.pdf, kind="pdf")
            self.add_command("excel", self.excel, kind="excel", role="excel")
            # 2. the bands, top to bottom
            self.page_header([self.year], search=self.search)  # title, context selector, search (Ctrl+F)
            filters = FilterBar([(label, combo), ...], reset=self.reset_filters)
            self.empty = EmptyState(self, ["new", "import"])  # a sentence and the first steps
            keep_splitter_state(splitter, ui_settings.MY_SPLITTER)  # as the user left it
            self.stack_bands(self.header, self.command_bar(), filters, fill=[self.empty, splitter])
            #  command_bar(): primary, record commands, Print ▾|PDF|Excel, More ▾
            self.set_list(self.view)                      # context menu, Enter, Del, F2, focus
            self.set_details(splitter)                    # right / bottom / hidden from View
        def retranslate_ui(self):
            self.set_command_texts({"new": _("New…"), ...})  # text and tooltip with the key
            self.empty.set_text(_("What this area is for, in one sentence."))

The main window shows the same actions in the area's menu (menu bar) and the list's context menu
shows the record commands: one model, four surfaces (bar, menu, context menu, shortcut).

This module holds the shortcut table, the header, the command bar and the empty state;
``page_bands`` the filter bar, chips, legend and ``fit_to_screen`` (a splitter remembers its state through
``views/settings.remember_split``);
``table_views`` the record list (``row_table``) and what a list view does beyond Qt's own
(two-line rows, column priorities, frozen columns, find). Every name is importable from here.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import colours
from desktop.i18n import N_, _
from desktop.views.common.page_bands import Chip, FilterBar, Legend, fit_to_screen, point_font
from desktop.views.common.table_views import (
    ColumnPriorities,
    FrozenColumns,
    TwoLineDelegate,
    find_in_view,
    row_table,
)

__all__ = [
    "DETAILS_POSITIONS", "KINDS", "LIST_ROLES", "SHORTCUTS", "SHORTCUT_HELP", "Chip", "ColumnPriorities",
    "CommandBar", "EmptyState", "FilterBar", "FrozenColumns", "Legend", "PageHeader", "TwoLineDelegate",
    "fill_command_menu", "find_in_view", "fit_to_screen", "point_font", "shortcut_text",
    "row_table", "tooltip_with_key",
]

# One keyboard convention for every area (UI.md §7): a role names what a command does, and the
# role alone decides its key. tests/test_page_pattern.py checks every area against this table.
SHORTCUTS: dict[str, str] = {
    "open": "Return",  # Enter (or double-click) opens the record
    "edit": "F2",  # edits in place
    "delete": "Del",  # deletes, with undo
    "new": "Ctrl+N",  # a new record of the area
    "find": "Ctrl+F",  # search
    "preview": "Ctrl+P",  # print preview
    "excel": "Ctrl+E",  # to Excel
}
# What the Help menu's list of shortcuts says about each key.
SHORTCUT_HELP: list[tuple[str, str]] = [
    ("Enter", N_("Open the selected record (or double-click)")),
    ("F2", N_("Edit the selected cell in place")),
    ("Del", N_("Delete the selected record (Edit ▸ Undo brings it back)")),
    ("Ctrl+N", N_("A new record of the area")),
    ("Ctrl+F", N_("Search in the area")),
    ("Ctrl+P", N_("Print preview")),
    ("Ctrl+E", N_("Export to Excel")),
    ("Ctrl+1 … Ctrl+9", N_("Go to an area of the sidebar")),
    ("Ctrl+Z", N_("Undo")),
    ("Ctrl+Y", N_("Redo")),
]
# Roles whose key belongs to the list (Enter, F2, Del also edit text in a field).
LIST_ROLES = ("open", "edit", "delete")
KINDS = ("primary", "record", "print", "pdf", "excel", "file", "other")

DETAILS_POSITIONS = ("right", "bottom", "hidden")


def shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def tooltip_with_key(action: QAction) -> str:
    key = shortcut_text(action)
    text = action.text().replace("&", "")
    return f"{text} ({key})" if key else text


class PageHeader(QWidget):
    """Band 1: the page title (15 pt semibold), context selectors (year, session, series) and the
    search field at the right, ``Search… (Ctrl+F)``; the page's ``find`` command focuses it."""

    def __init__(self, page, context: Iterable[QWidget] = (), search: QLineEdit | None = None):
        super().__init__(page)
        self.page = page
        self.title = QLabel()
        self.title.setFont(point_font(self, colours.PAGE_TITLE_PT, bold=True))
        self.title.setObjectName("pageTitle")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        for widget in context:
            layout.addWidget(widget)
        layout.addStretch(1)
        self.search = search
        if search is not None:
            search.setClearButtonEnabled(True)
            search.setMinimumWidth(120)
            search.setMaximumWidth(320)
            layout.addWidget(search, 1)
            page.search_box = search

    def set_title(self, text: str) -> None:
        self.title.setText(text)


class CommandBar(QWidget):
    """Band 2: the primary command (filled accent) first, the record and area commands, a
    divider, ``Print ▾ | PDF | Excel`` always in that place, and ``More ▾`` at the far right with
    every command of the area. Buttons that do not fit the width hide from the right; More still
    lists them, so nothing is ever unreachable."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.setObjectName("commandBar")
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}  # key -> button (its default action)
        self.optional: list[QWidget] = []  # what may hide when narrow, first kept longest
        commands = page.commands
        kinds = page.command_kinds
        for key, act in commands.items():
            if kinds[key] == "primary":
                self.buttons[key] = self._button(act, primary=True)
        for key, act in commands.items():
            if kinds[key] == "record" and page.command_in_bar.get(key, True):
                self.buttons[key] = self._button(act)
                self.optional.append(self.buttons[key])
        self.divider = QFrame()
        self.divider.setFrameShape(QFrame.Shape.VLine)
        self.divider.setStyleSheet(f"color: {colours.BORDER};")
        self.layout_.addWidget(self.divider)
        self.print_button = self._group_button("print", N_("Print"), "print")
        self.pdf_button = self._group_button("pdf", N_("PDF"), "pdf")
        self.excel_button = self._group_button("excel", N_("Excel"), "excel")
        self.divider.setVisible(any(b is not None for b in (self.print_button, self.pdf_button, self.excel_button)))
        self.layout_.addStretch(1)
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreButton")
        from desktop.views.common.icons import command_icon

        self.more_button.setIcon(command_icon("more"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_menu = QMenu(self.more_button)
        self.more_menu.aboutToShow.connect(lambda: fill_command_menu(self.more_menu, page))
        fill_command_menu(self.more_menu, page)
        self.more_button.setMenu(self.more_menu)
        self.layout_.addWidget(self.more_button)
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self.fit)
        for act in commands.values():
            act.changed.connect(self._relayout.start)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def _button(self, act: QAction, primary: bool = False) -> QToolButton:
        button = QToolButton()
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(not primary)
        if not primary:
            button.setDefaultAction(act)
        else:
            # The primary button follows its action by hand: its icon is the white variant.
            from desktop.views.common.icons import command_icon

            white = command_icon(f"{act.property('icon_name')}-white") if act.property("icon_name") else None

            def follow() -> None:
                button.setText(act.text())
                button.setEnabled(act.isEnabled())
                button.setToolTip(act.toolTip())
                if white is not None and not white.isNull():
                    button.setIcon(white)

            act.changed.connect(follow)
            button.clicked.connect(act.trigger)
            follow()
        if primary:
            button.setObjectName("primaryButton")
            button.setStyleSheet(
                f"QToolButton#primaryButton {{ background: {colours.ACCENT}; color: {colours.ACCENT_TEXT};"
                f" border: 1px solid {colours.ACCENT}; border-radius: 3px; padding: 3px 10px; }}"
                f" QToolButton#primaryButton:disabled {{ background: {colours.BORDER};"
                f" border-color: {colours.BORDER}; color: {colours.TEXT2}; }}")
        self.layout_.addWidget(button)
        return button

    def _group_button(self, kind: str, label: str, icon: str) -> QToolButton | None:
        """One button for a kind: the command itself when there is one, a menu when several."""
        acts = [a for k, a in self.page.commands.items() if self.page.command_kinds[k] == kind]
        if not acts:
            return None
        button = QToolButton()
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setProperty("label", label)
        if len(acts) == 1 and kind != "print":
            button.setDefaultAction(acts[0])
            button.setProperty("single", True)
        else:
            menu = QMenu(button)
            menu.addActions(acts)
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            from desktop.views.common.icons import command_icon

            button.setIcon(command_icon(icon))
        self.layout_.addWidget(button)
        self.optional.append(button)
        return button

    def retranslate(self) -> None:
        self.more_button.setText(_("More"))
        self.more_button.setToolTip(_("Every command of this area"))
        for button in (self.print_button, self.pdf_button, self.excel_button):
            if button is not None and not button.property("single"):
                button.setText(_(button.property("label")))
                enabled = [a for a in button.menu().actions() if a.isEnabled()]
                button.setEnabled(bool(enabled))
        for key, button in self.buttons.items():
            button.setToolTip(tooltip_with_key(self.page.commands[key]))
            if self.page.command_kinds[key] == "primary":
                button.setText(self.page.commands[key].text())
        self._relayout.start()

    def group_enablement(self) -> None:
        for button in (self.print_button, self.pdf_button, self.excel_button):
            if button is not None and button.menu() is not None:
                button.setEnabled(any(a.isEnabled() and a.isVisible() for a in button.menu().actions()))
                button.setVisible(any(a.isVisible() for a in button.menu().actions()) or button in self.optional)

    def fit(self) -> None:
        """Show what fits, hide the rest from the right (More lists everything)."""
        self.group_enablement()
        for key, button in self.buttons.items():
            button.setVisible(self.page.commands[key].isVisible())
            if self.page.command_kinds[key] == "primary":
                button.setEnabled(self.page.commands[key].isEnabled())
        for w in self.optional:
            w.setProperty("fits", True)
        spacing = self.layout_.spacing()
        fixed = self.more_button.sizeHint().width() + spacing + self.divider.sizeHint().width() + spacing
        fixed += sum(b.sizeHint().width() + spacing for k, b in self.buttons.items()
                     if self.page.command_kinds[k] == "primary" and b.isVisibleTo(self))
        room = self.width() - fixed
        for w in self.optional:
            action = w.defaultAction() if isinstance(w, QToolButton) else None
            wanted = action is None or action.isVisible()
            if not wanted:
                w.setVisible(False)
                continue
            need = w.sizeHint().width() + spacing
            w.setVisible(room >= need)
            room -= need if room >= need else room + 1  # once one fails, the rest hide too

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        primary = sum(b.sizeHint().width() + 4 for k, b in self.buttons.items()
                      if self.page.command_kinds[k] == "primary")
        return QSize(primary + self.more_button.sizeHint().width() + 12, hint.height())

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())

def fill_command_menu(menu: QMenu, page, kinds: Iterable[str] = KINDS) -> None:
    """Every command of ``page`` of the given kinds, grouped by kind with separators, in order."""
    menu.clear()
    wanted = tuple(kinds)
    for kind in KINDS:
        if kind not in wanted:
            continue
        acts = [a for k, a in page.commands.items() if page.command_kinds[k] == kind and k != "find"]
        if kind == "other" and "find" in page.commands:
            acts.append(page.commands["find"])
        if acts and menu.actions():
            menu.addSeparator()
        menu.addActions(acts)


class EmptyState(QWidget):
    """What an empty area says: a sentence on what it is for and its first steps as buttons
    (the page's own commands, so they are enabled and named as everywhere else)."""

    def __init__(self, page, keys: Iterable[str]):
        super().__init__(page)
        self.setObjectName("emptyState")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setFont(point_font(self, colours.PANE_TITLE_PT))
        self.buttons: list[QToolButton] = []
        row = QHBoxLayout()
        row.addStretch(1)
        for key in keys:
            if key not in page.commands:  # a first step another part of the program offers
                continue
            button = QToolButton()
            button.setDefaultAction(page.commands[key])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setMinimumHeight(30)
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(2)
        self.setVisible(False)

    def set_text(self, text: str) -> None:
        self.text.setText(text)
