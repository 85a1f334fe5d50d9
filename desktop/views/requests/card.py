"""The request card: who and what, and the steps as a timeline (a list view with a painting delegate)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from desktop import colours, dates
from desktop.i18n import _, current, pgettext
from desktop.models.request_templates import shown
from desktop.models.requests import CardStep, Channel
from desktop.models.requests import RequestCard as RequestCard_
from desktop.reports.requests import duration_text, status_text
from desktop.views.common.area import reads
from desktop.views.requests.models import STEP_ROLE, StepsModel

STATE_COLORS = {"done": QColor(colours.role("ok").text), "late": QColor(colours.role("warn").text),
                "overdue": QColor(colours.role("danger").text), "open": QColor(colours.role("info").text),
                "skipped": QColor(colours.TEXT2)}


class TimelineDelegate(QStyledItemDelegate):
    """A dot per step on a vertical line, coloured by state; name on the first line, dates below."""

    LINE_X = 18

    def sizeHint(self, option, index) -> QSize:
        h = option.fontMetrics.height()
        return QSize(300, h * 3 + 14)

    def paint(self, painter: QPainter, option, index) -> None:
        model: StepsModel = index.model()
        step = index.data(STEP_ROLE)
        state = model.state(index.row())
        color = STATE_COLORS[state]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(r, option.palette.highlight().color().lighter(160))
        elif state == "overdue":
            painter.fillRect(r, QColor(colours.role("danger").fill))
        x = r.left() + self.LINE_X
        painter.setPen(QPen(QColor(colours.BORDER), 2))
        top = r.top() if index.row() > 0 else r.center().y()
        bottom = r.bottom() if index.row() < model.rowCount() - 1 else r.center().y()
        painter.drawLine(x, top, x, bottom)
        painter.setPen(QPen(color, 2))
        painter.setBrush(color if state in ("done", "late") else QColor("white"))
        radius = 7
        painter.drawEllipse(x - radius, r.center().y() - radius, radius * 2, radius * 2)
        fm = option.fontMetrics
        text_left = x + 18
        width = r.right() - text_left - 6
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(MUTED if state == "skipped" else option.palette.text().color())
        tr = current()
        name = f"{index.row() + 1}. {shown(tr, step.name)}"
        if step.optional:
            name += "  [" + tr("if: {condition}").format(condition=shown(tr, step.condition)) + "]"
        painter.drawText(QRect(text_left, r.top() + 4, width, fm.height()), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(name, Qt.TextElideMode.ElideRight, width))
        painter.setFont(option.font)
        unit = shown(tr, step.unit) if step.unit else ""
        line2 = "  ·  ".join(p for p in (duration_text(tr, step), unit) if p)
        painter.setPen(MUTED)
        painter.drawText(QRect(text_left, r.top() + 6 + fm.height(), width, fm.height()), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(line2, Qt.TextElideMode.ElideRight, width))
        if state == "skipped":
            line3 = tr("not needed")
        else:
            line3 = tr("Planned {planned}, actual {actual}").format(planned=dates.table(step.planned, "—"),
                                                                     actual=dates.table(step.actual, "—"))
            extra = {"late": tr("Done late"), "overdue": tr("Overdue")}.get(state)
            if extra:
                line3 += "  ·  " + extra  # "—" already stands for a missing date on this line
            if step.done_by:
                line3 += "  ·  " + step.done_by
        painter.setPen(color if state in ("late", "overdue") else option.palette.text().color())
        painter.drawText(QRect(text_left, r.top() + 8 + 2 * fm.height(), width, fm.height()),
                         Qt.AlignmentFlag.AlignLeft, fm.elidedText(line3, Qt.TextElideMode.ElideRight, width))
        painter.restore()


MUTED = QColor(colours.TEXT2)


class RequestCard(QWidget):
    """Shows one request; buttons ask the page to act (the page owns the undo stack)."""

    record_step = Signal(object)
    clear_step = Signal(object)
    toggle_condition = Signal(object)
    refuse = Signal()
    withdraw = Signal()
    export_pdf = Signal()
    preview = Signal()
    receipt = Signal()
    refusal_letter = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.card: RequestCard_ | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 11pt; font-weight: 600;")  # pane title (UI.md type scale)
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self._build_timeline()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.show_card(None)

    def _build_timeline(self) -> None:
        self.steps = StepsModel(self)
        self.timeline = QListView()
        self.timeline.setModel(self.steps)
        self.timeline.setItemDelegate(TimelineDelegate(self.timeline))
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setUniformItemSizes(True)
        self.timeline.activated.connect(lambda _i: self._emit(self.record_step))  # Enter or double-click

    def _build_buttons(self) -> QVBoxLayout:
        """The step's buttons, then the whole request's, then its papers."""
        self.done_button = QPushButton()
        self.clear_button = QPushButton()
        self.condition_button = QPushButton()
        self.refuse_button = QPushButton()
        self.pdf_button = QPushButton()
        self.preview_button = QPushButton()
        self.receipt_button = QPushButton()
        self.letter_button = QPushButton()
        reads(self.pdf_button, self.preview_button, self.receipt_button, self.letter_button)  # on a read-only db too
        self.receipt_button.clicked.connect(self.receipt)
        self.letter_button.clicked.connect(self.refusal_letter)
        self.done_button.clicked.connect(lambda: self._emit(self.record_step))
        self.clear_button.clicked.connect(lambda: self._emit(self.clear_step))
        self.condition_button.clicked.connect(lambda: self._emit(self.toggle_condition))
        self.refuse_button.clicked.connect(self._refuse_or_withdraw)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.preview_button.clicked.connect(self.preview)
        self.timeline.selectionModel().currentChanged.connect(lambda *_a: self._update_buttons())
        buttons = QVBoxLayout()  # two rows: the selected step, then the whole request
        for group in ((self.done_button, self.clear_button, self.condition_button),
                      (self.refuse_button, self.preview_button, self.pdf_button),
                      (self.receipt_button, self.letter_button)):
            row = QHBoxLayout()
            for b in group:
                row.addWidget(b)
            row.addStretch(1)
            buttons.addLayout(row)
        return buttons

    def retranslate_ui(self) -> None:
        self.done_button.setText(_("Mark done…"))
        self.done_button.setToolTip(_("Record the date the selected step was done (Enter)"))
        self.clear_button.setText(_("Clear date"))
        self.condition_button.setText(_("Condition holds"))
        self.pdf_button.setText(_("PDF…"))
        self.preview_button.setText(_("Print preview"))
        self.receipt_button.setText(_("Receipt…"))
        self.receipt_button.setToolTip(_("The receipt given to the applicant at acceptance"))
        self.letter_button.setText(_("Refusal letter…"))
        self.show_card(self.card)

    def current_step(self) -> CardStep | None:
        return self.steps.step(self.timeline.currentIndex().row())

    def _emit(self, signal) -> None:
        step = self.current_step()
        if step is not None:
            signal.emit(step)

    def _refuse_or_withdraw(self) -> None:
        if self.card and self.card.status == "refused":
            self.withdraw.emit()
        else:
            self.refuse.emit()

    def show_card(self, card: RequestCard_ | None) -> None:
        row = self.timeline.currentIndex().row() if self.card and card and card.id == self.card.id else 0
        self.card = card
        if card is None:
            self.title.setText(_("Choose a request in the register"))
            self.facts.setText("")
            self.steps.set_steps([])
            self._update_buttons()
            return
        tr = current()
        self.title.setText(_("Service request No {number}").format(number=card.id) + " — " +
                           shown(tr, card.procedure_name))
        status = status_text(tr, card.status, card.overdue)
        if card.refusal_reason:
            status += f": {card.refusal_reason}"
        from desktop.models.workdays import COUNTRY_NAMES

        country = _(COUNTRY_NAMES[card.country]) if card.country in COUNTRY_NAMES else card.country
        lines = [f"{_('Applicant')}: {card.applicant}",
                 f"{pgettext('date received', 'Received')}: {dates.table(card.received)} · "
                 f"{Channel(card.channel).label()} · {_('Working-day calendar')}: {country}",
                 f"{pgettext('state', 'Status')}: {status}"]
        if card.status == "refused" and card.closed:
            lines.append(_("Refused on {date}").format(date=dates.table(card.closed)))
        if card.note:
            lines.append(f"{_('Note')}: {card.note}")
        self.facts.setText("\n".join(lines))
        self.steps.set_steps(card.steps)
        self.timeline.setCurrentIndex(self.steps.index(min(max(row, 0), max(len(card.steps) - 1, 0))))
        self._update_buttons()

    def _update_buttons(self) -> None:
        card, step = self.card, self.current_step()
        active = bool(card and card.status != "refused")
        self.done_button.setEnabled(bool(active and step and not step.skipped))
        self.clear_button.setEnabled(bool(active and step and step.actual))
        self.condition_button.setEnabled(bool(active and step and step.optional and not step.actual))
        self.condition_button.setText(_("Condition does not hold") if step and step.optional and step.taken
                                      else _("Condition holds"))
        self.refuse_button.setEnabled(card is not None)
        self.refuse_button.setText(_("Withdraw refusal") if card and card.status == "refused" else _("Refuse…"))
        self.pdf_button.setEnabled(card is not None)
        self.preview_button.setEnabled(card is not None)
        self.receipt_button.setEnabled(card is not None)
        self.letter_button.setEnabled(bool(card and card.status == "refused"))
