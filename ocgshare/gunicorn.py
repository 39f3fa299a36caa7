"""gunicorn's settings for OCG Share, read from the environment like the app's own:

    gunicorn -c python:ocgshare.gunicorn ocgshare.wsgi

The Dockerfile and docker-compose.yml start the web process this way. Each web process holds at most
DATABASE_POOL_MAX_SIZE database connections (ocgshare/settings.py), so a host serves at most
WEB_CONCURRENCY x DATABASE_POOL_MAX_SIZE per web container; with WEB_THREADS above the pool's size, the
extra threads wait for a connection.
"""

import os

# The defaults, in one place: they are to be tuned by measurement.
WORKERS = 3  # processes
THREADS = 1  # per process; more than one means the gthread worker
KEEPALIVE_SECONDS = 5
TIMEOUT_SECONDS = 30
PORT = 8000


def _int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


workers = _int("WEB_CONCURRENCY", WORKERS)
threads = _int("WEB_THREADS", THREADS)
# gunicorn's sync worker handles one request at a time and ignores `threads`; say which one runs.
worker_class = "gthread" if threads > 1 else "sync"
# Seconds an idle client connection is kept open for its next request. Only the gthread worker keeps
# connections alive: the sync worker closes each one after its answer.
keepalive = _int("WEB_KEEPALIVE", KEEPALIVE_SECONDS)
# Seconds a worker may be silent (busy with one request) before the arbiter kills and replaces it.
timeout = _int("WEB_TIMEOUT", TIMEOUT_SECONDS)
bind = [os.environ.get("WEB_BIND") or f"0.0.0.0:{_int('PORT', PORT)}"]
accesslog = "-"  # standard output
# The proxies whose X-Forwarded-Proto is believed (gunicorn sets the request's scheme from it); nobody
# else can claim HTTPS. gunicorn's own default: this host only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or "127.0.0.1,::1"
