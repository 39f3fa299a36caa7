"""Celery beat with a heartbeat, so that its container healthcheck can tell a stuck beat from a
running one: `celery -A ocgshare beat --scheduler ocgshare.beat:HeartbeatScheduler` touches
var/celerybeat-heartbeat after every tick, and `python -m ocgshare.beat --check` fails when the file
is missing or older than a few ticks.
"""

import sys
import time
from pathlib import Path

from celery.beat import PersistentScheduler

HEARTBEAT_FILE = Path(__file__).resolve().parent.parent / "var" / "celerybeat-heartbeat"
TICK_SECONDS = 60
STALE_AFTER_SECONDS = 3 * TICK_SECONDS


class HeartbeatScheduler(PersistentScheduler):
    # Beat sleeps until the next entry is due, up to this long; capped so that the heartbeat is fresh
    # whatever the schedule holds.
    max_interval = TICK_SECONDS
    heartbeat_file = HEARTBEAT_FILE

    def tick(self, *args, **kwargs):
        interval = super().tick(*args, **kwargs)
        self.heartbeat_file.touch()
        return interval


def heartbeat_is_fresh(path=HEARTBEAT_FILE, now=None):
    try:
        age = (time.time() if now is None else now) - Path(path).stat().st_mtime
    except FileNotFoundError:
        return False
    return age <= STALE_AFTER_SECONDS


if __name__ == "__main__" and sys.argv[1:2] == ["--check"]:
    # `python -m ocgshare.beat --check [heartbeat file]`: exit 0 while beat is ticking.
    sys.exit(0 if heartbeat_is_fresh(*sys.argv[2:3]) else 1)
