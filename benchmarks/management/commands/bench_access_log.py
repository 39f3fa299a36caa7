"""`manage.py bench_access_log`: "who read item X" over ten million logged item reads, on PostgreSQL
(benchmarks/access_log.py). Run `manage.py generate_dataset --national` in the same database first."""

from django.core.management.base import BaseCommand, CommandError

from benchmarks import access_log
from benchmarks.figures import BenchmarkError, Refused


class Command(BaseCommand):
    help = 'Fill the access log to --rows item reads (kept for later runs) and time "who read item X".'

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000_000, help="Item reads in the log (10,000,000).")
        parser.add_argument("--requests", type=int, default=50, help="Items asked about (default 50).")

    def handle(self, *args, **options):
        if options["rows"] < 1 or options["requests"] < 1:
            raise CommandError("--rows and --requests must be at least 1")
        try:
            missed = access_log.run(rows=options["rows"], requests=options["requests"], out=self.stdout.write)
        except Refused as exc:
            raise CommandError(str(exc)) from exc
        except BenchmarkError as exc:
            raise CommandError(f"Benchmark failed: {exc}") from exc
        self.stdout.write(f"\nMISSED: {missed} target(s)." if missed else "\nEvery target met.")
