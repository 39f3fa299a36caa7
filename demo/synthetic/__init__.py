"""Synthetic register data at any scale, for benchmarks (`manage.py generate_dataset`).

Builds agencies in the national mix (police forces, prisons, probation regions, ROCUs and partners),
users with roles, vetting and their agency groups, information-sharing protocols with parties and
categories — active ones holding exactly the grant rows protocols.services gives an active protocol —
and the register: nominals with aliases, identifiers, custody episodes and transfers, supervision and
orders; OCGs with members; entities with links; associations; a few need-to-know grants.

Everything it creates hangs off agencies whose names start with MARKER, so it can be found, counted
and removed without touching anything else (seed_demo's data in particular). The same seed gives the
same data (dates are counted back from the day it runs).

The modules: shape (markers, sizes, the national mix), names (words records are made of), rows (drawing
and writing rows), generator (the run, step by step) with one module per kind of record it writes
(agencies, protocols, nominals, network), and dataset (finding, counting and removing a data set). What
the commands and the benchmark use is gathered here.
"""

from .dataset import delete_synthetic, exists, summary, synthetic_agencies
from .generator import generate
from .shape import LAW_ENFORCEMENT_KINDS, MARKER, NATIONAL, PROTOCOL_PREFIX, Sizes

__all__ = [
    "LAW_ENFORCEMENT_KINDS",
    "MARKER",
    "NATIONAL",
    "PROTOCOL_PREFIX",
    "Sizes",
    "delete_synthetic",
    "exists",
    "generate",
    "summary",
    "synthetic_agencies",
]
