"""Service requests: procedure templates, requests and their steps (issue 9).

Revision ID: 0008
Revises: 0005
Create Date: 2026-11-21 15:52:17.391467
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('procedure_template',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('builtin_key', sa.String(length=40), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedure_template')),
    sa.UniqueConstraint('builtin_key', name=op.f('uq_procedure_template_builtin_key'))
    )
    op.create_table('procedure_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('fixed_month', sa.Integer(), nullable=True),
    sa.Column('fixed_day', sa.Integer(), nullable=True),
    sa.Column('optional', sa.Boolean(), nullable=False),
    sa.Column('condition', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['template_id'], ['procedure_template.id'], name=op.f('fk_procedure_step_template_id_procedure_template'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedure_step'))
    )
    with op.batch_alter_table('procedure_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procedure_step_template_id'), ['template_id'], unique=False)

    op.create_table('service_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=True),
    sa.Column('procedure_name', sa.String(length=300), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=True),
    sa.Column('applicant', sa.String(length=300), nullable=False),
    sa.Column('received', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('refusal_reason', sa.String(length=500), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('closed', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedure_template.id'], name=op.f('fk_service_request_procedure_id_procedure_template'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_service_request_student_id_student'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_request'))
    )
    with op.batch_alter_table('service_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_request_received'), ['received'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_request_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_request_student_id'), ['student_id'], unique=False)

    op.create_table('request_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('fixed_month', sa.Integer(), nullable=True),
    sa.Column('fixed_day', sa.Integer(), nullable=True),
    sa.Column('optional', sa.Boolean(), nullable=False),
    sa.Column('condition', sa.String(length=300), nullable=False),
    sa.Column('taken', sa.Boolean(), nullable=False),
    sa.Column('planned', sa.Date(), nullable=True),
    sa.Column('actual', sa.Date(), nullable=True),
    sa.Column('done_by', sa.String(length=200), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['service_request.id'], name=op.f('fk_request_step_request_id_service_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_step'))
    )
    with op.batch_alter_table('request_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_step_planned'), ['planned'], unique=False)
        batch_op.create_index(batch_op.f('ix_request_step_request_id'), ['request_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('request_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_request_step_request_id'))
        batch_op.drop_index(batch_op.f('ix_request_step_planned'))

    op.drop_table('request_step')
    with op.batch_alter_table('service_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_request_student_id'))
        batch_op.drop_index(batch_op.f('ix_service_request_status'))
        batch_op.drop_index(batch_op.f('ix_service_request_received'))

    op.drop_table('service_request')
    with op.batch_alter_table('procedure_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procedure_step_template_id'))

    op.drop_table('procedure_step')
    op.drop_table('procedure_template')
