"""Per-user settings: one registry (desktop/views/settings.py) of QSettings keys with defaults and types."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.views import settings

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"


def test_every_option_is_declared_in_the_registry_and_nowhere_else():
    declared_elsewhere = [f"{path.relative_to(DESKTOP)}:{n}"
                          for path in sorted(DESKTOP.rglob("*.py")) if path.name != "settings.py"
                          for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                          if re.search(r"\bsettings\.Option\(|\bOption\(\"", line)]
    assert declared_elsewhere == []
    module_options = {name: value for name, value in vars(settings).items() if isinstance(value, settings.Option)}
    assert sorted(o.key for o in module_options.values()) == sorted(settings.OPTIONS)


def test_keys_defaults_and_types_of_some_choices():
    assert settings.OPTIONS["ui/language"].default == "ru"
    assert settings.OPTIONS["students/hidden_columns"].default == \
        '["birth_date", "email", "gender", "phone", "programme"]'
    assert settings.OPTIONS["meetings/decisions_overdue"].type is bool
    assert settings.OPTIONS["calendar/tab"].type is int
    assert settings.OPTIONS["exams/splitter"].type is bytes and settings.OPTIONS["exams/splitter"].default is None


def test_a_key_declared_twice_is_refused():
    import pytest

    with pytest.raises(ValueError, match="declared twice"):
        settings._option("ui/language", "en")
    assert settings.OPTIONS["ui/language"].default == "ru"


def test_a_choice_round_trips_with_its_type(qapp):
    settings.put(settings.DECISIONS_OVERDUE, True)
    settings.put(settings.CALENDAR_TAB, 2)
    s = settings.qsettings()
    s.sync()
    assert settings.get(settings.DECISIONS_OVERDUE) is True
    assert settings.get(settings.CALENDAR_TAB) == 2
    assert settings.get(settings.MEETINGS_CALENDAR_MODE) == "month"  # never set: the registry's default
