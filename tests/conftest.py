"""Offscreen Qt, a fresh database, data folder and settings for every test."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DEKANAT_LANG", "en")
# "Today" is pinned for every test and every command the tests run, so no result depends on the
# day the suite runs (desktop/clock.py). A Monday late in the autumn term of 2026-2027.
PINNED_TODAY = "2026-11-30"
os.environ["DEKANAT_TODAY"] = PINNED_TODAY

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from desktop import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Each test gets its own data folder and settings, and starts in English."""
    data = tmp_path / "data"
    monkeypatch.setenv("DEKANAT_DATA_DIR", str(data))
    monkeypatch.delenv("DEKANAT_DATABASE", raising=False)
    monkeypatch.setenv("DEKANAT_LANG", "en")
    try:
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    except ImportError:  # pragma: no cover
        pass
    i18n.set_language("en")
    _no_unexpected_modal_dialogs(monkeypatch)
    yield
    i18n.set_language("en")


def _no_unexpected_modal_dialogs(monkeypatch) -> None:
    """A modal dialog that a test did not answer would wait for a click forever offscreen and
    hang the whole suite: fail that test at once, naming the dialog. A test that expects a dialog
    patches its ``exec`` (or ``QMessageBox.warning`` ...) itself, which takes precedence."""
    try:
        from PySide6.QtWidgets import QDialog
    except ImportError:  # pragma: no cover
        return

    def refuse(self, *args, **kwargs):
        raise AssertionError(f"an unexpected modal dialog opened: {type(self).__name__} "
                             f"{self.windowTitle()!r}; the test must answer it")

    monkeypatch.setattr(QDialog, "exec", refuse)


# PostgreSQL: with DEKANAT_TEST_POSTGRES=<admin URL> every test that uses ``db``, ``demo_db`` or
# ``session`` runs against SQLite and against a fresh database on that server.
PG_ADMIN_URL = os.environ.get("DEKANAT_TEST_POSTGRES", "")
BACKENDS = ["sqlite"] + (["postgres"] if PG_ADMIN_URL else [])


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: the test is about the SQLite file (backups, pragmas)")


class PostgresServer:
    """Creates databases from templates on the test server (CREATE DATABASE ... TEMPLATE is fast)."""

    def __init__(self, admin_url: str):
        from sqlalchemy import create_engine

        self.admin_url = admin_url
        self.engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.made: list[str] = []

    def url(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None = None) -> str:
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def drop(self, name: str) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server():
    if not PG_ADMIN_URL:
        pytest.skip("DEKANAT_TEST_POSTGRES is not set")
    server = PostgresServer(PG_ADMIN_URL)
    yield server
    server.engine.dispose()


@pytest.fixture(scope="session")
def pg_templates(pg_server):
    """Migrated-empty and demo template databases on the server, made once per run."""
    from desktop.models.demo import build_demo
    from desktop.models.migrate import open_database

    tag = f"dk_{os.getpid()}"
    empty = open_database(pg_server.create(f"{tag}_empty"))
    empty.dispose()
    demo = open_database(pg_server.create(f"{tag}_demo", template=f"{tag}_empty"))
    build_demo(demo, students=150)
    demo.dispose()
    yield {"empty": f"{tag}_empty", "demo": f"{tag}_demo"}
    pg_server.drop(f"{tag}_demo")
    pg_server.drop(f"{tag}_empty")


@pytest.fixture(params=BACKENDS)
def backend(request):
    if request.param == "postgres" and request.node.get_closest_marker("sqlite_only"):
        pytest.skip("about the SQLite file")
    return request.param


def _pg_database(request, kind: str):
    import uuid

    from desktop.models.db import Database

    server = request.getfixturevalue("pg_server")
    templates = request.getfixturevalue("pg_templates")
    name = f"dk_t_{uuid.uuid4().hex[:10]}"
    database = Database(server.create(name, template=templates[kind]))
    request.addfinalizer(lambda: (database.dispose(), server.drop(name)))
    return database


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """One migrated empty database per test run; tests get copies of it."""
    from desktop.models.migrate import open_database

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(path)
    db.dispose()
    return path


@pytest.fixture
def db_path(tmp_path, migrated_template) -> Path:
    """A migrated empty SQLite file (tests about the file itself use this)."""
    path = tmp_path / "dekanat.sqlite3"
    shutil.copyfile(migrated_template, path)
    os.chmod(path, 0o600)
    return path


@pytest.fixture
def db(request, backend, tmp_path, migrated_template):
    from desktop.models.db import Database

    if backend == "postgres":
        yield _pg_database(request, "empty")
        return
    path = tmp_path / "dekanat.sqlite3"
    shutil.copyfile(migrated_template, path)
    os.chmod(path, 0o600)
    database = Database(path)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, migrated_template) -> Path:
    """A demo faculty (small) built once per run."""
    from desktop.models.db import Database
    from desktop.models.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(migrated_template, path)
    database = Database(path)
    build_demo(database, students=150)
    database.dispose()
    return path


@pytest.fixture
def demo_db(request, backend, tmp_path, demo_template):
    from desktop.models.db import Database

    if backend == "postgres":
        yield _pg_database(request, "demo")
        return
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    database = Database(path)
    yield database
    database.dispose()


@pytest.fixture
def session(db):
    with db.session() as s:
        yield s


def run_cli(*args: str, env: dict | None = None, cwd: Path | None = None):
    """Run ``python -m desktop ARGS`` in a subprocess; returns CompletedProcess."""
    import subprocess

    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd or ROOT, timeout=300)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def office(session):
    """(exam sessions) Two programmes, three groups with students, two examiners, two rooms, a winter session."""
    from sqlalchemy import insert

    from desktop.models import exams as ex
    from desktop.models.contingent import Group, Student
    from desktop.models.org import Programme, Staff

    p1 = Programme(code="510100", name="Математика")
    p2 = Programme(code="710400", name="Программалык инженерия")
    session.add_all([p1, p2])
    session.flush()
    groups = [Group(name="МАТ-1-25", programme_id=p1.id, course=1), Group(name="ПИ-1-25", programme_id=p2.id, course=1),
              Group(name="МАТ-2-24", programme_id=p1.id, course=2)]
    session.add_all(groups)
    staff = [Staff(last_name="Сопуев", short_name="Сопуев У.А."), Staff(last_name="Қасымов", short_name="Қасымов Ә.")]
    session.add_all(staff)
    session.flush()
    session.execute(insert(Student), [{"last_name": f"Ст{i}", "first_name": "А", "group_id": groups[i % 3].id}
                                      for i in range(30)])
    rooms = [ex.add_room(session, "101", 40, "Башкы"), ex.add_room(session, "305", 5, "ИТ")]
    sid = ex.get_or_create_session(session, "2025-2026", "winter")
    return {"session": sid, "groups": [g.id for g in groups], "staff": [m.id for m in staff], "rooms": rooms}


@pytest.fixture
def faculty(session):
    """(session results) Two groups, Kazakh and Kyrgyz names, an algebra and a physics exam: tests/factories.py."""
    from tests.factories import results_faculty

    return results_faculty(session)
