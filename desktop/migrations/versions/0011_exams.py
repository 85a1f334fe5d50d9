"""Exam sessions: sessions, rooms, disciplines per group and session, exams and the groups sitting them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-21 16:10:15.661681
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('discipline',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discipline')),
    sa.UniqueConstraint('name', name=op.f('uq_discipline_name'))
    )
    op.create_table('room',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('building', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room')),
    sa.UniqueConstraint('name', name=op.f('uq_room_name'))
    )
    op.create_table('exam_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('academic_year_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.ForeignKeyConstraint(['academic_year_id'], ['academic_year.id'], name=op.f('fk_exam_session_academic_year_id_academic_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_session')),
    sa.UniqueConstraint('academic_year_id', 'kind', name=op.f('uq_exam_session_academic_year_id'))
    )
    op.create_table('exam',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('discipline_id', sa.Integer(), nullable=False),
    sa.Column('examiner_id', sa.Integer(), nullable=True),
    sa.Column('assistant_id', sa.Integer(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('duration', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('form', sa.String(length=10), nullable=False),
    sa.Column('consult_day', sa.Date(), nullable=True),
    sa.Column('consult_minute', sa.Integer(), nullable=True),
    sa.Column('consult_room_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['assistant_id'], ['staff.id'], name=op.f('fk_exam_assistant_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['consult_room_id'], ['room.id'], name=op.f('fk_exam_consult_room_id_room'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['discipline_id'], ['discipline.id'], name=op.f('fk_exam_discipline_id_discipline'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['examiner_id'], ['staff.id'], name=op.f('fk_exam_examiner_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_exam_room_id_room'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['exam_session.id'], name=op.f('fk_exam_session_id_exam_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam'))
    )
    with op.batch_alter_table('exam', schema=None) as batch_op:
        batch_op.create_index('ix_exam_session_day', ['session_id', 'day'], unique=False)

    op.create_table('exam_group',
    sa.Column('exam_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['exam_id'], ['exam.id'], name=op.f('fk_exam_group_exam_id_exam'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['student_group.id'], name=op.f('fk_exam_group_group_id_student_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('exam_id', 'group_id', name=op.f('pk_exam_group'))
    )
    with op.batch_alter_table('exam_group', schema=None) as batch_op:
        batch_op.create_index('ix_exam_group_group_id', ['group_id'], unique=False)

    op.create_table('session_discipline',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('discipline_id', sa.Integer(), nullable=False),
    sa.Column('examiner_id', sa.Integer(), nullable=True),
    sa.Column('form', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['discipline_id'], ['discipline.id'], name=op.f('fk_session_discipline_discipline_id_discipline'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['examiner_id'], ['staff.id'], name=op.f('fk_session_discipline_examiner_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['student_group.id'], name=op.f('fk_session_discipline_group_id_student_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['exam_session.id'], name=op.f('fk_session_discipline_session_id_exam_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_discipline')),
    sa.UniqueConstraint('session_id', 'group_id', 'discipline_id', name=op.f('uq_session_discipline_session_id'))
    )


def downgrade() -> None:
    op.drop_table('session_discipline')
    with op.batch_alter_table('exam_group', schema=None) as batch_op:
        batch_op.drop_index('ix_exam_group_group_id')

    op.drop_table('exam_group')
    with op.batch_alter_table('exam', schema=None) as batch_op:
        batch_op.drop_index('ix_exam_session_day')

    op.drop_table('exam')
    op.drop_table('exam_session')
    op.drop_table('room')
    op.drop_table('discipline')
