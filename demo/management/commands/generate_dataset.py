"""`manage.py generate_dataset`: a synthetic register (agencies, users, protocols, nominals, OCGs,
entities) for benchmarks; the defaults build a small one in seconds, `--national` the national scale
of DESIGN.md §6. See demo/synthetic/ for what it contains."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError
from django.db.models import ProtectedError

from demo import synthetic


class Command(BaseCommand):
    help = "Build a synthetic data set for benchmarks (refuses to run twice unless --replace or --reuse)."

    def add_arguments(self, parser):
        defaults = synthetic.Sizes()
        parser.add_argument(
            "--national",
            action="store_true",
            help="Start from the national scale (1,000 agencies, 20,000 users, 300 ISPs, 100,000 nominals, "
            "10,000 OCGs, 500,000 entities); the options below still override it.",
        )
        for name, unit in (
            ("agencies", "agencies"),
            ("users", "users"),
            ("isps", "information-sharing protocols"),
            ("nominals", "nominals"),
            ("ocgs", "OCGs"),
            ("entities", "entities (addresses, vehicles, phones, businesses, accounts)"),
        ):
            parser.add_argument(f"--{name}", type=int, help=f"Number of {unit} (default {getattr(defaults, name)}).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same data.")
        existing = parser.add_mutually_exclusive_group()
        existing.add_argument("--replace", action="store_true", help="Remove a previous synthetic data set first.")
        existing.add_argument(
            "--reuse", action="store_true", help="If a synthetic data set exists already, keep it and do nothing."
        )

    def handle(self, *args, **options):
        base = synthetic.NATIONAL if options["national"] else synthetic.Sizes()
        sizes = synthetic.Sizes(
            **{
                name: options[name] if options[name] is not None else getattr(base, name)
                for name in ("agencies", "users", "isps", "nominals", "ocgs", "entities")
            }
        )
        problems = sizes.problems()
        if problems:
            raise CommandError("; ".join(problems))
        if synthetic.exists():
            if options["reuse"]:
                self.stdout.write("A synthetic data set exists already; keeping it:")
                self._summary()
                return
            if not options["replace"]:
                raise CommandError(
                    "A synthetic data set exists already (agencies named “Synthetic …”). "
                    "Use --replace to remove it and build a new one, or --reuse to keep it."
                )
            started = time.perf_counter()
            try:
                synthetic.delete_synthetic()
            except (ProtectedError, IntegrityError) as exc:
                raise CommandError(
                    f"Could not remove the previous synthetic data set: other data refers to it ({exc}). "
                    "Access log entries are append-only; use a fresh database instead."
                ) from exc
            self.stdout.write(f"Removed the previous synthetic data set in {time.perf_counter() - started:.1f} s.")
        self.stdout.write(
            f"Generating (seed {options['seed']}): {sizes.agencies} agencies, {sizes.users} users, {sizes.isps} ISPs, "
            f"{sizes.nominals} nominals, {sizes.ocgs} OCGs, {sizes.entities} entities"
        )
        started = time.perf_counter()
        try:
            written = synthetic.generate(sizes, seed=options["seed"], progress=self.stdout.write)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Rows written in {time.perf_counter() - started:.1f} s:")
        for label, rows in written.items():
            self.stdout.write(f"  {label:<45} {rows:>9,}")
        self._summary()

    def _summary(self):
        for name, count in synthetic.summary().items():
            self.stdout.write(f"  {name:<20} {count:>9,}")
