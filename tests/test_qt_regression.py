"""PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void Qt call and dies
with "Fatal Python error: none_dealloc" after ~5,000 calls; pyproject excludes it."""

import subprocess
import sys

CODE = """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
for i in range(20000):
    w.setMinimumWidth(1)
print("survived", i + 1)
"""


def test_twenty_thousand_void_qt_calls_do_not_kill_the_process():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived 20000" in result.stdout


def test_requirement_excludes_the_broken_release():
    import tomllib
    from pathlib import Path

    data = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    req = next(d for d in data["project"]["dependencies"] if d.startswith("PySide6-Essentials"))
    assert "!=6.12.0" in req.replace(" ", "")
