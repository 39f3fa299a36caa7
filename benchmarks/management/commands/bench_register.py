"""`manage.py bench_register`: the register benchmark on PostgreSQL (benchmarks/register.py).
Run `manage.py generate_dataset --national` in the same database first."""

from django.core.management.base import BaseCommand, CommandError

from benchmarks.figures import BenchmarkError, Refused
from benchmarks.register import Benchmark

VIEWERS = ("partner", "narrow", "police")


class Command(BaseCommand):
    help = "Measure server-side time per request of the register's pages and API on PostgreSQL."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=200, help="Timed requests per figure (default 200).")
        parser.add_argument("--warmup", type=int, default=20, help="Untimed requests first (default 20).")
        parser.add_argument(
            "--viewers",
            default=",".join(VIEWERS),
            help="Comma-separated, from: partner (the partner user seeing most), narrow (the partner user "
            "seeing fewest), police (a police analyst). Default: all three.",
        )

    def handle(self, *args, **options):
        viewers = [name.strip() for name in options["viewers"].split(",") if name.strip()]
        unknown = set(viewers) - set(VIEWERS)
        if unknown or not viewers:
            raise CommandError(f"--viewers takes names from {', '.join(VIEWERS)}")
        if options["requests"] < 1 or options["warmup"] < 0:
            raise CommandError("--requests must be at least 1 and --warmup at least 0")
        benchmark = Benchmark(
            requests=options["requests"], warmup=options["warmup"], viewers=viewers, out=self.stdout.write
        )
        try:
            benchmark.run()
        except Refused as exc:
            raise CommandError(str(exc)) from exc
        except BenchmarkError as exc:
            raise CommandError(f"Benchmark failed: {exc}") from exc
        missed = [t for t in benchmark.timings if t.verdict == "MISSED"] + [
            r for r in benchmark.ratios if r.verdict == "MISSED"
        ]
        if missed:
            self.stdout.write(f"\nMISSED: {len(missed)} target(s) — see the rows marked MISSED above.")
        else:
            self.stdout.write("\nEvery target met.")
