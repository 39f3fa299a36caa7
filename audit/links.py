"""Where the access log links the items it names: each record kind's page. The register kit registers them
(records.pages.register_pages); the log sits below the kit and does not ask it."""

from django.urls import reverse

_detail_url_names = {}


def register_item_page(kind, url_name):
    """The page of an item of `kind` (an access Policy's kind), reversed with the item's pk."""
    _detail_url_names[kind] = url_name


def item_url(kind, pk):
    """The item's page, or "" for a kind without one (entities, associations, user accounts)."""
    url_name = _detail_url_names.get(kind)
    return reverse(url_name, args=[pk]) if url_name else ""
