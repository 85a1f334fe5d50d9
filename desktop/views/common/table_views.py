"""What a list view of a page can do beyond Qt's own: rows of two lines, columns hidden by
priority as the view narrows, columns frozen at the left, and finding a row by text."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
)

from desktop import colours


def row_table(model: QAbstractItemModel, *, sort_column: int | None = None, read_only: bool = False
              ) -> QTableView:
    """A list of records as the pages show one: whole rows selected, no row numbers, the last
    column stretched; ``sort_column``: sortable, sorted by that column; ``read_only``: no editing."""
    view = QTableView()
    view.setModel(model)
    if sort_column is not None:
        view.setSortingEnabled(True)
        view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if read_only:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


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
