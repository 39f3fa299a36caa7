"""Measuring instruments: timing requests through Django's test client and SQL statements on the
connection, counting the rows statements write, timing each query of a request, and checking how fast
the machine is at the moment."""

import math
import os
import re
import time

from django.db import connection
from django.test import Client

from .figures import BenchmarkError

WRITE_RE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def get_ok(client, path):
    response = client.get(path, secure=True)
    if response.status_code != 200:
        raise BenchmarkError(f"GET {path} answered {response.status_code}: {response.content[:300]!r}")
    return response


def time_requests(client, paths, *, requests, warmup):
    """Milliseconds per request, cycling through `paths`, after `warmup` untimed requests."""
    for i in range(warmup):
        get_ok(client, paths[i % len(paths)])
    samples = []
    for i in range(requests):
        path = paths[i % len(paths)]
        started = time.perf_counter()
        response = client.get(path, secure=True)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise BenchmarkError(f"GET {path} answered {response.status_code}")
    return samples


def time_sql(sql, params, *, requests, warmup):
    with connection.cursor() as cursor:
        for _ in range(warmup):
            cursor.execute(sql, params)
            cursor.fetchall()
        samples = []
        for _ in range(requests):
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            samples.append((time.perf_counter() - started) * 1000)
    return samples


class WriteCounter:
    """A connection.execute_wrapper counting statements and rows of INSERT, UPDATE and DELETE."""

    def __init__(self):
        self.rows = {}
        self.statements = 0

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        match = WRITE_RE.match(sql)
        if match:
            table = re.search(r'(?:INTO|UPDATE|FROM)\s+"?(\w+)"?', sql, re.IGNORECASE)
            key = f"{match.group(1).upper()} {table.group(1) if table else '?'}"
            self.rows[key] = self.rows.get(key, 0) + max(context["cursor"].rowcount, 0)
            self.statements += 1
        return result

    @property
    def total(self):
        return sum(self.rows.values())


class QueryTimer:
    """A connection.execute_wrapper timing each statement: [(sql, params, milliseconds)]."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((sql, None if many else params, (time.perf_counter() - started) * 1000))

    @property
    def total(self):
        return sum(ms for _, _, ms in self.queries)


def cpu_check():
    """Milliseconds for a fixed pure-Python workload, the best of five: how fast this machine is now. On a
    shared virtual machine the same code measures up to twice as slow when neighbours are busy (load
    average does not show it), so the figures of two runs compare only at similar checks."""
    best = math.inf
    for _ in range(5):
        started = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i * i
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def load_average():
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())
