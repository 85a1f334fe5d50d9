"""Entities and domain rules. No Qt, no file formats.

Each area adds its module to ``AREA_MODULES``. Importing the package loads none of them, so the
window starts with only the entities its first page needs; ``load_all()`` registers every entity
on ``Base.metadata`` (migrations, the demo, copies, checks and the command line call it).
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
    "desktop.models.meetings",
    "desktop.models.agenda_requests",
    "desktop.models.exams",
    "desktop.models.results",
    "desktop.models.audit",
    "desktop.models.text_versions",
]



def load_all() -> None:
    """Import every area's entities and rules (cheap after the first call)."""
    for name in AREA_MODULES:
        import_module(name)


__all__ = ["AREA_MODULES", "Base", "DomainError", "load_all"]
