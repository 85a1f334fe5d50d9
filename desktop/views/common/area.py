"""The base of every area page shown in the main window."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMenu, QSplitter, QVBoxLayout, QWidget

from desktop import i18n
from desktop.models.db import Database
from desktop.models.operations import Change

if TYPE_CHECKING:
    from desktop.views.common.page import CommandBar


class AppContext(QObject):
    """What pages share: the database, the report language, and change notifications."""

    # An area changed data others show: the ``models.operations.Change`` flags of what changed.
    # Pages connect to ``changed`` and refresh on the flags they show.
    changed = Signal(object)
    # Older announcements by name ("students", "*"); each reaches ``changed`` as its flag.
    data_changed = Signal(str)
    status_message = Signal(str)

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.data_changed.connect(self._named_change)

    def notify(self, changes) -> None:
        """Tell every page what changed (``models.operations.Change`` flags)."""
        if changes:
            self.changed.emit(changes)

    def _named_change(self, name: str) -> None:
        self.changed.emit(Change.named(name))

    @property
    def report_language(self) -> str:
        from desktop.views import settings

        return settings.get(settings.REPORT_LANGUAGE) or i18n.current_language()

    @property
    def country(self) -> str:
        from desktop.models import settings as model_settings

        with self.db.session() as s:
            return model_settings.get(s, "country")


# On a database opened read-only (a read-only file, folder or disk) only the commands that read stay
# enabled: those that print or export (kinds below) and these keys; every other command writes.
READING_KINDS = ("print", "pdf", "excel")
READING_KEYS = frozenset({
    "find", "refresh", "open", "card", "preview", "pdf", "excel", "card_pdf", "card_preview", "excel_groups",
    "group_list", "headcount_pdf", "headcount_xlsx", "month_excel", "month_preview", "preview_agenda",
    "register_export", "content_lang", "history",
})


def reads(*widgets: QWidget) -> None:
    """Mark buttons (or a widget holding only such: navigation, view switches, filters) that only
    read, print or export: they stay enabled on a read-only database. Every other button inside a
    page's detail panes is taken to write and is disabled there."""
    for w in widgets:
        w.setProperty("reads", True)


class _KeepDisabled(QObject):
    """Keeps the buttons it watches disabled, whatever a pane's ``setEnabled`` says later."""

    def eventFilter(self, obj, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.EnabledChange and isinstance(obj, QWidget) and obj.isEnabled():
            obj.setEnabled(False)
        return False


class AreaPage(QWidget):
    """An area of the office's work. Subclasses build their widgets in ``__init__``,
    set texts in ``retranslate_ui`` (called again when the language changes), and reload
    from the database in ``refresh``. Edits go on ``self.undo_stack``.

    The page template (``views/common/page.py`` tells how to adopt it): every command is one
    QAction registered with ``add_command``; the command bar, the area's menu in the menu bar,
    the list's context menu and the shortcuts all show those same actions."""

    # The selection or the counts changed: the status bar asks ``status_text()`` again.
    status_changed = Signal()
    # The data this page shows: it reloads when an operation (on any page) changed one of these.
    shows: Change = Change.NONE

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(self)
        self.commands: dict[str, QAction] = {}
        self.command_kinds: dict[str, str] = {}
        self.command_roles: dict[str, str] = {}
        self.command_in_bar: dict[str, bool] = {}
        self._enabled_when: dict[str, Callable[[], bool]] = {}
        self.list_view: QAbstractItemView | None = None
        self.search_box: QLineEdit | None = None
        self.details_splitter: QSplitter | None = None
        self.details_widget: QWidget | None = None
        self.bar: CommandBar | None = None  # once built
        ctx.changed.connect(self.on_changed)

    def on_changed(self, changes: Change) -> None:
        """An operation changed data (``views/common/operations.run`` announces its flags): reload
        when the page shows any of it. Override for more (replan, keep a selection)."""
        if changes & self.shows:
            self.refresh()

    # Commands -----------------------------------------------------------------------------
    def add_command(self, key: str, slot: Callable[..., object], *, kind: str = "record",
                    role: str | None = None, icon: str | None = None,
                    enabled_when: Callable[[], bool] | None = None, in_bar: bool = True) -> QAction:
        """One command of the area. ``kind``: primary, record, print, pdf, excel, file, other
        (its place in the command bar and in More); ``role``: open, edit, delete, new, find,
        preview, excel (its key from the shared table ``page.SHORTCUTS``); ``enabled_when``:
        asked by ``update_commands`` (selection changes), so no "select a row first"."""
        from desktop.views.common.icons import command_icon
        from desktop.views.common.page import LIST_ROLES, SHORTCUTS

        act = QAction(self)
        act.setObjectName(f"cmd_{key}")
        act.triggered.connect(lambda _checked=False: slot())
        if role:
            act.setShortcut(QKeySequence(SHORTCUTS[role]))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.command_roles[key] = role
        icon = icon or (kind if kind in ("print", "pdf", "excel") else None)
        if icon:
            act.setIcon(command_icon(icon))
            act.setProperty("icon_name", icon)
        if role not in LIST_ROLES:
            self.addAction(act)
        self.commands[key] = act
        self.command_kinds[key] = kind
        self.command_in_bar[key] = in_bar
        if enabled_when is not None:
            self._enabled_when[key] = enabled_when
        return act

    def adopt_command(self, key: str, act: QAction, *, kind: str = "other", in_bar: bool = False) -> QAction:
        """An action a pane of the page made itself (its own keys kept), listed with the area's
        commands: in More, in the area's menu, and in the bar when ``in_bar``."""
        self.commands[key] = act
        self.command_kinds[key] = kind
        self.command_in_bar[key] = in_bar
        return act

    def set_command_texts(self, texts: dict[str, str]) -> None:
        """Texts of the commands in the interface language, each tooltip naming its key."""
        from desktop.views.common.page import tooltip_with_key

        for key, text in texts.items():
            act = self.commands[key]
            act.setText(text)
            act.setToolTip(tooltip_with_key(act))
            act.setProperty("made_tip", act.toolTip())
        self.sync_tooltips()
        if self.bar is not None:
            self.bar.retranslate()

    def sync_tooltips(self) -> None:
        """Every command's tooltip names its key, adopted ones included (the main window calls
        this after each ``retranslate_ui``)."""
        from desktop.views.common.page import shortcut_text, tooltip_with_key

        for act in self.commands.values():
            key = shortcut_text(act)
            tip = act.toolTip()
            if key and (key not in tip or tip == act.property("made_tip")):
                act.setToolTip(tooltip_with_key(act))
                act.setProperty("made_tip", act.toolTip())

    def is_reading_command(self, key: str) -> bool:
        return self.command_kinds.get(key) in READING_KINDS or key in READING_KEYS

    def apply_read_only(self) -> None:
        """The database is read-only: every writing command is disabled for good (a disabled action
        group keeps them so whatever ``update_commands`` says; the bar, the area's menu, the context
        menu and the keys share the actions), and no list edits in place or takes a drop."""
        from PySide6.QtGui import QActionGroup

        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        for key, act in self.commands.items():
            if not self.is_reading_command(key):
                group.addAction(act)
        self._disable_pane_buttons(group)
        group.setEnabled(False)
        self.write_commands = group
        for view in self.findChildren(QAbstractItemView):
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
            view.setAcceptDrops(False)
        self.setAcceptDrops(False)
        if self.bar is not None:
            self.bar.group_enablement()

    def _disable_pane_buttons(self, group) -> None:
        """The buttons of detail panes and forms (a request card's steps, the meeting editor, a
        curator's report form ...) that write: their own actions join the disabled group, plain
        buttons are disabled and kept so."""
        from PySide6.QtWidgets import QAbstractButton, QCalendarWidget, QToolButton

        from desktop.views.common.page import CommandBar, FilterBar

        keeper = _KeepDisabled(self)
        commands = set(self.commands.values())
        for button in self.findChildren(QAbstractButton):
            act = button.defaultAction() if isinstance(button, QToolButton) else None
            if button.objectName().startswith("qt_") or act in commands or isinstance(button.parentWidget(),
                                                                                         QLineEdit):
                continue  # Qt's own (a table's corner, a search field's clear button), or a command
            if act is not None and act.property("reads"):
                continue
            w: QWidget | None = button
            while w is not None and w is not self:
                if w.property("reads") or isinstance(w, (CommandBar, FilterBar, QCalendarWidget)):
                    break
                w = w.parentWidget()
            else:
                if act is not None:
                    group.addAction(act)
                elif button is not getattr(button.parentWidget(), "overflow", None):  # » shows folded buttons
                    button.setEnabled(False)
                    button.installEventFilter(keeper)

    def update_commands(self) -> None:
        """Enable what applies to the current selection, disable the rest."""
        for key, test in self._enabled_when.items():
            self.commands[key].setEnabled(bool(test()))
        if self.bar is not None:
            self.bar.group_enablement()
        self.status_changed.emit()

    def stack_bands(self, *bands: QWidget, fill: Sequence[QWidget] = (), below: Sequence[QWidget] = ()
                    ) -> QVBoxLayout:
        """The page top to bottom: ``bands`` at their own height (the header, ``command_bar()``,
        the filters), then ``fill`` sharing the rest (the empty state and the list, one shown at a
        time), then ``below`` (a legend)."""
        layout = QVBoxLayout(self)
        for band in bands:
            layout.addWidget(band)
        for widget in fill:
            layout.addWidget(widget, 1)
        for band in below:
            layout.addWidget(band)
        return layout

    def page_header(self, context: Sequence[QWidget] = (), search: QLineEdit | None = None):
        """Band 1 (``page.PageHeader``): ``self.header``, its ``self.title``, and ``search`` as the
        page's search field (Ctrl+F)."""
        from desktop.views.common.page import PageHeader

        self.header = PageHeader(self, context=context, search=search)
        self.title = self.header.title
        if search is not None:
            self.set_search(search)
        return self.header

    def command_bar(self):
        from desktop.views.common.page import CommandBar

        self.bar = CommandBar(self)
        return self.bar

    def set_search(self, box: QLineEdit) -> QAction:
        """The area's search field, focused by the ``find`` command (Ctrl+F)."""
        from desktop.i18n import _

        self.search_box = box

        def find() -> None:
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()

        act = self.commands.get("find") or self.add_command("find", find, kind="other", role="find", icon="search")
        from desktop.views.common.page import tooltip_with_key

        act.setText(_("Search"))
        act.setToolTip(tooltip_with_key(act))
        box.setPlaceholderText(_("Search… (Ctrl+F)"))
        return act

    # The list -----------------------------------------------------------------------------
    def set_list(self, view: QAbstractItemView, context_kinds=("primary", "record", "print")) -> None:
        """The area's main list: Enter/F2/Del commands act on it, its right-click menu holds the
        area's commands, and it takes the focus when the area is shown."""
        from desktop.views.common.page import LIST_ROLES, fill_command_menu

        self.list_view = view
        for key, role in self.command_roles.items():
            if role in LIST_ROLES:
                act = self.commands[key]
                act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                view.addAction(act)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        def show_menu(pos) -> None:
            self.update_commands()
            menu = QMenu(view)
            fill_command_menu(menu, self, context_kinds)
            menu.popup(view.viewport().mapToGlobal(pos))
            self._context_menu = menu

        view.customContextMenuRequested.connect(show_menu)
        if view.selectionModel() is not None:
            view.selectionModel().selectionChanged.connect(lambda *_a: self.update_commands())
            view.selectionModel().currentChanged.connect(lambda *_a: self.update_commands())

    def focus_list(self) -> None:
        if self.list_view is not None and self.list_view.isVisible():
            self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def status_text(self) -> str:
        """The status bar's count of the selection (override to add the area's states)."""
        from desktop.i18n import ngettext

        view = self.list_view
        if view is None or view.selectionModel() is None:
            return ""
        selection = view.selectionModel()
        rows = len(selection.selectedRows()) or len({i.row() for i in selection.selectedIndexes()})
        return ngettext("{n} selected", "{n} selected", rows).format(n=rows) if rows else ""

    # The details pane ---------------------------------------------------------------------
    def set_details(self, splitter: QSplitter, details: QWidget) -> None:
        """A details pane that sits right, bottom or hidden (View menu, remembered)."""
        from desktop.views import settings as ui_settings

        self.details_splitter = splitter
        self.details_widget = details
        splitter.setChildrenCollapsible(False)
        self.set_details_position(ui_settings.get(ui_settings.DETAILS_POSITION))

    def details_position(self) -> str:
        if self.details_widget is None or self.details_splitter is None:  # set together (above)
            return ""
        if not self.details_widget.isVisibleTo(self) and self.details_widget.isHidden():
            return "hidden"
        return "bottom" if self.details_splitter.orientation() == Qt.Orientation.Vertical else "right"

    def set_details_position(self, position: str) -> None:
        if self.details_splitter is None or self.details_widget is None:  # set together (above)
            return
        if position == "hidden":
            self.details_widget.hide()
            return
        self.details_widget.show()
        self.details_splitter.setOrientation(
            Qt.Orientation.Vertical if position == "bottom" else Qt.Orientation.Horizontal)

    def retranslate_ui(self) -> None:  # override
        pass

    def refresh(self) -> None:  # override
        pass

    def accepts_file(self, path: str) -> bool:
        """Whether a file dropped on the window belongs to this area (e.g. an .xlsx list)."""
        return False

    def import_file(self, path: str) -> None:
        pass
