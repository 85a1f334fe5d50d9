"""Parallel texts: each version keeps the original it translates, so an edited original marks
its versions stale.

``text_version.source`` (NULL for the rows that record an original's language). Every existing
version is stamped with its original as it is today: from now on an edit of the original makes
the version stale (a version older than today's original cannot be told apart, and is taken as
current). Plain SQL per table and field (a correlated subquery), the same on SQLite and
PostgreSQL; a deadline's words live in the item's JSON and are read in Python.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-30 08:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

# The printed texts as migration 0019 knows them (models.text_versions.TRANSLATABLE of that day).
TEXTS = {
    "faculty": ("name", "university"),
    "workplan": ("title", "faculty_name", "approver_position"),
    "workplan_section": ("title",),
    "workplan_item": ("text",),
    "workplan_responsible": ("text",),
    "academic_calendar": ("title", "approval"),
    "calendar_event": ("title", "note"),
    "calendar_date": ("text",),
    "procedure_template": ("name",),
    "procedure_step": ("name", "unit", "condition"),
    "service_request": ("procedure_name", "refusal_reason"),
    "request_step": ("name", "unit"),
    "room": ("name", "building"),
    "discipline": ("name",),
    "meeting_series": ("name",),
    "agenda_item": ("title", "heard", "decided"),
    "meeting_decision": ("text",),
}


def upgrade() -> None:
    with op.batch_alter_table('text_version', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.Text(), nullable=True))
    bind = op.get_bind()
    existing = set(sa.inspect(bind).get_table_names())
    versions = sa.table('text_version', sa.column('id', sa.Integer), sa.column('table_name', sa.String),
                        sa.column('row_id', sa.Integer), sa.column('field', sa.String),
                        sa.column('text', sa.Text), sa.column('source', sa.Text))
    for table_name, fields in TEXTS.items():
        if table_name not in existing:
            continue
        for field in fields:
            entity = sa.table(table_name, sa.column('id', sa.Integer), sa.column(field, sa.Text))
            original = (sa.select(entity.c[field]).where(entity.c.id == versions.c.row_id)
                        .scalar_subquery())
            bind.execute(versions.update().where(
                versions.c.table_name == table_name, versions.c.field == field,
                versions.c.text.is_not(None)).values(source=sa.func.coalesce(original, '')))
    # a deadline the office wrote as words: {"kind": "text", "text": ...} in workplan_item.deadline
    items = sa.table('workplan_item', sa.column('id', sa.Integer), sa.column('deadline', sa.JSON))
    rows = bind.execute(sa.select(versions.c.id, versions.c.row_id).where(
        versions.c.table_name == 'workplan_item', versions.c.field == 'deadline_text',
        versions.c.text.is_not(None))).all()
    if rows:
        deadlines = dict(bind.execute(sa.select(items.c.id, items.c.deadline).where(
            items.c.id.in_([r.row_id for r in rows]))).all())
        for version_id, row_id in rows:
            deadline = deadlines.get(row_id) or {}
            words = deadline.get('text', '') if deadline.get('kind') == 'text' else ''
            bind.execute(versions.update().where(versions.c.id == version_id).values(source=words))


def downgrade() -> None:
    with op.batch_alter_table('text_version', schema=None) as batch_op:
        batch_op.drop_column('source')
