"""The pinned day reaches the model layer and the command line; a bad pin falls back."""

import datetime as dt
import subprocess

from desktop import clock
from tests.conftest import PINNED_TODAY


def test_the_suite_runs_on_the_pinned_day():
    assert clock.today() == dt.date.fromisoformat(PINNED_TODAY)


def test_a_pin_moves_today_and_a_malformed_one_is_ignored(monkeypatch):
    monkeypatch.setenv(clock.ENV, "2025-02-17")
    assert clock.today() == dt.date(2025, 2, 17)
    monkeypatch.setenv(clock.ENV, "17.02.2025")
    assert clock.today() == dt.date.today()
    monkeypatch.delenv(clock.ENV)
    assert clock.today() == dt.date.today()


def test_the_command_line_counts_from_the_pinned_day(cli, tmp_path, db_path):
    # The register of requests is "as of" today unless --date is given: a pinned day shows there.
    db, out = db_path, tmp_path / "r.pdf"
    r = cli("--database", str(db), "export", "requests", "--format", "pdf", "--lang", "ru", "-o", str(out),
            env={"DEKANAT_TODAY": "2025-03-03"})
    assert r.returncode == 0, r.stderr
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "По состоянию на 3 марта 2025 г." in text
