"""The floor of the start-up case: a bare process with Qt and the SQLAlchemy ORM showing an empty table."""

import os
import resource
import sys

import sqlalchemy.orm  # noqa: F401  (the ORM is the floor's share of the database work)
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab()
print(f"QMainWindow 0 {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
os._exit(0)
