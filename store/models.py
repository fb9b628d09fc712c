"""SQLAlchemy 2 models: the runner's whole history in one SQLite file.

Schema changes are Alembic revisions in `store/migrations/versions`; never edit a released
revision, add a new one.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class AthleteProfile(Base):
    """One row (id 1): who the runner is and how their week usually looks."""

    __tablename__ = "athlete_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    sex: Mapped[str] = mapped_column(String(8), default="unknown")
    birth_year: Mapped[int | None]
    hr_max: Mapped[int | None]
    hr_rest: Mapped[int | None]
    threshold_pace_s_per_km: Mapped[float | None]
    units: Mapped[str] = mapped_column(String(2), default="km")
    long_run_weekday: Mapped[int | None]  # 0 = Monday
    key_run_weekdays: Mapped[str] = mapped_column(String(32), default="")  # "1,3"
    strength_weekdays: Mapped[str] = mapped_column(String(32), default="")  # "" = any day
    equipment: Mapped[str] = mapped_column(String(16), default="gym")
    usual_weekly_run_minutes: Mapped[float | None]
    lifted_regularly: Mapped[bool] = mapped_column(Boolean, default=False)
    strength_block_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    beginner_second_session: Mapped[bool] = mapped_column(Boolean, default=False)
    illness: Mapped[bool] = mapped_column(Boolean, default=False)
    injury: Mapped[bool] = mapped_column(Boolean, default=False)
    timezone: Mapped[str | None] = mapped_column(String(64))
    onboarded: Mapped[bool] = mapped_column(Boolean, default=False)


class ImportedFile(Base):
    """Every file the importer has seen, so a re-run skips it and a failure is remembered."""

    __tablename__ = "imported_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    mtime: Mapped[float | None]
    source: Mapped[str] = mapped_column(String(32))  # fit, watch, garmin_export, strava_export
    status: Mapped[str] = mapped_column(String(16))  # imported, partial, skipped, duplicate, failed
    error: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_imported_file_path", "path"),)


class Activity(Base):
    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(32))  # fit, strava, strava_export, demo, manual
    external_id: Mapped[str] = mapped_column(String(128))
    file_id: Mapped[int | None] = mapped_column(ForeignKey("imported_file.id", ondelete="SET NULL"))
    sport: Mapped[str] = mapped_column(String(32))
    sub_sport: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str | None] = mapped_column(Text)
    start_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    utc_offset_s: Mapped[int] = mapped_column(Integer, default=0)
    timer_s: Mapped[float]
    elapsed_s: Mapped[float | None]
    distance_m: Mapped[float | None]
    grade_adjusted_distance_m: Mapped[float | None]
    ascent_m: Mapped[float | None]
    avg_hr: Mapped[float | None]
    max_hr: Mapped[float | None]
    peak_hr_10s: Mapped[float | None]  # best 10-s rolling mean HR, cadence-lock guarded
    rpe: Mapped[float | None]
    load: Mapped[float | None]
    load_method: Mapped[str | None] = mapped_column(String(16))
    load_confidence: Mapped[str | None] = mapped_column(String(8))
    device: Mapped[str | None] = mapped_column(String(64))
    partial: Mapped[bool] = mapped_column(Boolean, default=False)
    is_race: Mapped[bool] = mapped_column(Boolean, default=False)
    # Downsampled chart series (packed float32 triples t, hr, speed) and speed histogram (JSON).
    series: Mapped[bytes | None] = mapped_column(LargeBinary)
    speed_histogram: Mapped[str | None] = mapped_column(Text)

    hr_bins: Mapped[list[HrBin]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", passive_deletes=True
    )
    strength_sets: Mapped[list[StrengthSet]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_activity_source_ext"),)


class HrBin(Base):
    """Seconds spent at one heart rate (1-bpm bins): the load model's only HR input."""

    __tablename__ = "activity_hr_bin"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    bpm: Mapped[int] = mapped_column(primary_key=True)
    seconds: Mapped[float]

    activity: Mapped[Activity] = relationship(back_populates="hr_bins")


class StrengthSet(Base):
    """A set recorded by a watch during a strength activity."""

    __tablename__ = "strength_set"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    category: Mapped[str | None] = mapped_column(String(64))
    reps: Mapped[int | None]
    weight_kg: Mapped[float | None]
    duration_s: Mapped[float | None]

    activity: Mapped[Activity] = relationship(back_populates="strength_sets")


class ActivityAlias(Base):
    """Another source's copy of an activity we already have: never imported twice."""

    __tablename__ = "activity_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(128))
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))

    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_alias_source_ext"),)


class Race(Base):
    __tablename__ = "race"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    name: Mapped[str] = mapped_column(Text)
    distance_km: Mapped[float]
    priority: Mapped[str] = mapped_column(String(1), default="B")


class PlannedSession(Base):
    """A strength session as last planned, keyed so re-plans and exports keep its identity."""

    __tablename__ = "planned_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)
    week_start: Mapped[date] = mapped_column(Date, index=True)
    day: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text)
    intensity: Mapped[str] = mapped_column(String(16))
    variant: Mapped[str] = mapped_column(String(1), default="A")
    reason: Mapped[str] = mapped_column(Text)
    exercises_json: Mapped[str] = mapped_column(Text, default="[]")


class SessionLog(Base):
    """What the runner did with a planned session: done, skipped or moved."""

    __tablename__ = "session_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_key: Mapped[str | None] = mapped_column(String(32), index=True)
    planned_day: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(8))  # done, skipped, moved
    moved_to: Mapped[date | None] = mapped_column(Date)
    rpe: Mapped[float | None]
    minutes: Mapped[float | None]
    lower_body: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str | None] = mapped_column(Text)
    results_json: Mapped[str | None] = mapped_column(Text)  # [[exercise_id, kg, reps], ...]
    logged_at: Mapped[datetime] = mapped_column(DateTime)


class ChecklistEntry(Base):
    __tablename__ = "checklist_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    item: Mapped[str] = mapped_column(String(32))
    done: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (UniqueConstraint("day", "item", name="uq_checklist_day_item"),)


class RestingHeartRate(Base):
    """A day's resting heart rate as the watch measured it (monitoring files)."""

    __tablename__ = "resting_heart_rate"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    bpm: Mapped[float]
    source: Mapped[str] = mapped_column(String(32), default="fit")


class ExerciseSwap(Base):
    """The runner's choice of a substitute for one exercise of one planned session (by key)."""

    __tablename__ = "exercise_swap"

    session_key: Mapped[str] = mapped_column(Text, primary_key=True)
    exercise_id: Mapped[str] = mapped_column(Text, primary_key=True)
    substitute_id: Mapped[str] = mapped_column(Text)


class SyncState(Base):
    """Where each source's last sync got to (never tokens: those live in the keychain)."""

    __tablename__ = "sync_state"

    source: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_sync_utc: Mapped[datetime | None] = mapped_column(DateTime)
    cursor: Mapped[str | None] = mapped_column(Text)
    details_json: Mapped[str | None] = mapped_column(Text)


class DataStamp(Base):
    """One row (id 1) whose token every write to any table replaces (SQLite triggers, see
    migration 0002); read by `store.stamp` without SQLAlchemy."""

    __tablename__ = "data_stamp"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[bytes] = mapped_column(LargeBinary)
