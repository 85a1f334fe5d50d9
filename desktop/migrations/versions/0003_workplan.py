"""workplan: the annual work plan (sections, items with deadlines as JSON, responsible persons)

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-21
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('workplan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('faculty_name', sa.String(length=300), nullable=False),
    sa.Column('approver_name', sa.String(length=200), nullable=False),
    sa.Column('approver_position', sa.String(length=300), nullable=False),
    sa.Column('approval_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['year_id'], ['academic_year.id'], name=op.f('fk_workplan_year_id_academic_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workplan')),
    sa.UniqueConstraint('year_id', name=op.f('uq_workplan_year_id'))
    )
    op.create_table('workplan_section',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['workplan.id'], name=op.f('fk_workplan_section_plan_id_workplan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workplan_section'))
    )
    with op.batch_alter_table('workplan_section', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workplan_section_plan_id'), ['plan_id'], unique=False)

    op.create_table('workplan_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('deadline', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('completion_note', sa.Text(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['section_id'], ['workplan_section.id'], name=op.f('fk_workplan_item_section_id_workplan_section'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workplan_item'))
    )
    with op.batch_alter_table('workplan_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workplan_item_section_id'), ['section_id'], unique=False)

    op.create_table('workplan_responsible',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['workplan_item.id'], name=op.f('fk_workplan_responsible_item_id_workplan_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_workplan_responsible_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workplan_responsible')),
    sa.UniqueConstraint('item_id', 'position', name=op.f('uq_workplan_responsible_item_id'))
    )
    with op.batch_alter_table('workplan_responsible', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workplan_responsible_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_workplan_responsible_staff_id'), ['staff_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('workplan_responsible', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workplan_responsible_staff_id'))
        batch_op.drop_index(batch_op.f('ix_workplan_responsible_item_id'))

    op.drop_table('workplan_responsible')
    with op.batch_alter_table('workplan_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workplan_item_section_id'))

    op.drop_table('workplan_item')
    with op.batch_alter_table('workplan_section', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workplan_section_plan_id'))

    op.drop_table('workplan_section')
    op.drop_table('workplan')
