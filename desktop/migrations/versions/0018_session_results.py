"""Session results: numbered grade sheets per exam and the results on them.

Revision ID: 0018
Revises: 0013
Create Date: 2026-11-30 06:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('grade_sheet',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('academic_year_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('control', sa.String(length=12), nullable=False),
    sa.Column('scale', sa.String(length=12), nullable=False),
    sa.Column('retake', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['exam_id'], ['exam.id'], name=op.f('fk_grade_sheet_exam_id_exam'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['academic_year_id'], ['academic_year.id'],
                            name=op.f('fk_grade_sheet_academic_year_id_academic_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grade_sheet')),
    sa.UniqueConstraint('academic_year_id', 'number', name=op.f('uq_grade_sheet_academic_year_id'))
    )
    with op.batch_alter_table('grade_sheet', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grade_sheet_exam_id'), ['exam_id'], unique=False)
    op.create_table('exam_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('sheet_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('rating', sa.Float(), nullable=True),
    sa.Column('points', sa.Float(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('letter', sa.String(length=3), nullable=False),
    sa.Column('gpa', sa.Float(), nullable=True),
    sa.Column('grade', sa.String(length=5), nullable=False),
    sa.Column('mark', sa.String(length=14), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('entered_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['sheet_id'], ['grade_sheet.id'], name=op.f('fk_exam_result_sheet_id_grade_sheet'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_exam_result_student_id_student'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['student_group.id'], name=op.f('fk_exam_result_group_id_student_group'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_result')),
    sa.UniqueConstraint('sheet_id', 'student_id', name=op.f('uq_exam_result_sheet_id'))
    )
    with op.batch_alter_table('exam_result', schema=None) as batch_op:
        batch_op.create_index('ix_exam_result_student', ['student_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('exam_result', schema=None) as batch_op:
        batch_op.drop_index('ix_exam_result_student')
    op.drop_table('exam_result')
    with op.batch_alter_table('grade_sheet', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grade_sheet_exam_id'))
    op.drop_table('grade_sheet')
