"""Offscreen Qt, a fresh database, data folder and settings for every test."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DEKANAT_LANG", "en")

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
    yield
    i18n.set_language("en")


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
    path = tmp_path / "dekanat.sqlite3"
    shutil.copyfile(migrated_template, path)
    os.chmod(path, 0o600)
    return path


@pytest.fixture
def db(db_path):
    from desktop.models.db import Database

    database = Database(db_path)
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
def demo_db(tmp_path, demo_template):
    from desktop.models.db import Database

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
