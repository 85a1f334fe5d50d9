"""One page template for every area (UI.md §2–§3, §7).

How an area adopts it (``AreaPage`` already carries the machinery; see students, requests)::

    class MyArea(AreaPage):
        def __init__(self, ctx, parent=None):
            super().__init__(ctx, parent)
            self.view = QTableView()                      # the list
            # 1. every command is one QAction, registered in the order "More ▾" lists them;
            #    ``role`` gives it the shared shortcut (SHORTCUTS), ``kind`` its place in the bar,
            #    ``enabled_when`` follows the selection (call self.update_commands() when it changes).
            self.add_command("new", self.create, kind="primary", role="new", icon="new")
            self.add_command("edit", self.edit, role="open", enabled_when=self.has_current)
            self.add_command("delete", self.delete, role="delete", enabled_when=self.has_current)
            self.add_command("preview", self.preview, kind="print", role="preview")
            self.add_command("pdf", self.pdf, kind="pdf")
            self.add_command("excel", self.excel, kind="excel", role="excel")
            # 2. the bands, top to bottom
            header = PageHeader(self, context=[self.year])  # title, context selector, search (Ctrl+F)
            bar = self.command_bar()                     # primary, record commands, Print ▾|PDF|Excel, More ▾
            filters = FilterBar([(label, combo), ...], reset=self.reset_filters)
            self.empty = EmptyState(self, ["new", "import"])  # a sentence and the first steps
            self.set_list(self.view)                      # context menu, Enter, Del, F2, focus
            self.set_details(splitter)                    # right / bottom / hidden from View
        def retranslate_ui(self):
            self.set_command_texts({"new": _("New…"), ...})  # text and tooltip with the key
            self.empty.set_text(_("What this area is for, in one sentence."))

The main window shows the same actions in the area's menu (menu bar) and the list's context menu
shows the record commands: one model, four surfaces (bar, menu, context menu, shortcut).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop import colours
from desktop.i18n import N_, _

# One keyboard convention for every area (UI.md §7): a role names what a command does, and the
# role alone decides its key. tests/test_page_pattern.py checks every area against this table.
SHORTCUTS: dict[str, str] = {
    "open": "Return",  # Enter (or double-click) opens the record
    "edit": "F2",  # edits in place
    "delete": "Del",  # deletes, with undo
    "new": "Ctrl+N",  # a new record of the area
    "find": "Ctrl+F",  # search
    "preview": "Ctrl+P",  # print preview
    "excel": "Ctrl+E",  # to Excel
}
# What the Help menu's list of shortcuts says about each key.
SHORTCUT_HELP: list[tuple[str, str]] = [
    ("Enter", N_("Open the selected record (or double-click)")),
    ("F2", N_("Edit the selected cell in place")),
    ("Del", N_("Delete the selected record (Edit ▸ Undo brings it back)")),
    ("Ctrl+N", N_("A new record of the area")),
    ("Ctrl+F", N_("Search in the area")),
    ("Ctrl+P", N_("Print preview")),
    ("Ctrl+E", N_("Export to Excel")),
    ("Ctrl+1 … Ctrl+9", N_("Go to an area of the sidebar")),
    ("Ctrl+Z", N_("Undo")),
    ("Ctrl+Y", N_("Redo")),
]
# Roles whose key belongs to the list (Enter, F2, Del also edit text in a field).
LIST_ROLES = ("open", "edit", "delete")
KINDS = ("primary", "record", "print", "pdf", "excel", "file", "other")

DETAILS_POSITIONS = ("right", "bottom", "hidden")


def shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def tooltip_with_key(action: QAction) -> str:
    key = shortcut_text(action)
    text = action.text().replace("&", "")
    return f"{text} ({key})" if key else text


def point_font(widget: QWidget, size: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(size)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


class PageHeader(QWidget):
    """Band 1: the page title (15 pt semibold), context selectors (year, session, series) and the
    search field at the right, ``Search… (Ctrl+F)``; the page's ``find`` command focuses it."""

    def __init__(self, page, context: Iterable[QWidget] = (), search: QLineEdit | None = None):
        super().__init__(page)
        self.page = page
        self.title = QLabel()
        self.title.setFont(point_font(self, colours.PAGE_TITLE_PT, bold=True))
        self.title.setObjectName("pageTitle")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        for widget in context:
            layout.addWidget(widget)
        layout.addStretch(1)
        self.search = search
        if search is not None:
            search.setClearButtonEnabled(True)
            search.setMinimumWidth(120)
            search.setMaximumWidth(320)
            layout.addWidget(search, 1)
            page.search_box = search

    def set_title(self, text: str) -> None:
        self.title.setText(text)


class CommandBar(QWidget):
    """Band 2: the primary command (filled accent) first, the record and area commands, a
    divider, ``Print ▾ | PDF | Excel`` always in that place, and ``More ▾`` at the far right with
    every command of the area. Buttons that do not fit the width hide from the right; More still
    lists them, so nothing is ever unreachable."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.setObjectName("commandBar")
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}  # key -> button (its default action)
        self.optional: list[QWidget] = []  # what may hide when narrow, first kept longest
        commands = page.commands
        kinds = page.command_kinds
        for key, act in commands.items():
            if kinds[key] == "primary":
                self.buttons[key] = self._button(act, primary=True)
        for key, act in commands.items():
            if kinds[key] == "record" and page.command_in_bar.get(key, True):
                self.buttons[key] = self._button(act)
                self.optional.append(self.buttons[key])
        self.divider = QFrame()
        self.divider.setFrameShape(QFrame.Shape.VLine)
        self.divider.setStyleSheet(f"color: {colours.BORDER};")
        self.layout_.addWidget(self.divider)
        self.print_button = self._group_button("print", N_("Print"), "print")
        self.pdf_button = self._group_button("pdf", N_("PDF"), "pdf")
        self.excel_button = self._group_button("excel", N_("Excel"), "excel")
        self.divider.setVisible(any(b is not None for b in (self.print_button, self.pdf_button, self.excel_button)))
        self.layout_.addStretch(1)
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreButton")
        from desktop.views.common.icons import command_icon

        self.more_button.setIcon(command_icon("more"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_menu = QMenu(self.more_button)
        self.more_menu.aboutToShow.connect(lambda: fill_command_menu(self.more_menu, page))
        fill_command_menu(self.more_menu, page)
        self.more_button.setMenu(self.more_menu)
        self.layout_.addWidget(self.more_button)
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self.fit)
        for act in commands.values():
            act.changed.connect(self._relayout.start)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def _button(self, act: QAction, primary: bool = False) -> QToolButton:
        button = QToolButton()
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(not primary)
        if not primary:
            button.setDefaultAction(act)
        else:
            # The primary button follows its action by hand: its icon is the white variant.
            from desktop.views.common.icons import command_icon

            white = command_icon(f"{act.property('icon_name')}-white") if act.property("icon_name") else None

            def follow() -> None:
                button.setText(act.text())
                button.setEnabled(act.isEnabled())
                button.setToolTip(act.toolTip())
                if white is not None and not white.isNull():
                    button.setIcon(white)

            act.changed.connect(follow)
            button.clicked.connect(act.trigger)
            follow()
        if primary:
            button.setObjectName("primaryButton")
            button.setStyleSheet(
                f"QToolButton#primaryButton {{ background: {colours.ACCENT}; color: {colours.ACCENT_TEXT};"
                f" border: 1px solid {colours.ACCENT}; border-radius: 3px; padding: 3px 10px; }}"
                f" QToolButton#primaryButton:disabled {{ background: {colours.BORDER};"
                f" border-color: {colours.BORDER}; color: {colours.TEXT2}; }}")
        self.layout_.addWidget(button)
        return button

    def _group_button(self, kind: str, label: str, icon: str) -> QToolButton | None:
        """One button for a kind: the command itself when there is one, a menu when several."""
        acts = [a for k, a in self.page.commands.items() if self.page.command_kinds[k] == kind]
        if not acts:
            return None
        button = QToolButton()
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setProperty("label", label)
        if len(acts) == 1 and kind != "print":
            button.setDefaultAction(acts[0])
            button.setProperty("single", True)
        else:
            menu = QMenu(button)
            menu.addActions(acts)
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            from desktop.views.common.icons import command_icon

            button.setIcon(command_icon(icon))
        self.layout_.addWidget(button)
        self.optional.append(button)
        return button

    def retranslate(self) -> None:
        self.more_button.setText(_("More"))
        self.more_button.setToolTip(_("Every command of this area"))
        for button in (self.print_button, self.pdf_button, self.excel_button):
            if button is not None and not button.property("single"):
                button.setText(_(button.property("label")))
                enabled = [a for a in button.menu().actions() if a.isEnabled()]
                button.setEnabled(bool(enabled))
        for key, button in self.buttons.items():
            button.setToolTip(tooltip_with_key(self.page.commands[key]))
            if self.page.command_kinds[key] == "primary":
                button.setText(self.page.commands[key].text())
        self._relayout.start()

    def group_enablement(self) -> None:
        for button in (self.print_button, self.pdf_button, self.excel_button):
            if button is not None and button.menu() is not None:
                button.setEnabled(any(a.isEnabled() and a.isVisible() for a in button.menu().actions()))
                button.setVisible(any(a.isVisible() for a in button.menu().actions()) or button in self.optional)

    def fit(self) -> None:
        """Show what fits, hide the rest from the right (More lists everything)."""
        self.group_enablement()
        for key, button in self.buttons.items():
            button.setVisible(self.page.commands[key].isVisible())
            if self.page.command_kinds[key] == "primary":
                button.setEnabled(self.page.commands[key].isEnabled())
        for w in self.optional:
            w.setProperty("fits", True)
        spacing = self.layout_.spacing()
        fixed = self.more_button.sizeHint().width() + spacing + self.divider.sizeHint().width() + spacing
        fixed += sum(b.sizeHint().width() + spacing for k, b in self.buttons.items()
                     if self.page.command_kinds[k] == "primary" and b.isVisibleTo(self))
        room = self.width() - fixed
        for w in self.optional:
            action = w.defaultAction() if isinstance(w, QToolButton) else None
            wanted = action is None or action.isVisible()
            if not wanted:
                w.setVisible(False)
                continue
            need = w.sizeHint().width() + spacing
            w.setVisible(room >= need)
            room -= need if room >= need else room + 1  # once one fails, the rest hide too

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        primary = sum(b.sizeHint().width() + 4 for k, b in self.buttons.items()
                      if self.page.command_kinds[k] == "primary")
        return QSize(primary + self.more_button.sizeHint().width() + 12, hint.height())

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())

def fill_command_menu(menu: QMenu, page, kinds: Iterable[str] = KINDS) -> None:
    """Every command of ``page`` of the given kinds, grouped by kind with separators, in order."""
    menu.clear()
    wanted = tuple(kinds)
    for kind in KINDS:
        if kind not in wanted:
            continue
        acts = [a for k, a in page.commands.items() if page.command_kinds[k] == kind and k != "find"]
        if kind == "other" and "find" in page.commands:
            acts.append(page.commands["find"])
        if acts and menu.actions():
            menu.addSeparator()
        menu.addActions(acts)


class FilterBar(QWidget):
    """Band 3: labelled filters, "Reset" (shown when a filter is not at its default), and
    "Shown N of M" at the right."""

    def __init__(self, filters: Iterable[tuple[QLabel | None, QWidget]], reset: Callable[[], None] | None = None,
                 parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.labels: list[QLabel] = []
        self.widgets: list[QWidget] = []
        for label, widget in filters:
            if label is not None:
                label.setBuddy(widget)
                layout.addWidget(label)
                self.labels.append(label)
            layout.addWidget(widget)
            self.widgets.append(widget)
            layout.addSpacing(4)
        self.reset_button = QPushButton()
        self.reset_button.setFlat(True)
        self.reset_button.setVisible(reset is not None)
        if reset is not None:
            self.reset_button.clicked.connect(reset)
        layout.addWidget(self.reset_button)
        layout.addStretch(1)
        self.shown = QLabel()
        self.shown.setStyleSheet(f"color: {colours.TEXT2};")
        self.shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.shown.setMinimumWidth(60)  # gives way on a narrow window rather than widen it
        self.shown.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.shown)
        self.retranslate()

    def retranslate(self) -> None:
        self.reset_button.setText(_("Reset"))
        for label, widget in zip(self.labels, self.widgets, strict=False):
            widget.setToolTip(label.text().rstrip(":"))
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Where the labels do not fit (narrow windows, long ky/kk words) the filters stand alone,
        each still named by its tooltip and its "Any …" first entry."""
        if not self.isVisible():
            return  # again once shown and laid out
        for label in self.labels:
            label.show()
        if super().sizeHint().width() > self.width():
            for label in self.labels:
                label.hide()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_labels)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def minimumSizeHint(self) -> QSize:
        labels = sum(label.sizeHint().width() + 4 for label in self.labels if not label.isHidden())
        hint = super().minimumSizeHint()
        return QSize(max(hint.width() - labels, 0), hint.height())

    def set_counts(self, shown: int, total: int) -> None:
        self.set_shown_text(_("Shown {shown} of {total}").format(shown=shown, total=total))

    def set_shown_text(self, text: str) -> None:
        self.shown.setText(text)
        self.shown.setToolTip(text)
        self._fit_labels()


class EmptyState(QWidget):
    """What an empty area says: a sentence on what it is for and its first steps as buttons
    (the page's own commands, so they are enabled and named as everywhere else)."""

    def __init__(self, page, keys: Iterable[str]):
        super().__init__(page)
        self.setObjectName("emptyState")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setFont(point_font(self, colours.PANE_TITLE_PT))
        self.buttons: list[QToolButton] = []
        row = QHBoxLayout()
        row.addStretch(1)
        for key in keys:
            if key not in page.commands:  # a first step another part of the program offers
                continue
            button = QToolButton()
            button.setDefaultAction(page.commands[key])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setMinimumHeight(30)
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(2)
        self.setVisible(False)

    def set_text(self, text: str) -> None:
        self.text.setText(text)


class Chip(QLabel):
    """A status as a word on its role's colour (never a whole red row)."""

    def __init__(self, text: str = "", role: str = "neutral", parent=None):
        super().__init__(text, parent)
        self.set_role(role)
        self.setFont(point_font(self, colours.CHIP_PT))

    def set_role(self, role: str) -> None:
        r = colours.role(role)
        self.role = r.key
        self.setStyleSheet(f"QLabel {{ background: {r.fill}; color: {r.text}; border: 1px solid {r.text};"
                           f" border-radius: 8px; padding: 1px 7px; }}")


class Legend(QWidget):
    """What the colours of a view mean, from the same chips: ``[(role, English text), ...]``;
    the texts are translated when shown (``retranslate``). The chips wrap onto as many lines as
    the width needs, so a long Kyrgyz legend never widens the window."""

    def __init__(self, entries: list[tuple[str, str]], parent=None, fills: dict[str, str] | None = None,
                 columns: int = 0):
        super().__init__(parent)
        self.setObjectName("legend")
        self.entries = entries
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 2, 0, 2)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.title = QLabel()
        self.title.setStyleSheet(f"color: {colours.TEXT2};")
        self.grid.addWidget(self.title, 0, 0)
        self.chips: list[Chip] = []
        self.max_columns = columns or len(entries)
        self.per_row = 0
        for role_key, _text in entries:
            chip = Chip("", role_key)
            if fills and role_key in fills:  # a view's own fill (year-view bands) beside the word
                chip.setStyleSheet(f"QLabel {{ background: {fills[role_key]}; color: {colours.TEXT};"
                                   f" border: 1px solid {colours.BORDER}; border-radius: 8px; padding: 1px 7px; }}")
            self.chips.append(chip)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def _regrid(self, width: int) -> None:
        widest = max((c.sizeHint().width() for c in self.chips), default=1) + self.grid.horizontalSpacing()
        room = width - self.title.sizeHint().width() - self.grid.horizontalSpacing()
        per_row = max(1, min(self.max_columns, room // max(widest, 1)))
        if per_row == self.per_row:
            return
        self.per_row = per_row
        for chip in self.chips:
            self.grid.removeWidget(chip)
        for i, chip in enumerate(self.chips):
            self.grid.addWidget(chip, i // per_row, 1 + i % per_row)
        for col in range(self.grid.columnCount()):
            self.grid.setColumnStretch(col, 0)
        self.grid.setColumnStretch(per_row + 1, 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._regrid(event.size().width())

    def minimumSizeHint(self) -> QSize:
        widest = max((c.sizeHint().width() for c in self.chips), default=0)
        return QSize(self.title.sizeHint().width() + widest + 12, super().minimumSizeHint().height())

    def retranslate(self) -> None:
        self.title.setText(_("Legend:"))
        for chip, (_role, text) in zip(self.chips, self.entries, strict=True):
            chip.setText(_(text))
        self.per_row = 0
        self._regrid(self.width() or 1366)






def fit_to_screen(widget: QWidget) -> None:
    """No larger than the screen's available geometry (taskbar and title bar left out)."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    frame = widget.frameGeometry().size() - widget.geometry().size()  # the title bar and borders
    if not widget.isVisible():  # not decorated yet: leave room for a usual title bar
        frame = QSize(max(frame.width(), 8), max(frame.height(), 32))
    width = min(widget.width(), room.width() - max(frame.width(), 0))
    height = min(widget.height(), room.height() - max(frame.height(), 0))
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    if not room.contains(widget.frameGeometry().topLeft()):
        widget.move(room.topLeft())






class TwoLineDelegate(QStyledItemDelegate):
    """Where text is the content (work-plan activities, decisions, agenda items): up to two
    wrapped lines per row, the rest elided, the whole text in the tooltip (UI.md §4: 44 px rows).
    The view re-lays its rows when the column is resized."""

    def __init__(self, view: QTableView | QTreeView, lines: int = 2):
        super().__init__(view)
        self.view = view
        self.lines = lines
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        header.sectionResized.connect(lambda *_a: view.doItemsLayout())

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option, index) -> QSize:
        base = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return base
        width = self.view.columnWidth(index.column()) - 8
        if width <= 0:
            return base
        metrics = option.fontMetrics
        needed = metrics.boundingRect(0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), str(text)).height()
        height = min(needed, metrics.lineSpacing() * self.lines) + 6
        return QSize(base.width(), max(base.height(), height))


class ColumnPriorities(QObject):
    """Columns that show what matters at 1366 px: when the list is narrower than its columns, the
    lowest-priority ones hide first (their facts stay in the details pane and the tooltip).
    ``keep`` lists column numbers from the most to the least important; others are never hidden."""

    def __init__(self, view: QTableView, keep: list[int], widths: dict[int, int] | None = None):
        super().__init__(view)
        self.view = view
        self.keep = keep
        self.widths = widths or {}
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit(event.size().width())
        return False

    def fit(self, width: int | None = None) -> None:
        header = self.view.horizontalHeader()
        room = (width if width is not None else self.view.viewport().width())
        fixed = {c for c in range(header.count())} - set(self.keep)
        def size_of(c: int) -> int:  # the width the column wants (a hidden section measures 0)
            return max(self.widths.get(c, 0), header.sectionSizeHint(c))

        room -= sum(size_of(c) for c in fixed if not header.isSectionHidden(c))
        full = False
        for column in self.keep:  # strictly by priority: once one does not fit, the rest hide
            size = size_of(column)
            fits = not full and (room >= size or column == self.keep[0])
            header.setSectionHidden(column, not fits)
            if fits:
                room -= size
            else:
                full = True


class FrozenColumns(QTableView):
    """The first ``count`` columns of ``view`` stay in place while the rest scroll (Excel's
    "Freeze panes"): a second view over the same model and selection, laid over the first."""

    def __init__(self, view: QTableView, count: int):
        super().__init__(view)
        self.main = view
        self.count = count
        self.setModel(view.model())
        self.setSelectionModel(view.selectionModel())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(view.verticalScrollMode())
        self.setEditTriggers(view.editTriggers())
        self.setStyleSheet(f"QTableView {{ border: none; border-right: 1px solid {colours.BORDER}; }}")
        view.viewport().stackUnder(self)
        view.horizontalHeader().sectionResized.connect(self._column_resized)
        view.verticalHeader().sectionResized.connect(lambda row, _old, new: self.setRowHeight(row, new))
        self.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        view.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.doubleClicked.connect(view.doubleClicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: view.customContextMenuRequested.emit(
                view.viewport().mapFromGlobal(self.viewport().mapToGlobal(pos))))
        for signal in (view.model().modelReset, view.model().layoutChanged):
            signal.connect(self.sync)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.horizontalHeader().geometriesChanged.connect(self._place)
        self.sync()
        self.show()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize and obj in (self.main, self.main.viewport()):
            self._place()
        return False

    def sync(self) -> None:
        model = self.main.model()
        for column in range(model.columnCount()):
            self.setColumnHidden(column, column >= self.count)
            if column < self.count:
                self.setColumnWidth(column, self.main.columnWidth(column))
        for row in range(model.rowCount()):
            self.setRowHeight(row, self.main.rowHeight(row))
        self._place()

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.count:
            self.setColumnWidth(column, new)
            self._place()

    def _place(self) -> None:
        frame = self.main.frameWidth()
        self.horizontalHeader().setFixedHeight(self.main.horizontalHeader().height())
        width = sum(self.main.columnWidth(c) for c in range(self.count))
        self.setGeometry(self.main.verticalHeader().width() + frame, frame, width,
                         self.main.viewport().height() + self.main.horizontalHeader().height())


def find_in_view(view: QAbstractItemView, text: str, columns: Iterable[int]) -> bool:
    """Select the first row whose cell in one of ``columns`` contains ``text`` (a find, for lists
    that have no text filter: the calendar's events, the curator matrix). True when found."""
    text = text.strip()
    model = view.model()
    if not text or model is None or model.rowCount() == 0:
        return False
    flags = Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
    for column in columns:
        hits = model.match(model.index(0, column), Qt.ItemDataRole.DisplayRole, text, 1, flags)
        if hits:
            view.setCurrentIndex(hits[0])
            view.scrollTo(hits[0])
            return True
    return False
