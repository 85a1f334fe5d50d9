"""meetings: series, meetings with attendance, agenda items with minutes, decisions and their responsible

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-21 15:59:08.036372
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meeting_series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('recurrence', sa.String(length=10), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('nth_week', sa.Integer(), nullable=True),
    sa.Column('month_day', sa.Integer(), nullable=True),
    sa.Column('time', sa.String(length=5), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('chair_id', sa.Integer(), nullable=True),
    sa.Column('secretary_id', sa.Integer(), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['chair_id'], ['staff.id'], name=op.f('fk_meeting_series_chair_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_meeting_series_department_id_department'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['secretary_id'], ['staff.id'], name=op.f('fk_meeting_series_secretary_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_series')),
    sa.UniqueConstraint('name', name=op.f('uq_meeting_series_name'))
    )
    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('time', sa.String(length=5), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('chair_id', sa.Integer(), nullable=True),
    sa.Column('secretary_id', sa.Integer(), nullable=True),
    sa.Column('held', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['chair_id'], ['staff.id'], name=op.f('fk_meeting_chair_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['secretary_id'], ['staff.id'], name=op.f('fk_meeting_secretary_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['series_id'], ['meeting_series.id'], name=op.f('fk_meeting_series_id_meeting_series'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting')),
    sa.UniqueConstraint('series_id', 'date', name=op.f('uq_meeting_series_id'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_series_id'), ['series_id'], unique=False)

    op.create_table('meeting_series_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['series_id'], ['meeting_series.id'], name=op.f('fk_meeting_series_member_series_id_meeting_series'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_meeting_series_member_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_series_member')),
    sa.UniqueConstraint('series_id', 'staff_id', name=op.f('uq_meeting_series_member_series_id'))
    )
    with op.batch_alter_table('meeting_series_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_series_member_series_id'), ['series_id'], unique=False)

    op.create_table('meeting_attendee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_attendee_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_meeting_attendee_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_attendee')),
    sa.UniqueConstraint('meeting_id', 'staff_id', name=op.f('uq_meeting_attendee_meeting_id'))
    )
    with op.batch_alter_table('meeting_attendee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_attendee_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('meeting_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_decision_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_decision'))
    )
    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_decision_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_decision_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_decision_status'), ['status'], unique=False)

    op.create_table('agenda_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('minutes_allotted', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=30), nullable=False),
    sa.Column('source_ref', sa.String(length=60), nullable=False),
    sa.Column('workplan_item_id', sa.Integer(), nullable=True),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('heard', sa.Text(), nullable=False),
    sa.Column('decided', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['meeting_decision.id'], name=op.f('fk_agenda_item_decision_id_meeting_decision'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_agenda_item_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_id'], ['staff.id'], name=op.f('fk_agenda_item_speaker_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['workplan_item_id'], ['workplan_item.id'], name=op.f('fk_agenda_item_workplan_item_id_workplan_item'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_meeting_id'), ['meeting_id'], unique=False)

    # decision <-> agenda item refer to each other: the decision's link is added once both tables exist
    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.create_foreign_key(op.f('fk_meeting_decision_agenda_item_id_agenda_item'), 'agenda_item',
                                    ['agenda_item_id'], ['id'], ondelete='SET NULL')

    op.create_table('meeting_decision_responsible',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['meeting_decision.id'], name=op.f('fk_meeting_decision_responsible_decision_id_meeting_decision'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_meeting_decision_responsible_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_decision_responsible')),
    sa.UniqueConstraint('decision_id', 'staff_id', name=op.f('uq_meeting_decision_responsible_decision_id'))
    )
    with op.batch_alter_table('meeting_decision_responsible', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_decision_responsible_decision_id'), ['decision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_decision_responsible_staff_id'), ['staff_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('meeting_decision_responsible', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_decision_responsible_staff_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_decision_responsible_decision_id'))

    op.drop_table('meeting_decision_responsible')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_meeting_id'))

    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('fk_meeting_decision_agenda_item_id_agenda_item'), type_='foreignkey')

    op.drop_table('agenda_item')
    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_decision_status'))
        batch_op.drop_index(batch_op.f('ix_meeting_decision_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_decision_due_date'))

    op.drop_table('meeting_decision')
    with op.batch_alter_table('meeting_attendee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_attendee_meeting_id'))

    op.drop_table('meeting_attendee')
    with op.batch_alter_table('meeting_series_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_series_member_series_id'))

    op.drop_table('meeting_series_member')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_series_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_date'))

    op.drop_table('meeting')
    op.drop_table('meeting_series')
