"""The access engine's per-process caches: what it derives from the routes, kept across requests.

Reading a user's routes (their agency groups' protocol grants, their need-to-know grants) and building the
SQL conditions from them cost a few milliseconds of every request, and change rarely. Each process keeps
them here, keyed by everything they are read or built from, so they are never shared between users with
different routes:

* protocol routes by (sharing version, today's date, the user's group ids): protocols start and end by date;
* need-to-know grant routes by (sharing version, user id, group ids, kinds taking grants), each entry
  kept no later than its earliest grant's expiry (grants expire without a write);
* conditions by (kind, own agency, roles' reach, vetting floor, the protocol routes' key and the kind's
  grants): users of one agency with the same roles and vetting and no grants share them.

The sharing version (ocgshare.sharing) changes in the same transaction as every write that changes routes,
in any process, and each request reads it once before reading routes, so a change committed anywhere
shows on the next request everywhere: entries under an older version are simply never asked for again,
and fall out of the LRU. A change of a user's roles, groups or agency needs no version: those are part of
the keys, and the user is loaded afresh on every request.
"""

import threading
from collections import OrderedDict

# Entries each cache keeps, most recently used first: a few thousand active users' worth; an entry is a few
# kilobytes at most (a conditions entry is a Q of at most five categories' agency ids).
MAX_ENTRIES = 4096

_MISSING = object()


class LRU:
    """A dict bounded to its most recently used entries, safe for threaded workers."""

    def __init__(self, max_entries=MAX_ENTRIES):
        self.max_entries = max_entries
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, default=None):
        with self._lock:
            value = self._entries.get(key, _MISSING)
            if value is _MISSING:
                return default
            self._entries.move_to_end(key)
            return value

    def put(self, key, value):
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()

    def __len__(self):
        return len(self._entries)


protocol_routes = LRU()
grant_routes = LRU()
conditions = LRU()
# Querysets built from nothing of a user but their Conditions (access.engine.per_routes): a list's
# queryset, built and resolved once per distinct conditions rather than on every request.
querysets = LRU(max_entries=1024)


def clear():
    """Empty every cache of this process (for benchmarks measuring a cold request; correctness never needs
    it: the sharing version does that)."""
    for cache in (protocol_routes, grant_routes, conditions, querysets):
        cache.clear()
