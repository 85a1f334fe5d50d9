"""The Dekanat side of the start-up case: the real start path up to the painted window (on its Today
page), then the students view painted.

Run as a whole process by bench/cases/startup.py: ``python dekanat_window.py DATABASE``.
It goes through the same functions as ``python -m desktop`` (the command line's window-only
parse, then ``open_window``, which ``run_window`` calls before ``app.exec()``), paints the window once, prints
the number of students shown and leaves without tearing Qt down (the floor does the same).
"""

import os
import sys

from desktop.cli import open_window, window_args


def peak_kb() -> int:
    """This process's peak resident memory. Not ru_maxrss: Linux carries that over from the
    parent across fork and exec, so a child of a big benchmark process would report the parent's."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


started = open_window(window_args(["--database", sys.argv[1]]))
if isinstance(started, int):
    sys.exit(started)
app, window, lock = started
app.processEvents()
window.grab()  # every visible widget painted: the Today page it opens on
page = window.show_area("students")  # then the students view, as an office opens it first thing
app.processEvents()
window.grab()  # the students table painted with its rows
if "--whole-list" in sys.argv:  # the memory case: wait until the whole list has loaded
    while getattr(page, "loading", False):
        app.processEvents()
print(f"{type(page).__name__} {page.model.rowCount()} {peak_kb()}", flush=True)
if lock:
    lock.release()
os._exit(0)
