"""Syncing from a Strava-like server on 127.0.0.1 built from recorded responses."""

from __future__ import annotations

from sqlalchemy import func, select

from importers.strava_api import StravaApi
from operations import strava
from operations import strava_keychain as keychain
from store import strava as store
from store.models import Activity, ActivityAlias, HrBin
from tests.conftest import STRAVA_FIXTURES
from tests.strava.conftest import run_sync
from tests.strava.fake_strava import Fault


def _runs(db) -> list[Activity]:
    with db.session() as s:
        return list(s.scalars(select(Activity).order_by(Activity.start_utc)))


def _with_hr(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(func.distinct(HrBin.activity_id))))


def test_first_sync_brings_the_whole_history_over_several_pages(connected, fake_strava):
    report = run_sync(connected, per_page=7)

    assert report.complete and not report.failed
    assert report.pages == 5  # 30 runs, 7 a page: 4 full pages and one of 2
    assert report.activities == 30
    runs = _runs(connected)
    assert len(runs) == 30
    assert {r.external_id for r in runs} == {str(a["id"]) for a in fake_strava.activities}
    assert all(r.sport == "running" and r.source == "strava" for r in runs)
    newest = runs[-1]
    assert newest.external_id == "16181809559"
    assert newest.utc_offset_s == -4 * 3600  # New York in October
    assert (newest.timer_s, newest.elapsed_s, newest.distance_m) == (7772, 7792, 22601.3)
    assert (newest.avg_hr, newest.max_hr, newest.ascent_m) == (159.6, 174.0, 202.0)


def test_heart_rate_streams_give_every_run_an_hr_based_load(connected, fake_strava):
    report = run_sync(connected, per_page=10)

    assert report.streams_fetched == 30 and report.streams_left == 0
    assert fake_strava.stream_requests() == 30
    assert _with_hr(connected) == 30
    assert report.loads_recomputed == 30
    runs = _runs(connected)
    assert {r.load_method for r in runs} == {"hr_samples"}
    assert all(r.load and r.load > 0 for r in runs)


def test_streams_are_fetched_newest_first(connected, fake_strava):
    run_sync(connected, per_page=30)

    order = [p for p in fake_strava.calls if p.endswith("/streams")]
    ids = [int(p.split("/")[-2]) for p in order]
    starts = {a["id"]: a["start_date"] for a in fake_strava.activities}
    assert [starts[i] for i in ids] == sorted(starts.values(), reverse=True)


def test_an_incremental_sync_fetches_only_what_is_new(connected, fake_strava):
    run_sync(connected, per_page=10)
    fake_strava.calls.clear()
    fake_strava.add_run("2025-10-20T11:00:00Z", ident=900001)
    fake_strava.add_run("2025-10-21T11:00:00Z", ident=900002, has_hr=False)

    report = run_sync(connected, per_page=10)

    assert report.activities == 2 and report.complete
    assert fake_strava.stream_requests() == 1  # the new run with heart rate, nothing older
    runs = {r.external_id: r for r in _runs(connected)}
    assert len(runs) == 32
    assert runs["900001"].load_method == "hr_samples"
    assert runs["900002"].load_method not in (None, "hr_samples")  # the fallback load
    assert runs["900002"].load > 0


def test_a_429_between_pages_keeps_the_pages_before_it_and_the_next_sync_goes_on(
    connected, fake_strava
):
    api = StravaApi(fake_strava.url)
    real_page = api.activities_page
    calls = {"n": 0}

    def page(**kw):
        calls["n"] += 1
        if calls["n"] == 3:
            body = (STRAVA_FIXTURES / "dblock_error_429.json").read_text()
            fake_strava.fail("/api/v3/athlete/activities", Fault(429, body))
        return real_page(**kw)

    api.activities_page = page
    first = run_sync(connected, per_page=10, api=api)

    assert not first.complete and "resume after" in first.stopped
    assert len(_runs(connected)) == 20
    second = run_sync(connected, per_page=10)
    assert second.complete and second.activities == 10
    assert len(_runs(connected)) == 30 and _with_hr(connected) == 30


def test_a_second_sync_with_nothing_new_fetches_no_streams(connected, fake_strava):
    run_sync(connected, per_page=10)
    fake_strava.calls.clear()

    report = run_sync(connected, per_page=10)

    assert report.activities == 0 and report.complete
    assert fake_strava.stream_requests() == 0
    assert fake_strava.calls["/api/v3/athlete/activities"] == 1


def test_a_429_stops_the_sync_and_the_next_sync_resumes_without_duplicates(connected, fake_strava):
    body = (STRAVA_FIXTURES / "RECONSTRUCTED_error_429_overall_rate_limit.json").read_text()
    limited = Fault(
        429, body, headers={"X-RateLimit-Limit": "200,2000", "X-RateLimit-Usage": "201,420"}
    )
    fake_strava.fail(r"/api/v3/activities/\d+/streams", limited)

    first = run_sync(connected, per_page=10)

    assert not first.complete
    assert "too many requests" in first.stopped and "resume after" in first.stopped
    assert first.resume_at is not None
    assert first.streams_left == 30
    assert len(_runs(connected)) == 30  # the pages were committed before the streams

    second = run_sync(connected, per_page=10)

    assert second.complete and second.activities == 0
    assert second.streams_fetched == 30
    assert len(_runs(connected)) == 30 and _with_hr(connected) == 30


def test_the_budget_from_the_read_limit_headers_stops_before_strava_says_no(connected, fake_strava):
    fake_strava.read_limit = (12, 1000)  # 12 reads in this quarter hour

    report = run_sync(connected, per_page=10)

    assert not report.complete
    assert "15-minute request limit" in report.stopped
    assert 0 < report.streams_fetched < 30
    assert report.streams_left == 30 - report.streams_fetched
    assert len(_runs(connected)) == 30
    with connected.session() as s:
        saved = store.load_state(s)
    assert len(saved.pending_streams) == report.streams_left
    assert saved.resume_at == report.resume_at


def test_an_expired_access_token_is_refreshed_and_the_rotated_refresh_token_is_kept(
    connected, fake_strava
):
    before = keychain.tokens()
    fake_strava.valid_access.clear()  # Strava no longer takes the access token: 401

    report = run_sync(connected, per_page=10)

    assert report.complete and report.activities == 30
    after = keychain.tokens()
    assert after.refresh_token != before.refresh_token
    assert after.refresh_token in fake_strava.valid_refresh
    assert before.refresh_token not in fake_strava.valid_refresh


def test_a_token_about_to_expire_is_refreshed_before_the_first_request(connected, fake_strava):
    old = keychain.tokens()
    keychain.save_tokens(type(old)(old.access_token, old.refresh_token, expires_at=0))

    run_sync(connected, per_page=10)

    assert fake_strava.calls["/oauth/token"] == 2  # the connect, then one refresh
    assert keychain.tokens().expires_at > 0


def test_a_revoked_token_marks_the_connection_and_keeps_every_activity(connected, fake_strava):
    run_sync(connected, per_page=10)
    fake_strava.add_run("2025-10-20T11:00:00Z", ident=900001)
    fake_strava.valid_access.clear()
    fake_strava.refresh_revoked = True

    report = run_sync(connected, per_page=10)

    assert not report.complete and "connect again" in report.stopped
    assert strava.status(connected)["status"] == "needs reconnecting"
    assert len(_runs(connected)) == 30


def test_a_500_is_retried_and_the_sync_goes_on(connected, fake_strava):
    fake_strava.fail("/api/v3/athlete/activities", Fault(500), Fault(502))

    report = run_sync(connected, per_page=10, api=StravaApi(fake_strava.url, sleep=lambda s: None))

    assert report.complete and report.activities == 30


def test_a_server_that_keeps_failing_ends_with_a_clear_error_and_keeps_the_pages(
    connected, fake_strava
):
    api = StravaApi(fake_strava.url, sleep=lambda s: None)
    # The first two pages arrive, then the server fails three times in a row.
    real_page = api.activities_page
    calls = {"n": 0}

    def page(**kw):
        calls["n"] += 1
        if calls["n"] == 3:
            fake_strava.fail("/api/v3/athlete/activities", Fault(500), Fault(500), Fault(500))
        return real_page(**kw)

    api.activities_page = page
    report = run_sync(connected, per_page=10, api=api)

    assert not report.complete
    assert "500 Server Error" in report.stopped
    assert len(_runs(connected)) == 20
    again = run_sync(connected, per_page=10)
    assert again.complete and again.activities == 10 and len(_runs(connected)) == 30


def test_a_dropped_connection_is_retried_then_reported(connected, fake_strava):
    fake_strava.fail("/api/v3/athlete/activities", *[Fault(reset=True)] * 3)
    api = StravaApi(fake_strava.url, sleep=lambda s: None)

    report = run_sync(connected, per_page=10, api=api)

    assert not report.complete
    assert "cannot reach Strava" in report.stopped and "after 3 tries" in report.stopped
    assert report.failed and _runs(connected) == []
    assert run_sync(connected, per_page=10).activities == 30


def test_a_malformed_page_stops_with_a_reason_and_loses_nothing(connected, fake_strava):
    run_sync(connected, per_page=10)
    fake_strava.add_run("2025-10-20T11:00:00Z", ident=900001)
    fake_strava.fail("/api/v3/athlete/activities", Fault(200, "<html>maintenance</html>"))

    report = run_sync(connected, per_page=10)

    assert not report.complete and "not JSON" in report.stopped
    assert len(_runs(connected)) == 30
    assert run_sync(connected, per_page=10).activities == 1


def test_an_odd_field_costs_that_field_never_the_page(connected, fake_strava):
    odd = fake_strava.activities[3]
    odd.update(suffer_score=57.5, moving_time=1234.5, average_heartrate="n/a", kudos_count=1.5)
    fake_strava.activities[5]["start_date"] = "yesterday"  # cannot be placed in time

    report = run_sync(connected, per_page=30)

    assert report.activities == 29
    assert [p.path for p in report.failed] == [f"Strava activity {fake_strava.activities[5]['id']}"]
    with connected.session() as s:
        row = s.scalar(select(Activity).where(Activity.external_id == str(odd["id"])))
    assert row.timer_s == 1234.5 and row.avg_hr is None


def test_the_same_run_from_a_watch_file_and_from_strava_is_one_activity(
    connected, fake_strava, copy_fit
):
    from operations.imports import drive, import_paths

    drive(import_paths(connected, paths=[copy_fit]))
    with connected.session() as s:
        watch = s.scalar(select(Activity))
    start = watch.start_utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    fake_strava.activities = fake_strava.activities[:1]
    fake_strava.activities[0].update(
        id=777, start_date=start, moving_time=watch.timer_s, distance=watch.distance_m
    )

    report = run_sync(connected, per_page=10)

    assert report.activities == 0 and len(report.duplicates) == 1
    assert fake_strava.stream_requests() == 0  # the watch file already has the heart rate
    with connected.session() as s:
        assert s.scalar(select(func.count(Activity.id))) == 1
        alias = s.scalar(select(ActivityAlias).where(ActivityAlias.external_id == "777"))
    assert alias.activity_id == watch.id
