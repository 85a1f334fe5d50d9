"""The requests page's papers: the register to Excel and PDF, the request's card, the receipt
of documents and the motivated refusal (seed 002), each previewed or saved through the one writer.

A mixin of :class:`desktop.views.requests.page.RequestsArea` (its widgets are built there)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.i18n import _
from desktop.models import requests as req
from desktop.models.base import DomainError
from desktop.views import settings as user_settings
from desktop.views.requests.part import RequestsPart


class RequestsExports(RequestsPart):
    # Reports ----------------------------------------------------------------
    def _save_path(self, title: str, suggested: str, pattern: str) -> str | None:
        folder = user_settings.get(user_settings.LAST_FOLDER) or ""
        path, _filter = QFileDialog.getSaveFileName(self, title, f"{folder}/{suggested}" if folder else suggested,
                                                    pattern)
        if path:
            import os

            user_settings.put(user_settings.LAST_FOLDER, os.path.dirname(path))
        return path or None

    def export_register(self, path: str | None = None) -> None:
        from desktop.reports.requests import register_xlsx

        rows = self.report_rows(ask=True)
        if rows is None:  # the user chose not to export (also when the path was given)
            return
        path = path or self._save_path(_("Register to Excel"), "requests.xlsx", "Excel (*.xlsx)")
        if not path:
            return
        from desktop.models.document_frame import document_frame
        from desktop.views.common.tasks import save_file

        with self.ctx.db.session() as s:
            frame = document_frame(s, "requests")
        if save_file(self, _("Register to Excel"), path,
                     lambda tmp: register_xlsx(rows, tmp, self.ctx.report_language, self.today, frame=frame)):
            self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def shown_rows(self) -> list[req.RequestRow]:
        """The register's rows as filtered and sorted on screen (what the exports print)."""
        return [self.model.register_row(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]

    def report_rows(self, ask: bool = False) -> list[req.RequestRow] | None:
        """The rows shown, their texts in the report language where a version exists. With
        ``ask``, texts without one are listed first; None when the user chose not to export."""
        from desktop.models.text_documents import localize_request_rows
        from desktop.views.translations import confirm_missing

        lang = self.ctx.report_language
        with self.ctx.db.session() as s:
            rows, missing = localize_request_rows(s, self.shown_rows(), lang)
        if ask and not confirm_missing(self, missing, lang, lambda _lang: self.open_translations()):
            return None
        return rows

    def register_pdf_bytes(self, rows: list[req.RequestRow] | None = None) -> bytes:
        import io

        from desktop.models.document_frame import document_frame
        from desktop.models.text_documents import faculty_name
        from desktop.reports.requests import register_pdf

        with self.ctx.db.session() as s:
            name = faculty_name(s, self.ctx.report_language)
            frame = document_frame(s, "requests")
        if rows is None:
            rows = self.report_rows()
            assert rows is not None  # None only when asked and the user declined
        out = io.BytesIO()
        register_pdf(rows, out, self.ctx.report_language, self.today,
                     name, frame=frame)
        return out.getvalue()

    def export_register_pdf(self, path: str | None = None) -> None:
        rows = self.report_rows(ask=True)
        if rows is None:
            return
        path = path or self._save_path(_("Register to PDF"), "requests.pdf", "PDF (*.pdf)")
        if path:
            from desktop.views.common.tasks import save_file

            data = self.register_pdf_bytes(rows)
            if save_file(self, _("Register to PDF"), path, lambda tmp: Path(tmp).write_bytes(data)):
                self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def preview_register(self) -> None:
        from desktop.views.common.printing import preview_pdf

        preview_pdf(self, self.register_pdf_bytes(), _("Register of service requests"))

    def card_pdf_bytes(self) -> bytes | None:
        import io

        from desktop.models.document_frame import document_frame
        from desktop.reports.requests import card_pdf

        rid = self.current_request_id()
        if rid is None:
            return None
        with self.ctx.db.session() as s:
            from desktop.models.text_documents import faculty_name, localize_request_card

            card, _missing = localize_request_card(s, req.request_card(s, rid, self.today), self.ctx.report_language)
            name = faculty_name(s, self.ctx.report_language)
            frame = document_frame(s, "requests")
        out = io.BytesIO()
        card_pdf(card, out, self.ctx.report_language, self.today, name, frame=frame)
        return out.getvalue()

    def export_card(self, path: str | None = None) -> None:
        data = self.card_pdf_bytes()
        if data is None:
            return
        path = path or self._save_path(_("Request card to PDF"), f"request-{self.current_request_id()}.pdf",
                                       "PDF (*.pdf)")
        if path:
            from desktop.views.common.tasks import save_file

            if save_file(self, _("Request card to PDF"), path, lambda tmp: Path(tmp).write_bytes(data)):
                self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def paper_pdf_bytes(self, paper: str) -> bytes | None:
        """Seed 002's papers of the current request: "receipt" or "refusal" (the motivated letter)."""
        import io

        from desktop.models.document_frame import document_frame
        from desktop.reports.requests import receipt_pdf, refusal_pdf

        rid = self.current_request_id()
        if rid is None:
            return None
        with self.ctx.db.session() as s:
            card = req.request_card(s, rid, self.today)
            frame = document_frame(s, "requests")
        out = io.BytesIO()
        (receipt_pdf if paper == "receipt" else refusal_pdf)(card, out, self.ctx.report_language, frame=frame)
        return out.getvalue()

    def preview_paper(self, paper: str) -> None:
        from desktop.views.common.printing import preview_pdf

        try:
            data = self.paper_pdf_bytes(paper)
        except DomainError as exc:
            QMessageBox.information(self, _("Refusal letter"), str(exc))
            return
        if data is not None:
            preview_pdf(self, data, _("Receipt of documents") if paper == "receipt" else _("Motivated refusal"))

    def preview_card(self) -> None:
        from desktop.views.common.printing import preview_pdf

        data = self.card_pdf_bytes()
        if data is not None:
            preview_pdf(self, data, _("Service request No {number}").format(number=self.current_request_id()))
