"""kill -9 at random points: a 10,000-row student import is all or nothing, and the lock left by a
killed window is taken over by the next start."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

ROWS = 10_000
KILL_POINTS = 12

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


@pytest.fixture(scope="module")
def big_list(tmp_path_factory):
    """A 10,000-row student list, made once for the module (xlsxwriter: fast)."""
    import xlsxwriter

    path = tmp_path_factory.mktemp("crash") / "students.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["ФИО", "Группа", "№ зачетки", "Дата рождения", "Форма оплаты"])
    for i in range(ROWS):
        sheet.write_row(i + 1, 0, [f"Крашов{i} Асқар Бекмурза уулу", f"КР-{1 + i % 20}-25", f"K{i:06d}",
                                   f"{1 + i % 28:02d}.{1 + i % 12:02d}.2005", "контракт" if i % 3 else "грант"])
    book.close()
    return path


def _env(tmp_path):
    return {**os.environ, "PYTHONPATH": str(ROOT), "DEKANAT_DATA_DIR": str(tmp_path / "data"),
            "DEKANAT_LANG": "en"}


def _start(db, workbook, tmp_path):
    return subprocess.Popen([sys.executable, "-m", "desktop", "--database", str(db), "import", "students",
                             str(workbook), "--order", "1-к", "--date", "2025-09-01"],
                            cwd=ROOT, env=_env(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _state(db) -> tuple[str, int]:
    conn = sqlite3.connect(db)  # opening replays (or discards) what the WAL holds
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        assert fk == []
        return check, conn.execute("SELECT count(*) FROM student").fetchone()[0]
    finally:
        conn.close()


def _writing(db) -> bool:
    """True while another process holds a write transaction on ``db`` (BEGIN IMMEDIATE is refused)."""
    if not db.with_name(db.name + "-wal").exists():
        return False
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:  # database is locked
        return True
    finally:
        conn.close()


def _count(db) -> int:
    conn = sqlite3.connect(db, timeout=5)
    try:
        return conn.execute("SELECT count(*) FROM student").fetchone()[0]
    finally:
        conn.close()


def _wait_for(proc, condition) -> bool:
    """Poll every 5 ms until ``condition()`` holds (True) or the process ends (False)."""
    while proc.poll() is None:
        if condition():
            return True
        time.sleep(0.005)
    return False


def test_kill_9_during_a_10000_row_import_leaves_none_or_all(tmp_path, demo_template, big_list):
    base_count = _state(demo_template)[1]
    # One full run: how long an import takes here, when it starts writing and when it commits.
    full = tmp_path / "full.sqlite3"
    shutil.copyfile(demo_template, full)
    started = time.monotonic()
    proc = _start(full, big_list, tmp_path)
    assert _wait_for(proc, lambda: _writing(full)), "no write transaction was seen while the import ran"
    first_write = time.monotonic() - started
    _wait_for(proc, lambda: not _writing(full))
    write_time = time.monotonic() - started - first_write
    _out, err = proc.communicate(timeout=240)
    duration = time.monotonic() - started
    assert proc.returncode == 0, err.decode()
    assert _state(full) == ("ok", base_count + ROWS)

    rng = random.Random(20261121)
    outcomes = {"none": 0, "mid-write": 0, "all": 0}
    for n in range(KILL_POINTS):
        db = tmp_path / f"kill{n}.sqlite3"
        shutil.copyfile(demo_template, db)
        proc = _start(db, big_list, tmp_path)
        if n < KILL_POINTS // 2:
            # Over start-up, reading and checking the file, before anything is written.
            time.sleep(first_write * (n + rng.random()) / (KILL_POINTS // 2))
        elif n < KILL_POINTS - 2:
            # While the rows are being written: a random moment inside the write transaction.
            _wait_for(proc, lambda db=db: _writing(db))
            time.sleep(write_time * 0.8 * rng.random())
        else:
            # Just after the commit, before the process has finished.
            _wait_for(proc, lambda db=db: _count(db) == base_count + ROWS)
        writing = _writing(db)  # the import holds its write transaction open right now
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        check, count = _state(db)
        assert check == "ok", f"kill point {n}: {check}"
        assert count in (base_count, base_count + ROWS), f"kill point {n}: {count - base_count} rows"
        if count == base_count:
            # Killed while its write transaction was open and not committed: a kill mid-write.
            outcomes["mid-write" if writing else "none"] += 1
        else:
            outcomes["all"] += 1
    # The points must have tested something: at least one kill landed while the rows were being
    # written (and was rolled back), and at least one after the commit (all rows kept).
    assert outcomes["mid-write"] >= 1, outcomes
    assert outcomes["all"] >= 1, outcomes
    print(f"\nimport of {ROWS} rows: {duration:.2f} s (writing {write_time:.2f} s); {KILL_POINTS} kill points "
          f"survived, {outcomes['none'] + outcomes['mid-write']} left none ({outcomes['mid-write']} killed "
          f"mid-write), {outcomes['all']} left all; rows lost: 0")


def test_a_stale_lock_after_kill_9_is_taken_over(tmp_path):
    from desktop.views.app import InstanceLock

    db = tmp_path / "locked.sqlite3"
    db.touch()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from desktop.views.app import InstanceLock\n"
         "lock = InstanceLock(sys.argv[1]); ok, _m = lock.acquire(); print('locked' if ok else 'refused', flush=True)\n"
         "sys.stdin.read()", str(db)],
        cwd=ROOT, env=_env(tmp_path), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        ok, message = InstanceLock(db).acquire()
        assert not ok and str(holder.pid) in message  # a live holder: refused
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    assert os.path.exists(str(db) + ".lock")  # left behind by the killed process
    lock = InstanceLock(db)
    ok, message = lock.acquire()
    assert ok, message
    lock.release()
