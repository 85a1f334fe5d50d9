"""Importers: the file an audit entry came from; study forms evening and extramural.

``audit_log.source`` holds the name of the imported file for every field an import changed
(a hand edit leaves it empty). A plain ADD COLUMN: the append-only triggers of 0012 stay.

Study forms gain ``evening`` (очно-заочная, кечки, кешкі) and ``extramural`` (заочная,
сырттан, сырттай) beside ``full_time`` and ``distance``. The column is text, so existing rows
keep their values: students stored as ``distance`` after an import of "заочная" cannot be told
apart from real distance learners and stay ``distance`` (the office corrects them by hand).

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 06:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('audit_log', sa.Column('source', sa.String(length=255), nullable=True))


def downgrade() -> None:
    # The new forms have no older equivalent but the one the importer used for both.
    for table in ('student', 'student_group'):
        op.execute(f"UPDATE {table} SET study_form = 'distance' WHERE study_form IN ('evening', 'extramural')")
    # A plain DROP COLUMN (SQLite >= 3.35): a batch copy of the table would lose the append-only triggers.
    op.drop_column('audit_log', 'source')
