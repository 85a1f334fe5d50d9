"""The main window: a sidebar of areas, the current area's page, menus and a status bar."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop import APP_NAME, __version__, i18n
from desktop.i18n import _
from desktop.models.db import Database
from desktop.models.operations import Change
from desktop.views import settings as ui_settings
from desktop.views.areas import AREAS, AreaSpec
from desktop.views.common.area import AppContext, AreaPage
from desktop.views.common.icons import resource_icon
from desktop.views.common.page import fit_to_screen

if TYPE_CHECKING:
    from desktop.views.help import HelpWindow

COUNTRIES = {"KG": "Kyrgyzstan", "KZ": "Kazakhstan", "RU": "Russia"}
COUNTRY_TITLES = {"KG": i18n.N_("Kyrgyzstan"), "KZ": i18n.N_("Kazakhstan"), "RU": i18n.N_("Russia")}


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
        view = self.parent()
        width = view.viewport().width() - 2 * view.spacing()
        key = (index.data(Qt.ItemDataRole.DisplayRole), width)
        size = self._sizes.get(key)
        if size is None:
            opt = QStyleOptionViewItem(option)
            opt.rect.setWidth(width)
            size = self._sizes[key] = super().sizeHint(opt, index)
        return size


def equip_dialog(_old, new) -> None:
    """F1 in every dialog: a dialog window taking the focus for the first time gets its own
    (``views/help.DialogHelp``; the help module loads only then, not at start-up)."""
    window = new.window() if new is not None else None
    if isinstance(window, QDialog) and not window.property("dekanatF1"):
        from desktop.views.help import DialogHelp

        DialogHelp.equip(window)


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    _dialogs_equipped = False

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

    # Actions and menus ----------------------------------------------------
    def _build_actions(self) -> None:
        self.act_backup = QAction(self)
        self.act_backup.triggered.connect(self.backup_now)
        self.act_restore = QAction(self)
        self.act_restore.triggered.connect(self.restore_backup)
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        self.act_undo = self.undo_group.createUndoAction(self)
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo_group.createRedoAction(self)
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.show_about)
        self.act_guide = QAction(self)
        self.act_guide.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        # this window's F1; each dialog has its own (views/help.DialogHelp), installed on its first focus
        self.act_guide.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.act_guide.triggered.connect(lambda: self.show_guide())
        if not MainWindow._dialogs_equipped:  # once per application
            MainWindow._dialogs_equipped = True
            app = QApplication.instance()
            assert isinstance(app, QApplication)  # a main window needs the widgets' application
            app.focusChanged.connect(equip_dialog)
        self.help_window: HelpWindow | None = None
        self.act_faculty = QAction(self)
        self.act_faculty.triggered.connect(self.open_faculty_editor)
        self.act_frame = QAction(self)
        self.act_frame.triggered.connect(self.edit_document_frame)
        self.act_shortcuts = QAction(self)
        self.act_shortcuts.triggered.connect(self.show_shortcuts)
        # View: the sidebar, and where the details pane of every area sits (remembered).
        self.act_sidebar = QAction(self, checkable=True, checked=True)
        self.act_sidebar.toggled.connect(self.sidebar.setVisible)
        self.details_group = QActionGroup(self)
        self.details_actions: dict[str, QAction] = {}
        for position in ("right", "bottom", "hidden"):
            act = QAction(self, checkable=True)
            act.triggered.connect(lambda _checked=False, position=position: self.set_details_position(position))
            self.details_group.addAction(act)
            self.details_actions[position] = act
        # Ctrl+1 … Ctrl+9: the areas of the sidebar, from anywhere in the window.
        self.area_shortcuts: list[QAction] = []
        for i, area in enumerate(AREAS[:9]):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(lambda _checked=False, key=area.key: self.show_area(key))
            self.addAction(act)
            self.area_shortcuts.append(act)
        self.act_student_template = QAction(self)
        self.act_student_template.triggered.connect(lambda: self.save_template("students"))
        self.act_workplan_template = QAction(self)
        self.act_workplan_template.triggered.connect(lambda: self.save_template("workplan"))

        self.lang_group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for lang in i18n.LANGUAGES:
            act = QAction(i18n.LANGUAGE_NAMES[lang], self, checkable=True)
            act.setData(lang)
            act.triggered.connect(lambda _checked=False, lang=lang: self.set_interface_language(lang))
            self.lang_group.addAction(act)
            self.lang_actions[lang] = act
        self.report_lang_group = QActionGroup(self)
        self.report_lang_actions: dict[str, QAction] = {}
        for lang in ("",) + i18n.LANGUAGES:
            act = QAction(i18n.LANGUAGE_NAMES.get(lang, ""), self, checkable=True)
            act.triggered.connect(lambda _checked=False, lang=lang: self.set_report_language(lang))
            self.report_lang_group.addAction(act)
            self.report_lang_actions[lang] = act
        self.country_group = QActionGroup(self)
        self.country_actions: dict[str, QAction] = {}
        for code in COUNTRIES:
            act = QAction(self, checkable=True)
            act.triggered.connect(lambda _checked=False, code=code: self.set_country(code))
            self.country_group.addAction(act)
            self.country_actions[code] = act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_backup)
        self.menu_file.addAction(self.act_restore)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_student_template)
        self.menu_file.addAction(self.act_workplan_template)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addAction(self.act_redo)
        self.menu_view = bar.addMenu("")
        self.menu_view.addAction(self.act_sidebar)
        self.menu_details = self.menu_view.addMenu("")
        self.menu_details.addActions(list(self.details_actions.values()))
        self.menu_view.addSeparator()
        self.menu_view.addActions(self.area_shortcuts)
        # The current area's commands: the same QActions as its command bar and "More".
        self.menu_area = bar.addMenu("")
        self.menu_area.aboutToShow.connect(self._fill_area_menu)
        self.menu_settings = bar.addMenu("")
        self.menu_settings.addAction(self.act_faculty)
        self.menu_lang = self.menu_settings.addMenu("")
        self.menu_lang.addActions(list(self.lang_actions.values()))
        self.menu_report_lang = self.menu_settings.addMenu("")
        self.menu_report_lang.addActions(list(self.report_lang_actions.values()))
        self.menu_country = self.menu_settings.addMenu("")
        self.menu_country.addActions(list(self.country_actions.values()))
        self.menu_settings.addAction(self.act_frame)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_shortcuts)
        self.menu_help.addAction(self.act_guide)
        self.menu_help.addAction(self.act_about)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(f"{self._faculty} — {APP_NAME}" if self._faculty else APP_NAME)
        self.menu_file.setTitle(_("&File"))
        self.act_backup.setText(_("Back up now"))
        self.act_restore.setText(_("Restore from backup…"))
        self.act_quit.setText(_("Quit"))
        self.act_student_template.setText(_("Student list template (.xlsx)…"))
        self.act_workplan_template.setText(_("Work plan template (.docx)…"))
        self.menu_edit.setTitle(_("&Edit"))
        self.act_undo.setText(_("Undo"))
        self.act_redo.setText(_("Redo"))
        self.menu_settings.setTitle(_("&Settings"))
        self.act_faculty.setText(_("Faculty…"))
        self.menu_lang.setTitle(_("Interface language"))
        self.menu_report_lang.setTitle(_("Default report language"))
        self.report_lang_actions[""].setText(_("Same as the interface"))
        self.menu_country.setTitle(_("Country for working days"))
        self.act_frame.setText(_("Document frame…"))
        for code, act in self.country_actions.items():
            act.setText(f"{_(COUNTRY_TITLES[code])} ({code})")
        self.menu_help.setTitle(_("&Help"))
        self.act_about.setText(_("About Dekanat"))
        self.act_shortcuts.setText(_("Keyboard shortcuts"))
        self.menu_view.setTitle(_("&View"))
        self.act_sidebar.setText(_("Sidebar"))
        self.menu_details.setTitle(_("Details pane"))
        for position, text in (("right", _("Right")), ("bottom", _("Bottom")), ("hidden", _("Hidden"))):
            self.details_actions[position].setText(text)
        for act, area in zip(self.area_shortcuts, AREAS, strict=False):
            act.setText(_(area.title))
        self._title_area_menu()
        self.act_guide.setText(_("User guide"))
        if self.help_window is not None:
            self.help_window.retranslate()
        # the file's name; its whole path in the tooltip (the title names the faculty)
        name = self.db.path.name if self.db.path is not None else self.db.display_name
        self.status_db.setText(_("Database: {name}").format(name=name))
        self.status_db.setToolTip(self.db.display_name)
        self.area_model.retranslate()
        metrics = self.sidebar.fontMetrics()
        widest = max((metrics.horizontalAdvance(_(a.title)) for a in AREAS), default=120)
        # Long names wrap onto two lines rather than widen the sidebar past UI.md's 184–220 px.
        self.sidebar.setMinimumWidth(min(widest + 60, 220))
        self._sync_checks()

    def _sync_checks(self) -> None:
        self.lang_actions[i18n.current_language()].setChecked(True)
        report = ui_settings.get(ui_settings.REPORT_LANGUAGE) or ""
        self.report_lang_actions.get(report, self.report_lang_actions[""]).setChecked(True)
        self.country_actions[self.ctx.country].setChecked(True)
        position = ui_settings.get(ui_settings.DETAILS_POSITION)
        self.details_actions.get(position, self.details_actions["right"]).setChecked(True)

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

    # The area's menu, the details pane, the status bar ----------------------------------------
    def _title_area_menu(self) -> None:
        page = self.current_page()
        key = next((k for k, p in self.pages.items() if p is page), None)
        spec = next((a for a in AREAS if a.key == key), None)
        self.menu_area.setTitle(_(spec.title) if spec else _("Area"))

    def _fill_area_menu(self) -> None:
        from desktop.views.common.page import fill_command_menu

        page = self.current_page()
        if page is not None:
            page.update_commands()
            fill_command_menu(self.menu_area, page)
        else:
            self.menu_area.clear()

    def set_details_position(self, position: str) -> None:
        ui_settings.put(ui_settings.DETAILS_POSITION, position)
        for page in self.pages.values():
            page.set_details_position(position)
        self._sync_checks()

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

    def show_shortcuts(self) -> None:
        from desktop.views.common.page import SHORTCUT_HELP

        rows = "".join(f"<tr><td><b>{key}</b>&nbsp;&nbsp;</td><td>{_(text)}</td></tr>" for key, text in SHORTCUT_HELP)
        QMessageBox.information(self, _("Keyboard shortcuts"), f"<table>{rows}</table>")

    # Areas ----------------------------------------------------------------
    def page(self, key: str) -> AreaPage:
        """The page of an area, created on first use (so start-up loads only what is shown)."""
        if key not in self.pages:
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

    # Settings -------------------------------------------------------------
    def set_interface_language(self, lang: str) -> None:
        ui_settings.put(ui_settings.INTERFACE_LANGUAGE, lang)
        i18n.set_language(lang)

    def _on_language_changed(self, lang: str) -> None:
        if self.qt_translations is not None:
            self.qt_translations.apply(lang)
        self.retranslate_ui()
        for page in self.pages.values():
            page.retranslate_ui()
            page.sync_tooltips()
        self.language_changed.emit(lang)

    def set_report_language(self, lang: str) -> None:
        ui_settings.put(ui_settings.REPORT_LANGUAGE, lang)
        self._sync_checks()

    def set_country(self, code: str) -> None:
        from desktop.models import settings as model_settings

        with self.db.session() as s:
            model_settings.put(s, "country", code)
        self.ctx.notify(Change.COUNTRY)
        self._sync_checks()

    def open_faculty_editor(self) -> bool:
        """Settings → Faculty…: names, country, people who sign, the year; saved as one undo step."""
        from desktop.models import faculty_profile
        from desktop.views.faculty import FacultyDialog

        with self.db.session() as s:
            profile = faculty_profile.load_profile(s)
        return FacultyDialog(profile, self.save_faculty, self).exec() == FacultyDialog.DialogCode.Accepted

    def save_faculty(self, profile) -> bool:
        from desktop.models.faculty_profile import save_profile_op
        from desktop.models.operations import bind
        from desktop.views.common.operations import Host, run

        page = self.current_page()
        stack = page.undo_stack if page is not None else self.undo_group.activeStack()
        return run(Host(self.ctx, self), _("Edit faculty"), bind(save_profile_op, profile), title=_("Faculty"),
                   stack=stack,
                   after=lambda _outcome: self._sync_checks()) is not None

    def offer_setup(self) -> str:
        """The set-up assistant, when the database has no faculty yet. Returns what it did
        ("faculty", "demo" or "" when cancelled)."""
        from desktop.models.faculty_profile import has_faculty
        from desktop.views.faculty import SetupWizard

        with self.db.session() as s:
            if has_faculty(s):
                return ""
        wizard = SetupWizard(self.db, self, build_demo=self.build_demo_faculty)
        wizard.exec()
        if wizard.finished_with:
            for page in self.pages.values():
                page.undo_stack.clear()
                page.refresh()
            self.ctx.notify(Change.ALL)
            self._sync_checks()
        return wizard.finished_with

    def build_demo_faculty(self) -> bool:
        from desktop.models.demo import DemoRefused, build_demo
        from desktop.views.common.tasks import TaskCancelled, run_with_progress

        try:
            country = {"ky": "KG", "kk": "KZ", "ru": "RU"}.get(i18n.current_language(), "KG")
            run_with_progress(self, _("Demo faculty"),
                              lambda progress: build_demo(self.db, students=600, country=country))
        except (DemoRefused, TaskCancelled) as exc:
            QMessageBox.warning(self, _("Demo faculty"), str(exc))
            return False
        return True
    def edit_document_frame(self) -> None:
        from desktop.views.frame_dialog import edit_document_frame

        edit_document_frame(self, self.ctx, self.undo_group.activeStack())

    # File menu ------------------------------------------------------------
    def backup_now(self) -> None:
        from desktop.models.backup import BackupError, make_backup

        try:
            target = make_backup(self.db, reason="manual")
        except BackupError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return
        self.statusBar().showMessage(_("Backup saved: {path}").format(path=target), 8000)

    def save_template(self, kind: str, path: str | None = None) -> bool:
        """File → a blank student list or work plan in the interface language, to fill and import."""
        from desktop.reports import templates
        from desktop.views.common.tasks import write_report_file

        lang = i18n.current_language()
        if kind == "students":
            name, filt, write = _("Student list") + ".xlsx", _("Excel workbooks (*.xlsx)"), \
                templates.write_student_list_template
        else:
            name, filt, write = _("Work plan") + ".docx", _("Word documents (*.docx)"), \
                templates.write_workplan_template
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, _("Save the template"), name, filt)
        if not path:
            return False
        done = write_report_file(self, _("Save the template"), path, lambda tmp, _progress: write(tmp, lang))
        if done:
            self.statusBar().showMessage(_("Template written to {path}").format(path=path), 8000)
        return done

    def auto_backup(self) -> None:
        import datetime as dt

        from desktop.models.backup import BackupError, backup_if_changed

        try:
            made = backup_if_changed(self.db, min_interval=dt.timedelta(minutes=30))
        except BackupError:
            return
        if made:
            self.statusBar().showMessage(_("Backup saved: {path}").format(path=made.name), 5000)

    def restore_backup(self) -> None:
        from desktop.models.backup import BackupError, backup_dir, restore

        if self.db.path is None:
            QMessageBox.information(self, APP_NAME, _("A server database is backed up and restored on the server."))
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Restore from backup"), str(backup_dir(self.db.path)), _("Dekanat databases (*.sqlite3)"))
        if not path:
            return
        answer = QMessageBox.question(
            self, APP_NAME,
            _("Replace the current data with the backup {name}? The current data is backed up first.").format(
                name=path))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            safety = restore(self.db, Path(path))
            from desktop.models.migrate import upgrade

            upgrade(self.db, backup=False)
        except BackupError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return
        for page in self.pages.values():
            page.undo_stack.clear()
            page.refresh()
        self.ctx.notify(Change.ALL)
        if safety is None:  # the file held no data, so there was nothing to back up first
            message = _("Restored from {file}.").format(file=Path(path).name)
        else:
            message = _("Restored. The previous data was saved as {path}").format(path=safety)
        self.statusBar().showMessage(message, 10000)

    def show_guide(self, chapter: str | None = None):
        """The user guide at ``chapter`` (default: the current area's)."""
        from desktop.views.help import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        page = self.current_page()
        key = chapter or next((k for k, p in self.pages.items() if p is page), "today")
        self.help_window.show_chapter(key)
        self.help_window.show()
        self.help_window.raise_()
        return self.help_window

    def show_about(self) -> None:
        QMessageBox.about(
            self, _("About Dekanat"),
            _("Dekanat {version}\n\nThe dean's office's work plan, calendar, students, exam sessions, "
              "meetings and curator reports in one program.").format(version=__version__))

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

    def closeEvent(self, event) -> None:
        ui_settings.put(ui_settings.MAIN_GEOMETRY, self.saveGeometry())
        ui_settings.put(ui_settings.MAIN_STATE, self.saveState())
        i18n.remove_listener(self._on_language_changed)
        super().closeEvent(event)
