"""The main window's actions and menus: built once, their texts in the interface language
(``retranslate_ui``, run again on every switch of language), and the checks that follow the
settings (interface and report language, country, details pane).

A mixin of :class:`desktop.views.main_window.MainWindow` (its widgets are built there); what the
commands do is in ``window_commands.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, i18n
from desktop.i18n import _
from desktop.views import settings as ui_settings
from desktop.views.areas import AREAS

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoGroup
    from PySide6.QtWidgets import QLabel, QListView, QMainWindow, QMenu

    from desktop.models.db import Database
    from desktop.views.app import QtTranslations
    from desktop.views.common.area import AppContext, AreaPage
    from desktop.views.help import HelpWindow
    from desktop.views.main_window import AreaListModel

    _Window = QMainWindow
else:
    _Window = object

COUNTRIES = {"KG": "Kyrgyzstan", "KZ": "Kazakhstan", "RU": "Russia"}
COUNTRY_TITLES = {"KG": i18n.N_("Kyrgyzstan"), "KZ": i18n.N_("Kazakhstan"), "RU": i18n.N_("Russia")}


def equip_dialog(_old, new) -> None:
    """F1 in every dialog: a dialog window taking the focus for the first time gets its own
    (``views/help.DialogHelp``; the help module loads only then, not at start-up)."""
    from PySide6.QtWidgets import QDialog

    window = new.window() if new is not None else None
    if isinstance(window, QDialog) and not window.property("dekanatF1"):
        from desktop.views.help import DialogHelp

        DialogHelp.equip(window)


class WindowMenus(_Window):  # for mypy a QMainWindow: the window it is mixed into
    _dialogs_equipped = False  # once per application: F1 in dialogs (equip_dialog)
    if TYPE_CHECKING:  # the window's own, built in MainWindow.__init__
        db: Database
        ctx: AppContext
        qt_translations: QtTranslations | None
        pages: dict[str, AreaPage]
        undo_group: QUndoGroup
        area_model: AreaListModel
        sidebar: QListView
        status_db: QLabel
        help_window: HelpWindow | None
        language_changed: SignalInstance
        _faculty: str

        def current_page(self) -> AreaPage | None: ...
        def show_area(self, key: str) -> AreaPage: ...
        def set_details_position(self, position: str) -> None: ...
        def set_country(self, code: str) -> None: ...
        def backup_now(self) -> None: ...
        def restore_backup(self) -> None: ...
        def save_template(self, kind: str, path: str | None = None) -> bool: ...
        def show_guide(self, chapter: str | None = None): ...
        def show_about(self) -> None: ...
        def show_shortcuts(self) -> None: ...
        def open_faculty_editor(self) -> bool: ...
        def edit_document_frame(self) -> None: ...
        menu_area: QMenu

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
        if not WindowMenus._dialogs_equipped:  # once per application
            WindowMenus._dialogs_equipped = True
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

    # Languages ------------------------------------------------------------
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
