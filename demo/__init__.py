"""Demo and synthetic data, kept apart from the domain apps: the fictional Northshire partnership that
`manage.py seed_demo` loads (agencies, people, protocols, register) and the synthetic register at any scale
that `manage.py generate_dataset` builds for the benchmarks. It depends on the domain apps and writes
through their services where it can; no domain app imports it."""
