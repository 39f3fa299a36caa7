"""The home page's work list, "what needs you": sections and main actions that apps register, each
answering for one user. The home page and `/api/me/tasks/` show what `work_for(user)` gives, so a new
kind of work (a sanitiser's queue, actions due, meetings) is a provider registered from its app's
AppConfig.ready, not a change to the page.

A provider takes the signed-in user and returns a `Section` (or an `Action`), or None when it has nothing
for them. Sections name register items only by their label (kind, number and owning agency, as the access
log does), never by their content: the home page is not a read of register data.
"""

import datetime
from dataclasses import dataclass, field

# How far ahead the work list looks for what ends or falls due.
SOON_DAYS = 30
# How many items a section lists; its count says how many there are in all.
SHOWN = 5


@dataclass(frozen=True)
class Item:
    text: str
    url: str = ""
    detail: str = ""  # a date or a state, shown beside the text
    urgent: bool = False  # overdue, or ends within days: shown as such
    due: datetime.date | None = None


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple = ()
    total: int | None = None  # when there are more than the items listed
    more_url: str = ""  # the page with all of them
    more_label: str = ""

    @property
    def count(self):
        return self.total if self.total is not None else len(self.items)


@dataclass(frozen=True)
class Action:
    key: str
    label: str
    url: str
    secondary: bool = False


@dataclass(frozen=True)
class Search:
    """A search box on the home page: a GET form to `url` with the query as `q`."""

    label: str
    url: str
    hint: str = ""


@dataclass
class WorkList:
    actions: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    search: Search | None = None


_section_providers = []
_action_providers = []
_search_providers = []


def first_items(rows, make_item, *, shown=SHOWN):
    """(the first `shown` of `rows` — a queryset or a list — as Items, the number in all when there are
    more, else None): one query, and a count only when the section has more than it lists."""
    first = list(rows[: shown + 1])
    total = None
    if len(first) > shown:
        total = len(rows) if isinstance(rows, list) else rows.count()
    return tuple(make_item(row) for row in first[:shown]), total


def register_section(provider, *, order=100):
    """`provider(user)` -> Section | None; sections show in `order`, then in the order registered."""
    _section_providers.append((order, len(_section_providers), provider))
    _section_providers.sort(key=lambda entry: entry[:2])


def register_action(provider, *, order=100):
    """`provider(user)` -> Action | None: the main things the user's roles do, one click from home."""
    _action_providers.append((order, len(_action_providers), provider))
    _action_providers.sort(key=lambda entry: entry[:2])


def register_search(provider):
    """`provider(user)` -> Search | None: the first that answers gives the home page's search box."""
    _search_providers.append(provider)


def work_for(user):
    """The user's WorkList: the actions their roles have, and the sections with something in them."""
    work = WorkList()
    if not getattr(user, "is_authenticated", False):
        return work
    for _order, _n, provider in _action_providers:
        action = provider(user)
        if action is not None:
            work.actions.append(action)
    for _order, _n, provider in _section_providers:
        section = provider(user)
        if section is not None and section.count:
            work.sections.append(section)
    work.search = next((search for provider in _search_providers if (search := provider(user)) is not None), None)
    return work
