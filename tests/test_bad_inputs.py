"""The bad-input corpus (tests/data/make_bad_inputs.py) through the student and work plan importers:
each file is refused or imported with a clear message, in a process whose peak memory stays under
300 MB, and nothing partial is written."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "data"))
import make_bad_inputs  # noqa: E402

MEMORY_LIMIT_MB = 300
PARALLEL = 4

# file -> importer -> what must happen
EXPECTED = {
    "entity_bomb.xlsx": {"students": "refused", "workplan": "refused"},
    "entity_bomb.docx": {"workplan": "refused"},
    "zip_bomb.xlsx": {"students": "refused", "workplan": "refused"},
    "zip_bomb.docx": {"workplan": "refused"},
    "text_as.docx": {"students": "refused", "workplan": "refused"},
    "text_as.xlsx": {"students": "refused", "workplan": "refused"},
    "empty.xlsx": {"students": "refused", "workplan": "refused"},
    "header_only.xlsx": {"students": "refused", "workplan": "refused"},
    "wrong_types.xlsx": {"students": "refused", "workplan": "refused"},
    "many_columns.xlsx": {"students": "imported", "workplan": "refused"},
    "long_cell.xlsx": {"students": "refused", "workplan": "refused"},
    "impossible_dates.xlsx": {"students": "refused"},
    "serial_dates.xlsx": {"students": "imported"},
    "formulas.xlsx": {"students": "refused", "workplan": "refused"},
    "merged_cells.xlsx": {"students": "refused"},
    "plan_merged_cells.xlsx": {"workplan": "imported"},
    "far_cell.xlsx": {"students": "imported", "workplan": "refused"},
}
# What the message of a refusal must say (English interface), per file and importer.
REASONS = {
    ("entity_bomb.xlsx", "*"): "declares XML entities", ("entity_bomb.docx", "*"): "declares XML entities",
    ("zip_bomb.xlsx", "*"): "would unpack to", ("zip_bomb.docx", "*"): "would unpack to",
    ("header_only.xlsx", "students"): "no students below the header",
    ("long_cell.xlsx", "students"): "at most 100 characters, not ",
    ("impossible_dates.xlsx", "students"): "impossible date “31.02.2005”",
    ("formulas.xlsx", "students"): "a formula",
    ("merged_cells.xlsx", "students"): "row 3, column \"Группа\": the group is missing",
    ("wrong_types.xlsx", "students"): "impossible date “вчера”",
    # A student list is no work plan, whatever else is wrong with it.
    **{(name, "workplan"): "is a list of students" for name in (
        "header_only.xlsx", "wrong_types.xlsx", "many_columns.xlsx", "long_cell.xlsx", "formulas.xlsx",
        "far_cell.xlsx")},
}


def test_the_corpus_names_every_kind_of_bad_input():
    assert set(EXPECTED) == set(make_bad_inputs.CORPUS)
    for name, (_maker, importers) in make_bad_inputs.CORPUS.items():
        assert set(EXPECTED[name]) == set(importers), name


@pytest.fixture(scope="module")
def probed(tmp_path_factory, demo_template):
    """Every corpus file through its importers, each in a fresh process on its own database copy."""
    folder = tmp_path_factory.mktemp("bad")
    files = make_bad_inputs.make_all(folder / "bad")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DEKANAT_LANG": "en", "DEKANAT_DATA_DIR": str(folder / "data")}
    results, running = {}, []

    def finish(name, db, proc):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results[name] = {**json.loads(out), "db": db}

    for name, path in files.items():
        db = folder / f"{name}.sqlite3"
        shutil.copyfile(demo_template, db)
        importers = ",".join(make_bad_inputs.CORPUS[name][1])
        proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "bad_input_probe.py"), str(db), str(path),
                                 importers], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        running.append((name, db, proc))
        if len(running) >= PARALLEL:
            finish(*running.pop(0))
    for item in running:
        finish(*item)
    figures = "\n".join(f"  {name:24} {r['peak_mb']:6.1f} MB  " + ", ".join(
        f"{imp}: {r[imp]['outcome']}" for imp in EXPECTED[name]) for name, r in results.items())
    print(f"\nbad inputs: {len(results)} files, {sum(len(v) for v in EXPECTED.values())} imports\n{figures}")
    return results


def _changes(result) -> dict[str, int]:
    return {t: result["after"][t] - result["before"][t] for t in result["before"]}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_is_refused_or_imported_clearly_in_bounded_memory(probed, name):
    result = probed[name]
    assert result["peak_mb"] < MEMORY_LIMIT_MB
    for importer, expected in EXPECTED[name].items():
        r = result[importer]
        assert r["outcome"] == expected, r["message"]
        assert r["message"].strip() and "Traceback" not in r["message"]
        changes = _changes(r)
        if expected == "refused":
            assert not any(changes.values()), f"{importer} wrote {changes} although it refused"
            reason = REASONS.get((name, importer)) or REASONS.get((name, "*"))
            if reason:
                assert reason in r["message"]
            assert name in r["message"] or "row " in r["message"]
        elif importer == "students":
            assert r["rows"] > 0
            assert changes["student"] == r["rows"] and changes["movement"] == r["rows"]
            assert changes["audit_log"] == 1  # one entry for the whole import
        else:
            assert changes["workplan"] == 1 and changes["workplan_item"] == r["rows"] > 0


def test_excel_serial_dates_become_dates(probed):
    conn = sqlite3.connect(probed["serial_dates.xlsx"]["db"])
    born = dict(conn.execute("SELECT last_name, birth_date FROM student WHERE last_name LIKE 'Сериалов%'"))
    conn.close()
    assert born == {"Сериалов": "2005-01-01", "Сериалова": "2006-01-01"}


def test_a_work_plan_keeps_markup_and_formula_text_literal_and_merged_cells_in_place(probed):
    conn = sqlite3.connect(probed["plan_merged_cells.xlsx"]["db"])
    texts = [r[0] for r in conn.execute(
        "SELECT i.text FROM workplan_item i JOIN workplan_section s ON s.id = i.section_id "
        "JOIN workplan p ON p.id = s.plan_id JOIN academic_year y ON y.id = p.year_id "
        "WHERE y.name = '2030-2031' ORDER BY i.position")]
    conn.close()
    assert texts == ["Факультеттин кеңешин өткөрүү", "Жыйын", "<b>Отчёт</b> & =1+1"]


def test_the_script_writes_the_corpus_to_a_folder(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "data" / "make_bad_inputs.py"), str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    made = {p.name for p in Path(tmp_path).iterdir()}
    assert made == set(EXPECTED)
    assert max(p.stat().st_size for p in Path(tmp_path).iterdir()) < 1024 * 1024
