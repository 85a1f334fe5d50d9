"""models/ and reports/ never import Qt; views/ is the only Qt layer."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt5|PyQt6|shiboken6)", re.M)


def test_models_and_reports_have_no_qt_imports_in_source():
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("desktop/models", "desktop/reports")
        for p in (ROOT / folder).rglob("*.py")
        if QT_IMPORT.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_importing_every_model_and_report_module_loads_no_qt():
    code = (
        "import importlib, pkgutil, sys\n"
        "import desktop.models, desktop.reports, desktop.cli\n"
        "for pkg in (desktop.models, desktop.reports):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6')]\n"
        "print(len(bad)); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_item_widgets_for_data_lists():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "desktop").rglob("*.py")
        if re.search(r"Q(Table|Tree|List)Widget\(", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_reportlab_runs_with_its_c_accelerators():
    """Without rl_accel a month of curator reports takes 5 s instead of 3 (pyproject.toml)."""
    import inspect

    from reportlab.lib import rl_accel

    assert inspect.isbuiltin(rl_accel.fp_str) and inspect.isbuiltin(rl_accel.asciiBase85Encode)


def test_test_modules_share_fixtures_through_conftest_and_write_no_fixed_paths():
    """A test module never imports another test module (shared fixtures live in conftest.py, shared
    builders in tests/factories.py), never sleeps on a fixed delay and never writes to a fixed /tmp path."""
    imports = re.compile(r"^\s*(from\s+tests\.test_\w+\s+import|import\s+tests\.test_)", re.M)
    fixed_tmp = re.compile(r"""["']/tmp/""")
    sleeps = re.compile(r"qtbot\.wait\(\s*[1-9]\d{2,}")
    offenders = [
        f"{p.name}: {kind}"
        for p in sorted((ROOT / "tests").glob("test_*.py"))
        for kind, pattern in (("imports a test module", imports), ("fixed /tmp path", fixed_tmp),
                              ("fixed sleep", sleeps))
        if p.name != "test_layers.py" and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_views_leave_queries_to_the_model_layer():
    """A view asks model functions for what it shows; it writes no SELECT of its own (reading one
    record by its id, ``session.get``, is the one ORM call a view may make)."""
    query = re.compile(r"\b(s|session)\.(execute|scalars|scalar|query)\(|(?<![.\w])(?<!def )select\("
                       r"|text\(\s*[\"']SELECT", re.I)
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in sorted((ROOT / "desktop" / "views").rglob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if query.search(line)
    ]
    assert offenders == []
