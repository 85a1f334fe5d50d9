"""One page pattern for every area (issue 23; issue 15 point 4): every command is a QAction in the
command bar or in "More", in the area's menu, with the shared keys; the window fits 1366×768 and
1280×720 in ky, kk and ru; colour roles are readable; empty areas offer their first steps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop import colours, i18n
from desktop.views import settings as ui_settings
from desktop.views.areas import AREAS
from desktop.views.common.page import SHORTCUTS
from desktop.views.main_window import MainWindow

SIZES = ((1366, 768), (1280, 720))
COLOUR_CODED = {"calendar": "legend", "exams": "legend", "curators": "legend", "meetings": "legend"}


def _settle(qapp, rounds: int = 3) -> None:
    for _ in range(rounds):
        qapp.processEvents()


def _more_actions(page) -> list[QAction]:
    page.bar.more_menu.aboutToShow.emit()  # what the user sees when opening it
    return page.bar.more_menu.actions()


def _area_menu_actions(window) -> list[QAction]:
    window.menu_area.aboutToShow.emit()
    return window.menu_area.actions()


def _tab_widgets(page):
    """The tabs of a page whose commands follow the tab shown (meetings, curators)."""
    tabs = getattr(page, "tabs", None)
    return range(tabs.count()) if tabs is not None else [None]


@pytest.mark.parametrize("lang", ["ky", "kk", "ru"])
def test_every_command_is_an_action_reachable_at_office_screen_sizes(qtbot, qapp, demo_db, lang):
    i18n.set_language(lang)
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    for width, height in SIZES:
        window.resize(width, height)
        _settle(qapp)
        assert window.width() == width and window.height() == height, "the window is wider than the screen"
        for area in AREAS:
            page = window.show_area(area.key)
            _settle(qapp)
            assert page.commands, area.key
            bar = page.bar
            assert bar is not None and bar.isVisible(), area.key
            # "More" sits at the far right of the bar, inside the window
            more = bar.more_button
            assert more.isVisible()
            right = more.mapTo(window, QPoint(more.width(), 0)).x()
            assert right <= window.width(), (area.key, right, window.width())
            assert window.menu_area.title().replace("&", "") == i18n._(area.title)
            for tab in _tab_widgets(page):
                if tab is not None:
                    page.tabs.setCurrentIndex(tab)
                    _settle(qapp, 1)
                in_menu = _area_menu_actions(window)
                in_more = _more_actions(page)
                for key, act in page.commands.items():
                    assert isinstance(act, QAction)
                    assert act in in_menu, (area.key, key)
                    assert act in in_more, (area.key, key)
                    text = act.text().replace("&", "")
                    assert text, (area.key, key)
                    if not act.isVisible():
                        continue  # another tab's command
                    # visible in the bar, or reachable through "More" which is visible
                    button = bar.buttons.get(key)
                    shown = button is not None and button.isVisible()
                    assert shown or (more.isVisible() and act in in_more), (area.key, key)
            if getattr(page, "tabs", None) is not None:
                page.tabs.setCurrentIndex(0)


def test_one_command_is_triggered_through_more(qtbot, qapp, demo_db, monkeypatch):
    """The path a user without the folded button takes: More ▾, then the command."""
    i18n.set_language("ky")
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    page = window.show_area("workplan")
    _settle(qapp)
    from desktop.views.common import printing

    shown = []
    monkeypatch.setattr(printing, "preview_pdf", lambda parent, pdf, title="": shown.append(pdf[:5]) or 0)
    actions = {a.objectName(): a for a in _more_actions(page)}
    actions["cmd_preview"].trigger()  # Print preview, folded or not, through More
    assert shown == [b"%PDF-"]
    # and the search command focuses the search field
    page = window.show_area("students")
    _settle(qapp)
    actions = {a.objectName(): a for a in _more_actions(page)}
    actions["cmd_find"].trigger()
    assert window.focusWidget() is page.search_box


@pytest.mark.parametrize("area", [a.key for a in AREAS])
def test_ctrl_f_searches_in_the_area(qtbot, qapp, demo_db, area):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area(area)
    _settle(qapp)
    find = page.commands["find"]
    assert find.shortcut() == QKeySequence("Ctrl+F")
    find.trigger()
    focus = window.focusWidget()
    assert focus is not None and focus.metaObject().className() == "QLineEdit", area
    assert "Ctrl+F" in focus.placeholderText(), area


def test_the_shortcut_table_is_the_same_in_every_area(qtbot, qapp, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    table_keys = {QKeySequence(k).toString() for k in SHORTCUTS.values()}
    for area in AREAS:
        page = window.page(area.key)
        roles = page.command_roles
        # every area: a new record with Ctrl+N; a delete with Del where records are deleted
        # (a curator's report is made by opening its cell of the matrix: Enter; Today only gathers
        # what the other areas hold, each row opens in its area: Enter)
        assert "new" in roles.values() or area.key in ("curators", "today"), area.key
        # students are expelled, not deleted; results are corrected with undo, sheets not deleted
        assert "delete" in roles.values() or area.key in ("curators", "students", "today", "results"), area.key
        for key, role in roles.items():
            assert page.commands[key].shortcut() == QKeySequence(SHORTCUTS[role]), (area.key, key)
        for key, act in page.commands.items():
            # a key of the table means what the table says, in every area
            for seq in act.shortcuts():
                if seq.toString() in table_keys and key not in roles:
                    meaning = next(r for r, k in SHORTCUTS.items() if QKeySequence(k) == seq)
                    assert meaning in ("delete",) and "delete" in key, (area.key, key, seq.toString())
        # tooltips name the key
        for key in roles:
            tip = page.commands[key].toolTip()
            assert page.commands[key].shortcut().toString(QKeySequence.SequenceFormat.NativeText) in tip, (
                area.key, key, tip)


def test_ctrl_digit_shows_an_area_and_the_focus_goes_to_its_list(qtbot, qapp, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.area_shortcuts[AREAS.index(next(a for a in AREAS if a.key == "requests"))].trigger()
    _settle(qapp)
    page = window.current_page()
    assert page is window.pages["requests"]
    assert window.focusWidget() is page.list_view
    # Ctrl+1 … Ctrl+9: the first nine areas of the sidebar (there is no Ctrl+10)
    assert [a.shortcut().toString() for a in window.area_shortcuts] == [f"Ctrl+{i + 1}"
                                                                          for i in range(min(len(AREAS), 9))]


def test_details_pane_right_bottom_hidden_from_the_view_menu_and_remembered(qtbot, qapp, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area("requests")
    _settle(qapp)
    assert page.details_position() == "right"
    window.details_actions["bottom"].trigger()
    assert page.details_position() == "bottom"
    window.details_actions["hidden"].trigger()
    assert page.details_position() == "hidden" and page.details_widget.isHidden()
    assert ui_settings.get(ui_settings.DETAILS_POSITION) == "hidden"
    again = MainWindow(demo_db)
    qtbot.addWidget(again)
    again.show()
    plan = again.show_area("workplan")
    _settle(qapp)
    assert plan.details_position() == "hidden"
    again.details_actions["right"].trigger()
    assert plan.details_position() == "right" and plan.details_widget.isVisible()


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_colour_coded_views_have_their_legend(qtbot, qapp, demo_db, lang):
    i18n.set_language(lang)
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    for key, attr in COLOUR_CODED.items():
        page = window.show_area(key)
        if key == "calendar":
            page.tabs.setCurrentIndex(1)  # the year view
        _settle(qapp)
        legend = getattr(page, attr)
        assert legend.isVisible(), key
        texts = [c.text() for c in legend.chips]
        assert all(texts) and len(set(texts)) == len(texts), (key, texts)
        # every chip fits inside the window
        for chip in legend.chips:
            right = chip.mapTo(window, QPoint(chip.width(), 0)).x()
            assert right <= window.width(), (key, chip.text())


def test_every_colour_role_reads_at_aa_contrast():
    assert set(colours.ROLES) == {"ok", "info", "warn", "danger", "special", "neutral"}
    for role in colours.ROLES.values():
        assert colours.contrast(role.text, role.fill) >= 4.5, role
        assert colours.contrast(role.text, colours.SURFACE) >= 4.5, role
    for text in (colours.TEXT, colours.TEXT2):
        for background in (colours.SURFACE, colours.ZEBRA, colours.WINDOW, colours.SELECTION):
            assert colours.contrast(text, background) >= 4.5, (text, background)
    assert colours.contrast(colours.ACCENT_TEXT, colours.ACCENT) >= 4.5
    # the formula itself: black on white is 21:1, and #767676 is the known 4.54:1 grey
    assert round(colours.contrast("#000000", "#FFFFFF"), 2) == 21.0
    assert round(colours.contrast("#767676", "#FFFFFF"), 2) == 4.54


def test_curator_states_share_the_roles_with_the_reports():
    from desktop.models.curators import CELL_STATE_COLOURS, CELL_STATE_ROLES, CellState

    assert CELL_STATE_ROLES[CellState.MISSING] == "danger"
    assert CELL_STATE_COLOURS[CellState.MISSING] == "#FDE4E4"
    assert CELL_STATE_COLOURS[CellState.ACCEPTED] == "#E3F3E6"


def test_empty_areas_say_what_they_are_for_and_offer_first_steps(qtbot, qapp, db):
    i18n.set_language("ru")
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    firsts = {"students": ["cmd_import", "cmd_enrol"], "workplan": ["cmd_new_plan", "cmd_import", "cmd_copy"],
              "meetings": ["cmd_new_series"], "calendar": ["cmd_new"], "exams": ["cmd_create_session"],
              "requests": ["cmd_new", "cmd_new_template"]}
    for key, names in firsts.items():
        page = window.show_area(key)
        _settle(qapp)
        assert page.empty.isVisible(), key
        assert len(page.empty.text.text()) > 40, key
        assert [b.defaultAction().objectName() for b in page.empty.buttons] == names, key
    plan = window.pages["workplan"]
    # nothing to act on: the record commands are off, not "select a row first"
    for name in ("delete", "up", "down", "history", "export_pdf", "preview"):
        assert not plan.commands[name].isEnabled(), name
    assert plan.commands["new_plan"].isEnabled() and not plan.commands["copy"].isEnabled()


def test_an_empty_meeting_date_is_blank_not_2000(qtbot, qapp, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    page = window.show_area("meetings")
    assert page.editor.date.text().strip() == ""


def test_window_title_names_the_faculty_not_the_file(qtbot, demo_db):
    from desktop.models.org import the_faculty

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    with demo_db.session() as s:
        name = the_faculty(s).name
    qtbot.waitUntil(lambda: window.windowTitle() == f"{name} — Dekanat", timeout=3000)
    assert str(demo_db.path) not in window.windowTitle()


def test_undo_changes_confirm_in_the_status_bar(qtbot, qapp, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area("workplan")
    _settle(qapp)
    page.add_section()
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    assert page.undo_stack.undoText() in window.status_undo.text()


def test_print_preview_fits_the_screen(qtbot, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from desktop.views.common import printing

    sizes, words = [], []

    def fake_exec(dialog):
        sizes.append(dialog.frameGeometry())
        button = printing.label_print_button(dialog)
        words.append((button.text(), button.toolButtonStyle()))
        return 0

    i18n.set_language("ky")
    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    printing.preview_pdf(None, b"%PDF-1.4")
    room = QApplication.primaryScreen().availableGeometry()
    assert sizes and sizes[0].height() <= room.height() and sizes[0].width() <= room.width()
    # the preview's Print button has its word, not only an icon
    from PySide6.QtCore import Qt

    assert words == [(i18n._("Print"), Qt.ToolButtonStyle.ToolButtonTextBesideIcon)]
    assert i18n._("Print") != "Print"


def test_undo_entries_have_their_own_words_not_the_command_name(qtbot, qapp, demo_db):
    i18n.set_language("ru")
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area("workplan")
    _settle(qapp)
    assert page.commands["add_section"].text() == "Добавить раздел"
    page.add_section()
    assert page.undo_stack.undoText() == "Добавление раздела"
    assert "Добавление раздела" in window.status_undo.text()
    students = window.show_area("students")
    _settle(qapp)
    row = students.model.row_tuple(0)
    students._edit(row, "phone", "+996 555 000 111")
    assert students.undo_stack.undoText() == "Изменение данных студента"


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_requests_register_keeps_status_and_due_date_at_1366(qtbot, qapp, demo_db, lang):
    i18n.set_language(lang)
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_area("requests")
    _settle(qapp)
    header = page.view.horizontalHeader()
    keys = [c.key for c in page.model.columns]
    shown = [k for i, k in enumerate(keys) if not header.isSectionHidden(i)]
    assert {"applicant", "status", "step_due"} <= set(shown), shown
    assert "channel" not in shown  # the least important gives way first
    # wide enough, everything comes back
    window.details_actions["hidden"].trigger()
    window.resize(1920, 1080)
    _settle(qapp)
    assert all(not header.isSectionHidden(i) for i in range(len(keys)))


def test_curator_and_group_stay_in_view_while_the_months_scroll(qtbot, qapp, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_area("curators")
    _settle(qapp)
    view, frozen = page.matrix_view, page.frozen
    for column in range(2, view.model().columnCount()):  # months wider than the window
        view.setColumnWidth(column, 200)
    _settle(qapp)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.verticalScrollBar().setValue(3)
    _settle(qapp)
    assert view.horizontalScrollBar().value() > 0
    assert frozen.isVisible()
    assert [frozen.isColumnHidden(c) for c in range(4)] == [False, False, True, True]
    assert frozen.width() == view.columnWidth(0) + view.columnWidth(1)
    assert frozen.verticalScrollBar().value() == view.verticalScrollBar().value()
    assert frozen.horizontalHeader().height() == view.horizontalHeader().height()
    # the frozen part shows the same rows as the rest of the matrix
    assert frozen.rowAt(10) == view.rowAt(10)


def test_type_sizes_are_in_points_from_the_one_scale():
    """Sizes in points so Windows scaling applies (no "px" font sizes left in the views)."""
    import re
    from pathlib import Path

    views = Path(__file__).resolve().parent.parent / "desktop" / "views"
    offenders = [str(p) for p in views.rglob("*.py")
                 if re.search(r"font-size:\s*\d+px|setPixelSize\(", p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_no_hard_coded_colours_in_the_views():
    """Every colour of the window comes from the one table (desktop/colours.py)."""
    import re
    from pathlib import Path

    views = Path(__file__).resolve().parent.parent / "desktop" / "views"
    literal = re.compile(r"QColor\(\"#[0-9A-Fa-f]{6}\"\)|color: #[0-9A-Fa-f]{6}")
    offenders = [f"{p.name}: {m.group(0)}" for p in views.rglob("*.py")
                 for m in literal.finditer(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_exam_search_filters_the_list(qtbot, qapp, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area("exams")
    _settle(qapp)
    total = page.list_proxy.rowCount()
    assert total > 3
    first = page.list_proxy.index(0, 0)
    words = [str(page.list_proxy.index(0, c).data() or "") for c in range(page.list_proxy.columnCount())]
    word = max(words, key=len)
    page.search.setText(word)
    assert page.tabs.currentIndex() == 1  # typing shows the list
    assert 0 < page.list_proxy.rowCount() < total
    page.reset_filters()
    assert page.list_proxy.rowCount() == total and first.isValid()


def test_find_in_the_calendar_and_the_curator_matrix(qtbot, qapp, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area("curators")
    _settle(qapp)
    model = page.matrix_model
    last = model.rowCount() - 1
    while last > 0 and not model.index(last, 1).data():
        last -= 1
    group = model.index(last, 1).data()
    page.search.setText(group)
    assert page.matrix_view.currentIndex().row() == last
    assert page.matrix_view.currentIndex().data() == group
    calendar = window.show_area("calendar")
    _settle(qapp)
    calendar.search.setText("zzz-no-such-event")
    before = calendar.tree.currentIndex()
    assert not before.isValid() or "zzz" not in str(before.data())
    parent = calendar.model.index(0, 0)
    title = calendar.model.index(0, 1, parent).data()
    calendar.search.setText(title[:12])
    found = calendar.tree.currentIndex()
    assert found.isValid() and title[:12] in found.data()


def test_status_bar_counts_the_areas_states(qtbot, qapp, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area("workplan")
    _settle(qapp)
    items = [i for sec in page.model.sections for i in sec["items"]]
    overdue = sum(1 for i in items if i["overdue"])
    assert overdue > 0
    assert f"Items: {len(items)}" in window.status_selection.text()
    assert f"Overdue: {overdue}" in window.status_selection.text()
    window.show_area("requests")
    _settle(qapp)
    assert "Overdue:" in window.status_selection.text() and "1 selected" in window.status_selection.text()


def test_double_click_opens_and_f2_edits_in_place(qtbot, qapp, demo_db, monkeypatch):
    from PySide6.QtWidgets import QAbstractItemView

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area("students")
    _settle(qapp)
    opened = []
    monkeypatch.setattr(page, "open_card", lambda: opened.append(page.view.currentIndex().row()))
    editable = page.model.index(0, 0)  # the last name: editable, and still double-click opens the card
    assert page.model.flags(editable) & page.model.flags(editable).ItemIsEditable
    page.view.doubleClicked.emit(editable)
    assert opened == [page.view.currentIndex().row()]
    assert page.view.editTriggers() == QAbstractItemView.EditTrigger.EditKeyPressed  # F2
    assert page.commands["card"].shortcut() == QKeySequence("Return")


def test_long_area_names_wrap_in_the_sidebar(qtbot, qapp, demo_db):
    i18n.set_language("ky")
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.grab()
    from desktop.views.main_window import SidebarDelegate

    qtbot.waitUntil(lambda: isinstance(window.sidebar.itemDelegate(), SidebarDelegate), timeout=3000)
    window.sidebar.doItemsLayout()
    _settle(qapp)
    rows = {a.key: window.sidebar.visualRect(window.area_model.index(i)).height() for i, a in enumerate(AREAS)}
    lines = window.sidebar.fontMetrics().lineSpacing()
    assert rows["staff"] >= 2 * lines > rows["meetings"] - 4  # "Кызматкерлер жана / багыттар" on two lines
    assert window.sidebar.width() <= 230


@pytest.mark.parametrize("area", ["requests", "calendar", "meetings"])
def test_each_page_keeps_its_split_per_user(qtbot, demo_db, area):
    """The shared views/settings.remember_split: sizes the user dragged come back on the next start."""
    import importlib

    from desktop.views.common.area import AppContext

    spec = next(a for a in AREAS if a.key == area)
    cls = getattr(importlib.import_module(spec.module), spec.cls)

    def opened():
        page = cls(AppContext(demo_db))
        qtbot.addWidget(page)
        page.resize(1300, 700)
        page.show()
        return page

    first = opened()
    total = sum(first.splitter.sizes())
    first.splitter.setSizes([total // 3 + 7, total - total // 3 - 7])
    wanted = first.splitter.sizes()
    first.splitter.splitterMoved.emit(wanted[0], 1)  # what a drag of the handle says
    assert opened().splitter.sizes() == wanted
