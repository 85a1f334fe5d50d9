"""Parallel texts: versions per language, fallback, missing, audit and counters, search, copy."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from desktop.models import load_all
from desktop.models import text_versions as tv
from desktop.models.base import DomainError

load_all()


@pytest.fixture(autouse=True)
def usual_event_periods():
    """plan_tree installs this test's calendar for "after the winter session"; later tests get the usual."""
    from desktop.models import workplan_deadline

    yield
    workplan_deadline.set_event_resolver(None)

KY_ITEM = "Факультеттин окумуштуу кеңешинин иш планын түзүү"
RU_ITEM = "Составление плана работы учёного совета факультета"
KY_SECTION = "Уюштуруу иштери"
RU_SECTION = "Организационная работа"


@pytest.fixture
def plan(session):
    from desktop.models import workplan as wp

    p = wp.create_plan(session, "2025-2026", title="2025-2026-окуу жылына иш планы",
                       approver_position="Факультеттин деканы")
    section = wp.add_section(session, p.id, KY_SECTION)
    wp.add_item(session, section.id, KY_ITEM, responsible="Деканат")
    wp.add_item(session, section.id, "Окуу жылынын башталышына даярдык көрүү")
    session.flush()
    return p


def _item_ids(session, plan):
    from desktop.models.workplan import WorkPlanItem, WorkPlanSection

    return list(session.scalars(select(WorkPlanItem.id).join(WorkPlanSection)
                                .where(WorkPlanSection.plan_id == plan.id).order_by(WorkPlanItem.position)))


def test_guess_language_from_letters():
    assert tv.guess_language("Окуу жылынын башталышы") == "ky"
    assert tv.guess_language("Оқу жылының басталуы") == "kk"
    assert tv.guess_language("Начало учебного года") == "ru"
    assert tv.guess_language("2025") is None


def test_version_resolves_with_fallback_to_the_original(session, plan):
    first, second = _item_ids(session, plan)
    assert tv.set_version(session, "workplan_item", first, "text", "ru", RU_ITEM) is None
    assert tv.resolve(session, "workplan_item", first, "text", "ru") == RU_ITEM
    assert tv.resolve(session, "workplan_item", first, "text", "ky") == KY_ITEM
    assert tv.resolve(session, "workplan_item", second, "text", "ru") == "Окуу жылынын башталышына даярдык көрүү"
    # a blank removes the version (undo of the first write), the original is left alone
    assert tv.set_version(session, "workplan_item", first, "text", "ru", "  ") == RU_ITEM
    assert tv.get_version(session, "workplan_item", first, "text", "ru") is None
    assert tv.resolve(session, "workplan_item", first, "text", "ru") == KY_ITEM


def test_missing_versions_of_a_plan(session, plan):
    from desktop.models.text_documents import plan_texts

    first, _second = _item_ids(session, plan)
    tv.set_version(session, "workplan_item", first, "text", "ru", RU_ITEM)
    texts = plan_texts(session, plan.id)
    assert {t.original_lang for t in texts if t.original.strip()} == {"ky"}  # "Деканат" goes with its plan
    missing_ru = {(t.ref.table, t.original) for t in tv.missing(texts, "ru")}
    assert ("workplan_item", KY_ITEM) not in missing_ru
    assert ("workplan_item", "Окуу жылынын башталышына даярдык көрүү") in missing_ru
    assert ("workplan_section", KY_SECTION) in missing_ru
    assert ("workplan_responsible", "Деканат") in missing_ru
    assert tv.missing(texts, "ky") == []


def test_writing_a_version_bumps_the_counter_and_is_audited(session, plan):
    from desktop.models.audit import history
    from desktop.models.workplan import WorkPlanItem

    first, _second = _item_ids(session, plan)
    before = session.scalar(select(WorkPlanItem.version).where(WorkPlanItem.id == first))
    tv.set_version(session, "workplan_item", first, "text", "ru", RU_ITEM, expected_version=before)
    after = session.scalar(select(WorkPlanItem.version).where(WorkPlanItem.id == first))
    assert after == before + 1
    entries = [e for e in history(session, "workplan_item", first) if e.field == "text[ru]"]
    assert [(e.old_value, e.new_value) for e in entries] == [(None, RU_ITEM)]
    # another install wrote meanwhile: the counter we read is stale
    with pytest.raises(StaleDataError):
        tv.set_version(session, "workplan_item", first, "text", "ru", "другое", expected_version=before)
    assert tv.get_version(session, "workplan_item", first, "text", "ru") == RU_ITEM
    # the ORM copy of the item in this session can still be edited (it re-reads its counter)
    item = session.get(WorkPlanItem, first)
    item.status = "done"
    session.flush()


def test_a_responsible_person_is_audited_under_its_item(session, plan):
    from desktop.models.audit import history
    from desktop.models.workplan import WorkPlanResponsible

    first, _second = _item_ids(session, plan)
    rid = session.scalar(select(WorkPlanResponsible.id).where(WorkPlanResponsible.item_id == first))
    tv.set_version(session, "workplan_responsible", rid, "text", "ru", "Деканат")
    assert any(e.field == "workplan_responsible.text[ru]" for e in history(session, "workplan_item", first))


def test_the_original_language_cannot_get_a_version(session, plan):
    first, _second = _item_ids(session, plan)
    tv.set_original_language(session, "workplan_item", first, "text", "ky")
    with pytest.raises(DomainError):
        tv.set_version(session, "workplan_item", first, "text", "ky", "башка")
    with pytest.raises(ValueError):
        tv.set_version(session, "workplan_item", first, "deadline", "ru", "x")


def test_search_finds_a_row_by_any_version(session, plan):
    from desktop.models.workplan import WorkPlanItem

    first, _second = _item_ids(session, plan)
    tv.set_version(session, "workplan_item", first, "text", "ru", RU_ITEM)
    clause = tv.any_version_like(WorkPlanItem.text, "workplan_item", "text", WorkPlanItem.id, "учёного совета")
    assert list(session.scalars(select(WorkPlanItem.id).where(clause))) == [first]
    clause = tv.any_version_like(WorkPlanItem.text, "workplan_item", "text", WorkPlanItem.id, "кеңешинин")
    assert list(session.scalars(select(WorkPlanItem.id).where(clause))) == [first]


def test_a_new_record_never_inherits_the_versions_of_a_deleted_one(session, plan):
    from desktop.models import workplan as wp

    _first, second = _item_ids(session, plan)  # the newest item: SQLite hands its id out again
    tv.set_version(session, "workplan_item", second, "text", "ru", RU_ITEM)
    wp.delete_item(session, second)
    new = wp.add_item(session, plan.sections[0].id, "Жаңы иш-чара")
    assert tv.get_version(session, "workplan_item", new.id, "text", "ru") is None
    assert tv.resolve(session, "workplan_item", new.id, "text", "ru") == "Жаңы иш-чара"


def test_copy_to_next_year_carries_the_versions(session, plan):
    from desktop.models import workplan as wp
    from desktop.models.text_documents import plan_texts

    first, _second = _item_ids(session, plan)
    tv.set_version(session, "workplan_item", first, "text", "ru", RU_ITEM)
    section_id = plan.sections[0].id
    tv.set_version(session, "workplan_section", section_id, "title", "ru", RU_SECTION)
    new = wp.copy_to_next_year(session, plan.id)
    texts = {t.original: t.versions for t in plan_texts(session, new.id)}
    assert texts[KY_ITEM] == {"ru": RU_ITEM}
    assert texts[KY_SECTION] == {"ru": RU_SECTION}


def test_localized_plan_tree_has_no_text_of_the_other_language(session, plan):
    from desktop.models import workplan as wp
    from desktop.models.text_documents import localize_plan

    first, _second = _item_ids(session, plan)
    tv.set_version(session, "workplan_item", first, "text", "ru", RU_ITEM)
    tree = wp.plan_tree(session, plan)
    ru, missing = localize_plan(session, tree, "ru")
    assert ru["sections"][0]["items"][0]["text"] == RU_ITEM
    assert ru["sections"][0]["items"][1]["text"] == "Окуу жылынын башталышына даярдык көрүү"  # the original
    assert len(missing) == 5  # title, position, section, second item, "Деканат"
    assert tree["sections"][0]["items"][0]["text"] == KY_ITEM  # the tree itself is untouched


def test_the_migration_keeps_every_existing_text_as_the_original(request, backend, tmp_path):
    """A database at 0013 with a Kyrgyz plan: after 0017 every text is where it was, the original."""
    from sqlalchemy import text

    from desktop.models.migrate import upgrade
    from desktop.models.text_documents import plan_texts

    db = _old_plan_database(backend, request, tmp_path, "0013",
                            ("Физика факультети", "Сопуев У.А.", "Факультеттин деканы"))
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO workplan_section (id, plan_id, position, kind, title)"
                          " VALUES (1, 1, 0, 'custom', :t)"), {"t": KY_SECTION})
        conn.execute(text("INSERT INTO workplan_item (id, section_id, position, text, deadline, status,"
                          " completion_note) VALUES (1, 1, 0, :t, '{}', 'planned', '')"), {"t": KY_ITEM})
    upgrade(db, backup=False)
    with db.session() as s:
        from desktop.models.workplan import WorkPlanItem

        assert s.scalar(select(WorkPlanItem.text).where(WorkPlanItem.id == 1)) == KY_ITEM
        texts = plan_texts(s, 1)
        assert {t.original for t in texts} == {"Иш планы", "Физика факультети", "Факультеттин деканы",
                                              KY_SECTION, KY_ITEM}
        assert all(t.versions == {} for t in texts)
        assert tv.resolve(s, "workplan_item", 1, "text", "ru") == KY_ITEM
        tv.set_version(s, "workplan_item", 1, "text", "ru", RU_ITEM)
        assert tv.resolve(s, "workplan_item", 1, "text", "ru") == RU_ITEM


def test_the_demo_carries_russian_versions_of_the_plan_and_calendar(demo_db):
    from desktop.models import academic_calendar as ac
    from desktop.models import workplan as wp
    from desktop.models.text_documents import calendar_texts, plan_texts

    with demo_db.session() as s:
        plan = wp.plan_for_year(s, "2025-2026")
        texts = plan_texts(s, plan.id)
        items = [t for t in texts if t.ref.table == "workplan_item"]
        assert len(items) > 100 and all(t.original_lang == "ky" for t in items)
        assert tv.missing(texts, "ru") == []
        assert next(t for t in items if t.original.startswith("Тайпалык журналдарды")).versions == {
            "ru": "Проверка групповых журналов"}
        for cal_id, *_rest in ac.calendars(s):
            cal = calendar_texts(s, cal_id)
            assert {t.original_lang for t in cal if t.original.strip()} == {"kk"}
            assert tv.missing(cal, "ru") == []


def test_a_standard_plan_ships_its_section_titles_in_every_language(session):
    from desktop import i18n
    from desktop.models import workplan as wp
    from desktop.models.text_documents import localize_plan

    i18n.set_language("ky")
    plan = wp.create_standard_plan(session, "2026-2027")
    tree = wp.plan_tree(session, plan)
    ru, missing = localize_plan(session, tree, "ru")
    kk, _missing = localize_plan(session, tree, "kk")
    assert missing == []
    assert ru["sections"][0]["title"] == "Организационная работа"
    assert kk["sections"][0]["title"] == i18n.translator("kk")("Organisational work")
    assert tree["sections"][0]["title"] == i18n.translator("ky")("Organisational work")


def test_the_calendar_copy_carries_its_versions(session):
    from desktop.models import academic_calendar as ac
    from desktop.models.text_documents import calendar_texts

    cal = ac.create_calendar(session, "2025-2026", "bachelor", "semester", "KZ", "УНИВЕРСИТЕТ", "")
    event = ac.add_event(session, cal, "teaching", "Семестрдің оқу сабақтары", kind="teaching")
    ac.set_entry(session, event, "autumn", ac.Entry(text="Жеке кесте бойынша"))
    date_ref = next(t.ref for t in calendar_texts(session, cal) if t.ref.table == "calendar_date")
    tv.set_version(session, "calendar_event", event, "title", "ru", "Учебные занятия семестра")
    tv.set_version(session, "calendar_date", date_ref.row_id, "text", "ru", "По индивидуальному графику")
    new = ac.copy_to_next_year(session, cal)
    copied = {t.original: t.versions for t in calendar_texts(session, new)}
    assert copied["Семестрдің оқу сабақтары"] == {"ru": "Учебные занятия семестра"}
    assert copied["Жеке кесте бойынша"] == {"ru": "По индивидуальному графику"}


def test_undo_of_a_delete_brings_the_versions_back(session, plan):
    from desktop.models import workplan as wp
    from desktop.models.workplan import WorkPlanResponsible

    first, _second = _item_ids(session, plan)
    tv.set_version(session, "workplan_item", first, "text", "ru", RU_ITEM)
    rid = session.scalar(select(WorkPlanResponsible.id).where(WorkPlanResponsible.item_id == first))
    tv.set_version(session, "workplan_responsible", rid, "text", "ru", "Деканат (рус.)")
    section_id = plan.sections[0].id
    tv.set_version(session, "workplan_section", section_id, "title", "ru", RU_SECTION)
    saved = wp.delete_item(session, first)
    wp.restore_item(session, saved)
    assert tv.resolve(session, "workplan_item", first, "text", "ru") == RU_ITEM
    rid = session.scalar(select(WorkPlanResponsible.id).where(WorkPlanResponsible.item_id == first))
    assert tv.get_version(session, "workplan_responsible", rid, "text", "ru") == "Деканат (рус.)"
    saved = wp.delete_plan(session, plan.id)
    session.expire_all()
    wp.restore_plan(session, saved)
    assert tv.get_version(session, "workplan_section", section_id, "title", "ru") == RU_SECTION
    assert tv.get_version(session, "workplan_item", first, "text", "ru") == RU_ITEM


def test_undo_of_a_deleted_calendar_event_brings_its_versions_back(session):
    from desktop.models import academic_calendar as ac

    cal = ac.create_calendar(session, "2025-2026", "bachelor", "semester", "KZ", "", "")
    event = ac.add_event(session, cal, "teaching", "Семестрдің оқу сабақтары", kind="teaching")
    tv.set_version(session, "calendar_event", event, "title", "ru", "Учебные занятия семестра")
    saved = ac.delete_event(session, event)
    assert tv.get_version(session, "calendar_event", event, "title", "ru") is None
    ac.restore_event(session, saved)
    assert tv.get_version(session, "calendar_event", event, "title", "ru") == "Учебные занятия семестра"


def test_undo_of_a_request_edit_keeps_its_versions(session):
    import datetime as dt

    from desktop.models.request_templates import (
        ProcedureTemplate,
        ensure_builtin_procedures,
    )
    from desktop.models.requests import (
        create_request,
        delete_request,
        refuse_request,
        request_snapshot,
        restore_request,
    )

    ensure_builtin_procedures(session)
    dup = session.scalar(select(ProcedureTemplate.id).where(ProcedureTemplate.builtin_key == "duplicate_diploma"))
    rid = create_request(session, dup, dt.date(2026, 3, 2), applicant="Петров С.И.")
    refuse_request(session, rid, "Неполный пакет документов", dt.date(2026, 3, 3))
    tv.set_version(session, "service_request", rid, "refusal_reason", "ky", "Документтер толук эмес")
    before = request_snapshot(session, rid)
    restore_request(session, before)  # the undo of an edit re-creates the request
    assert tv.get_version(session, "service_request", rid, "refusal_reason", "ky") == "Документтер толук эмес"
    saved = delete_request(session, rid)
    restore_request(session, saved)
    assert tv.get_version(session, "service_request", rid, "refusal_reason", "ky") == "Документтер толук эмес"


def test_undo_of_a_deleted_agenda_item_or_decision_brings_its_versions_back(session):
    import datetime as dt

    from desktop.models import meetings as mt

    series = mt.add_series(session, "Деканаттын кеңешмеси")
    meeting = mt.add_meeting(session, series.id, dt.date(2026, 3, 2))
    item = mt.add_agenda_item(session, meeting.id, "Кышкы сессиянын жыйынтыктары")
    decision = mt.add_decision(session, meeting.id, "Жыйынтыктарды бекитүү")
    tv.set_version(session, "agenda_item", item.id, "title", "ru", "Итоги зимней сессии")
    tv.set_version(session, "meeting_decision", decision.id, "text", "ru", "Утвердить итоги")
    saved_item = mt.delete_agenda_item(session, item.id)
    saved_decision = mt.delete_decision(session, decision.id)
    mt.restore_agenda_item(session, saved_item)
    mt.restore_decision(session, saved_decision)
    assert tv.get_version(session, "agenda_item", item.id, "title", "ru") == "Итоги зимней сессии"
    assert tv.get_version(session, "meeting_decision", decision.id, "text", "ru") == "Утвердить итоги"


def test_editing_a_procedure_keeps_its_steps_translations(session):
    from desktop.models import request_templates as rt

    tid = rt.add_template(session, "Справка об обучении", [rt.StepSpec("Подготовка справки", "Деканат", "working", 2),
                                                           rt.StepSpec("Подпись декана", "Деканат", "working", 1)])
    first = session.get(rt.ProcedureTemplate, tid).steps[0].id
    tv.set_version(session, "procedure_step", first, "name", "ky", "Маалымкатты даярдоо")
    rt.update_template(session, tid, "Справка об обучении",
                       [rt.StepSpec("Подготовка справки", "Деканат", "working", 3),
                        rt.StepSpec("Подпись декана и печать", "Деканат", "working", 1)])
    steps = session.get(rt.ProcedureTemplate, tid).steps
    assert tv.get_version(session, "procedure_step", steps[0].id, "name", "ky") == "Маалымкатты даярдоо"
    assert tv.get_version(session, "procedure_step", steps[1].id, "name", "ky") is None


def test_changing_the_responsible_keeps_the_versions_of_the_persons_kept(session, plan):
    from desktop.models import workplan as wp
    from desktop.models.workplan import WorkPlanResponsible

    first, _second = _item_ids(session, plan)
    rid = session.scalar(select(WorkPlanResponsible.id).where(WorkPlanResponsible.item_id == first))
    tv.set_version(session, "workplan_responsible", rid, "text", "ru", "Деканат (рус.)")
    wp.set_responsible(session, first, "Деканат, кураторлор")
    rows = session.execute(select(WorkPlanResponsible.id, WorkPlanResponsible.text)
                           .where(WorkPlanResponsible.item_id == first)
                           .order_by(WorkPlanResponsible.position)).all()
    assert [t for _i, t in rows] == ["Деканат", "кураторлор"]
    assert tv.get_version(session, "workplan_responsible", rows[0][0], "text", "ru") == "Деканат (рус.)"
    assert tv.get_version(session, "workplan_responsible", rows[1][0], "text", "ru") is None


def test_editing_an_original_makes_its_versions_stale_until_they_are_written_again(session, plan):
    """An original edited through the model (as the window and the command line do) leaves its
    Russian version stale: the plan's texts say so, :func:`missing` counts it, the localized plan
    prints the version but lists it. A spacing-only edit is no change (the Excel import's rule);
    editing it back, or writing the version again, makes it current."""
    from desktop.models import workplan as wp
    from desktop.models.text_documents import localize_plan, plan_texts

    item = session.scalar(select(wp.WorkPlanItem).where(wp.WorkPlanItem.text == KY_ITEM))
    tv.set_version(session, "workplan_item", item.id, "text", "ru", RU_ITEM)

    def state():
        text = next(t for t in plan_texts(session, plan.id) if t.ref == tv.TextRef("workplan_item", item.id, "text"))
        tree, missing = localize_plan(session, wp.plan_tree(session, plan), "ru")
        printed = tree["sections"][0]["items"][0]["text"]
        return text.stale, tv.TextRef("workplan_item", item.id, "text") in {t.ref for t in missing}, printed

    assert state() == (frozenset(), False, RU_ITEM)
    wp.update_item(session, item.id, text="  " + KY_ITEM.replace(" ", "  ") + " ")  # spacing only
    assert state() == (frozenset(), False, RU_ITEM)
    edited = "Факультеттин окумуштуу кеңешинин жылдык иш планын түзүү"
    wp.update_item(session, item.id, text=edited)
    assert state() == (frozenset({"ru"}), True, RU_ITEM)  # printed, but counted
    texts = plan_texts(session, plan.id)
    assert [t.original for t in tv.missing(texts, "ru") if t.ref.table == "workplan_item"] == [
        edited, "Окуу жылынын башталышына даярдык көрүү"]
    assert tv.stale_count(tv.missing(texts, "ru"), "ru") == 1
    wp.update_item(session, item.id, text=KY_ITEM)  # the edit undone: the version fits again
    assert state() == (frozenset(), False, RU_ITEM)
    wp.update_item(session, item.id, text=edited)
    old = tv.confirm_version(session, "workplan_item", item.id, "text", "ru")  # "still right"
    assert old == KY_ITEM and state() == (frozenset(), False, RU_ITEM)
    tv.confirm_version(session, "workplan_item", item.id, "text", "ru", old)  # its undo
    assert state()[0] == {"ru"}
    tv.set_version(session, "workplan_item", item.id, "text", "ru", "Составление годового плана учёного совета")
    assert state() == (frozenset(), False, "Составление годового плана учёного совета")


def test_a_stale_version_of_a_calendar_event_counts_as_missing(session):
    from desktop.models import academic_calendar as ac
    from desktop.models.text_documents import localize_calendar

    cal_id = ac.create_calendar(session, "2025-2026", "bachelor", "semester")
    event_id = ac.add_event(session, cal_id, "registration", "Көктемгі семестрдің пәндеріне тіркелу")
    tv.set_version(session, "calendar_event", event_id, "title", "ru", "Регистрация на дисциплины")
    data = ac.load(session, cal_id)
    assert "calendar_event" not in {t.ref.table for t in localize_calendar(session, data, "ru")[1]}
    ac.update_event(session, event_id, title="Көктемгі семестрдің элективті пәндеріне тіркелу")
    data = ac.load(session, cal_id)
    shown, missing = localize_calendar(session, data, "ru")
    assert [(t.ref.table, t.stale) for t in missing if t.ref.table == "calendar_event"] == [
        ("calendar_event", frozenset({"ru"}))]
    assert shown.event(event_id).title == "Регистрация на дисциплины"


def test_migration_0019_stamps_every_existing_version_with_its_original(request, backend, tmp_path):
    """A database at 0018 with Russian versions of an item and of a deadline in words: after 0019 each
    version knows the original it translates, so an edit of the original afterwards makes it stale."""
    from sqlalchemy import text

    from desktop.models import workplan as wp
    from desktop.models.migrate import upgrade
    from desktop.models.text_documents import plan_texts

    db = _old_plan_database(backend, request, tmp_path, "0018", ("", "", ""))
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO workplan_section (id, plan_id, position, kind, title)"
                          " VALUES (1, 1, 0, 'custom', :t)"), {"t": KY_SECTION})
        conn.execute(text("INSERT INTO workplan_item (id, section_id, position, text, deadline, status,"
                          " completion_note) VALUES (1, 1, 0, :t, :d, 'planned', '')"),
                     {"t": KY_ITEM, "d": '{"kind": "text", "text": "Графикке ылайык"}'})
        conn.execute(text("INSERT INTO text_version (table_name, row_id, field, lang, text) VALUES "
                          "('workplan_item', 1, 'text', 'ru', :ru), ('workplan_item', 1, 'deadline_text', 'ru', "
                          "'По графику'), ('workplan_item', 1, 'text', 'ky', NULL)"), {"ru": RU_ITEM})
    upgrade(db, backup=False)
    with db.session() as s:
        sources = dict(s.execute(select(tv.TextVersion.field, tv.TextVersion.source).where(
            tv.TextVersion.text.is_not(None))).all())
        assert sources == {"text": KY_ITEM, "deadline_text": "Графикке ылайык"}
        assert all(not t.stale for t in plan_texts(s, 1))
        wp.update_item(s, 1, text="Окумуштуу кеңештин иш планын түзүү")
        assert {t.ref.field: t.stale for t in plan_texts(s, 1) if t.ref.table == "workplan_item"} == {
            "text": {"ru"}, "deadline_text": frozenset()}


def test_languages_and_documents_of_parallel_texts_carry_their_labels():
    from desktop.models.text_documents import TextDocument
    from desktop.models.text_versions import LANGUAGE_NAMES, Language

    assert Language("kk").label("ru") == "Казахский" and Language("kk").label("ky") == "Казакча"
    assert LANGUAGE_NAMES["kk"] == "Kazakh"  # a stored code still finds its name
    assert [d.value for d in TextDocument] == ["workplan", "calendar", "procedures", "meeting", "exams"]
    assert TextDocument("procedures").label("ky") == "Кызмат көрсөтүү өтүнүчтөрүнүн жол-жоболору"


def _old_plan_database(backend, request, tmp_path, revision: str, header: tuple[str, str, str]):
    """A database migrated up to ``revision`` holding the year 2025-2026 and a plan "Иш планы"
    (faculty name, approver's name and position: ``header``)."""
    import uuid

    from sqlalchemy import text

    from desktop.models.db import Database
    from desktop.models.migrate import upgrade

    if backend == "postgres":
        server = request.getfixturevalue("pg_server")
        name = f"dk_m_{uuid.uuid4().hex[:10]}"
        db = Database(server.create(name))
        request.addfinalizer(lambda: (db.dispose(), server.drop(name)))
    else:
        db = Database(tmp_path / "old.sqlite3")
        request.addfinalizer(db.dispose)
    upgrade(db, backup=False, revision=revision)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO academic_year (id, name, start_date, end_date)"
                          " VALUES (1, '2025-2026', '2025-09-01', '2026-08-31')"))
        conn.execute(text("INSERT INTO workplan (id, year_id, title, faculty_name, approver_name, approver_position)"
                          " VALUES (1, 1, 'Иш планы', :faculty, :approver, :position)"),
                     dict(zip(("faculty", "approver", "position"), header, strict=True)))
    return db
