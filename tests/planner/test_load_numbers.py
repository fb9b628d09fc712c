"""Load numbers against the hand-computed examples of DOMAIN.md §2."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner import defaults as D
from planner.heart import HeartRates, estimate_heart_rates, histogram_peak, peak_hr_rolling
from planner.load import (
    Calibration,
    activity_load,
    edwards_trimp,
    pace_rtss,
    trimp_from_average,
    trimp_from_histogram,
)
from planner.model import Activity, Profile, Sex, VolumeLevel
from planner.series import ewma, monotony, strain
from planner.volume import week_facts

HR = HeartRates(hr_max=190, hr_rest=50, max_source="entered", rest_source="entered")


def test_steady_hour_at_150_scores_108_for_a_man():
    assert trimp_from_histogram([(150, 3600.0)], HR, Sex.MALE) == pytest.approx(108.1, abs=0.1)


def test_half_easy_half_hard_hour_scores_118_because_the_curve_is_convex():
    mixed = trimp_from_histogram([(130, 1800.0), (170, 1800.0)], HR, Sex.MALE)
    assert mixed == pytest.approx(118.2, abs=0.1)
    assert trimp_from_average(60, 150, HR, Sex.MALE) < mixed


def test_steady_hour_scores_121_for_a_woman():
    assert trimp_from_histogram([(150, 3600.0)], HR, Sex.FEMALE) == pytest.approx(121.5, abs=0.1)


def test_unknown_sex_scores_between_the_two_curves():
    value = trimp_from_histogram([(150, 3600.0)], HR, Sex.UNKNOWN)
    assert value == pytest.approx((108.07 + 121.46) / 2, abs=0.1)


def test_resting_hr_of_60_lowers_the_steady_hour_to_100():
    hr = HeartRates(190, 60, "entered", "entered")
    assert trimp_from_histogram([(150, 3600.0)], hr, Sex.MALE) == pytest.approx(100.4, abs=0.1)


def test_samples_outside_30_to_240_bpm_add_nothing():
    assert trimp_from_histogram([(25, 600.0), (250, 600.0)], HR, Sex.MALE) == 0.0


def test_edwards_scores_both_example_sessions_180():
    # 60 min at 150 (79 % HRmax, zone 3) and 30 min at 130 (68 %, zone 2) + 30 at 170 (89 %, zone 4)
    assert edwards_trimp([0, 0, 3600, 0, 0]) == pytest.approx(180)
    assert edwards_trimp([0, 1800, 0, 1800, 0]) == pytest.approx(180)


def test_ten_km_in_55_minutes_at_threshold_4_50_is_118_trimp_equivalent():
    threshold = 1000 / 290.0
    rtss = pace_rtss(10_000, 55 * 60, threshold)
    assert rtss == pytest.approx(70.8, abs=0.1)
    run = Activity(1, datetime(2026, 1, 5, 7), "running", None, 55 * 60, 10_000)
    cal = Calibration(D.K_PACE_DEFAULT["male"], D.C_RPE_DEFAULT, threshold)
    fig = activity_load(run, HR, Sex.MALE, cal)
    assert (fig.method, fig.confidence) == ("pace", "medium")
    assert fig.value == pytest.approx(118, abs=0.5)


def test_strength_uses_session_rpe_even_with_heart_rate():
    lift = Activity(
        1, datetime(2026, 1, 5, 18), "strength", None, 45 * 60, rpe=6, hr_histogram=((120, 2700),)
    )
    fig = activity_load(lift, HR, Sex.MALE, Calibration(1.67, 0.5))
    assert fig.value == pytest.approx(135)
    assert (fig.method, fig.confidence) == ("session_rpe", "low")


def test_run_without_hr_pace_or_rpe_falls_back_to_duration_with_low_confidence():
    run = Activity(1, datetime(2026, 1, 5, 7), "running", None, 3600)
    fig = activity_load(run, HR, Sex.MALE, Calibration(1.67, 0.5))
    assert (fig.method, fig.confidence) == ("duration", "low")
    assert fig.value == pytest.approx(60 * 0.65 * 0.64 * 2.718281828 ** (1.92 * 0.65), rel=1e-6)


def test_ewma_constants_match_the_exact_daily_decay():
    assert D.ewma_k(42) == pytest.approx(0.02353, abs=1e-5)
    assert D.ewma_k(7) == pytest.approx(0.13312, abs=1e-5)


def test_one_day_of_120_moves_ctl_60_atl_70_to_61_4_and_76_7():
    # Seed the EWMA at CTL 60 / ATL 70 by starting the series from those values.
    k42, k7 = D.ewma_k(42), D.ewma_k(7)
    ctl = 60 + k42 * (120 - 60)
    atl = 70 + k7 * (120 - 70)
    assert (round(ctl, 1), round(atl, 1)) == (61.4, 76.7)
    assert round(ctl - atl, 1) == -15.2
    assert round((ctl - atl) / ctl * 100) == -25


def test_ewma_of_constant_load_approaches_the_load():
    values = ewma([100.0] * 400, 42)
    assert values[0] == pytest.approx(100 * D.ewma_k(42))
    assert values[-1] == pytest.approx(100, abs=0.01)


def test_monotony_and_strain_of_the_example_week():
    week = [0, 108, 60, 140, 0, 87, 180]
    assert sum(week) == 575
    assert monotony(week) == pytest.approx(1.21, abs=0.005)
    assert strain(week) == pytest.approx(696, abs=1)


def test_monotony_is_capped_when_every_day_is_equal_and_none_without_load():
    assert monotony([50] * 7) == D.MONOTONY_CAP
    assert monotony([0] * 7) is None


def test_volume_example_recent_135_against_typical_270_is_low():
    first = date(2025, 6, 2)
    minutes = {}
    w = first
    while w < date(2025, 12, 8):
        minutes[w] = (270.0, 4)
        w = w.fromordinal(w.toordinal() + 7)
    for m, value in zip(
        [date(2025, 12, 8), date(2025, 12, 15), date(2025, 12, 22), date(2025, 12, 29)],
        [130, 140, 120, 150],
        strict=True,
    ):
        minutes[m] = (float(value), 3)
    facts = week_facts(minutes, date(2026, 1, 5), first, VolumeLevel.NORMAL, None)
    assert facts.recent_min == 135
    assert facts.typical_min == 270
    assert facts.ratio == pytest.approx(0.5)
    assert facts.level is VolumeLevel.LOW


def test_tanaka_gives_182_at_age_37_and_wins_over_a_lower_observation():
    profile = Profile(sex=Sex.MALE, birth_year=1989)
    run = Activity(1, datetime(2026, 5, 1, 7), "running", None, 3600, hr_histogram=((170, 3600.0),))
    hr = estimate_heart_rates(profile, [run], date(2026, 6, 1))
    assert hr.hr_max == pytest.approx(208 - 0.7 * 37)
    assert hr.max_source == "observed_or_age"
    assert (hr.hr_rest, hr.rest_source) == (60, "default")


def test_a_single_sample_spike_does_not_set_hr_max():
    hist = ((150, 3000.0), (176, 12.0), (231, 1.0))
    assert histogram_peak(hist) == 176


def test_observed_max_far_above_tanaka_is_held_for_confirmation():
    profile = Profile(birth_year=1966)  # Tanaka 166 at 60
    run = Activity(
        1, datetime(2026, 5, 1, 7), "running", None, 3600, hr_histogram=((150, 3000), (200, 600))
    )
    hr = estimate_heart_rates(profile, [run], date(2026, 6, 1))
    assert hr.suspect_max == 200
    assert hr.hr_max == pytest.approx(166)


def test_cadence_lock_is_removed_before_the_rolling_peak():
    # 90 s locked to 2 x 85 = 170 spm at HR 170, then a real 10-s effort at 165.
    locked = [(float(t), 170.0, 85.0) for t in range(0, 91)]
    real = [(float(t), 165.0, 80.0) for t in range(91, 111)]
    assert peak_hr_rolling(locked + real) == pytest.approx(165)
    assert peak_hr_rolling(real) == pytest.approx(165)


def test_the_seven_day_ratio_bands_are_domain_2_7():
    """Labels below usual / usual / well above / far above at 0.8 / 1.3 / 1.5 (display only)."""
    from planner.series import acwr_band

    ratios = (0.5, 0.79, 0.8, 1.0, 1.3, 1.31, 1.5, 1.51, 3.0)
    assert [acwr_band(r) for r in ratios] == [
        "below",
        "below",
        "usual",
        "usual",
        "usual",
        "well_above",
        "well_above",
        "far_above",
        "far_above",
    ]
