"""Redis for the tests that need a real one (a Celery worker, the broker checks of /healthz).

Where Redis is provided — CI (`CI` set, as .ci/run is run), or wherever REDIS_URL or TEST_REDIS_URL is
given — a Redis that does not answer fails those tests: a broken service must not turn into a green run
that never ran them. Elsewhere (a laptop without Redis) they are skipped, saying why.
"""

import os

import pytest
import redis


def redis_is_provided():
    ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return ci or bool(os.environ.get("REDIS_URL") or os.environ.get("TEST_REDIS_URL"))


def require_redis(url):
    """Return if Redis answers at `url`; otherwise fail the test where Redis is provided, else skip it."""
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        if redis_is_provided():
            pytest.fail(f"Redis is not reachable at {url}, and CI, REDIS_URL or TEST_REDIS_URL says it is: {error}")
        pytest.skip(f"Redis is not reachable at {url} (set CI, REDIS_URL or TEST_REDIS_URL to make this a failure)")
    finally:
        client.close()
