"""``dekanat copy-to``: every row moves to another database with its id."""

import pytest
from sqlalchemy import func, select

from desktop.models import Base, load_all
from desktop.models.base import DomainError
from desktop.models.contingent import Group, Student
from desktop.models.db import Database
from desktop.models.transfer import copy_to

load_all()


def _snapshot(db: Database) -> dict[str, list]:
    with db.engine.connect() as conn:
        return {t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=repr)
                for t in Base.metadata.sorted_tables}


@pytest.mark.sqlite_only
def test_copy_keeps_every_row_and_id(demo_db, tmp_path, request):
    with demo_db.session() as s:
        group = s.scalar(select(Group).order_by(Group.id))
        group.head_student_id = s.scalar(select(Student.id).where(Student.group_id == group.id).limit(1))
    target_url = str(tmp_path / "copy.sqlite3")
    counts = copy_to(demo_db, target_url)
    assert counts["student"] == 150
    target = Database(target_url)
    assert _snapshot(target) == _snapshot(demo_db)
    target.dispose()


@pytest.mark.sqlite_only
def test_copy_refuses_a_target_with_data(demo_db, tmp_path):
    target_url = str(tmp_path / "copy.sqlite3")
    copy_to(demo_db, target_url)
    with pytest.raises(DomainError, match="already holds data"):
        copy_to(demo_db, target_url)


def test_copy_from_sqlite_onto_postgres(demo_db, pg_server, backend):
    if backend != "sqlite":
        pytest.skip("source is the SQLite file")
    name = "dk_copy_target"
    url = pg_server.create(name)
    try:
        copy_to(demo_db, url)
        target = Database(url)
        assert _snapshot(target) == _snapshot(demo_db)
        with target.session() as s:  # sequences continue after the copied ids
            s.add(Group(name="NEW-1-26", course=1))
            s.flush()
            assert s.scalar(select(func.max(Group.id))) > 1
        target.dispose()
    finally:
        pg_server.drop(name)
