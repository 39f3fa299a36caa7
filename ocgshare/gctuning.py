"""Garbage-collector settings for long-running processes that serve requests (ocgshare.wsgi, and the
register benchmark, which measures requests as those processes serve them).

A register request allocates tens of thousands of short-lived objects (querysets, serializer fields,
template nodes). With CPython's default thresholds the collector runs many times per request, and every
few requests a full collection walks every object the process holds — Django, the URLconf, the compiled
templates — which the register benchmark measured as most of the p95 tail (README, "Benchmarks").
Freezing what is loaded at start-up takes those objects out of every later collection, and a larger
first-generation threshold makes collections rarer; reference counting still frees almost everything a
request allocates as soon as it is done with it.

The threshold counts allocations net of deallocations, and a list request holds tens of thousands of
objects at its peak (model instances, serializer output), so a threshold of that order still collected in
the middle of one request in twenty, over all it held: in an A/B run of the partner's API list, p95 was
54 ms with 50,000 and 33 ms with 150,000 (medians equal). What a request leaves behind is about 2,000
objects, so a collection now runs about every 75 requests.
"""

import gc

# Allocations (net of deallocations) between two first-generation collections; CPython's default is 700.
GEN0_THRESHOLD = 150_000


def tune():
    """Call once the application is loaded, in each serving process (after any fork)."""
    gc.collect()
    gc.freeze()
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(GEN0_THRESHOLD, gen1, gen2)
