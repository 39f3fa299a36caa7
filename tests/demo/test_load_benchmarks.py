"""The throughput benchmarks (issue 14): `bench_http` (gunicorn with the production settings, driven by
ApacheBench) and `bench_access_log` ("who read item X"), at a tiny size on PostgreSQL, their refusal of
other databases, and the phase clock that splits a request's server time."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

import access.engine
import audit.services
from benchmarks.http import LoadBenchmark
from benchmarks.phases import LOG, OTHER, OUTPUT, SQL, PhaseClock
from nominals.models import Nominal
from ocgshare.models import AccessLogEntry, AccessLogResult
from tests.factories import UserFactory
from tests.nominals.factories import NominalFactory

from .test_generate_dataset import generate, postgresql_only

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor == "postgresql", reason="checks the refusal on other databases")
@pytest.mark.parametrize("command", ["bench_http", "bench_access_log"])
def test_refuse_other_databases_than_postgresql(command):
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command(command, stdout=StringIO())


def test_the_phase_clock_splits_a_request_and_puts_back_what_it_wrapped():
    user = UserFactory(roles=["analyst"])
    NominalFactory.create_batch(3, owning_agency=user.agency)
    originals = (access.engine.conditions_for, audit.services.log_access)
    client = Client()
    client.force_login(user)
    clock = PhaseClock()
    with override_settings(DEBUG=False), clock.running():
        response = client.get("/api/nominals/", secure=True)
    assert response.status_code == 200 and len(response.json()["results"]) == Nominal.objects.count()
    split = clock.per_request(1)
    for phase in (SQL, OUTPUT, LOG, OTHER):
        assert split[phase] > 0, phase
    assert (access.engine.conditions_for, audit.services.log_access) == originals


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bench_http_serves_the_data_set_with_gunicorn_and_measures_every_surface():
    # CI installs ApacheBench (.ci/run); a machine without it is told how to get it.
    assert shutil.which("ab"), "ApacheBench is not installed: apt-get install apache2-utils"
    generate()
    out = []
    benchmark = LoadBenchmark(requests=12, concurrency=2, workers=1, threads=None, split_requests=2, out=out.append)

    benchmark.run()

    assert [result.surface.name for result in benchmark.results] == [
        "floor: /api/me/",
        "API list (50 rows)",
        "list page (25 rows)",
        "API search",
        "nominal detail (API)",
    ]
    for result in benchmark.results:
        assert result.requests == 12 and result.errors == 0 and result.per_second > 0, result
        assert result.server_cpu_ms > 0 and result.ratio > 0, result
    assert any("Server time per request by phase" in line for line in out)
    # The server logged its reads, as it logs any.
    assert AccessLogEntry.objects.filter(surface="api", action="list").exists()


@postgresql_only
def test_bench_access_log_fills_the_log_and_times_who_read_an_item():
    generate()
    # The tiny data set may have no auditor in an agency owning nominals; the national one has hundreds.
    owner = Nominal.objects.order_by("pk").first().owning_agency
    UserFactory(agency=owner, roles=["auditor"])
    out = StringIO()

    call_command("bench_access_log", rows=2000, requests=3, stdout=out)

    assert AccessLogResult.objects.count() >= 2000
    assert '"Who read item X"' in out.getvalue()
    assert "first page (25)" in out.getvalue()
