"""Every read of the register is logged, by construction: this walks EVERY URL route of the site (pages and
API, from django.urls.get_resolver()) and

* fails if a route is neither among the reads tested here (READS) nor in the commented list of routes
  that show no register data (NO_REGISTER_DATA), so a new route must be classified to pass;
* requests each read as readers who can see the data (the owner's analyst, and the prison's PIO under the
  protocol where the route is open to partners) and asserts it wrote exactly one access log entry,
  naming every item shown: a detail names its item; a list or search has AccessLogResult rows equal to
  the items of the response; the tier-3 hotspots name none, on the aggregate basis.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from rest_framework.test import APIClient

from ocgshare.models import AccessBasis, AccessLogEntry
from records.services import grant_create

from ..nominals.pages_world import *  # noqa: F403 - the page tests' register
from ..nominals.pages_world import signed_in

pytestmark = pytest.mark.django_db

BOTH = ("analyst", "prison_pio")
OWNER = ("analyst",)


@dataclass(frozen=True)
class Read:
    """One read of a route: how to ask, and what it shows."""

    url: object  # world -> path
    shows: str  # "item": a detail of world[item]; "items": a list; "aggregate": tier-3 counts
    item: str = ""  # the world key of the item a detail shows
    params: dict = field(default_factory=dict)
    method: str = "get"
    data: object = None  # world -> POST data
    readers: tuple = BOTH
    status: int = 200
    items_of: object = None  # (response, world) -> [(object_type, id)] the response lists
    # (response, world) -> [(object_type, id)] other register items the response names (an association's
    # nominals): logged as results too, not counted.
    named: object = lambda response, world: []


def page_rows(key, kind):
    return lambda response, world: [(kind, row["id"]) for row in response.context[key]]


def api_rows(kind, key="id"):
    def rows(response, world):
        body = response.json()
        if isinstance(body, dict):
            body = body.get("results", [body])  # a page of a list, or one item
        return [(kind, row[key]) for row in body]

    return rows


def marsh_names(response, world):
    """What Marsh's page names besides him: his OCG, his cellmate and his vehicle."""
    return [("ocg", world["crew"].pk), ("nominal", world["carter"].pk), ("entity", world["vehicle"].pk)]


def crew_names(response, world):
    """What the Northtown Crew's page names: its member."""
    return [("nominal", world["marsh"].pk)]


def association_nominals(response, world):
    return sorted(
        set(api_rows("nominal", "nominal_a")(response, world) + api_rows("nominal", "nominal_b")(response, world))
    )


def register_path(name, key, **extra):
    return lambda world: reverse(f"nominals:{name}", kwargs={"pk": world[key].pk, **extra})


def marsh_again(world):
    """The duplicate check: a new nominal with Marsh's surname and date of birth."""
    return {"surname": "Marsh", "date_of_birth": "1988-03-02", "risk_level": "medium", "gender": "unknown",
            "category": "background"}  # fmt: skip


def grant_path(kind, key):
    return lambda world: reverse(
        "nominals:grant-revoke",
        kwargs={"kind": kind, "pk": world[key].pk, "holder": "agency", "grant_pk": world["grant"].pk},
    )


# Each read, by route name (a route may have several: the nominal list's GET, and its POST's duplicate check).
READS = {
    # --- pages ---
    "nominals:nominal-list": [
        Read(lambda w: reverse("nominals:nominal-list"), "items", items_of=page_rows("nominals", "nominal"))
    ],
    "nominals:search": [
        Read(
            lambda w: reverse("nominals:search"),
            "items",
            params={"q": "Marsh"},
            items_of=page_rows("nominals", "nominal"),
        )
    ],
    "nominals:hotspots": [Read(lambda w: reverse("nominals:hotspots"), "aggregate")],
    "nominals:nominal-create": [
        Read(
            lambda w: reverse("nominals:nominal-create"),
            "items",
            method="post",
            data=marsh_again,
            readers=OWNER,
            items_of=page_rows("duplicates", "nominal"),
        )
    ],
    "nominals:nominal-detail": [Read(register_path("nominal-detail", "marsh"), "item", "marsh", named=marsh_names)],
    "nominals:nominal-edit": [Read(register_path("nominal-edit", "marsh"), "item", "marsh", readers=OWNER)],
    **{
        f"nominals:{name}": [Read(register_path(name, "marsh"), "item", "marsh", readers=OWNER)]
        for name in (
            "custody-add",
            "custody-release",
            "transfer-add",
            "supervision-add",
            "order-add",
            "association-add",
            "entity-add",
        )
    },
    "nominals:ocg-list": [Read(lambda w: reverse("nominals:ocg-list"), "items", items_of=page_rows("ocgs", "ocg"))],
    "nominals:ocg-detail": [Read(register_path("ocg-detail", "crew"), "item", "crew", named=crew_names)],
    "nominals:ocg-edit": [Read(register_path("ocg-edit", "crew"), "item", "crew", readers=OWNER)],
    "nominals:membership-add": [Read(register_path("membership-add", "crew"), "item", "crew", readers=OWNER)],
    "nominals:membership-end": [
        Read(
            lambda w: reverse("nominals:membership-end", args=[w["crew"].pk, w["membership"].pk]),
            "item",
            "crew",
            readers=OWNER,
        )
    ],
    "nominals:grant-add": [
        Read(lambda w: reverse("nominals:grant-add", args=["nominals", w["marsh"].pk]), "item", "marsh", readers=OWNER),
        Read(lambda w: reverse("nominals:grant-add", args=["ocgs", w["crew"].pk]), "item", "crew", readers=OWNER),
    ],
    "nominals:grant-revoke": [Read(grant_path("nominals", "marsh"), "item", "marsh", readers=OWNER)],
    # Asking the owner for more: for the partners who see the item (the owner's staff are refused).
    "nominals:ask-owner": [
        Read(
            lambda w: reverse("nominals:ask-owner", args=["nominals", w["marsh"].pk]),
            "item",
            "marsh",
            readers=("prison_pio",),
        )
    ],
    # --- API ---
    "nominal-list": [
        Read(lambda w: "/api/nominals/", "items", params={"risk": "high"}, items_of=api_rows("nominal")),
        Read(
            lambda w: "/api/nominals/",
            "items",
            method="post",
            data=marsh_again,
            readers=OWNER,
            status=400,
            # The refusal names Marsh (by name, not number).
            items_of=lambda response, world: [("nominal", world["marsh"].pk)] * ("MARSH, Dean" in response.text),
        ),
    ],
    "nominal-search": [
        Read(lambda w: "/api/nominals/search/", "items", params={"q": "Marsh"}, items_of=api_rows("nominal"))
    ],
    "nominal-hotspots": [Read(lambda w: "/api/nominals/hotspots/", "aggregate")],
    "nominal-detail": [Read(lambda w: f"/api/nominals/{w['marsh'].pk}/", "item", "marsh", named=marsh_names)],
    "nominal-grants": [Read(lambda w: f"/api/nominals/{w['marsh'].pk}/grants/", "item", "marsh", readers=OWNER)],
    "ocg-list": [Read(lambda w: "/api/ocgs/", "items", items_of=api_rows("ocg"))],
    "ocg-detail": [Read(lambda w: f"/api/ocgs/{w['crew'].pk}/", "item", "crew", named=crew_names)],
    "ocg-grants": [Read(lambda w: f"/api/ocgs/{w['crew'].pk}/grants/", "item", "crew", readers=OWNER)],
    "entity-list": [Read(lambda w: "/api/entities/", "items", items_of=api_rows("entity"))],
    "entity-detail": [Read(lambda w: f"/api/entities/{w['vehicle'].pk}/", "item", "vehicle")],
    "association-list": [
        Read(lambda w: "/api/associations/", "items", items_of=api_rows("association"), named=association_nominals)
    ],
    "association-detail": [
        Read(lambda w: f"/api/associations/{w['association'].pk}/", "item", "association", named=association_nominals)
    ],
}

# Routes that show no register data, each with why. A route added to the site must go in READS (and
# log its reads through audit.services) or here, with its reason.
NO_REGISTER_DATA = {
    # Home, health and the API's own machinery: no register items.
    "home": "the home page: links, no register items",
    "healthz": "health check",
    "api-root": "the API's list of endpoints",
    "api-schema": "the OpenAPI schema",
    "api-docs": "the API documentation",
    "api-token": "signing in for a token",
    "api-me": "the signed-in user's own account",
    "api-me-tasks": "the work list: register items by kind and number only, as the access log names them",
    "api-sign-out": "signing out (revokes the token)",
    "healthz-live": "liveness check",
    "api-not-found": "the JSON 404 for an API path that matches no route",
    **dict.fromkeys(
        [
            "api-token-owned-list",
            "api-token-owned-detail",
            "api-token-owned-revoke-all",
            "accounts:user-revoke-tokens",
            "user-revoke-tokens",
        ],
        "API tokens: when each was given and ends, never a register item",
    ),
    # Register forms that show nothing of the register until they are posted.
    "nominals:ocg-create": "an empty form (a new OCG's reference is checked without naming others)",
    # Register writes (POST, PATCH, DELETE only): each is logged by its service as the change
    # (tests/nominals/test_change_log.py); the response shows what the user just wrote.
    "nominal-custody-episode-add": "write",
    "nominal-ask-owner": "a request to the owner's contact: the answer names the owner only",
    "ocg-ask-owner": "a request to the owner's contact: the answer names the owner only",
    "nominal-custody-episode-update": "write",
    "nominal-grant-revoke": "write",
    "nominal-orders": "write",
    "nominal-supervisions": "write",
    "nominal-transfers": "write",
    "ocg-grant-revoke": "write",
    "ocg-membership-end": "write",
    "ocg-memberships": "write",
    "entity-links": "write",
    # The access log itself: items by type, number and owner only, for auditors (who read no register).
    "access-log": "the access log: item numbers and owners, not the items",
    "access-log-list": "the access log: item numbers and owners, not the items",
    "access-log-csv": "the access log's export: item numbers and owners (logged as an export)",
    "access-log-export": "the access log's export: item numbers and owners (logged as an export)",
    # Staff accounts (account changes are logged by accounts), agencies' directory and toolkit,
    # protocols and notifications: reference data and workflow, no nominal, OCG, entity or association.
    **dict.fromkeys(
        [
            "accounts:account",
            "accounts:sign-in",
            "accounts:sign-out",
            "accounts:password-change",
            "accounts:password-change-done",
            "accounts:user-list",
            "accounts:user-create",
            "accounts:user-detail",
            "accounts:user-edit",
            "accounts:user-unlock",
            "user-list",
            "user-detail",
        ],
        "staff accounts, not the register",
    ),
    **dict.fromkeys(
        [
            "agencies:directory",
            "agencies:agency-detail",
            "agencies:agency-edit",
            "agencies:power-create",
            "agencies:power-edit",
            "agencies:power-delete",
            "agencies:holding-create",
            "agencies:holding-edit",
            "agencies:holding-delete",
            "agencies:toolkit",
            "agency-list",
            "agency-detail",
            "toolkit-power-list",
            "toolkit-power-detail",
            "toolkit-data-holding-list",
            "toolkit-data-holding-detail",
        ],
        "agencies and their toolkit: reference data",
    ),
    **dict.fromkeys(
        [
            "protocols:register",
            "protocols:create",
            "protocols:detail",
            "protocols:edit",
            "protocols:party-add",
            "protocols:party-edit",
            "protocols:party-remove",
            "protocols:submit",
            "protocols:return-to-draft",
            "protocols:sign",
            "protocols:suspend",
            "protocols:reinstate",
            "protocols:renew",
            "protocols:review",
            "protocol-list",
            "protocol-detail",
            "protocol-party",
            "protocol-party-add",
            "protocol-reinstate",
            "protocol-renew",
            "protocol-return-to-draft",
            "protocol-review",
            "protocol-sign",
            "protocol-submit",
            "protocol-suspend",
        ],
        "information-sharing protocols: agreements between agencies",
    ),
    **dict.fromkeys(
        [
            "notifications:inbox",
            "notifications:mark-all-read",
            "notifications:preferences",
            "notifications:detail",
            "notifications:mark-read",
            "notification-list",
            "notification-preferences",
            "notification-read-all",
            "notification-detail",
            "notification-read",
        ],
        "the user's own notifications (about protocols and accounts)",
    ),
}


def _routes(patterns=None, namespace=None):
    """(name, pattern) of every route, namespaced as reverse() names it; format-suffix variants
    of the API's routes and the Django admin (staff only, no register models) left out."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            inner = pattern.namespace
            yield from _routes(
                pattern.url_patterns, f"{namespace}:{inner}" if namespace and inner else inner or namespace
            )
        elif isinstance(pattern, URLPattern):
            if "(?P<format>" in str(pattern.pattern):
                continue
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name, str(pattern.pattern)


def test_every_route_is_a_logged_read_or_shows_no_register_data():
    routes = dict(_routes())
    unnamed = [pattern for name, pattern in routes.items() if not name]
    assert not unnamed, f"name these routes so they can be classified: {unnamed}"
    unclassified = sorted(set(routes) - set(READS) - set(NO_REGISTER_DATA))
    assert not unclassified, (
        f"New routes {unclassified}: log their reads through audit.services and add them to READS, or add them to "
        "NO_REGISTER_DATA with the reason they show no register data"
    )
    assert not set(READS) & set(NO_REGISTER_DATA)
    # Read routes that no longer exist would leave their reads untested: refuse them. (NO_REGISTER_DATA may
    # name routes of branches not yet merged: harmless, they show nothing.)
    assert not set(READS) - set(routes), "reads of routes that no longer exist"


@pytest.fixture
def world(register, analyst, prison):
    from nominals.models import Association, OCGMembership

    grant = grant_create(
        actor=analyst,
        obj=register["marsh"],
        agency=prison,
        tier=1,
        reason="Joint operation",
        expires_at=timezone.now() + datetime.timedelta(days=5),
    )
    return {
        **register,
        "grant": grant,
        "membership": OCGMembership.objects.get(ocg=register["crew"]),
        "association": Association.objects.get(),
    }


CASES = [
    pytest.param(name, index, reader, id=f"{name} #{index} as {reader}")
    for name, reads in READS.items()
    for index, read in enumerate(reads)
    for reader in read.readers
]


@pytest.mark.parametrize(("name", "index", "reader"), CASES)
def test_each_read_writes_one_entry_naming_every_item_shown(request, client, world, name, index, reader):
    read = READS[name][index]
    user = request.getfixturevalue(reader)
    is_api = ":" not in name
    if is_api:
        client = APIClient()
        client.force_authenticate(user)
    else:
        client = signed_in(client, user)
    last = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    path = read.url(world)
    if read.method == "get":
        response = client.get(path, read.params)
    else:
        response = client.post(path, read.data(world), **({"format": "json"} if is_api else {}))

    assert response.status_code == read.status, response.content[:500]
    entries = list(AccessLogEntry.objects.filter(id__gt=last))
    assert len(entries) == 1, [(e.action, e.object_type, e.query) for e in entries]
    entry = entries[0]
    assert (entry.user, entry.surface) == (user, "api" if is_api else "page")
    logged = sorted(entry.results.values_list("object_type", "object_id"))
    named = sorted(read.named(response, world))
    if read.shows == "item":
        item = world[read.item]
        assert (entry.object_type, entry.object_id) == (type(item)._meta.model_name, item.pk)
        assert entry.basis and entry.tier is not None
        assert logged == named
    elif read.shows == "aggregate":
        assert (entry.basis, entry.tier, logged) == (AccessBasis.AGGREGATE, 3, [])
    else:
        shown = sorted(read.items_of(response, world))
        assert shown, "the read shows something to log"
        assert logged == sorted(set(shown + named))
        assert entry.result_count == len(shown)


def test_an_api_read_that_forgets_to_log_is_refused_not_served(analyst):
    from django.core.exceptions import ImproperlyConfigured
    from rest_framework import viewsets
    from rest_framework.decorators import action
    from rest_framework.response import Response
    from rest_framework.test import APIRequestFactory, force_authenticate

    from audit.mixins import AuditedReadsMixin

    class Forgetful(AuditedReadsMixin, viewsets.GenericViewSet):
        @action(detail=False)
        def secrets(self, request):
            return Response({"surname": "MARSH"})

    request = APIRequestFactory().get("/secrets/")
    force_authenticate(request, user=analyst)
    with pytest.raises(ImproperlyConfigured, match="without logging"):
        Forgetful.as_view({"get": "secrets"})(request)


def test_a_page_that_forgets_to_log_is_refused_not_served(client, marsh, analyst, monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from nominals.views import nominals as nominal_views

    monkeypatch.setattr(nominal_views, "log_page_read", lambda request, **kwargs: None)
    with pytest.raises(ImproperlyConfigured, match="without logging"):
        signed_in(client, analyst).get(reverse("nominals:nominal-detail", args=[marsh.pk]))
