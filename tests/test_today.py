"""The Today page: one model-layer function gathers what is due this week and overdue from every
area (tested on a live demo with "today" pinned), and the page opens each row in its area."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

import pytest

from desktop.models import load_all
from desktop.models.demo import build_demo
from desktop.models.today import today_rows

load_all()
TODAY = dt.date(2027, 3, 10)  # a Wednesday in the spring term


@pytest.fixture(scope="module")
def live_template(tmp_path_factory, migrated_template):
    """The KZ live demo of TODAY, built once for this module's tests."""
    import shutil

    from desktop.models.db import Database

    path = tmp_path_factory.mktemp("today") / "live.sqlite3"
    shutil.copyfile(migrated_template, path)
    database = Database(path)
    build_demo(database, students=60, country="KZ", today=TODAY)
    database.dispose()
    return path


@pytest.fixture
def live_db(request, backend, db, tmp_path, live_template):
    if backend == "postgres":  # no file to copy: build it on the server
        build_demo(db, students=60, country="KZ", today=TODAY)
        return db
    import shutil

    from desktop.models.db import Database

    path = tmp_path / "live.sqlite3"
    shutil.copyfile(live_template, path)
    database = Database(path)
    request.addfinalizer(database.dispose)
    return database


def _by(rows, section, state=None):
    return [r for r in rows if r.section == section and (state is None or r.state == state)]


@pytest.mark.sqlite_only
def test_today_rows_gather_every_area(live_db):
    from desktop.models.backup import make_backup

    with live_db.session() as s:
        rows = today_rows(s, TODAY, live_db.path)
    week_end = dt.date(2027, 3, 14)
    overdue_items = _by(rows, "workplan", "overdue")
    assert overdue_items and all(r.date < TODAY for r in overdue_items)
    assert all(r.date is None or r.date >= TODAY for r in _by(rows, "workplan", "due"))
    meetings = _by(rows, "meetings")
    assert [r.title for r in meetings] == ["Деканаттың апталық кеңесі", "Кураторлардың айлық кеңесі"]
    # Monday 15 March 2027 is Kazakhstan's Constitution Day: the weekly meeting moves to Tuesday
    assert meetings[0].date == dt.date(2027, 3, 16) and "agenda drafted" in meetings[0].detail
    overdue_requests = _by(rows, "requests", "overdue")
    assert len(overdue_requests) == 4 and all(r.date < TODAY for r in overdue_requests)
    assert all(TODAY <= r.date <= week_end for r in _by(rows, "requests", "due"))
    assert _by(rows, "curators", "overdue")
    assert all("not handed in" in r.title for r in _by(rows, "curators", "overdue"))
    [exams] = _by(rows, "exams")
    assert exams.state == "overdue" and "3 errors" in exams.detail
    assert [r.title for r in _by(rows, "backup")] == ["No backup has been taken yet."]
    make_backup(live_db, reason="manual")
    with live_db.session() as s:
        [backup] = _by(today_rows(s, TODAY, live_db.path), "backup")
    assert backup.title.startswith("Last backup: ") and backup.detail.endswith(".sqlite3")


def test_a_new_meeting_without_agenda_is_flagged(db):
    from desktop.models import meetings as mt

    with db.session() as s:
        series = mt.add_series(s, "Деканаттын жумалык кеңешмеси")
        mt.add_meeting(s, series.id, dt.date(2027, 3, 15))
        rows = today_rows(s, TODAY, None)
    [meeting] = _by(rows, "meetings")
    assert (meeting.state, meeting.detail) == ("overdue", "09:00 · the agenda is not drafted yet")
    assert [r.title for r in _by(rows, "backup")] == ["A server database is backed up on the server."]


def test_today_page_is_first_loads_after_paint_and_opens_rows(qtbot, live_db):
    from desktop.views.main_window import MainWindow

    w = MainWindow(live_db)
    qtbot.addWidget(w)
    page = w.current_page()
    assert type(page).__name__ == "TodayArea" and w.area_model.index(0).data() == "Today"
    assert not page.loaded and page.model.rows == []  # nothing read before the first paint
    page.today = TODAY
    w.show()
    qtbot.waitUntil(lambda: page.loaded)
    assert page.model.rowCount() > 10
    # the first row (work plan, overdue) opens the work plan with that item current
    first = page.proxy.index(0, 0)
    row = page.model.rows[page.proxy.mapToSource(first).row()]
    assert row["section"] == "workplan" and row["state"] == "overdue"
    assert page.open_row(first)
    assert type(w.current_page()).__name__ == "WorkPlanArea"
    plan = w.current_page()
    assert plan.view.currentIndex().isValid()
    # a meeting row opens that meeting
    w.show_area("today")
    meeting_row = next(i for i in range(page.proxy.rowCount())
                       if page.model.rows[page.proxy.mapToSource(page.proxy.index(i, 0)).row()]["section"]
                       == "meetings")
    target = page.model.rows[page.proxy.mapToSource(page.proxy.index(meeting_row, 0)).row()]["target"]
    assert page.open_row(page.proxy.index(meeting_row, 0))
    assert w.current_page().meeting_id == target


def test_an_exam_row_opens_its_session(qtbot, db):
    from desktop.views.main_window import MainWindow

    build_demo(db, students=150, country="RU", today=dt.date(2027, 5, 12))
    w = MainWindow(db)
    qtbot.addWidget(w)
    page = w.current_page()
    page.today = dt.date(2027, 5, 12)
    page.refresh()
    exams = w.page("exams")
    exams.kind.setCurrentIndex(exams.kind.findData("winter"))
    row = next(i for i in range(page.proxy.rowCount())
               if page.model.rows[page.proxy.mapToSource(page.proxy.index(i, 0)).row()]["section"] == "exams")
    assert page.open_row(page.proxy.index(row, 0))
    assert w.current_page() is exams
    assert (exams.year.currentText(), exams.kind.currentData()) == ("2026-2027", "summer")
    assert exams.conflict_model.rowCount() > 0


def test_a_curator_row_opens_that_month_with_its_groups_selected(qtbot, live_db, monkeypatch):
    """An overdue curator row ("Reports for MM.YYYY: n not handed in", the groups in its details)
    opens the curators area on that month's column with exactly those groups' cells selected,
    each of them "not handed in" there too (the matrix's "as of" is the same today)."""
    from desktop.views.curators.matrix import FIXED, STATE_ROLE

    monkeypatch.setenv("DEKANAT_TODAY", TODAY.isoformat())

    w, page = today_window(qtbot, live_db)
    page.refresh()
    proxy_rows = [page.proxy.index(i, 0) for i in range(page.proxy.rowCount())]
    overdue = [i for i in proxy_rows if page.model.rows[page.proxy.mapToSource(i).row()]["section"] == "curators"
               and page.model.rows[page.proxy.mapToSource(i).row()]["state"] == "overdue"]
    index = overdue[-1]
    row = page.model.rows[page.proxy.mapToSource(index).row()]
    month_text = row["title"].split("Reports for ")[1][:7]  # "02.2027"
    groups = set(row["detail"].rstrip("…").split(", "))
    assert page.open_row(index)
    curators = w.current_page()
    assert type(curators).__name__ == "CuratorsArea" and curators.tabs.currentIndex() == 0
    selected = curators.matrix_view.selectionModel().selectedIndexes()
    assert {i.column() for i in selected} == {selected[0].column()} and selected[0].column() >= FIXED
    y, m = curators.matrix_model.matrix.months[selected[0].column() - FIXED]
    assert f"{m:02d}.{y}" == month_text
    assert {curators.matrix_model.index(i.row(), 1).data() for i in selected} == groups
    assert {i.data(STATE_ROLE) for i in selected} == {"missing"}
    current = curators.matrix_view.currentIndex()
    assert current in selected and curators.history_title.text().endswith(current.siblingAtColumn(1).data())


def test_the_first_load_reads_on_a_second_thread_and_shows_its_rows_in_the_window(qtbot, live_db, monkeypatch):
    """The first load (every area's modules and queries: about half a second on a big faculty)
    leaves the window's thread free; the rows are shown by the window's thread."""
    import threading

    from desktop.models import today as today_model

    release = threading.Event()
    read_on: list[threading.Thread] = []
    real = today_model.today_rows

    def slow_rows(session, day, db_path=None):
        read_on.append(threading.current_thread())
        assert release.wait(10)
        return real(session, day, db_path)

    monkeypatch.setattr(today_model, "today_rows", slow_rows)
    w, page = today_window(qtbot, live_db)
    w.page("staff")  # built before: a new page waits for the first load (it imports the areas' models)
    w.show()
    qtbot.waitUntil(lambda: bool(read_on))
    assert read_on[0] is not threading.main_thread()
    assert not page.loaded and page.subtitle.text() == "Loading…"
    w.show_area("staff")  # a page built already answers while the first load reads
    w.show_area("today")
    assert page.loading is not None
    release.set()
    qtbot.waitUntil(lambda: page.loaded)
    assert page.loading is None and len(read_on) == 1
    with live_db.session() as s:
        assert page.model.rows == [asdict(row) for row in real(s, TODAY, live_db.path)]
    assert page.subtitle.text() == "Wednesday, March 10, 2027"


def test_a_page_first_built_while_the_first_load_reads_waits_for_it(qtbot, live_db, monkeypatch):
    """The first load imports the areas' models on its thread; a page built meanwhile (importing
    its own) waits for it, so two threads never import the same modules at once."""
    import threading

    from desktop.models import today as today_model

    started, release = threading.Event(), threading.Event()
    real = today_model.today_rows

    def held(session, day, db_path=None):
        started.set()
        assert release.wait(10)
        return real(session, day, db_path)

    monkeypatch.setattr(today_model, "today_rows", held)
    w, page = today_window(qtbot, live_db)
    w.show()
    qtbot.waitUntil(started.is_set)
    threading.Timer(0.3, release.set).start()
    w.show_area("workplan")
    assert release.is_set()  # it was built only once the first load had finished
    assert type(w.current_page()).__name__ == "WorkPlanArea"
    qtbot.waitUntil(lambda: page.loaded)


def today_window(qtbot, db):
    """The main window on its Today page, "today" pinned to TODAY; not yet shown."""
    from desktop.views.main_window import MainWindow

    w = MainWindow(db)
    qtbot.addWidget(w)
    page = w.current_page()
    page.today = TODAY
    return w, page


def hold_first_load(monkeypatch) -> tuple:
    """Today's rows, with the first read (the page's first load, on its thread) held until the
    returned event is set and then answering no rows; later reads are real. Returns (release, the
    names of the threads that read)."""
    import threading

    from desktop.models import today as today_model

    release = threading.Event()
    calls: list[str] = []
    real = today_model.today_rows

    def rows(session, day, db_path=None):
        calls.append(threading.current_thread().name)
        if len(calls) == 1:
            assert release.wait(10)
            return []  # what the first load read, older than what the test does meanwhile
        return real(session, day, db_path)

    monkeypatch.setattr(today_model, "today_rows", rows)
    return release, calls


def test_a_change_made_while_the_first_load_reads_is_read_again(qtbot, live_db, monkeypatch):
    from desktop.models.operations import Change

    release, calls = hold_first_load(monkeypatch)
    w, page = today_window(qtbot, live_db)
    w.show()
    qtbot.waitUntil(lambda: bool(calls))
    w.ctx.notify(Change.WORKPLAN)  # made in another area while the first load reads
    release.set()
    qtbot.waitUntil(lambda: page.loaded)
    assert calls == ["dekanat-today", "MainThread"]
    assert page.model.rowCount() > 10


def test_an_error_of_the_first_load_is_told_like_any_other(qtbot, live_db, monkeypatch):
    import sys

    from desktop.models import today as today_model
    from desktop.views.main_window import MainWindow

    def broken(session, day, db_path=None):
        raise ValueError("no such table")

    told = []
    monkeypatch.setattr(today_model, "today_rows", broken)
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: told.append((kind, str(exc))))
    w = MainWindow(live_db)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: bool(told))
    page = w.current_page()
    assert told == [(ValueError, "no such table")]
    assert page.loading is None and not page.loaded


def test_a_refresh_made_while_the_first_load_reads_is_not_overwritten_by_it(qtbot, live_db, monkeypatch):

    release, calls = hold_first_load(monkeypatch)
    w, page = today_window(qtbot, live_db)
    w.show()
    qtbot.waitUntil(lambda: bool(calls))
    page.refresh()  # Refresh pressed while the first load reads
    shown = page.model.rowCount()
    assert shown > 10
    release.set()
    qtbot.waitUntil(lambda: page.loading is None)
    assert calls == ["dekanat-today", "MainThread"]
    assert page.model.rowCount() == shown
