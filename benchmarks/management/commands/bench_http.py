"""`manage.py bench_http`: the load benchmark over HTTP on PostgreSQL (benchmarks/http.py). Run
`manage.py generate_dataset --national` in the same database first; needs ApacheBench (`ab`)."""

from django.core.management.base import BaseCommand, CommandError

from benchmarks.figures import BenchmarkError, Refused
from benchmarks.http import LoadBenchmark


class Command(BaseCommand):
    help = "Measure the register over HTTP: gunicorn with the production settings, driven by ApacheBench."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=1500, help="Requests per surface (default 1,500).")
        parser.add_argument("--concurrency", type=int, default=6, help="Requests at once (default 6).")
        parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: as deployed).")
        parser.add_argument("--threads", type=int, default=None, help="Threads per worker (default: as deployed).")
        parser.add_argument(
            "--split-requests", type=int, default=100, help="Requests per surface for the split by phase (100)."
        )

    def handle(self, *args, **options):
        if options["requests"] < options["concurrency"] or options["concurrency"] < 1:
            raise CommandError("--requests must be at least --concurrency, and --concurrency at least 1")
        if options["split_requests"] < 1:
            raise CommandError("--split-requests must be at least 1")
        benchmark = LoadBenchmark(
            requests=options["requests"],
            concurrency=options["concurrency"],
            workers=options["workers"],
            threads=options["threads"],
            split_requests=options["split_requests"],
            out=self.stdout.write,
        )
        try:
            benchmark.run()
        except Refused as exc:
            raise CommandError(str(exc)) from exc
        except BenchmarkError as exc:
            raise CommandError(f"Benchmark failed: {exc}") from exc
        missed = [result for result in benchmark.results if result.verdict == "MISSED"]
        if missed:
            self.stdout.write(f"\nMISSED: {len(missed)} target(s) — see the rows marked MISSED above.")
        else:
            self.stdout.write("\nEvery target met.")
