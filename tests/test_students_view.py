"""The students area: tree and table models, filters, chosen columns, movements with undo, import, card."""

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.models.contingent import Group, Student
from desktop.models.movements import MovementKind, Order
from desktop.views.common.area import AppContext
from desktop.views.students import StudentsArea
from desktop.views.students.history import HistoryModel
from desktop.views.students.models import StudentFilter


@pytest.fixture
def page(qtbot, demo_db):
    p = StudentsArea(AppContext(demo_db))
    qtbot.addWidget(p)
    return p


def test_models_pass_the_model_tester(page, qtmodeltester, demo_db):
    qtmodeltester.check(page.tree_model)
    qtmodeltester.check(page.model)
    from desktop.models.movements import history

    with demo_db.session() as s:
        sid = s.scalar(select(Student.id).limit(1))
        qtmodeltester.check(HistoryModel(history(s, sid)))


def test_the_table_is_a_proxy_over_every_loaded_student(page, qtmodeltester):
    from PySide6.QtCore import QAbstractProxyModel

    proxy, source = page.model, page.model.sourceModel()
    qtmodeltester.check(source)
    assert isinstance(proxy, QAbstractProxyModel) and source.rowCount() == len(proxy.rows)
    page.course.setCurrentIndex(page.course.findData(2))
    shown = proxy.rowCount()
    assert 0 < shown < source.rowCount()
    for row in (0, shown - 1):
        at_source = proxy.mapToSource(proxy.index(row, 1))
        assert source.data(at_source) == proxy.index(row, 1).data()
        assert proxy.mapFromSource(at_source).row() == row
    hidden = next(r for r in range(source.rowCount()) if source.rows[r][6] != 2)
    assert not proxy.mapFromSource(source.index(hidden, 0)).isValid()
    # Editing through the proxy reaches the source's edit hook with the right student.
    edits = []
    proxy.on_edit = lambda row, key, value: edits.append((row[0], key, value))
    proxy.setData(proxy.index(0, 0), "Жаңы")
    assert edits == [(proxy.student_id(0), "last_name", "Жаңы")]


def test_tree_selection_and_filters(page, demo_db):
    total = page.model.rowCount()
    with demo_db.session() as s:
        assert total == s.scalar(select(func.count()).select_from(Student))
    programme = page.tree_model.index(0, 0, page.tree_model.index(0, 0))
    course = page.tree_model.index(0, 0, programme)
    group = page.tree_model.index(0, 0, course)
    page.tree.setCurrentIndex(group)
    in_group = page.model.rowCount()
    assert 0 < in_group < total
    assert {page.model.row_tuple(i)[5] for i in range(in_group)} == {group.data().rsplit(" (", 1)[0]}
    page.tree.setCurrentIndex(page.tree_model.index(0, 0))
    page.status.setCurrentIndex(page.status.findData("expelled"))
    assert {page.model.row_tuple(i)[8] for i in range(page.model.rowCount())} == {"expelled"}
    page.status.setCurrentIndex(0)
    page.funding.setCurrentIndex(page.funding.findData("grant"))
    page.course.setCurrentIndex(page.course.findData(2))
    rows = [page.model.row_tuple(i) for i in range(page.model.rowCount())]
    assert rows and all(r[9] == "grant" and r[6] == 2 for r in rows)


def test_filter_as_you_type_over_name_record_book_and_group(page, demo_db):
    page.funding.setCurrentIndex(0)
    page.course.setCurrentIndex(0)
    first = page.model.rows[0]
    page.search.setText(first[4])
    assert [page.model.row_tuple(i)[0] for i in range(page.model.rowCount())] == [first[0]]
    page.search.setText(first[5].lower())  # a group's name, typed in lower case
    with demo_db.session() as s:
        in_group = set(s.scalars(select(Student.id).join(Student.group).where(Group.name == first[5])))
    assert {page.model.row_tuple(i)[0] for i in range(page.model.rowCount())} == in_group
    page.search.setText(first[1][:4].upper())
    assert all(first[1][:4].casefold() in page.model.row_tuple(i)[1].casefold() for i in range(page.model.rowCount()))


def test_sorting_by_a_column(page):
    page.model.sort(3, Qt.SortOrder.DescendingOrder)
    books = [page.model.row_tuple(i)[4] for i in range(page.model.rowCount())]
    assert books == sorted(books, reverse=True)


def test_chosen_columns_are_remembered(qtbot, page, demo_db):
    page.set_column_visible("phone", True)
    page.set_column_visible("status", False)
    again = StudentsArea(AppContext(demo_db))
    qtbot.addWidget(again)
    keys = [k for k, _t, _d in __import__("desktop.views.students.models", fromlist=["x"]).STUDENT_COLUMNS]
    assert not again.view.isColumnHidden(keys.index("phone"))
    assert again.view.isColumnHidden(keys.index("status"))


def test_movement_for_many_students_with_undo_and_redo(page, demo_db):
    page.status.setCurrentIndex(page.status.findData("studying"))
    ids = [page.model.student_id(i) for i in range(3)]
    assert page.apply_movement(ids, MovementKind.ACADEMIC_LEAVE, Order("15-ао", dt.date(2026, 1, 10),
                                                                       dt.date(2026, 1, 12)))
    statuses = lambda: set(demo_db.Session().scalars(select(Student.status).where(Student.id.in_(ids))))  # noqa: E731
    assert statuses() == {"academic_leave"}
    page.undo_stack.undo()
    assert statuses() == {"studying"}
    page.undo_stack.redo()
    assert statuses() == {"academic_leave"}


def test_refused_movement_shows_the_reason_and_pushes_nothing(page, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    sid = page.model.student_id(0)
    assert not page.apply_movement([sid], MovementKind.EXPULSION, Order("1", None, dt.date(2026, 2, 1)))
    assert warnings and "reason" in warnings[0] and page.undo_stack.count() == 0


def test_edit_name_in_place_with_undo(page, demo_db):
    sid = page.model.student_id(0)
    old = page.model.row_tuple(0)[2]
    assert page.model.setData(page.model.index(0, 1), "Нурлан", Qt.ItemDataRole.EditRole)
    with demo_db.session() as s:
        assert s.get(Student, sid).first_name == "Нурлан"
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert s.get(Student, sid).first_name == old


def test_card_shows_the_movement_history(page):
    page.view.selectRow(0)
    card = page.open_card()
    assert card is not None and card.history.rowCount() >= 1
    assert card.history.data(card.history.index(0, 1)) == "Enrolment"
    card.close()


def test_import_through_the_mapping_step(page, demo_db, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Тизме"])
    ws.append(["Аты-жөнү", "Тайпа", "Каржылоо"])
    ws.append(["Өмүрбеков Тилек", "ЖАҢЫ-1-25", "грант"])
    path = tmp_path / "new.xlsx"
    wb.save(path)
    assert page.accepts_file(str(path)) and not page.accepts_file("x.docx")
    page.import_file(str(path))
    dialog = page._import_dialog
    assert dialog.mapping() == {"full_name": 0, "group": 1, "funding": 2}
    assert dialog.check()
    assert "ЖАҢЫ-1-25" in dialog.report.toPlainText()
    dialog.combos["funding"].setCurrentIndex(0)  # the user changes the mapping ...
    dialog.combos["funding"].setCurrentIndex(dialog.combos["funding"].findData(2))  # ... and back
    dialog.do_import()
    from desktop.views.students.import_dialog import remembered_mapping

    assert remembered_mapping(dialog.sheet) == {"full_name": 0, "group": 1, "funding": 2}
    with demo_db.session() as s:
        assert s.scalar(select(Student.funding).where(Student.last_name == "Өмүрбеков",
                                                      Student.first_name == "Тилек")) == "grant"
    assert any(g.name == "ЖАҢЫ-1-25" for g in page.groups)


def test_group_list_pdf_and_language_switch(page):
    from desktop import i18n

    gid = page.groups[0].id
    assert page.group_list_pdf(gid).startswith(b"%PDF")
    i18n.set_language("ky")
    page.retranslate_ui()
    assert page.title.text() == "Студенттер жана тайпалар"
    assert page.model.headerData(4, Qt.Orientation.Horizontal) == "Тайпа"


def test_group_filter_none_means_every_group_and_an_empty_set_means_none(page, demo_db):
    with demo_db.session() as s:
        total = s.scalar(select(func.count()).select_from(Student))
        group_id = s.scalar(select(Student.group_id).order_by(Student.group_id).limit(1))
    page.model.set_filter(StudentFilter())
    assert page.model.rowCount() == total
    page.model.set_filter(StudentFilter(group_ids=frozenset()))
    assert page.model.rowCount() == 0
    page.model.set_filter(StudentFilter(group_ids=frozenset({group_id})))
    with demo_db.session() as s:
        members = set(s.scalars(select(Student.id).where(Student.group_id == group_id)))
    assert {page.model.row_tuple(i)[0] for i in range(page.model.rowCount())} == members


def test_dlt_permission_with_undo_and_cap_refusal(page, demo_db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.models.dlt import credits_granted

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    sid = page.model.student_id(0)
    values = {"category": "emba_dba", "application_date": dt.date(2025, 9, 1), "order_number": "5-дот",
              "order_date": dt.date(2025, 9, 5), "credits": 10}
    assert page.add_dlt(sid, values)
    assert not page.add_dlt(sid, {**values, "credits": 6})
    assert "15" in warnings[0]
    with demo_db.session() as s:
        assert credits_granted(s, sid, "emba_dba") == 10
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert credits_granted(s, sid, "emba_dba") == 0


def test_movement_dialog_gives_the_order(qtbot, page):
    from desktop.views.students.dialogs import MovementDialog

    dialog = MovementDialog(page.groups, 2)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("transfer"))
    dialog.number.setText("12-п")
    dialog.group.setCurrentIndex(2)
    kind, order, group_id, _reason = dialog.values()
    assert kind == MovementKind.TRANSFER and order.number == "12-п" and group_id == page.groups[1].id
    dialog.kind.setCurrentIndex(dialog.kind.findData("academic_leave"))
    assert dialog.values()[2] is None and not dialog.group.isEnabled()


def test_enrol_a_student_by_hand_with_undo_and_redo(page, demo_db):
    gid = page.groups[0].id
    values = {"last_name": "Асқар ұлы", "first_name": "Нұржан", "patronymic": "", "record_book": "0077",
              "group_id": gid, "funding": "grant", "order": Order("1-к", dt.date(2025, 8, 20), dt.date(2025, 9, 1))}
    assert page.enrol(values)
    find = lambda: demo_db.Session().scalar(select(Student.id).where(Student.record_book == "0077"))  # noqa: E731
    sid = find()
    assert sid and page.model.row_of(sid) >= 0
    page.undo_stack.undo()
    assert find() is None
    page.undo_stack.redo()
    assert find() == sid



def test_a_large_list_opens_with_its_first_screen_and_completes(qtbot, tmp_path):
    from desktop.models.demo import build_demo
    from desktop.models.migrate import open_database
    from desktop.views.common.area import AppContext
    from desktop.views.students import StudentsArea
    from desktop.views.students.page import FIRST_SCREEN

    db = open_database(tmp_path / "big.sqlite3")
    build_demo(db, students=FIRST_SCREEN + 60)
    page = StudentsArea(AppContext(db))
    qtbot.addWidget(page)
    assert page.loading and page.model.rowCount() == FIRST_SCREEN
    from desktop.models.collation import sort_key

    def key(name):  # the interface language's alphabet (issue 17): "Әбдіров" sorts with "А"
        return sort_key(name, "en")

    names = [page.model.row_tuple(i)[1] for i in range(page.model.rowCount())]
    assert names == sorted(names, key=key)
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # every queued event and zero-delay timer runs: still nothing painted
        QApplication.processEvents()
    assert page.loading  # the rest waits for the first screen to be painted
    import time

    page.show()
    page.view.grab()  # the first screen painted
    time.sleep(0.05)  # a busy machine pauses the process for a moment after that paint ...
    QApplication.processEvents()
    assert page.loading  # ... and still the rest does not load in the round of events of the first paint
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    assert page.model.rowCount() == FIRST_SCREEN + 60
    full = [page.model.row_tuple(i)[1] for i in range(page.model.rowCount())]
    assert full == sorted(full, key=key)
    # The first screen comes from the database's order (code points): names that the alphabet puts
    # elsewhere (Ә, Ө, Ү, Ң ...) join in their place when the rest arrives; the rest keeps its order.
    assert [n for n in full if n in set(names)] == names
    db.dispose()


def test_import_offers_the_visible_sheets_with_the_active_one_first(page, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Черновик"
    first.append(["ФИО", "Группа"])
    first.append(["Черновой Студент", "ЧЕР-1-25"])
    hidden = wb.create_sheet("Старый")
    hidden.sheet_state = "hidden"
    final = wb.create_sheet("Итог")
    final.append(["ФИО", "Группа"])
    final.append(["Итогов Студент", "ИТ-1-25"])
    wb.active = 2
    path = tmp_path / "two.xlsx"
    wb.save(path)
    offered = []

    def pick(parent, title, label, items, current, editable):
        offered.append((list(items), current))
        return "Черновик", True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    page.import_file(str(path))
    assert offered == [(["Черновик", "Итог"], 1)]
    assert page._import_dialog.sheet.title == "Черновик"
    assert page._import_dialog.sheet.rows[1][0][0] == "Черновой Студент"


def test_a_reimport_in_the_window_is_in_the_students_history_with_the_file_name(page, demo_db, tmp_path):
    from desktop.views.common.history import AuditHistoryModel, load_history

    with demo_db.session() as s:
        st = s.scalars(select(Student).where(Student.status == "studying").order_by(Student.id)).first()
        sid, book, last, first, group, old_phone = (st.id, st.record_book, st.last_name, st.first_name,
                                                    st.group.name, st.phone)
    wb = openpyxl.Workbook()
    for row in [["Фамилия", "Имя", "Группа", "№ зачётной книжки", "Телефон", "Основа обучения"],
                [last, first, group, book, "+996 700 123456", None]]:
        wb.active.append(row)
    path = tmp_path / "phones.xlsx"
    wb.save(path)
    page.import_file(str(path))
    dialog = page._import_dialog
    assert dialog.check()
    assert f"{last} {first}: Phone: {old_phone or '—'} → +996 700 123456" in dialog.report.toPlainText()
    dialog.do_import()
    model = AuditHistoryModel(load_history(demo_db, "student", sid))
    rows = [[model.data(model.index(r, c)) for c in range(2, 6)] for r in range(model.rowCount())]
    assert ["Changed (from phones.xlsx)", "Phone", old_phone or "", "+996 700 123456"] in rows


def test_a_known_looking_column_must_be_let_go_before_the_window_imports(page, demo_db, tmp_path):
    wb = openpyxl.Workbook()
    for row in [["ФИО", "Группа", "Телефон родителей"], ["Өмүрбеков Тилек", "ЖАҢЫ-1-25", "555"]]:
        wb.active.append(row)
    path = tmp_path / "parents.xlsx"
    wb.save(path)
    page.import_file(str(path))
    dialog = page._import_dialog
    assert not dialog.let_go.isHidden()
    assert not dialog.check() and not dialog.import_button.isEnabled()
    assert "C «Телефон родителей»: not read, but it looks like “Phone”" in dialog.report.toPlainText()
    dialog.let_go.setChecked(True)
    assert dialog.check() and dialog.import_button.isEnabled()
    assert "C «Телефон родителей»: ignored" in dialog.report.toPlainText()


def test_headcount_to_excel_on_the_date_chosen_in_its_dialog(page, tmp_path, monkeypatch):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDialog, QFileDialog

    from desktop.views.students.dialogs import HeadcountDialog

    def choose_1_september(dialog):
        assert dialog.windowTitle() == "Headcount"
        dialog.date.setDate(QDate(2026, 9, 1))
        return QDialog.DialogCode.Accepted

    target = tmp_path / "headcount.xlsx"
    monkeypatch.setattr(HeadcountDialog, "exec", choose_1_september)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    page.headcount("xlsx")
    texts = [c for row in openpyxl.load_workbook(target).active.iter_rows(values_only=True) for c in row
             if isinstance(c, str)]
    assert "Headcount of students on 1 September 2026" in texts  # not today (30 November, pinned)


def test_the_card_of_a_student_deleted_meanwhile_does_not_open(page, monkeypatch):
    """The list can still show a student another office has deleted: no card, no crash."""
    monkeypatch.setattr(page, "selected_ids", lambda: [10**9])
    assert page.open_card() is None


def test_the_split_between_tree_and_list_is_kept_per_user(qtbot, demo_db):
    first = StudentsArea(AppContext(demo_db))
    qtbot.addWidget(first)
    first.resize(1200, 700)
    first.show()
    first.splitter.setSizes([420, 700])
    wanted = first.splitter.sizes()
    assert wanted[0] == 420  # not the page's own 260
    first.splitter.splitterMoved.emit(wanted[0], 1)  # what a drag of the handle says
    again = StudentsArea(AppContext(demo_db))
    qtbot.addWidget(again)
    again.resize(1200, 700)
    again.show()
    assert again.splitter.sizes() == wanted
