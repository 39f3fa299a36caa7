"""Where a request's server time goes, by phase: the access engine building its conditions and Django
compiling the queries, SQL, serialization and rendering, the access-log write, and the rest.

`PhaseClock` wraps a few well-known functions for the duration of a `with` block. Phases nest: time is
counted to the innermost phase running (the SQL a serializer causes is SQL), except that the log write
keeps everything beneath it (its compiling and SQL are the log's cost). What no phase claims is "other":
URL routing, middleware, authentication, the ORM turning rows into objects, the view's own code.

Used in-process by `bench_http` (benchmarks.http) on the requests it also measures over HTTP: wrapping
costs a few microseconds a call, so the split is close to, not exactly, what the web server spends.
"""

import functools
import time
from contextlib import contextmanager

from django.db.backends.utils import CursorWrapper
from django.db.models.sql.compiler import SQLCompiler
from django.template.backends.django import Template
from rest_framework.renderers import JSONRenderer
from rest_framework.serializers import ListSerializer, Serializer

import access.engine
import audit.services
import ocgshare.renderers

ENGINE = "engine build and query compile"
SQL = "SQL (waiting on the database)"
OUTPUT = "serialization or rendering"
LOG = "access-log write"
OTHER = "other (routing, middleware, auth, ORM rows, view)"
PHASES = (ENGINE, SQL, OUTPUT, LOG, OTHER)


def _wrapped_points():
    """(owner, attribute, phase) of every function the clock wraps."""
    points = [
        (access.engine, "conditions_for", ENGINE),
        (SQLCompiler, "as_sql", ENGINE),
        (CursorWrapper, "execute", SQL),
        (CursorWrapper, "executemany", SQL),
        (Serializer, "to_representation", OUTPUT),
        (ListSerializer, "to_representation", OUTPUT),
        (JSONRenderer, "render", OUTPUT),
        (ocgshare.renderers.JSONRenderer, "render", OUTPUT),
        (Template, "render", OUTPUT),
        (audit.services, "log_access", LOG),
    ]
    return points


class PhaseClock:
    """Milliseconds spent in each phase while `running()`; `per_request(n)` divides them by n."""

    def __init__(self):
        self.totals = dict.fromkeys(PHASES, 0.0)
        self._stack = []
        self._since = None

    def _switch(self, phase):
        now = time.perf_counter()
        if self._stack:
            self.totals[self._stack[-1]] += now - self._since
        self._since = now
        if phase is None:
            self._stack.pop()
        else:
            self._stack.append(phase)

    def _wrap(self, function, phase):
        clock = self

        @functools.wraps(function)
        def timed(*args, **kwargs):
            # The log write keeps what runs beneath it.
            if clock._stack and clock._stack[-1] == LOG:
                return function(*args, **kwargs)
            clock._switch(phase)
            try:
                return function(*args, **kwargs)
            finally:
                clock._switch(None)

        return timed

    @contextmanager
    def running(self):
        originals = []
        try:
            for owner, name, phase in _wrapped_points():
                original = getattr(owner, name)
                originals.append((owner, name, original))
                setattr(owner, name, self._wrap(original, phase))
            self._stack = [OTHER]
            self._since = time.perf_counter()
            yield self
            self._switch(None)
        finally:
            for owner, name, original in reversed(originals):
                setattr(owner, name, original)

    def per_request(self, requests):
        return {phase: seconds * 1000 / requests for phase, seconds in self.totals.items()}
