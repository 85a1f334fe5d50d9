"""What the results page does: results typed into the grid, sheets issued, the filled Excel sheet
imported back, retakes drafted, promotion, the grading scale, the order and the exports.

A mixin of :class:`desktop.views.results.page.ResultsArea`: it uses the page's ``ctx``, ``sheet``,
models and combos; every write runs as an operation through the runner (``views/common/operations.run``)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
)

from desktop import clock
from desktop.i18n import _
from desktop.models import debts as dm
from desktop.models import orders as om
from desktop.models import results as rm
from desktop.models import results_operations as rops
from desktop.models.operations import bind
from desktop.views import settings as ui_settings
from desktop.views.common.operations import run
from desktop.views.results.models import ENTRY, grid_rows

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QTableView, QTabWidget

    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.common.tablemodel import RecordTableModel
else:
    _Page = object


class ResultsActions(_Page):  # for mypy an AreaPage: the page it is mixed into
    if TYPE_CHECKING:  # the page's and the listing's, used here
        session_id: int | None
        sheet: rm.Sheet | None
        year: QComboBox
        kind: QComboBox
        tabs: QTabWidget
        grid_model: RecordTableModel
        grid: QTableView
        order_model: RecordTableModel
        order_view: QTableView

        def refresh(self) -> None: ...

        def load_sheets(self, keep: int | None = None) -> None: ...

    # Entering results ------------------------------------------------------------------------------------
    def _edited(self, row: dict[str, Any], key: str, value) -> None:
        if self.sheet is None:
            return
        rid = row["id"]
        text = "" if value is None else str(value)
        if key == "rating":
            text = text.strip().replace(",", ".")
            try:
                rating = float(text) if text else None
            except ValueError:
                QMessageBox.warning(self, _("Session results"), _("“{text}” is not a number.").format(text=text))
                return
            op = bind(rops.enter_result_op, rid, row.get(ENTRY) or "", rating=rating)
        else:
            op = bind(rops.enter_result_op, rid, text)
        current = self.grid.currentIndex()
        if run(self, _("Enter result of {name}").format(name=row["name"]), op, title=_("Session results"),
               after=lambda _outcome: self._reload_grid()) is None:
            return
        # Keyboard first: the next student's same cell, ready for typing.
        if current.isValid() and current.row() + 1 < self.grid_model.rowCount():
            QTimer.singleShot(0, lambda: self.grid.setCurrentIndex(
                self.grid_model.index(current.row() + 1, current.column())))

    def _reload_grid(self) -> None:
        if self.sheet is None:
            return
        with self.ctx.db.session() as s:
            self.sheet = rm.load_sheet(s, self.sheet.head.id)
        fresh = {r["id"]: r for r in grid_rows(self.sheet)}
        for row in self.grid_model.rows:
            if row["id"] in fresh:
                row.update(fresh[row["id"]])
        if self.grid_model.rows:
            self.grid_model.dataChanged.emit(self.grid_model.index(0, 0), self.grid_model.index(
                len(self.grid_model.rows) - 1, len(self.grid_model.columns) - 1))

    # Actions ----------------------------------------------------------------------------------------------
    def issue_sheets(self) -> None:
        if self.session_id is None:
            return
        outcome = run(self, _("Issue grade sheets"), bind(rops.issue_sheets_op, self.session_id, clock.today()),
                      title=_("Session results"), after=lambda _outcome: self.load_sheets())
        if outcome is not None:
            self.ctx.status_message.emit(_("{n} grade sheets issued").format(n=len(outcome.result)))

    def accepts_file(self, path: str) -> bool:
        return path.lower().endswith(".xlsx")

    def import_file(self, path: str) -> None:
        from desktop.reports.grade_sheet import ResultsRefused, read_filled

        try:
            filled = read_filled(path)
        except ResultsRefused as exc:
            QMessageBox.warning(self, _("Import results"), "\n".join(exc.problems))
            return
        outcome = run(self, _("Import results"), bind(rops.import_results_op, filled, clock.today()),
                      after=lambda _outcome: self.load_sheets(),
                      refused=lambda message: QMessageBox.warning(self, _("Import results"),
                                                                  _("Nothing was imported:") + "\n" + message))
        if outcome is not None:
            self.ctx.status_message.emit("; ".join(outcome.result))

    def import_results(self) -> None:
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or ""
        path, _f = QFileDialog.getOpenFileName(self, _("Import results"), folder, "Excel (*.xlsx)")
        if path:
            self.import_file(path)

    def draft_retakes(self) -> None:
        from desktop.views.results.dialogs import RetakeDialog

        dialog = RetakeDialog(self)
        if not dialog.exec():
            return
        kind, day = dialog.values()
        outcome = run(self, _("Draft retakes"), bind(rops.draft_retakes_op, self.year.currentText(), kind, day),
                      title=_("Draft retakes"), after=lambda _outcome: self.refresh())
        if outcome is not None:
            self.ctx.status_message.emit(_("{n} retake sheets drafted").format(n=len(outcome.result)))

    def promote(self) -> None:
        from desktop.views.results.dialogs import PromotionDialog

        dialog = PromotionDialog(self.ctx, self)
        if not dialog.exec():
            return
        plan, order, kept_kind, kept_order = dialog.values()
        outcome = run(self, _("Promotion to the next course"),
                      bind(rops.promote_op, plan, order, kept_kind, kept_order),
                      title=_("Promotion…"), after=lambda _outcome: self.refresh())
        if outcome is not None:
            self.ctx.status_message.emit(_("{n} students promoted, {k} kept back").format(
                n=len(plan.promoted), k=len(plan.kept_back)))

    def edit_grading(self) -> None:
        from desktop.views.results.dialogs import GradingDialog

        dialog = GradingDialog(self.ctx, self)
        if not dialog.exec():
            return
        scale, thresholds, allowed = dialog.values()
        run(self, _("Grading scale"), bind(rops.set_grading_op, scale, thresholds, allowed), title=_("Grading scale"),
            after=lambda _outcome: None)

    def _chosen_order(self):
        record = self.order_model.record(self.order_view.currentIndex())
        return record["key"] if record else None

    def print_order(self) -> None:
        key = self._chosen_order()
        if key is None:
            self.tabs.setCurrentIndex(3)
            return
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or ""
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in key[0])
        path, _f = QFileDialog.getSaveFileName(self, _("Print order…"), os.path.join(folder, f"order-{safe}.pdf"),
                                               "PDF (*.pdf)")
        if not path:
            return
        lang = self.ctx.report_language
        with self.ctx.db.session() as s:
            doc = om.order_document(s, key[0], key[1])
            frame = rm.faculty_frame(s)
        extracts = [doc.extract(sid) for sid in dict.fromkeys(st.student_id for i in doc.items for st in i.students)]
        from desktop.reports.orders_pdf import order_pdf
        from desktop.views.common.tasks import write_report_file

        if write_report_file(self, _("Export"), path, lambda tmp, _p: order_pdf(tmp, doc, frame, lang,
                                                                                   extracts=extracts)):
            self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def export(self, key: str) -> None:
        what, fmt = key.rsplit("_", 1)
        if (what.startswith("sheet") or what == "slips") and self.sheet is None:
            return
        if what != "debts" and self.session_id is None:
            return
        year, kind = self.year.currentText(), self.kind.currentData()
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or ""
        stem = {"sheet_blank": f"sheet-{self.sheet.head.number if self.sheet else ''}",
                "sheet": f"sheet-{self.sheet.head.number if self.sheet else ''}", "all_sheets": f"sheets-{kind}-{year}",
                "slips": f"slips-{self.sheet.head.number if self.sheet else ''}",
                "debts": f"debts-{year}", "summary": f"summary-{kind}-{year}"}[what]
        path, _f = QFileDialog.getSaveFileName(self, _("Export"), os.path.join(folder, f"{stem}.{fmt}"),
                                               "Excel (*.xlsx)" if fmt == "xlsx" else "PDF (*.pdf)")
        if not path:
            return
        ui_settings.put(ui_settings.LAST_FOLDER, os.path.dirname(path))
        lang = self.ctx.report_language
        with self.ctx.db.session() as s:
            frame = rm.faculty_frame(s)
            if what == "all_sheets":
                sheets = [rm.load_sheet(s, h.id) for h in rm.sheet_heads(s, session_id=self.session_id)]
            else:
                sheets = [rm.load_sheet(s, self.sheet.head.id)] if self.sheet else []
            debts = dm.open_debts(s, year=year) if what == "debts" else []
            # (a session is chosen: checked above for every export but the debts)
            summary = dm.session_summary(s, self.session_id) if what == "summary" and self.session_id is not None \
                else None
        from desktop.reports import grade_sheet as gs
        from desktop.reports import session_results as sr
        from desktop.views.common.tasks import write_report_file

        def write(tmp, _progress):
            if what == "slips":
                gs.slips_pdf(tmp, sheets, frame, lang)
            elif what in ("sheet", "sheet_blank", "all_sheets") and fmt == "pdf":
                gs.sheets_pdf(tmp, sheets, frame, lang, blank=what == "sheet_blank")
            elif what == "sheet":
                gs.sheets_xlsx(tmp, sheets, lang)
            elif what == "debts":
                (sr.debts_xlsx(tmp, debts, year, None, lang) if fmt == "xlsx"
                 else sr.debts_pdf(tmp, debts, year, None, frame, lang))
            else:
                assert summary is not None  # read above whenever the summary is asked for
                sr.summary_xlsx(tmp, summary, lang) if fmt == "xlsx" else sr.summary_pdf(tmp, summary, frame, lang)

        if write_report_file(self, _("Export"), path, write):
            self.ctx.status_message.emit(_("Saved {path}").format(path=path))
