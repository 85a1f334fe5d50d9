"""One version-counter mixin (models/base.Versioned) for every entity several people edit; the
mapping is the one the migrations made."""

from __future__ import annotations

import pytest
from sqlalchemy.orm.exc import StaleDataError

from desktop.models import Base, load_all
from desktop.models.base import Versioned

# The entities that carry the counter (written out: one of them losing it fails here).
VERSIONED = {"Staff", "Programme", "Group", "Student", "Movement", "WorkPlan", "WorkPlanSection", "WorkPlanItem",
             "GradeSheet", "ExamResult"}


def test_the_versioned_entities_are_the_mixins_and_count_through_it():
    load_all()
    mappers = {m.class_.__name__: m for m in Base.registry.mappers}
    counting = {name for name, m in mappers.items() if m.version_id_col is not None}
    assert counting == VERSIONED
    for name in VERSIONED:
        cls = mappers[name].class_
        assert issubclass(cls, Versioned), name
        column = cls.__table__.c.version
        assert mappers[name].version_id_col is column
        assert (column.nullable, column.server_default.arg, column.default.arg) == (False, "1", 1)


def test_no_migration_is_needed_for_the_counters(db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    load_all()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if "version" in repr(d)] == []


def test_a_stale_write_is_refused(db):
    from desktop.models.org import Staff

    with db.session() as s:
        s.add(Staff(last_name="Осмонова", short_name="Осмонова Ч."))
    first, second = db.Session(), db.Session()
    try:
        a = first.query(Staff).one()
        b = second.query(Staff).one()
        a.position = "доцент"
        first.commit()
        assert a.version == 2
        b.position = "профессор"
        with pytest.raises(StaleDataError):
            second.commit()
    finally:
        first.close()
        second.close()
