"""Celery beat's healthcheck: the scheduler touches a heartbeat file on every tick, and the check fails
once the file is older than a few ticks (beat stuck or gone)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ocgshare import beat
from ocgshare.celery import app

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_every_tick_touches_the_heartbeat(tmp_path):
    scheduler = beat.HeartbeatScheduler(app=app, schedule_filename=str(tmp_path / "schedule"))
    scheduler.heartbeat_file = tmp_path / "heartbeat"
    try:
        interval = scheduler.tick()
    finally:
        scheduler.close()

    assert beat.heartbeat_is_fresh(tmp_path / "heartbeat")
    # Beat wakes at least once a tick, whatever the schedule, so the heartbeat cannot go stale while it runs.
    assert interval <= beat.TICK_SECONDS
    assert scheduler.max_interval == beat.TICK_SECONDS


def test_a_stale_or_missing_heartbeat_is_unhealthy(tmp_path):
    heartbeat = tmp_path / "heartbeat"
    assert not beat.heartbeat_is_fresh(heartbeat)

    heartbeat.touch()
    assert beat.heartbeat_is_fresh(heartbeat)
    assert not beat.heartbeat_is_fresh(heartbeat, now=time.time() + beat.STALE_AFTER_SECONDS + 1)


def test_the_check_command_exits_non_zero_when_stale(tmp_path):
    heartbeat = tmp_path / "heartbeat"

    def check():
        return subprocess.run(  # noqa: S603 - our own module
            [sys.executable, "-m", "ocgshare.beat", "--check", str(heartbeat)], cwd=ROOT, timeout=60, check=False
        ).returncode

    assert check() == 1
    heartbeat.touch()
    old = time.time() - beat.STALE_AFTER_SECONDS - 60
    os.utime(heartbeat, (old, old))
    assert check() == 1
    heartbeat.touch()
    assert check() == 0
