"""The demo partnership's agencies and what each can bring: tools and powers, data holdings.

Each agency is a dict: its key (demo.people's USERS name it), the Agency fields (and "parent", the key of
the agency it belongs to), "tools" and "holdings". A tool is (name, legal basis, what it achieves,
information needed, thresholds, time to act, 4P, threat areas); a holding is (name, category,
description, threat areas). Places are invented.
"""

from . import justice, local, national

_BY_KEY = {entry["key"]: entry for entry in (*justice.AGENCIES, *national.AGENCIES, *local.AGENCIES)}

# The order seed_demo creates them in, which fixes their ids: keep it (a department after its parent).
ORDER = (
    "police",
    "hmp_northshire",
    "hmp_eastmoor",
    "probation",
    "rocu",
    "nca",
    "dwp",
    "hmrc",
    "council",
    "housing",
    "licensing",
    "trading_standards",
    "housing_association",
    "immigration",
    "dvla",
)
AGENCIES = [_BY_KEY[key] for key in ORDER]
