"""Settings that belong to the faculty's data (shared by every install on one database).

Per-user choices (window geometry, interface language) live in QSettings in the views.
Each area declares its own settings here with a default.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.models.base import Base, DomainError


class AppSetting(Base):
    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    choices: tuple | None = None


SETTINGS: dict[str, SettingSpec] = {}


def declare(key: str, default: Any, choices: tuple | None = None) -> SettingSpec:
    spec = SettingSpec(key, default, choices)
    SETTINGS[key] = spec
    return spec


COUNTRY = declare("country", "KG", ("KG", "KZ", "RU"))
# A file with more rows than a faculty could have is refused before it is loaded (importers).
IMPORT_ROW_LIMIT = declare("import_row_limit", 100_000)
# A state (budget-funded) institution follows the days off its government sets for the public sector.
STATE_INSTITUTION = declare("state_institution", False, (True, False))


def get(session: Session, key: str) -> Any:
    spec = SETTINGS[key]
    table = AppSetting.__table__.c  # Core: read at start-up, before any mapper needs configuring
    raw = session.scalar(select(table.value).where(table.key == key))
    return spec.default if raw is None else json.loads(raw)


def put(session: Session, key: str, value: Any) -> None:
    spec = SETTINGS[key]
    if spec.choices is not None and value not in spec.choices:
        raise DomainError(f"{key}: {value!r} is not one of {', '.join(map(str, spec.choices))}")
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=json.dumps(value, ensure_ascii=False)))
    else:
        row.value = json.dumps(value, ensure_ascii=False)


def put_op(session: Session, key: str, value: Any, changes=None):
    """Store a shared setting (operations layer); undo stores the old value. ``changes``: the
    ``Change`` flags of what the setting governs (SETTINGS when not given)."""
    from desktop.models.operations import Change, Outcome, bind

    flags = Change.SETTINGS if changes is None else changes
    old = get(session, key)
    put(session, key, value)
    session.flush()
    return Outcome(old, bind(put_op, key, old, flags), flags)
