"""What the editor does with a plan as a whole: a new plan for a year, deleting it, editing its
header, exporting it (PDF, Excel, progress report) and importing a Word or Excel plan.

A mixin of :class:`desktop.views.workplan.WorkPlanArea`: it uses the page's ``ctx``, ``tree``,
``year`` combo and ``_do`` (the operations runner). Each action asks (dialogs) and then
calls a ``do_*`` method that tests call directly.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox

from desktop import clock
from desktop.i18n import _
from desktop.models import workplan as wp
from desktop.models import workplan_operations as wops
from desktop.models.base import DomainError
from desktop.models.operations import Change, bind
from desktop.models.org import academic_year_of, parse_year_name
from desktop.views import settings as ui_settings
from desktop.views.workplan.plan_dialogs import ImportDialog, PlanHeaderDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

    from desktop.views.common.area import AreaPage as _Page
else:
    _Page = object

IMPORT_SUFFIXES = (".docx", ".xlsx")


class PlanActions(_Page):  # for mypy an AreaPage: the page it is mixed into
    if TYPE_CHECKING:  # the page's, used here
        tree: wp.PlanTree | None
        year: QComboBox

        def _do(self, text: str, op, select: int | None = None, after=None, progress: str | None = None): ...

    # New and deleted plans -------------------------------------------------------------------
    def suggested_year(self) -> str:
        """The year after the newest plan, or the current academic year when there is none."""
        years = [self.year.itemText(i) for i in range(self.year.count())]
        if not years:
            return academic_year_of(clock.today())
        first = max(int(y[:4]) for y in years) + 1
        return f"{first}-{first + 1}"

    def new_plan(self) -> None:
        year, ok = QInputDialog.getText(self, _("New plan"), _("Academic year (like 2025-2026):"),
                                        QLineEdit.EchoMode.Normal, self.suggested_year())
        if ok and year.strip():
            self.do_new_plan(year.strip())

    def do_new_plan(self, year: str) -> None:
        try:
            parse_year_name(year)
        except DomainError as exc:
            QMessageBox.warning(self, _("Work plan"), str(exc))
            return
        self._do(_("New plan"), bind(wops.create_standard_plan_op, year))
        self.show_year(year)

    def delete_plan(self) -> None:
        if not self.tree:
            return
        count = sum(len(s["items"]) for s in self.tree["sections"])
        answer = QMessageBox.question(
            self, _("Delete plan"),
            _("Delete the work plan for {year} with its {count} items? Edit ▸ Undo brings it back.").format(
                year=self.tree["year"], count=count))
        if answer == QMessageBox.StandardButton.Yes:
            self.do_delete_plan()

    def do_delete_plan(self) -> None:
        if not self.tree:
            return
        from desktop.views.common.mass_delete import backup_before_delete

        if not backup_before_delete(self, sum(len(s["items"]) for s in self.tree["sections"]), whole=True):
            return
        self._do(_("Delete plan"), bind(wops.delete_plan_op, self.tree["id"]), after=self._show_restored_year)

    def _show_restored_year(self, outcome) -> None:
        """Undo of a deletion brings the plan back: its year is shown."""
        if isinstance(outcome.result, int):
            with self.ctx.db.session() as s:
                plan = s.get(wp.WorkPlan, outcome.result)
                year = plan.year.name if plan else None
            if year:
                self.show_year(year)

    def show_year(self, year: str) -> None:
        i = self.year.findText(year)
        if i >= 0 and i != self.year.currentIndex():
            self.year.setCurrentIndex(i)

    # Header --------------------------------------------------------------------------------
    def edit_header(self) -> None:
        if not self.tree:
            return
        dialog = PlanHeaderDialog(self.tree, self)
        if dialog.exec():
            self.do_edit_header(dialog.values())

    def do_edit_header(self, values: Mapping[str, Any]) -> None:
        if not self.tree:
            return
        changed = {k: v for k, v in values.items() if k in wp.HEADER_FIELDS and self.tree.get(k) != v}
        if not changed:
            return
        self._do(_("Edit plan header"), bind(wops.update_plan_op, self.tree["id"], **changed))

    # Export ------------------------------------------------------------------------------------
    def _save_path(self, title: str, name: str, pattern: str) -> str:
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or str(Path.home())
        path, _filter = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), pattern)
        if path:
            ui_settings.put(ui_settings.LAST_FOLDER, str(Path(path).parent))
        return path

    def export_pdf(self) -> None:
        if self.tree:
            path = self._save_path(_("Export to PDF"), self._file_stem() + ".pdf", _("PDF documents (*.pdf)"))
            if path:
                self.do_export("pdf", path)

    def export_xlsx(self) -> None:
        if self.tree:
            path = self._save_path(_("Export to Excel"), self._file_stem() + ".xlsx", _("Excel workbooks (*.xlsx)"))
            if path:
                self.do_export("xlsx", path)

    def export_progress(self) -> None:
        if self.tree:
            path = self._save_path(_("Progress report"), self._file_stem() + "-progress.pdf",
                                   _("PDF documents (*.pdf)"))
            if path:
                self.do_export("progress", path)

    def _file_stem(self) -> str:
        return f"workplan-{self.tree['year']}" if self.tree else "workplan"

    def do_export(self, kind: str, path: str) -> None:
        """Write the plan (``pdf``, ``xlsx``) or its progress report (``progress``) in the report
        language. A 300-item plan takes about 0.1 s, so it runs here with a wait cursor."""
        lang = self.ctx.report_language
        tree = self.report_tree(lang, ask=kind != "progress")
        if tree is None:
            return
        from desktop.views.common.tasks import save_file

        def write(tmp: str) -> None:
            if kind == "pdf":
                from desktop.reports.workplan_pdf import plan_pdf

                plan_pdf(tmp, tree, lang)
            elif kind == "xlsx":
                from desktop.reports.workplan_xlsx import plan_xlsx

                plan_xlsx(tmp, tree, lang)
            else:
                from desktop.reports.workplan_pdf import progress_pdf

                progress_pdf(tmp, tree, lang, clock.today())

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = save_file(self, _("Work plan"), path, write)
        finally:
            QApplication.restoreOverrideCursor()
        if written:
            self.ctx.status_message.emit(_("Saved: {file}").format(file=path))

    # Languages -------------------------------------------------------------------------------
    def report_tree(self, lang: str, *, ask: bool = True) -> wp.PlanTree | None:
        """The plan with every text in ``lang`` where it has a version. Texts without one are
        listed first ("Translate now" / "Export anyway"); None when the user chose not to export."""
        from desktop.models.text_documents import localize_plan
        from desktop.views.translations import confirm_missing

        assert self.tree is not None  # the export commands need a plan shown
        with self.ctx.db.session() as s:
            tree, missing = localize_plan(s, wp.plan_tree(s, wp.require_plan(s, self.tree["year"])), lang)
        if ask and not confirm_missing(self, missing, lang, self.open_translations):
            return None
        return tree

    def open_translations(self, missing_lang: str | None = None) -> None:
        """The plan's texts side by side with their versions (one row per text)."""
        from desktop.views.translations import TranslationsDialog

        if not self.tree:
            return
        dialog = TranslationsDialog(self.ctx, "workplan", self.tree["id"],
                                    _("Work plan for {year}").format(year=self.tree["year"]),
                                    missing_lang=missing_lang, parent=self)
        dialog.exec()
        if dialog.changed:
            self.ctx.notify(Change.WORKPLAN)

    def toggle_content_language(self, interface: bool) -> None:
        """One setting: typed texts in their original or in the interface language."""
        ui_settings.put(ui_settings.CONTENT_SHOWN, "interface" if interface else "original")
        self.ctx.notify(Change.CONTENT_LANGUAGE)  # every page, this one too, shows the choice

    # Import ------------------------------------------------------------------------------------
    def accepts_file(self, path: str) -> bool:
        return Path(path).suffix.lower() in IMPORT_SUFFIXES

    def import_plan(self) -> None:
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(self, _("Import work plan"), folder,
                                                    _("Work plans (*.docx *.xlsx)"))
        if path:
            ui_settings.put(ui_settings.LAST_FOLDER, str(Path(path).parent))
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Read the file, show the dry run (sections, item counts) and the year, then import."""
        from desktop.reports.workplan_import import read_plan_file

        try:
            parsed = read_plan_file(path)
        except DomainError as exc:
            QMessageBox.warning(self, _("Import work plan"), str(exc))
            return
        taken = {self.year.itemText(i) for i in range(self.year.count())}
        dialog = ImportDialog(Path(path).name, parsed.summary(), sorted(taken), self.suggested_year(), self)
        if dialog.exec():
            self.do_import(parsed, dialog.chosen_year())

    def do_import(self, parsed, year: str) -> None:
        from desktop.reports.workplan_import import import_plan_op

        try:
            parse_year_name(year)
        except DomainError as exc:
            QMessageBox.warning(self, _("Import work plan"), str(exc))
            return
        if self._do(_("Import work plan"), bind(import_plan_op, parsed, year), progress=_("Import work plan")):
            self.show_year(year)

    # Printing ------------------------------------------------------------------------------
    def plan_pdf_bytes(self) -> bytes:
        from desktop.reports.workplan_pdf import plan_pdf

        lang = self.ctx.report_language
        tree = self.report_tree(lang, ask=False)
        assert tree is not None  # None only when asked and the user declined
        out = io.BytesIO()
        plan_pdf(out, tree, lang)
        return out.getvalue()

    def print_preview(self) -> None:
        if self.tree:
            from desktop.views.common.printing import preview_pdf

            preview_pdf(self, self.plan_pdf_bytes())

    def progress_preview(self) -> None:
        if self.tree:
            from desktop.reports.workplan_pdf import progress_pdf
            from desktop.views.common.printing import preview_pdf

            out = io.BytesIO()
            progress_pdf(out, self.tree, self.ctx.report_language, clock.today())
            preview_pdf(self, out.getvalue())
