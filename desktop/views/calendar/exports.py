"""The calendar page's exports and previews (PDF, Excel, the year view) in the report language,
and its texts' translations.

A mixin of :class:`desktop.views.calendar.page.CalendarArea`."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from desktop.i18n import _
from desktop.models import academic_calendar as ac
from desktop.models.year_view import build_year_view
from desktop.views import settings as ui_settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

    from desktop.views.common.area import AreaPage as _Page
else:
    _Page = object


class CalendarExports(_Page):  # for mypy an AreaPage: the page it is mixed into
    if TYPE_CHECKING:  # the page's, used here
        data: ac.CalendarData | None
        chooser: QComboBox

    def _report_inputs(self, ask: bool = False):
        """The calendar with its texts in the report language (the original where a text has no
        version), its resolved dates and engine; None when the user chose not to export."""
        from desktop.models.text_documents import localize_calendar
        from desktop.views.translations import confirm_missing

        assert self.data is not None  # the export commands need a calendar shown
        lang = self.ctx.report_language
        with self.ctx.db.session() as s:
            work = ac.calendar_engine(s, self.data)
            data, missing = localize_calendar(s, self.data, lang)
        if ask and not confirm_missing(self, missing, lang, self.open_translations):
            return None
        return data, ac.resolve(data, work), work

    def open_translations(self, missing_lang: str | None = None) -> None:
        """The calendar's texts side by side with their versions."""
        from desktop.views.translations import TranslationsDialog

        if self.data is None:
            return
        dialog = TranslationsDialog(self.ctx, "calendar", self.data.id, self.chooser.currentText(),
                                    missing_lang=missing_lang, parent=self)
        dialog.exec()

    def pdf_bytes(self, year_view: bool = False, inputs=None) -> bytes:
        from desktop.reports.calendar_pdf import calendar_pdf, year_view_pdf

        data, resolved, work = inputs or self._report_inputs()
        lang = self.ctx.report_language
        out = io.BytesIO()
        if year_view:
            year_view_pdf(out, build_year_view(data, resolved, work, lang), lang)
        else:
            calendar_pdf(out, data, resolved, work, lang, frame=self._frame(lang))
        return out.getvalue()

    def _frame(self, lang: str):
        from desktop.models.document_frame import document_frame

        with self.ctx.db.session() as s:
            return document_frame(s, "calendar", lang)

    def _save_name(self, suffix: str, filt: str) -> str:
        assert self.data is not None  # asked only for an export of the shown calendar
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or ""
        name = f"calendar-{self.data.year_name}.{suffix}"
        name = f"{folder}/{name}" if folder else name
        path, _f = QFileDialog.getSaveFileName(self, _("Export"), name, filt)
        if path:
            import os

            ui_settings.put(ui_settings.LAST_FOLDER, os.path.dirname(path))
        return path

    def export_pdf(self) -> None:
        if self.data is None:
            return
        inputs = self._report_inputs(ask=True)
        path = self._save_name("pdf", "PDF (*.pdf)") if inputs else ""
        if path:
            from desktop.views.common.tasks import save_file

            data = self.pdf_bytes(inputs=inputs)
            if save_file(self, _("Export"), path, lambda tmp: Path(tmp).write_bytes(data)):
                self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def export_xlsx(self) -> None:
        if self.data is None:
            return
        inputs = self._report_inputs(ask=True)
        path = self._save_name("xlsx", "Excel (*.xlsx)") if inputs else ""
        if path:
            from desktop.reports.calendar_xlsx import calendar_xlsx
            from desktop.views.common.tasks import save_file

            data, resolved, work = inputs
            frame = self._frame(self.ctx.report_language)
            if save_file(self, _("Export"), path,
                         lambda tmp: calendar_xlsx(tmp, data, resolved, work, self.ctx.report_language, frame=frame)):
                self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def preview(self) -> None:
        if self.data is not None:
            from desktop.views.common.printing import preview_pdf

            preview_pdf(self, self.pdf_bytes(), _("Academic calendar"))

    def preview_year_view(self) -> None:
        if self.data is not None:
            from desktop.views.common.printing import preview_pdf

            preview_pdf(self, self.pdf_bytes(year_view=True), _("Year view"))
