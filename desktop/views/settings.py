"""Per-user choices kept in QSettings, declared in one place with their defaults."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

from desktop import APP_NAME, ORG_NAME

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    type: type = str


# The registry: every per-user choice, by its QSettings key, declared here and nowhere else
# (tests/test_settings_registry.py). Areas refer to these names.
OPTIONS: dict[str, Option] = {}


def _option(key: str, default: Any, type: type = str) -> Option:
    if key in OPTIONS:
        raise ValueError(f"the setting {key!r} is declared twice")
    OPTIONS[key] = option = Option(key, default, type)
    return option


# The window
INTERFACE_LANGUAGE = _option("ui/language", "ru")
REPORT_LANGUAGE = _option("reports/language", "")  # "" = same as the interface
MAIN_GEOMETRY = _option("window/geometry", None, bytes)
MAIN_STATE = _option("window/state", None, bytes)
CURRENT_AREA = _option("window/area", "")
LAST_FOLDER = _option("files/last_folder", "")
# Typed texts shown in their original ("original") or in the interface language where a version exists
CONTENT_SHOWN = _option("content/shown", "original")
DETAILS_POSITION = _option("window/details", "right")  # right, bottom or hidden (View menu)
# Work plan
WORKPLAN_YEAR = _option("workplan/year", "")
WORKPLAN_FILTERS = _option("workplan/filters", "")  # JSON: section, person, month, status, overdue, text
WORKPLAN_SPLITTER = _option("workplan/splitter", None, bytes)
# Students
STUDENTS_HIDDEN_COLUMNS = _option("students/hidden_columns",  # JSON: the list's hidden columns
                                  '["birth_date", "email", "gender", "phone", "programme"]')
STUDENTS_FILTERS = _option("students/filters", "{}")
STUDENTS_SPLITTER = _option("students/splitter", None, bytes)
STUDENTS_IMPORT_LAYOUTS = _option("students/import_layouts", "{}")
# Calendar
CALENDAR_CURRENT = _option("calendar/current", 0, int)
CALENDAR_TAB = _option("calendar/tab", 0, int)
CALENDAR_SPLITTER = _option("calendar/splitter", None, bytes)
# Exams and results
EXAMS_SPLITTER = _option("exams/splitter", None, bytes)
EXAMS_KIND = _option("exams/kind", "winter")
EXAMS_FILTERS = _option("exams/filters", "")  # "course;programme;examiner;room" ids
RESULTS_KIND = _option("results/kind", "winter")
RESULTS_SPLITTER = _option("results/splitter", None, bytes)
RESULTS_TAB = _option("results/tab", 0, int)
# Meetings
MEETINGS_SERIES = _option("meetings/series", 0, int)
MEETINGS_SPLITTER = _option("meetings/splitter", None, bytes)
MEETINGS_CALENDAR_MODE = _option("meetings/calendar_mode", "month")  # "month" grid or "weeks" list
DECISIONS_PERSON = _option("meetings/decisions_person", 0, int)
DECISIONS_STATUS = _option("meetings/decisions_status", "open")
DECISIONS_OVERDUE = _option("meetings/decisions_overdue", False, bool)
# Service requests
REQUESTS_FILTERS = _option("requests/filters", "")
REQUESTS_SPLITTER = _option("requests/splitter", None, bytes)
# Curators
CURATORS_YEAR = _option("curators/year", "")
CURATORS_SPLITTER = _option("curators/splitter", None, bytes)
CURATORS_ACCEPTED_BY = _option("curators/accepted_by", "")


def qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


def get(option: Option, settings: QSettings | None = None):
    s = settings or qsettings()
    value = s.value(option.key, option.default)
    if value is None:
        return option.default
    if option.type is bool and isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    if option.type in (int, float) and isinstance(value, str):
        return option.type(value)
    return value


def put(option: Option, value, settings: QSettings | None = None) -> None:
    s = settings or qsettings()
    s.setValue(option.key, value)


def remember_split(splitter: QSplitter, option: Option, sizes: list[int] | None = None) -> None:
    """Put a splitter back as the user left it (``option`` holds its saved state) and keep each move;
    ``sizes``: the first start's sizes, until the user moves it."""
    if sizes:
        splitter.setSizes(sizes)
    state = get(option)
    if state:
        splitter.restoreState(state)
    splitter.splitterMoved.connect(lambda *_a: put(option, splitter.saveState()))
