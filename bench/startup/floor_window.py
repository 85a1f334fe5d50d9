"""The floor of the start-up case: a bare process with Qt and the SQLAlchemy ORM showing an empty table."""

import os
import sys

import sqlalchemy.orm  # noqa: F401  (the ORM is the floor's share of the database work)
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


def peak_kb() -> int:
    """This process's peak resident memory. Not ru_maxrss: Linux carries that over from the
    parent across fork and exec, so a child of a big benchmark process would report the parent's."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab()
print(f"QMainWindow 0 {peak_kb()}", flush=True)
os._exit(0)
