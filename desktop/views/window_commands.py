"""What the main window's own commands do: the File menu (backups, restore, templates), the
Settings menu (country, faculty, set-up assistant, demo, document frame) and Help (guide,
shortcuts, about). Each loads what it needs when first used, not at start-up.

A mixin of :class:`desktop.views.main_window.MainWindow`; the menus are built in ``window_menus.py``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop import APP_NAME, __version__, i18n
from desktop.i18n import _
from desktop.models.operations import Change

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoGroup
    from PySide6.QtWidgets import QMainWindow

    from desktop.models.db import Database
    from desktop.views.common.area import AppContext, AreaPage
    from desktop.views.help import HelpWindow

    _Window = QMainWindow
else:
    _Window = object


class WindowCommands(_Window):  # for mypy a QMainWindow: the window it is mixed into
    if TYPE_CHECKING:  # the window's own, built in MainWindow.__init__
        db: Database
        ctx: AppContext
        pages: dict[str, AreaPage]
        undo_group: QUndoGroup
        help_window: HelpWindow | None

        def current_page(self) -> AreaPage | None: ...
        def _sync_checks(self) -> None: ...

    # Settings -------------------------------------------------------------
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
        from PySide6.QtWidgets import QMessageBox

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
        from PySide6.QtWidgets import QMessageBox

        from desktop.models.backup import BackupError, make_backup

        try:
            target = make_backup(self.db, reason="manual")
        except BackupError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return
        self.statusBar().showMessage(_("Backup saved: {path}").format(path=target), 8000)

    def save_template(self, kind: str, path: str | None = None) -> bool:
        """File → a blank student list or work plan in the interface language, to fill and import."""
        from PySide6.QtWidgets import QFileDialog

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
        from PySide6.QtWidgets import QFileDialog, QMessageBox

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

    # Help -----------------------------------------------------------------
    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop.views.common.page import SHORTCUT_HELP

        rows = "".join(f"<tr><td><b>{key}</b>&nbsp;&nbsp;</td><td>{_(text)}</td></tr>" for key, text in SHORTCUT_HELP)
        QMessageBox.information(self, _("Keyboard shortcuts"), f"<table>{rows}</table>")

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
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self, _("About Dekanat"),
            _("Dekanat {version}\n\nThe dean's office's work plan, calendar, students, exam sessions, "
              "meetings and curator reports in one program.").format(version=__version__))
