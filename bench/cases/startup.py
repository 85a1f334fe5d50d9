"""Start-up to a usable window, as a whole process, and the window's peak memory.

Both sides run a fresh Python (bench/startup/*.py) with the same environment; each paints its
window once and leaves with ``os._exit`` (tearing down is not part of starting). The Dekanat side
goes through the real start path (``desktop.cli.window_args`` and ``desktop.cli.open_window``)
on the demo database with ``env.sizes["students"]`` students. The window is usable when the students
view is painted with its first screen of students (the rest of the list loads right after the first
paint); the memory case waits for the whole list. The warm-up start also takes the
start-of-day backup (``backup_if_changed``: the file changed since the last backup); the measured
starts find it unchanged, as every start but the first of the day does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.core import Case, Env, Limit, Ratio

HERE = Path(__file__).resolve().parent.parent / "startup"
ROOT = HERE.parent.parent


def _environment(env: Env) -> dict:
    """The same for both sides. Bytecode is cached (in the temporary folder, written by the warm-up)
    even where PYTHONDONTWRITEBYTECODE is set: an installed Dekanat starts from compiled modules."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(env.tmp / "pycache"),
                   "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   "XDG_CONFIG_HOME": str(env.tmp / "config"), "DEKANAT_DATA_DIR": str(env.tmp / "data")}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def _run(env: Env, script: str, *args: str) -> list[str]:
    done = subprocess.run([sys.executable, str(HERE / script), *args], env=_environment(env),
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{script} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return done.stdout.split()


def dekanat_start(env: Env) -> None:
    page, rows, _rss = _run(env, "dekanat_window.py", str(env.made["demo_db"]))
    if page != "StudentsArea" or int(rows) == 0:
        raise RuntimeError(f"the window showed {page} with {rows} rows, not the students")


def floor_start(env: Env) -> None:
    _run(env, "floor_window.py")


def window_memory(env: Env) -> float:
    _page, rows, rss_kb = _run(env, "dekanat_window.py", str(env.made["demo_db"]), "--whole-list")
    if int(rows) != env.sizes["students"]:
        raise RuntimeError(f"the window holds {rows} students, not {env.sizes['students']}")
    return int(rss_kb) / 1024


CASES = [
    Case("start-up to the students view, {students} students", Ratio(1.5), dekanat_start, floor_start),
    Case("peak memory of the window, {students} students", Limit(400, "MB"), window_memory, runs=3),
]
