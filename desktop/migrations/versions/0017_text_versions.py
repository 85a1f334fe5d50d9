"""Parallel texts: versions of printed texts per language (ky, kk, ru) in one table.

Every existing text stays where it is, in its entity's column, as the original: the migration
moves nothing and no area's table changes shape. A row with a text is a version in ``lang``; a
row with NULL text records which language the original is written in.

Revision ID: 0017
Revises: 0013
Create Date: 2026-11-30 06:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('text_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_text_version')),
    sa.UniqueConstraint('table_name', 'row_id', 'field', 'lang', name='uq_text_version_key')
    )


def downgrade() -> None:
    op.drop_table('text_version')
