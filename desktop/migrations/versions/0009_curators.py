"""Curator reports: report per assignment and month with its four parts, and the teacher's distance-teaching log.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-21 15:52:11.139680
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('teaching_log_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('time', sa.String(length=11), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('learner', sa.String(length=300), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('form', sa.String(length=20), nullable=False),
    sa.Column('platform', sa.String(length=100), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_teaching_log_entry_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teaching_log_entry'))
    )
    with op.batch_alter_table('teaching_log_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teaching_log_entry_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_teaching_log_entry_staff_id'), ['staff_id'], unique=False)

    op.create_table('curator_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('accepted_by_id', sa.Integer(), nullable=True),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('return_comment', sa.Text(), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['accepted_by_id'], ['staff.id'], name=op.f('fk_curator_report_accepted_by_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['assignment_id'], ['curator_assignment.id'], name=op.f('fk_curator_report_assignment_id_curator_assignment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_curator_report')),
    sa.UniqueConstraint('assignment_id', 'year', 'month', name=op.f('uq_curator_report_assignment_id'))
    )
    with op.batch_alter_table('curator_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_curator_report_assignment_id'), ['assignment_id'], unique=False)

    op.create_table('curator_activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('topic', sa.String(length=500), nullable=False),
    sa.Column('present', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['curator_report.id'], name=op.f('fk_curator_activity_report_id_curator_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_curator_activity'))
    )
    with op.batch_alter_table('curator_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_curator_activity_report_id'), ['report_id'], unique=False)

    op.create_table('parent_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('student_name', sa.String(length=300), nullable=False),
    sa.Column('way', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['curator_report.id'], name=op.f('fk_parent_contact_report_id_curator_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parent_contact'))
    )
    with op.batch_alter_table('parent_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parent_contact_report_id'), ['report_id'], unique=False)

    op.create_table('student_achievement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('student_name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('result', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['curator_report.id'], name=op.f('fk_student_achievement_report_id_curator_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_student_achievement'))
    )
    with op.batch_alter_table('student_achievement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_student_achievement_report_id'), ['report_id'], unique=False)

    op.create_table('student_at_risk',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=True),
    sa.Column('student_name', sa.String(length=300), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('result', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['curator_report.id'], name=op.f('fk_student_at_risk_report_id_curator_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_student_at_risk_student_id_student'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_student_at_risk'))
    )
    with op.batch_alter_table('student_at_risk', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_student_at_risk_report_id'), ['report_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('student_at_risk', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_student_at_risk_report_id'))

    op.drop_table('student_at_risk')
    with op.batch_alter_table('student_achievement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_student_achievement_report_id'))

    op.drop_table('student_achievement')
    with op.batch_alter_table('parent_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parent_contact_report_id'))

    op.drop_table('parent_contact')
    with op.batch_alter_table('curator_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_curator_activity_report_id'))

    op.drop_table('curator_activity')
    with op.batch_alter_table('curator_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_curator_report_assignment_id'))

    op.drop_table('curator_report')
    with op.batch_alter_table('teaching_log_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teaching_log_entry_staff_id'))
        batch_op.drop_index(batch_op.f('ix_teaching_log_entry_day'))

    op.drop_table('teaching_log_entry')
