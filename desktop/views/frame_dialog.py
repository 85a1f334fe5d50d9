"""Settings → Document frame…: who approves each kind of document, the council's decision for the
work plan, who compiles the documents, and the city. One undoable write of the whole frame."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from desktop import dates
from desktop.i18n import _
from desktop.models.base import DomainError
from desktop.models.document_frame import (
    COMPILER_POSITION,
    DEAN_POSITION,
    DEFAULT_POSITIONS,
    DOCUMENT_KINDS,
    DocumentKind,
    Frame,
    Official,
    load_frame,
    to_json,
)
from desktop.views.common.forms import ok_cancel


class DocumentFrameDialog(QDialog):
    def __init__(self, frame: Frame, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Document frame"))
        layout = QVBoxLayout(self)
        note = QLabel(_("University and faculty names come from the faculty's settings. A blank field "
                        "prints as a line to fill in by hand."))
        note.setWordWrap(True)
        layout.addWidget(note)

        approvers = QGroupBox(_("Approved by"))
        grid = QGridLayout(approvers)
        grid.addWidget(QLabel(_("Document")), 0, 0)
        grid.addWidget(QLabel(_("Position")), 0, 1)
        grid.addWidget(QLabel(_("Full name")), 0, 2)
        self.positions: dict[str, QLineEdit] = {}
        self.names: dict[str, QLineEdit] = {}
        for row, kind in enumerate(DOCUMENT_KINDS, 1):
            official = frame.approver(kind)
            grid.addWidget(QLabel(DocumentKind(kind).label()), row, 0)
            self.positions[kind] = QLineEdit(official.position)
            self.positions[kind].setPlaceholderText(_(DEFAULT_POSITIONS.get(kind, DEAN_POSITION)))
            self.positions[kind].setMinimumWidth(240)  # the default position reads whole
            self.names[kind] = QLineEdit(official.name)
            self.names[kind].setPlaceholderText(_("Surname I.O."))
            grid.addWidget(self.positions[kind], row, 1)
            grid.addWidget(self.names[kind], row, 2)
        layout.addWidget(approvers)

        plan = QGroupBox(_("Work plan"))
        form = QFormLayout(plan)
        self.by_council = QCheckBox(_("Approved by the council's decision (not by the dean)"))
        self.by_council.setChecked(frame.plan_by_council)
        self.council_name = QLineEdit(frame.council_name)
        self.council_name.setPlaceholderText(_("Academic council"))
        self.council_number = QLineEdit(frame.council_number)
        self.council_date = QLineEdit(f"{dates.table(frame.council_date)}" if frame.council_date else "")
        self.council_date.setPlaceholderText("dd.mm.yyyy")
        form.addRow(self.by_council)
        form.addRow(_("Council (as printed)"), self.council_name)
        form.addRow(_("Minutes No."), self.council_number)
        form.addRow(_("Minutes date"), self.council_date)
        layout.addWidget(plan)

        other = QGroupBox(_("Compiled by and city"))
        form = QFormLayout(other)
        self.compiler_position = QLineEdit(frame.compiler.position)
        self.compiler_position.setPlaceholderText(_(COMPILER_POSITION))
        self.compiler_name = QLineEdit(frame.compiler.name)
        self.city = QLineEdit(frame.city)
        form.addRow(_("Compiler's position"), self.compiler_position)
        form.addRow(_("Compiler's name"), self.compiler_name)
        form.addRow(_("City"), self.city)
        layout.addWidget(other)
        layout.addWidget(ok_cancel(self))

    def frame(self) -> Frame:
        """The typed frame; raises DomainError naming the field that is wrong."""
        text = self.council_date.text().strip()
        council_date = None
        if text:
            try:
                council_date = dates.parse_table(text)
            except ValueError:
                raise DomainError(_("Minutes date: {text} is not a date (dd.mm.yyyy)").format(text=text)) from None
        return Frame(
            city=self.city.text().strip(),
            approvers={k: Official(self.positions[k].text().strip(), self.names[k].text().strip())
                       for k in DOCUMENT_KINDS if self.positions[k].text().strip() or self.names[k].text().strip()},
            plan_by_council=self.by_council.isChecked(),
            council_name=self.council_name.text().strip(),
            council_number=self.council_number.text().strip(),
            council_date=council_date,
            compiler=Official(self.compiler_position.text().strip(), self.compiler_name.text().strip()),
        )

    def accept(self) -> None:
        try:
            self.frame()
        except DomainError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        super().accept()


def edit_document_frame(parent, ctx, stack) -> bool:
    """Show the dialog; on OK store the frame as one undoable step on ``stack`` (every page is told
    through ``ctx``)."""
    from desktop.models.document_frame import save_frame_op
    from desktop.models.operations import bind
    from desktop.views.common.operations import Host, run

    with ctx.db.session() as s:
        old = to_json(load_frame(s))
    dialog = DocumentFrameDialog(load_frame_from(old), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return run(Host(ctx, parent), _("Edit document frame"), bind(save_frame_op, to_json(dialog.frame())),
               title=_("Document frame"), stack=stack) is not None


def load_frame_from(values: Mapping[str, object]) -> Frame:
    from desktop.models.document_frame import from_json

    return from_json(values)
