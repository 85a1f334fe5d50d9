"""Per-user choices kept in QSettings, declared in one place with their defaults."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from desktop import APP_NAME, ORG_NAME


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    type: type = str


INTERFACE_LANGUAGE = Option("ui/language", "ru")
REPORT_LANGUAGE = Option("reports/language", "")  # "" = same as the interface
MAIN_GEOMETRY = Option("window/geometry", None, bytes)
MAIN_STATE = Option("window/state", None, bytes)
CURRENT_AREA = Option("window/area", "")
LAST_FOLDER = Option("files/last_folder", "")
WORKPLAN_YEAR = Option("workplan/year", "")
WORKPLAN_FILTERS = Option("workplan/filters", "")  # JSON: section, person, month, status, overdue, text
WORKPLAN_SPLITTER = Option("workplan/splitter", None, bytes)
# Typed texts shown in their original ("original") or in the interface language where a version exists
CONTENT_SHOWN = Option("content/shown", "original")
DETAILS_POSITION = Option("window/details", "right")  # right, bottom or hidden (View menu)


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
