"""The translations view, the warning before an export, and content shown in the interface language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop import i18n
from desktop.models import text_versions as tv
from desktop.models import workplan as wp
from desktop.views import settings as ui_settings
from desktop.views.common.area import AppContext

JOURNALS_KY = "Тайпалык журналдарды текшерүү"
JOURNALS_RU = "Проверка групповых журналов"


@pytest.fixture(autouse=True)
def usual_event_periods():
    from desktop.models import workplan_deadline

    yield
    workplan_deadline.set_event_resolver(None)


def _item_id(db, text):
    from sqlalchemy import select

    from desktop.models.workplan import WorkPlanItem

    with db.session() as s:
        return s.scalar(select(WorkPlanItem.id).where(WorkPlanItem.text == text))


@pytest.fixture
def dialog(qtbot, demo_db):
    from desktop.views.translations import TranslationsDialog

    with demo_db.session() as s:
        plan_id = wp.require_plan(s, "2025-2026").id
    d = TranslationsDialog(AppContext(demo_db), "workplan", plan_id, "2025-2026")
    qtbot.addWidget(d)
    return d


def _row(dialog, original):
    return next(i for i, t in enumerate(dialog.model.texts) if t.original == original)


def test_the_model_passes_the_model_tester(dialog, qtmodeltester):
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)


def test_missing_are_highlighted_and_filterable(dialog):
    from desktop.views.translations import LANG_COLUMNS, MISSING_FILL, ORIGINAL_FILL

    total = dialog.model.rowCount()
    dialog.show_combo.setCurrentIndex(dialog.show_combo.findData("ru"))
    assert dialog.proxy.rowCount() == 0  # the demo plan is wholly in Russian too
    dialog.show_combo.setCurrentIndex(dialog.show_combo.findData("kk"))
    assert dialog.proxy.rowCount() == total  # ... and in no Kazakh
    r = _row(dialog, JOURNALS_KY)
    assert dialog.model.index(r, LANG_COLUMNS["kk"]).data(Qt.ItemDataRole.BackgroundRole) == MISSING_FILL
    assert dialog.model.index(r, LANG_COLUMNS["ky"]).data(Qt.ItemDataRole.BackgroundRole) == ORIGINAL_FILL
    assert not dialog.model.flags(dialog.model.index(r, LANG_COLUMNS["ky"])) & Qt.ItemFlag.ItemIsEditable
    dialog.show_combo.setCurrentIndex(0)
    dialog.filter_box.setText("групповых журн")  # a row is found by any of its versions
    assert dialog.proxy.rowCount() == 1


def test_an_edit_writes_the_version_and_undo_takes_it_back(dialog, demo_db):
    from desktop.views.translations import LANG_COLUMNS

    item = _item_id(demo_db, JOURNALS_KY)
    r = _row(dialog, JOURNALS_KY)
    assert dialog.model.setData(dialog.model.index(r, LANG_COLUMNS["kk"]), "Топтық журналдарды тексеру")
    with demo_db.session() as s:
        assert tv.get_version(s, "workplan_item", item, "text", "kk") == "Топтық журналдарды тексеру"
    dialog.undo_stack.undo()
    with demo_db.session() as s:
        assert tv.get_version(s, "workplan_item", item, "text", "kk") is None
    dialog.undo_stack.redo()
    with demo_db.session() as s:
        assert tv.get_version(s, "workplan_item", item, "text", "kk") == "Топтық журналдарды тексеру"


def test_a_version_older_than_its_edited_original_is_shown_and_can_be_checked(dialog, demo_db):
    """The plan's original edited (as the plan page does): its Russian version is marked out of date
    and listed under "Missing in Russian"; entering it again marks it checked, and undo takes that back."""
    from desktop.views.translations import LANG_COLUMNS, STALE_FILL

    item = _item_id(demo_db, JOURNALS_KY)
    edited = "Тайпалык журналдарды айына бир жолу текшерүү"
    with demo_db.session() as s:
        wp.update_item(s, item, text=edited)
    dialog.reload()
    r = _row(dialog, edited)
    cell = dialog.model.index(r, LANG_COLUMNS["ru"])
    assert cell.data() == JOURNALS_RU and cell.data(Qt.ItemDataRole.BackgroundRole) == STALE_FILL
    assert "edited" in cell.data(Qt.ItemDataRole.ToolTipRole)
    dialog.show_combo.setCurrentIndex(dialog.show_combo.findData("ru"))
    assert [dialog.proxy.index(i, 1).data() for i in range(dialog.proxy.rowCount())] == [edited]
    dialog.show_combo.setCurrentIndex(0)
    assert dialog.model.setData(cell, JOURNALS_RU)  # the same text: "still right"
    r = _row(dialog, edited)
    assert dialog.model.index(r, LANG_COLUMNS["ru"]).data(Qt.ItemDataRole.BackgroundRole) != STALE_FILL
    with demo_db.session() as s:
        assert tv.version_source(s, "workplan_item", item, "text", "ru") == edited
    dialog.undo_stack.undo()
    r = _row(dialog, edited)
    assert dialog.model.index(r, LANG_COLUMNS["ru"]).data(Qt.ItemDataRole.BackgroundRole) == STALE_FILL


def test_import_of_a_filled_sheet_is_undoable(dialog, demo_db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox


    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    sheet = _filled_sheet(tmp_path, dialog, JOURNALS_KY, "kk", "Топтық журналдарды тексеру")
    messages = dialog.do_import(str(sheet))
    assert messages[0] == "1 version written"
    item = _item_id(demo_db, JOURNALS_KY)
    with demo_db.session() as s:
        assert tv.get_version(s, "workplan_item", item, "text", "kk") == "Топтық журналдарды тексеру"
    dialog.undo_stack.undo()
    with demo_db.session() as s:
        assert tv.get_version(s, "workplan_item", item, "text", "kk") is None


@pytest.fixture
def page(qtbot, demo_db):
    from desktop.views.workplan import WorkPlanArea

    p = WorkPlanArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    return p


def test_export_lists_missing_texts_first(page, demo_db, tmp_path, monkeypatch):
    from desktop.views import translations

    item = _item_id(demo_db, JOURNALS_KY)
    with demo_db.session() as s:
        tv.set_version(s, "workplan_item", item, "text", "ru", None)
    ui_settings.put(ui_settings.REPORT_LANGUAGE, "ru")
    shown, opened = [], []
    monkeypatch.setattr(translations.MissingDialog, "exec",
                        lambda self: shown.append(self.texts.stringList())
                        or translations.MissingDialog.TRANSLATE)
    monkeypatch.setattr(translations.TranslationsDialog, "exec",
                        lambda self: opened.append(self.show_combo.currentData()) or 0)
    page.do_export("pdf", str(tmp_path / "ru.pdf"))
    assert len(shown[0]) == 1 and JOURNALS_KY in shown[0][0]
    assert opened == ["ru"]  # "Translate now": the view opens on the texts missing Russian
    assert not (tmp_path / "ru.pdf").exists()
    monkeypatch.setattr(translations.MissingDialog, "exec", lambda self: translations.MissingDialog.EXPORT)
    page.do_export("pdf", str(tmp_path / "ru.pdf"))  # "Export anyway"
    assert (tmp_path / "ru.pdf").exists()


def test_content_in_the_interface_language_edits_that_version(page, demo_db):
    item = _item_id(demo_db, JOURNALS_KY)
    i18n.set_language("ru")
    page.actions_by_key["content_lang"].setChecked(True)
    assert ui_settings.get(ui_settings.CONTENT_SHOWN) == "interface"
    page.retranslate_ui()
    page.select_item(item)
    assert page.p_text.toPlainText() == JOURNALS_RU
    assert "рус" in page.p_labels[0].text().lower()  # says the Russian version is edited
    page.edit_item(item, "text", "Проверка журналов групп")
    with demo_db.session() as s:
        assert tv.get_version(s, "workplan_item", item, "text", "ru") == "Проверка журналов групп"
        assert s.get(wp.WorkPlanItem, item).text == JOURNALS_KY  # the original is untouched
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert tv.get_version(s, "workplan_item", item, "text", "ru") == JOURNALS_RU
    page.actions_by_key["content_lang"].setChecked(False)
    page.select_item(item)
    assert page.p_text.toPlainText() == JOURNALS_KY


def test_the_plan_filter_finds_an_item_by_its_russian_version(page):
    page.f_text.setText("групповых журналов")
    shown = [page.proxy.index(r, 1, page.proxy.index(s, 0)).data()
             for s in range(page.proxy.rowCount()) for r in range(page.proxy.rowCount(page.proxy.index(s, 0)))]
    assert shown == [JOURNALS_KY]


def test_the_requests_register_finds_a_request_by_a_version_of_its_procedure(qtbot, demo_db):
    from desktop.views.common.tablemodel import RECORD_ROLE
    from desktop.views.requests import RequestsArea

    p = RequestsArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    total = p.proxy.rowCount()
    p.search.setText("Окуу тууралуу маалымкат")  # Kyrgyz version of "Справка об обучении"
    found = {p.proxy.index(r, 0).data(RECORD_ROLE)["procedure"] for r in range(p.proxy.rowCount())}
    assert found == {"Справка об обучении"} and p.proxy.rowCount() < total


def test_the_calendar_shows_and_edits_the_interface_language_version(qtbot, demo_db):
    from desktop.models import academic_calendar as ac
    from desktop.views.calendar.page import CalendarArea

    i18n.set_language("ru")
    ctx = AppContext(demo_db)
    p = CalendarArea(ctx)
    qtbot.addWidget(p)
    p.retranslate_ui()
    with demo_db.session() as s:
        cal = ac.find_calendar(s, "2025-2026", "bachelor", "semester")
    p.chooser.setCurrentIndex(p.chooser.findData(cal))
    event = next(e for e in p.data.events if e.title == "Көктемгі семестрдің пәндеріне тіркелу")
    assert p.model.data_.event(event.id).title == event.title  # originals by default
    p.buttons["content_lang"].trigger()
    assert p.model.data_.event(event.id).title == "Регистрация на дисциплины весеннего семестра"
    p._edit_event(event.id, "title", "Регистрация на дисциплины весны")
    with demo_db.session() as s:
        assert tv.get_version(s, "calendar_event", event.id, "title", "ru") == "Регистрация на дисциплины весны"
        assert s.get(ac.CalendarEvent, event.id).title == "Көктемгі семестрдің пәндеріне тіркелу"
    p.undo_stack.undo()
    with demo_db.session() as s:
        assert tv.get_version(s, "calendar_event", event.id, "title", "ru") == \
            "Регистрация на дисциплины весеннего семестра"
    p.buttons["content_lang"].trigger()
    assert ui_settings.get(ui_settings.CONTENT_SHOWN) == "original"


def test_the_exams_page_opens_the_disciplines_and_rooms_for_translation(qtbot, demo_db, monkeypatch):
    from desktop.views import translations
    from desktop.views.exams.page import ExamsArea

    p = ExamsArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    opened = []
    monkeypatch.setattr(translations.TranslationsDialog, "exec",
                        lambda self: opened.append({t.original: t.versions for t in self.model.texts}) or 0)
    p.translations_action.trigger()
    assert opened[0]["Математикалык анализ"] == {"ru": "Математический анализ"}
    assert opened[0]["Актовый зал"] == {"ky": "Актылар залы"}


def _exam_disciplines(p) -> set[str]:
    from desktop.views.exams.models import LIST_COLUMNS

    column = next(i for i, c in enumerate(LIST_COLUMNS) if c == "Discipline")
    return {p.list_proxy.index(r, column).data() for r in range(p.list_proxy.rowCount())}


def test_the_exams_page_shows_names_in_the_interface_language_and_finds_them_by_any_version(qtbot, demo_db):
    from desktop.views.exams.page import ExamsArea

    i18n.set_language("ru")
    p = ExamsArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    assert p.schedule is not None
    originals = _exam_disciplines(p)
    assert any(name.startswith("Математикалык анализ") for name in originals)
    p.search.setText("Математический анализ")  # the Russian version finds the Kyrgyz-named exams
    assert p.list_proxy.rowCount() > 0 and all(n.startswith("Математикалык анализ") for n in _exam_disciplines(p))
    p.search.clear()
    p.commands["content_lang"].setChecked(True)  # the one setting: texts in the interface language
    shown = _exam_disciplines(p)
    assert any(n.startswith("Математический анализ") for n in shown) and not any(
        n.startswith("Математикалык анализ") for n in shown)
    p.search.setText("Математикалык анализ")  # ... and the original still finds them
    assert p.list_proxy.rowCount() > 0 and all(n.startswith("Математический анализ") for n in _exam_disciplines(p))
    p.commands["content_lang"].setChecked(False)
    assert ui_settings.get(ui_settings.CONTENT_SHOWN) == "original"


def test_the_requests_page_shows_procedures_in_the_interface_language(qtbot, demo_db):
    """The office's procedures are typed in Russian with Kyrgyz versions: in a Kyrgyz interface with
    the setting on, the register and the card show the Kyrgyz; the Russian still finds the rows."""
    from desktop.views.common.tablemodel import RECORD_ROLE
    from desktop.views.requests import RequestsArea

    i18n.set_language("ky")
    p = RequestsArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()

    def procedures():
        return {p.proxy.index(r, 0).data(RECORD_ROLE)["procedure"] for r in range(p.proxy.rowCount())}

    assert "Справка об обучении" in procedures()
    p.commands["content_lang"].setChecked(True)
    assert "Окуу тууралуу маалымкат" in procedures() and "Справка об обучении" not in procedures()
    p.search.setText("Справка об обучении")  # the original finds the rows shown in Kyrgyz
    assert procedures() == {"Окуу тууралуу маалымкат"}
    p.select_request(p.proxy.index(0, 0).data(RECORD_ROLE)["id"])
    assert "Окуу тууралуу маалымкат" in p.card.title.text()
    p.commands["content_lang"].setChecked(False)
    assert procedures() == {"Справка об обучении"}
    assert "Справка об обучении" in p.card.title.text()


def test_the_meetings_page_shows_and_edits_the_interface_language_version(qtbot, demo_db):
    """The demo's meetings are typed in Kyrgyz with Russian versions: in a Russian interface with the
    setting on, the series, the agenda, the minutes and the decisions register show the Russian; an
    edit of a text shown in its version edits that version (undoable), the original stays."""
    from sqlalchemy import select

    from desktop.models import meetings as mt
    from desktop.views.meetings import MeetingsArea

    i18n.set_language("ru")
    p = MeetingsArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    with demo_db.session() as s:
        meeting = s.scalars(select(mt.Meeting).where(mt.Meeting.held.is_(True)).order_by(mt.Meeting.date)).first()
        item = s.scalars(select(mt.AgendaItem).where(mt.AgendaItem.meeting_id == meeting.id)
                         .order_by(mt.AgendaItem.position)).first()
        item_id, original_heard = item.id, item.heard
    p.open_meeting(meeting.id)
    series_names = {p.series.itemText(i) for i in range(p.series.count())}
    assert "Деканаттын жумалык кеңешмеси" in series_names
    p.commands["content_lang"].setChecked(True)
    series_names = {p.series.itemText(i) for i in range(p.series.count())}
    assert "Еженедельное совещание деканата" in series_names and "Деканаттын жумалык кеңешмеси" not in series_names
    assert p.editor.tree["series"] == "Еженедельное совещание деканата"
    assert "правка меняет эту версию" in p.editor.heading.text()  # says which text an edit changes
    row = next(r for r in p.editor.agenda.rows if r["id"] == item_id)
    assert row["decided"] in ("Информацию принять к сведению.", "Считать решение выполненным.",
                              "Оставить исполнение решения на контроле.")
    registered = {r["series"] for r in p.register.model.rows}
    assert registered == {"Еженедельное совещание деканата", "Ежемесячное совещание кураторов"}
    p.register.text.setText("Кафедралар")  # the Kyrgyz original finds a decision shown in Russian
    assert p.register.proxy.rowCount() > 0
    p.edit_item(item_id, "heard", "Заслушали информацию о ходе работы.")
    with demo_db.session() as s:
        assert tv.get_version(s, "agenda_item", item_id, "heard", "ru") == "Заслушали информацию о ходе работы."
        assert s.get(mt.AgendaItem, item_id).heard == original_heard  # the original is untouched
    p.undo_stack.undo()
    with demo_db.session() as s:
        assert tv.get_version(s, "agenda_item", item_id, "heard", "ru") != "Заслушали информацию о ходе работы."
        assert s.get(mt.AgendaItem, item_id).heard == original_heard
    p.commands["content_lang"].setChecked(False)
    assert p.editor.tree["series"] == "Деканаттын жумалык кеңешмеси"


def test_the_calendar_filter_finds_events_by_any_version(qtbot, demo_db):
    """The demo's Kazakh calendar has Russian versions: typing the Russian (or the Kazakh) keeps only
    the matching events (and their categories) visible; clearing shows every event again."""
    from desktop.models import academic_calendar as ac
    from desktop.views.calendar.page import CalendarArea

    p = CalendarArea(AppContext(demo_db))
    qtbot.addWidget(p)
    p.retranslate_ui()
    with demo_db.session() as s:
        cal = ac.find_calendar(s, "2025-2026", "bachelor", "semester")
    p.chooser.setCurrentIndex(p.chooser.findData(cal))

    def visible_events() -> list[str]:
        out = []

        def walk(parent):
            for r in range(p.model.rowCount(parent)):
                index = p.model.index(r, 0, parent)
                if p.tree.isRowHidden(r, parent):
                    continue
                event = index.internalPointer().event
                if event is not None:
                    out.append(event.title)
                walk(index)

        walk(QModelIndex())
        return out

    total = len(visible_events())
    p.search.setText("регистрация на дисциплины весеннего")  # Russian version of a Kazakh event
    assert visible_events() == ["Көктемгі семестрдің пәндеріне тіркелу"]
    assert p.tree.currentIndex().internalPointer().event.title == "Көктемгі семестрдің пәндеріне тіркелу"
    p.search.setText("Көктемгі семестрдің пәндеріне")  # the original too
    assert visible_events() == ["Көктемгі семестрдің пәндеріне тіркелу"]
    p.search.setText("")
    assert len(visible_events()) == total > 5


def test_an_original_edited_on_the_plan_page_leaves_its_russian_version_out_of_date(page, demo_db, tmp_path,
                                                                                  monkeypatch):
    """The plan page edits the Kyrgyz original (texts shown as typed): the Russian version is out of
    date, so the Russian export's warning lists it; undo makes it current again."""
    from desktop.views import translations

    item = _item_id(demo_db, JOURNALS_KY)
    page.edit_item(item, "text", "Тайпалык журналдарды ай сайын текшерүү")
    listed = []
    monkeypatch.setattr(translations.MissingDialog, "exec",
                        lambda self: listed.append(self.texts.stringList()) or translations.MissingDialog.EXPORT)
    ui_settings.put(ui_settings.REPORT_LANGUAGE, "ru")
    page.do_export("pdf", str(tmp_path / "ru.pdf"))
    assert len(listed) == 1 and any("Тайпалык журналдарды ай сайын текшерүү" in line and "(out of date)" in line
                                    for line in listed[0])
    page.undo_stack.undo()
    with demo_db.session() as s:
        from desktop.models.text_documents import plan_texts

        plan_id = wp.require_plan(s, "2025-2026").id
        assert all(not t.stale for t in plan_texts(s, plan_id))


def test_undoing_an_import_gives_back_an_out_of_date_version_as_it_was(dialog, demo_db, tmp_path, monkeypatch):
    """A Russian version out of date (its original edited) is rewritten by an imported sheet, so it is
    current; undoing the import gives back the old text, out of date again."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.models.text_documents import plan_texts

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    item = _item_id(demo_db, JOURNALS_KY)
    edited = "Тайпалык журналдарды жумасына бир жолу текшерүү"
    with demo_db.session() as s:
        wp.update_item(s, item, text=edited)
        plan_id = wp.require_plan(s, "2025-2026").id
    dialog.reload()

    def stale() -> frozenset:
        with demo_db.session() as s:
            return next(t.stale for t in plan_texts(s, plan_id) if t.ref == tv.TextRef("workplan_item", item, "text"))

    assert stale() == {"ru"}
    sheet = _filled_sheet(tmp_path, dialog, edited, "ru", "Еженедельная проверка групповых журналов")
    assert dialog.do_import(str(sheet))[0] == "1 version written"
    assert stale() == frozenset()
    dialog.undo_stack.undo()
    with demo_db.session() as s:
        assert tv.get_version(s, "workplan_item", item, "text", "ru") == JOURNALS_RU
    assert stale() == {"ru"}


def _filled_sheet(tmp_path, dialog, original: str, lang: str, version: str):
    """The dialog's texts exported to a sheet, with ``version`` typed in the ``lang`` column of
    the row whose original is ``original`` (as a translator would), saved."""
    from openpyxl import load_workbook

    from desktop.reports.text_xlsx import texts_xlsx

    sheet = tmp_path / "texts.xlsx"
    texts_xlsx(sheet, dialog.model.texts, dialog.kind, dialog.doc_id, "en")
    book = load_workbook(sheet)
    ws = book.worksheets[0]
    column = next(i for i, c in enumerate(ws[1], 1) if str(c.value).startswith(lang))
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 4).value == original)
    ws.cell(row, column).value = version
    book.save(sheet)
    return sheet
