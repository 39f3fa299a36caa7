"""The benchmark's figures and targets (DESIGN.md §4.2): timings with their percentiles and verdicts,
ratios of medians, and the errors that make figures meaningless."""

import math
import statistics
from dataclasses import dataclass, field

LIST_P95_MS = 50  # for a partner user
PARTNER_VIEWERS = ("partner", "narrow")
SEARCH_P95_MS = 150
RATIO_TARGET = 1.5
SUSPENSION_ROWS_TARGET = 100
API_PAGE_SIZE = 50


class BenchmarkError(Exception):
    """Something that makes the figures meaningless: a failed request, rows that differ."""


class Refused(Exception):
    """The benchmark cannot run here (not PostgreSQL, no synthetic data)."""


# --- figures -------------------------------------------------------------------------------------------


def percentile(samples, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass
class Timing:
    name: str
    viewer: str
    samples: list = field(default_factory=list)
    target_p95: float | None = None

    @property
    def median(self):
        return statistics.median(self.samples)

    @property
    def p95(self):
        return percentile(self.samples, 0.95)

    @property
    def max(self):
        return max(self.samples)

    @property
    def verdict(self):
        if self.target_p95 is None:
            return ""
        return "ok" if self.p95 <= self.target_p95 else "MISSED"


@dataclass
class Ratio:
    name: str
    viewer: str
    measured: Timing
    floor: Timing
    target: float = RATIO_TARGET

    @property
    def value(self):
        return self.measured.median / self.floor.median

    @property
    def verdict(self):
        return "ok" if self.value <= self.target else "MISSED"
