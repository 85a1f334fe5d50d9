"""Minutes print what was decided: each decision keeps its text, responsible persons and due date
AS DECIDED (``decided_*``), and a meeting's minutes can be signed (``minutes_signed_on``).
A service request keeps the list of documents received (``documents``), printed on its receipt.

Existing decisions take their current values as their snapshot (the best record there is of
what was decided); no existing minutes are signed.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-30 08:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('minutes_signed_on', sa.Date(), nullable=True))
    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decided_text', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('decided_responsible', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('decided_due_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('decided_versions', sa.JSON(), nullable=True))
    with op.batch_alter_table('service_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('documents', sa.Text(), server_default='', nullable=False))
    bind = op.get_bind()
    bind.execute(sa.text("UPDATE meeting_decision SET decided_text = text, decided_due_date = due_date"))
    names: dict[int, list[str]] = {}
    for decision_id, name in bind.execute(sa.text(
            "SELECT r.decision_id, s.short_name FROM meeting_decision_responsible r "
            "JOIN staff s ON s.id = r.staff_id ORDER BY r.decision_id, r.position")):
        names.setdefault(decision_id, []).append(name)
    update = sa.text("UPDATE meeting_decision SET decided_responsible = :names WHERE id = :id")
    bind.execute(sa.text("UPDATE meeting_decision SET decided_responsible = ''"))
    if names:
        bind.execute(update, [{"id": i, "names": ", ".join(n)} for i, n in names.items()])


def downgrade() -> None:
    with op.batch_alter_table('service_request', schema=None) as batch_op:
        batch_op.drop_column('documents')
    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.drop_column('decided_versions')
        batch_op.drop_column('decided_due_date')
        batch_op.drop_column('decided_responsible')
        batch_op.drop_column('decided_text')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_column('minutes_signed_on')
