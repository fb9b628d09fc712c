"""data stamp: a token every write changes

Revision ID: 0002
Revises: 0001

`data_stamp` holds one row whose token SQLite's own triggers replace with random bytes on every
insert, update or delete in any table, whoever writes (the app, a command, a restore). Two reads
that find the same token saw the same data, so what is derived from the data (the plans of the
page shown at start) can be kept beside the database under it and read back without SQLAlchemy.
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# Every table of revision 0001; a later revision that adds a table adds its triggers.
TABLES = (
    'athlete_profile', 'imported_file', 'activity', 'activity_hr_bin', 'strength_set',
    'activity_alias', 'race', 'planned_session', 'session_log', 'checklist_entry',
    'resting_heart_rate', 'exercise_swap', 'sync_state',
)
EVENTS = ('insert', 'update', 'delete')


def upgrade() -> None:
    op.create_table(
        'data_stamp',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.execute("INSERT INTO data_stamp (id, token) VALUES (1, randomblob(8))")
    for table in TABLES:
        for event in EVENTS:
            op.execute(
                f"CREATE TRIGGER data_stamp_{table}_{event} AFTER {event.upper()} ON {table} "
                "BEGIN UPDATE data_stamp SET token = randomblob(8) WHERE id = 1; END"
            )


def downgrade() -> None:
    for table in TABLES:
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS data_stamp_{table}_{event}")
    op.drop_table('data_stamp')
