"""The FIT reader against Garmin SDK's own reading of every real fixture (reference.json)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from importers.fit import normalise_sport, read_fit
from importers.fit_messages import FitReadError
from tests.conftest import FIT_FIXTURES
from tests.importers.conftest import fixture_names, reference

REF = reference()
DECODABLE = [
    n for n in fixture_names() if REF[n]["decode_ok"] and REF[n]["file_type"] == "activity"
]
# Smart recording: one 52-s gap while the timer ran, which by the load rule adds no time.
SMART_RECORDING_GAP = {"run_forerunner110_hr_gps_2013.fit": 52.0}


def _within(a: float, b: float, rel: float) -> bool:
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-9)


@pytest.mark.parametrize("name", DECODABLE)
def test_sessions_times_and_distances_match_the_garmin_sdk_within_one_percent(name):
    ref = REF[name]
    acts = read_fit(FIT_FIXTURES / name).activities
    assert len(acts) == ref["session_count"]
    for act, sess in zip(acts, ref["sessions"], strict=True):
        assert act.start_utc == datetime.fromisoformat(sess["start_time"].replace("Z", "+00:00"))
        assert _within(act.timer_s, sess["total_timer_time_s"], 0.01)
        assert _within(act.elapsed_s, sess["total_elapsed_time_s"], 0.01)
        if sess["total_distance_m"] is None:
            assert act.distance_m is None
        else:
            assert _within(act.distance_m, sess["total_distance_m"], 0.01)
        if sess["avg_heart_rate"] is not None:
            assert act.avg_hr == sess["avg_heart_rate"]
            assert act.max_hr == sess["max_heart_rate"]
        assert act.sub_sport == sess["sub_sport"]
        assert act.sport == normalise_sport(sess["sport"], sess["sub_sport"])


@pytest.mark.parametrize("name", [n for n in DECODABLE if REF[n]["has_hr_records"]])
def test_hr_histogram_sums_to_the_timer_time_within_two_percent(name):
    for act in read_fit(FIT_FIXTURES / name).activities:
        seconds = sum(s for _, s in act.hr_histogram)
        expected = act.timer_s - SMART_RECORDING_GAP.get(name, 0.0)
        assert abs(seconds - expected) <= 0.02 * act.timer_s, (seconds, act.timer_s)
        assert all(30 <= bpm <= 240 for bpm, _ in act.hr_histogram)


def test_session_without_heart_rate_gets_avg_and_max_from_the_records():
    ref = REF["run_fenix2_hr_records_no_session_hr.fit"]
    (act,) = read_fit(FIT_FIXTURES / "run_fenix2_hr_records_no_session_hr.fit").activities
    assert abs(act.avg_hr - ref["record_heart_rate_mean"]) <= 1.0
    assert act.max_hr == ref["record_heart_rate_max"]


def test_pool_swim_heart_rate_from_hr_messages_is_merged_into_the_records():
    ref = REF["swim_pool_forerunner935_hr.fit"]
    (act,) = read_fit(FIT_FIXTURES / "swim_pool_forerunner935_hr.fit").activities
    seconds = sum(s for _, s in act.hr_histogram)
    mean = sum(b * s for b, s in act.hr_histogram) / seconds
    assert seconds > 0.98 * act.timer_s
    assert abs(mean - ref["record_heart_rate_mean"]) <= 2.0
    assert sum(1 for _, hr, _ in act.series if hr is not None) > 0.9 * len(act.series)


def test_triathlon_gives_five_activities_with_the_swim_leg_heart_rate():
    acts = read_fit(FIT_FIXTURES / "multisport_triathlon_forerunner920xt_hr.fit").activities
    assert [a.sport for a in acts] == ["swimming", "transition", "cycling", "transition", "running"]
    swim = acts[0]
    assert sum(s for _, s in swim.hr_histogram) > 0.98 * swim.timer_s
    assert len({a.external_id for a in acts}) == 5


def test_strength_run_strength_multisport_gives_two_strength_sessions_and_a_run():
    acts = read_fit(FIT_FIXTURES / "multisport_strength_run_strength_forerunner965_sets.fit")
    acts = acts.activities
    assert [a.sport for a in acts] == ["strength", "running", "strength"]
    assert acts[0].strength_sets and acts[2].strength_sets and not acts[1].strength_sets


def test_strength_file_gives_a_strength_session_with_its_active_sets():
    ref = REF["strength_forerunner965_sets.fit"]
    (act,) = read_fit(FIT_FIXTURES / "strength_forerunner965_sets.fit").activities
    assert act.sport == "strength"
    assert len(act.strength_sets) == ref["active_set_count"]
    first = act.strength_sets[0]
    assert first.reps == 15 and first.duration_s == pytest.approx(75.391)
    assert first.category and first.weight_kg is None  # weight 0 means "not entered"


def test_strength_without_set_messages_is_still_a_strength_session():
    (act,) = read_fit(FIT_FIXTURES / "strength_suunto_race2_no_sets.fit").activities
    assert act.sport == "strength" and act.strength_sets == () and act.timer_s > 4800


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("settings_edge510.fit", "settings"),
        ("monitoring_vivofit.fit", "monitoring_b"),
        ("workout_individual_steps.fit", "workout"),
        ("workout_trainingpeaks_hr_targets.fit", "workout"),
    ],
)
def test_non_activity_files_are_skipped_with_their_file_type_as_reason(name, reason):
    result = read_fit(FIT_FIXTURES / name)
    assert result.activities == ()
    assert result.skipped == f"not an activity ({reason} file)"


def test_a_watch_settings_file_feeds_profile_suggestions():
    result = read_fit(FIT_FIXTURES / "settings_edge510.fit")
    assert result.profile.hr_max == 185
    assert result.profile.hr_rest == 60
    assert result.profile.sex == "male"


def test_an_activity_file_offers_its_zones_as_profile_suggestions():
    result = read_fit(FIT_FIXTURES / "run_forerunner965_hr_gps.fit")
    assert result.profile.hr_max == 206
    assert result.profile.threshold_hr == 170
    assert result.profile.hr_rest == 44


def test_local_offset_comes_from_the_activity_message():
    (act,) = read_fit(FIT_FIXTURES / "run_forerunner965_hr_gps.fit").activities
    assert act.utc_offset_s == 8 * 3600
    assert act.device == "garmin fr965"


def test_watch_without_a_clock_is_dated_from_its_local_time_with_a_warning():
    result = read_fit(FIT_FIXTURES / "run_forerunner70_hr_compressed_timestamps.fit")
    (act,) = result.activities
    assert act.start_utc.year == 2012
    assert any("clock not set" in w for w in result.warnings)


def test_truncated_file_keeps_complete_records_and_is_marked_partial():
    result = read_fit(FIT_FIXTURES / "corrupt_truncated_midfile_run_vivoactive4s.fit")
    (act,) = result.activities
    assert act.partial and result.decoder == "fitdecode"
    assert act.start_utc == datetime(2020, 12, 20, 10, 19, 53, tzinfo=UTC)
    assert 1800 < act.timer_s < 1900  # 1,881 complete records at 1 s
    assert act.sport == "running"


def test_bad_crc_file_is_read_in_full_with_a_warning_not_partial():
    result = read_fit(FIT_FIXTURES / "corrupt_bad_crc.fit")
    (act,) = result.activities
    assert not act.partial
    assert any("checksum" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty_zero_bytes.fit", "empty file"),
        ("notfit_macos_appledouble_resource_fork.fit", "not a FIT file"),
    ],
)
def test_unreadable_files_raise_a_plain_reason(name, reason):
    with pytest.raises(FitReadError, match=reason):
        read_fit(FIT_FIXTURES / name)


def test_sport_names_are_normalised_for_running_and_strength():
    assert normalise_sport("running", "trail") == "running"
    assert normalise_sport("running", "treadmill") == "running"
    assert normalise_sport("training", "strength_training") == "strength"
    assert normalise_sport("training", "yoga") == "training"
    assert normalise_sport("walking", "generic") == "walking"


@pytest.mark.parametrize(
    "name",
    [
        "run_forerunner965_hr_gps.fit",
        "run_trail_suunto9baro_hr_gps.fit",
        "run_fenix2_hr_records_no_session_hr.fit",
        "bike_virtual_zwift_hr.fit",
        "swim_pool_forerunner935_hr.fit",
    ],
)
def test_peak_10s_hr_matches_the_planners_rolling_rule(name):
    from importers import fit as fit_module
    from importers.fit_messages import read_fast
    from planner.heart import peak_hr_rolling

    msgs = read_fast((FIT_FIXTURES / name).read_bytes())
    s = fit_module._samples(msgs, 0.0)
    nan_none = [None if v != v else float(v) for v in s.hr]
    cad = [None if v != v else float(v) for v in s.cadence]
    expected = peak_hr_rolling(list(zip(s.t.tolist(), nan_none, cad, strict=True)))
    (act,) = read_fit(FIT_FIXTURES / name).activities
    assert act.peak_hr_10s == pytest.approx(round(expected, 1))
    assert act.peak_hr_10s <= act.max_hr


def test_cadence_locked_stretch_does_not_count_towards_the_peak():
    import numpy as np

    from importers import fit_reduce as reduce

    t = np.arange(0.0, 300.0)
    hr = np.full(300, 140.0)
    hr[100:200] = 176.0  # 100 s at exactly 2 x 88 steps: the sensor counts steps
    cadence = np.full(300, 88.0)
    s = reduce.Samples(t, hr, hr * 0, hr * 0, np.ones(300, bool), cadence)
    assert reduce.peak_hr_10s(s) == 140.0
    cadence[:] = 80.0  # no lock: the 176 stretch is real
    assert reduce.peak_hr_10s(s) == 176.0


def _monitoring_file(days: list[tuple[int, int]]) -> bytes:
    """A monitoring file as a watch writes it (encoded with fit_tool): (day, resting bpm)."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.monitoring_hr_data_message import MonitoringHrDataMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer

    builder = FitFileBuilder(auto_define=True)
    fid = FileIdMessage()
    fid.type = FileType.MONITORING_B
    fid.manufacturer = Manufacturer.GARMIN.value
    fid.product = 1
    fid.serial_number = 123
    fid.time_created = 1_700_000_000_000
    builder.add(fid)
    for day, bpm in days:
        m = MonitoringHrDataMessage()
        m.timestamp = (1_700_000_000 + 86400 * day) * 1000
        m.resting_heart_rate = bpm + 3  # the 7-day value; today's value wins
        m.current_day_resting_heart_rate = bpm
        builder.add(m)
    return builder.build().to_bytes()


def test_monitoring_files_give_daily_resting_hr_and_their_median_as_suggestion():
    data = _monitoring_file([(d, 50 + d % 3) for d in range(20)])
    for decoder in ("fitfast", "fitdecode"):
        result = read_fit(data, decoder=decoder)
        assert result.skipped == "not an activity (monitoring_b file)"
        assert len(result.profile.resting_hr_by_day) == 20
        last14 = sorted(50 + d % 3 for d in range(6, 20))
        assert result.profile.hr_rest == round((last14[6] + last14[7]) / 2)
