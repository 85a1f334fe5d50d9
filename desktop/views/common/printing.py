"""Print preview and printing of our PDF reports through Qt's print dialog.

QtPdf is not part of PySide6-Essentials, so pages are rendered with pdfium at the printer's
resolution and painted onto the QPrinter: what is printed is exactly the PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QProgressDialog, QToolButton, QWidget

from desktop.i18n import _


def render_pdf(pdf: bytes | str | Path, printer: QPrinter, dpi: int | None = None,
               on_page: Callable[[int, int], bool] | None = None) -> int:
    """Paint every page of ``pdf`` onto ``printer``; returns the number of pages printed.

    ``on_page(done, total)`` is called before each page; when it returns False the job is aborted
    (nothing reaches the printer) and 0 is returned."""
    import pypdfium2 as pdfium

    source = pdf if isinstance(pdf, bytes) else str(pdf)
    doc = pdfium.PdfDocument(source)
    try:
        first = doc[0]
        w_pt, h_pt = first.get_size()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if w_pt > h_pt else QPageLayout.Orientation.Portrait)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            resolution = dpi or min(printer.resolution(), 300)
            for i in range(len(doc)):
                if on_page is not None and not on_page(i, len(doc)):
                    printer.abort()
                    return 0
                if i:
                    printer.newPage()
                image = _page_image(doc[i], resolution / 72)
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.x(), target.y(), size.width(), size.height()), image)
            return len(doc)
        finally:
            painter.end()
    finally:
        doc.close()


def _page_image(page, scale: float) -> QImage:
    bitmap = page.render(scale=scale, rev_byteorder=True)
    buf = bitmap.buffer
    image = QImage(buf, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
                   if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888)
    return image.copy()


def preview_pdf(parent: QWidget | None, pdf: bytes | str | Path, title: str = "") -> int:
    """Qt's print preview of ``pdf`` with its Print button; returns the dialog's result."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title or _("Print preview"))
    dialog.paintRequested.connect(lambda p: render_pdf(pdf, p, dpi=150))
    dialog.resize(900, 1000)
    from desktop.views.common.page import fit_to_screen

    fit_to_screen(dialog)  # a 768-pixel screen shows it whole
    label_print_button(dialog)
    return dialog.exec()


def label_print_button(dialog: QPrintPreviewDialog) -> QToolButton | None:
    """Qt's preview toolbar is icons only: its Print button gets its word (Excel's big "Печать")."""
    from PySide6.QtWidgets import QToolBar

    for bar in dialog.findChildren(QToolBar):
        actions = [a for a in bar.actions() if not a.isSeparator()]
        if not actions:
            continue
        button = bar.widgetForAction(actions[-1])  # Qt puts Print last
        if isinstance(button, QToolButton):
            actions[-1].setText(_("Print"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            return button
    return None


def print_pdf(parent: QWidget | None, pdf: bytes | str | Path) -> bool:
    """Qt's print dialog, then the pages to the chosen printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    # Pages are drawn at the printer's resolution, a fraction of a second each: a long report
    # shows how far it is and can be cancelled before the job is sent.
    progress = QProgressDialog(_("Printing…"), _("Cancel"), 0, 0, parent)
    progress.setWindowTitle(_("Print"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)

    def on_page(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        progress.setLabelText(_("Printing page {page} of {pages}…").format(page=done + 1, pages=total))
        QApplication.processEvents()
        return not progress.wasCanceled()

    try:
        return render_pdf(pdf, printer, on_page=on_page) > 0
    finally:
        progress.reset()
        progress.deleteLater()
