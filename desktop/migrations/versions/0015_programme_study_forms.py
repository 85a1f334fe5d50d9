"""Programmes: the study forms each is taught in (the set-up assistant and the Programmes tab ask).

A comma-separated list of study-form values ("full_time,distance"); existing programmes are
full-time, as every programme was until now.

Revision ID: 0015
Revises: 0013
Create Date: 2026-11-30 06:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.add_column(sa.Column('study_forms', sa.String(length=60), server_default='full_time',
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.drop_column('study_forms')
