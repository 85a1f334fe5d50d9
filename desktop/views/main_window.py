"""The main window: a sidebar of areas, the current area's page, menus and a status bar."""

from __future__ import annotations

from importlib import import_module
from typing import cast

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop import APP_NAME, i18n
from desktop.i18n import _
from desktop.models.db import Database
from desktop.views import settings as ui_settings
from desktop.views.areas import AREAS, AreaSpec
from desktop.views.common.area import AppContext, AreaPage
from desktop.views.common.icons import resource_icon
from desktop.views.common.page import fit_to_screen
from desktop.views.window_commands import WindowCommands
from desktop.views.window_menus import COUNTRIES, COUNTRY_TITLES, WindowMenus, equip_dialog

__all__ = ["COUNTRIES", "COUNTRY_TITLES", "AreaListModel", "MainWindow", "SidebarDelegate", "equip_dialog"]


class AreaListModel(QAbstractListModel):
    """The sidebar: one row per area, titles in the interface language."""

    def __init__(self, areas: list[AreaSpec], parent=None):
        super().__init__(parent)
        self.areas = areas
        self.icons = [resource_icon(area.icon) for area in areas]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.areas)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        area = self.areas[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(area.title)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icons[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return area.key
        return None

    def retranslate(self) -> None:
        if self.areas:
            self.dataChanged.emit(self.index(0), self.index(len(self.areas) - 1))


class SidebarDelegate(QStyledItemDelegate):
    """Measures an area's name at the sidebar's width, so a long ky/kk name wraps onto a second
    line instead of being cut ("Кызматкерлер жана …")."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sizes: dict[tuple, QSize] = {}  # (text, width) -> size: eight names, asked often

    def sizeHint(self, option, index):
        view = cast(QListView, self.parent())  # the sidebar it draws
        # The viewport's width, not asked of ``view.viewport()``: handing Python a QWidget it has not
        # seen makes PySide resolve every lazily loaded widget class (some 40 enums, 10-15 ms of start-up).
        width = view.contentsRect().width() - 2 * view.spacing()
        bar = view.verticalScrollBar()
        if bar.isVisible():
            width -= bar.width()
        key = (index.data(Qt.ItemDataRole.DisplayRole), width)
        size = self._sizes.get(key)
        if size is None:
            opt = QStyleOptionViewItem(option)
            opt.rect.setWidth(width)
            size = self._sizes[key] = super().sizeHint(opt, index)
        return size


class MainWindow(WindowMenus, WindowCommands, QMainWindow):
    """The window itself: the sidebar, the pages of the areas (each built when first shown), the
    status bar and the window's state. Its actions and menus are built by ``WindowMenus``
    (``window_menus.py``), what its own commands do is ``WindowCommands`` (``window_commands.py``)."""

    language_changed = Signal(str)

    def __init__(self, db: Database, qt_translations=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.ctx = AppContext(db, self)
        self.qt_translations = qt_translations
        self.pages: dict[str, AreaPage] = {}
        self.undo_group = QUndoGroup(self)

        self.area_model = AreaListModel(AREAS, self)
        self.sidebar = QListView()
        self.sidebar.setModel(self.area_model)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSpacing(2)
        self.sidebar.setMinimumWidth(200)
        self.sidebar.setWordWrap(True)
        self.sidebar.setResizeMode(QListView.ResizeMode.Adjust)  # long names re-wrap when the width changes
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.stack = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1000])
        splitter.setChildrenCollapsible(False)  # the sidebar cannot be dragged to nothing (View hides it)
        self.splitter = splitter
        self.setCentralWidget(splitter)
        # Status bar: the selection and the area's states, the last undoable change, the database.
        self.status_selection = QLabel()
        self.status_undo = QLabel()
        self.status_db = QLabel()
        self.statusBar().addPermanentWidget(self.status_selection)
        self.statusBar().addPermanentWidget(self.status_undo)
        self.statusBar().addPermanentWidget(self.status_db)
        self.ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.undo_group.indexChanged.connect(self._on_undo_index)
        self.undo_group.undoTextChanged.connect(self._show_undo_text)
        self.setAcceptDrops(True)

        self._build_actions()
        self._build_menus()
        # Automatic backups at most every 30 minutes while the data changes.
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(30 * 60 * 1000)
        self.backup_timer.timeout.connect(self.auto_backup)
        if db.path is not None:
            self.backup_timer.start()
        self.sidebar.selectionModel().currentChanged.connect(self._on_area_changed)
        i18n.on_language_changed(self._on_language_changed)
        self.retranslate_ui()
        self._restore_state()

    # The title ------------------------------------------------------------
    def window_title(self) -> str:
        """The faculty's name, not the file's path (the status bar names the database)."""
        from desktop.models.org import faculty_name

        try:
            with self.db.session() as s:
                self._faculty = faculty_name(s)
        except Exception:  # noqa: BLE001 - a title must not stop the window
            self._faculty = ""
        return f"{self._faculty} — {APP_NAME}" if self._faculty else APP_NAME

    _faculty = ""
    _titled = False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._titled:  # once the window is painted, off the start's path: the faculty's name
            self._titled = True  # in the title, and the sidebar's long names wrapped at its width
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.setWindowTitle(self.window_title())
        self.sidebar.setItemDelegate(SidebarDelegate(self.sidebar))

    # The status bar -------------------------------------------------------
    def _update_status(self) -> None:
        page = self.current_page()
        self.status_selection.setText(page.status_text() if page is not None else "")

    def _show_undo_text(self, text: str) -> None:
        self.status_undo.setText(_("Last change: {text} (Ctrl+Z undoes it)").format(text=text) if text else "")

    def _on_undo_index(self, _index: int) -> None:
        stack = self.undo_group.activeStack()
        if stack is not None and stack.canUndo():
            self.statusBar().showMessage(
                _("Done: {text}. Ctrl+Z undoes it.").format(text=stack.undoText()), 6000)

    def apply_read_only(self) -> None:
        """A read-only database: the window's own writing commands (restore, the faculty, the document
        frame, the country shared by the office) are disabled, and so are every page's (built now or later)."""
        for act in (self.act_restore, self.act_faculty, self.act_frame):
            act.setEnabled(False)
        self.country_group.setEnabled(False)
        for page in self.pages.values():
            page.apply_read_only()

    # Areas ----------------------------------------------------------------
    def page(self, key: str) -> AreaPage:
        """The page of an area, created on first use (so start-up loads only what is shown)."""
        if key not in self.pages:
            today = self.pages.get("today")
            reading = getattr(today, "loading", None)
            if reading is not None:  # the Today page's first load imports the areas' models on its
                reading.join()  # thread: one importer at a time (two could each wait for the other)
            spec = next(a for a in AREAS if a.key == key)
            cls = getattr(import_module(spec.module), spec.cls)
            page: AreaPage = cls(self.ctx)
            self.pages[key] = page
            self.stack.addWidget(page)
            self.undo_group.addStack(page.undo_stack)
            page.retranslate_ui()
            page.sync_tooltips()
            page.set_details_position(ui_settings.get(ui_settings.DETAILS_POSITION))
            page.status_changed.connect(self._update_status)
            if self.db.read_only:
                page.apply_read_only()
        return self.pages[key]

    def show_area(self, key: str) -> AreaPage:
        row = next(i for i, a in enumerate(AREAS) if a.key == key)
        self.sidebar.setCurrentIndex(self.area_model.index(row))
        return self.pages[key]

    def current_page(self) -> AreaPage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, AreaPage) else None

    def _on_area_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        key = current.data(Qt.ItemDataRole.UserRole)
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self.undo_group.setActiveStack(page.undo_stack)
        ui_settings.put(ui_settings.CURRENT_AREA, key)
        self._title_area_menu()
        page.update_commands()
        self._update_status()
        self._show_undo_text(page.undo_stack.undoText())
        # The area's keys work at once: the focus goes to its list, not left in the sidebar.
        QTimer.singleShot(0, page.focus_list)

    # Drag and drop of files onto the current area -------------------------
    def dragEnterEvent(self, event) -> None:
        page = self.current_page()
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if page and urls and not self.db.read_only and all(page.accepts_file(u.toLocalFile()) for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        page = self.current_page()
        if page:
            for url in event.mimeData().urls():
                page.import_file(url.toLocalFile())

    # Window state ---------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = ui_settings.get(ui_settings.MAIN_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        fit_to_screen(self)
        state = ui_settings.get(ui_settings.MAIN_STATE)
        if state:
            self.restoreState(state)
        keys = [a.key for a in AREAS]
        if AREAS:  # every start opens on the first area, Today
            self.show_area(keys[0])

    def set_details_position(self, position: str) -> None:
        ui_settings.put(ui_settings.DETAILS_POSITION, position)
        for page in self.pages.values():
            page.set_details_position(position)
        self._sync_checks()

    def closeEvent(self, event) -> None:
        ui_settings.put(ui_settings.MAIN_GEOMETRY, self.saveGeometry())
        ui_settings.put(ui_settings.MAIN_STATE, self.saveState())
        i18n.remove_listener(self._on_language_changed)
        super().closeEvent(event)
