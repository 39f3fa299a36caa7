"""The generator's run: one transaction writing a synthetic data set step by step, in a fixed order that
draws from one random generator, so the same seed gives the same data. The steps live with the kind of
record they write (demo.synthetic.agencies, .protocols, .nominals, .network); large tables are written with
COPY on PostgreSQL and with bulk_create elsewhere (demo.synthetic.rows), and primary keys are assigned here
so rows can refer to each other before they are written."""

import datetime
import random
import time

from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from nominals.models import OCG, CustodyEpisode, Entity, Nominal
from ocgshare.sharing import bump_sharing_version

from .agencies import AgencyRows
from .network import NetworkRows
from .nominals import NominalRows
from .protocols import ProtocolRows
from .rows import RowWriter


def generate(sizes, *, seed=1, progress=None):
    """Create a synthetic data set of `sizes` in one transaction; returns {model label: rows written}."""
    problems = sizes.problems()
    if problems:
        raise ValueError("; ".join(problems))
    generator = Generator(sizes, seed, progress or (lambda message: None))
    with transaction.atomic():
        generator.run()
    if connection.vendor == "postgresql":
        # Fresh statistics, so the planner (and the benchmark) sees the tables as they now are; and, out of
        # a transaction, the visibility map autovacuum would set in production, which index-only scans
        # need (where autovacuum is off, as on some CI machines, nothing else would set it).
        generator.step("vacuum and analyse", lambda: _analyse(generator.writer.tables))
    return dict(sorted(generator.writer.written.items()))


def _analyse(tables):
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"  # VACUUM needs no transaction
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")


class Generator(AgencyRows, ProtocolRows, NominalRows, NetworkRows):
    """Holds what the steps share: the sizes, the random generator, the row writer and today's date, and
    what each step leaves for the next (the agencies and their users, the nominals and their regions...)."""

    def __init__(self, sizes, seed, progress):
        self.sizes = sizes
        self.rng = random.Random(seed)
        self.progress = progress
        self.writer = RowWriter()
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)

    # helpers --------------------------------------------------------------------------------------

    def step(self, name, function):
        started = time.perf_counter()
        function()
        self.progress(f"  {name:<24} {time.perf_counter() - started:6.1f} s")

    def days_ago(self, low, high):
        return self.today - datetime.timedelta(days=self.rng.randint(low, high))

    def moment_ago(self, max_days):
        return self.now - datetime.timedelta(seconds=self.rng.randint(0, max_days * 86400))

    def run(self):
        self.step("agencies", self.make_agencies)
        self.step("users", self.make_users)
        self.step("protocols", self.make_protocols)
        self.step("nominals", self.make_nominals)
        self.step("custody and supervision", self.make_custody)
        self.step("OCGs and memberships", self.make_ocgs)
        self.step("entities and links", self.make_entities)
        self.step("associations", self.make_associations)
        self.step("need-to-know grants", self.make_grants)
        self.writer.reset_sequences([User, Nominal, CustodyEpisode, OCG, Entity])
        # COPY and bulk_create send no signals: tell every process's access engine that routes changed.
        bump_sharing_version()
