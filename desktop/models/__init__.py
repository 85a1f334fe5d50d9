"""Entities and domain rules. No Qt, no file formats.

Importing this package registers every entity on ``Base.metadata`` (Alembic needs them all).
Each area adds its module to ``AREA_MODULES``.
"""

from importlib import import_module

from desktop.models.base import Base, DomainError

AREA_MODULES = [
    "desktop.models.org",
    "desktop.models.contingent",
    "desktop.models.settings",
    "desktop.models.workdays",
    "desktop.models.workplan",
    "desktop.models.movements",
    "desktop.models.dlt",
    "desktop.models.academic_calendar",
    "desktop.models.request_templates",
    "desktop.models.requests",
    "desktop.models.curators",
    "desktop.models.teaching_log",
    "desktop.models.audit",
]

for _name in AREA_MODULES:
    import_module(_name)

__all__ = ["Base", "DomainError"]
