"""The access matrix: for generated combinations of viewer agency kind, role, vetting, protocol state,
tier granted, category covered and need-to-know grant, every surface shows exactly what the rules say —
the engine's queryset and per-object check, the API list, detail and search (field by field), and the
tier-3 hotspot counts. One world is built once; every failing combination is named in the report.

Pages (list, detail, search pages) are checked against the same oracle in tests/nominals' page tests.
"""

import datetime
import itertools

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Role, VettingLevel
from agencies.models import AgencyKind
from nominals import services
from nominals.constants import fields_for_tier
from nominals.models import Nominal, NominalUserObjectPermission
from ocgshare import access
from ocgshare.constants import InformationCategory
from protocols import services as protocol_services
from tests.factories import AgencyFactory, PrisonFactory, UserFactory

from .world import make_protocol, sign, submit

pytestmark = pytest.mark.django_db

KINDS = {"law_enforcement": AgencyKind.PRISON, "partner": AgencyKind.CSP_PARTNER}
STATES = ["none", "draft", "awaiting_one_signature", "active", "suspended", "expired"]
ROLES = [Role.ANALYST, Role.SPOC, Role.AGENCY_ADMIN]
VETTING = [VettingLevel.SC, VettingLevel.BPSS]
GRANTS = ["none", "active", "expired"]


def party_tiers(kind):
    return [1, 2] if kind == "law_enforcement" else [2]


def agency_combinations():
    for kind in KINDS:
        yield kind, "none", None, None
        for state, tier, covered in itertools.product(STATES[1:], party_tiers(kind), [True, False]):
            yield kind, state, tier, covered


def expected_tier(kind, state, party_tier, covered, role, vetting, grant):
    """The oracle: the rules of ocgshare.access, written out independently."""
    if role not in (Role.ANALYST, Role.SPOC):
        return None
    tiers = []
    if state == "active" and covered:
        tiers.append(party_tier)
    if grant == "active":
        tiers.append(1 if kind == "law_enforcement" else 2)
    if not tiers:
        return None
    return max(min(tiers), 2 if vetting < VettingLevel.CTC else 0)


def _protocol(police_admin, agency, signatory, state, party_tier, covered, n):
    if state == "none":
        return None
    categories = [InformationCategory.BACKGROUND] if covered else [InformationCategory.FINANCIAL]
    protocol = make_protocol(
        police_admin, reference=f"MX-{n:03d}", parties=[(agency, party_tier, categories, signatory)]
    )
    if state == "draft":
        return protocol
    submit(protocol, police_admin)
    if state == "awaiting_one_signature":
        return sign(protocol, police_admin)
    sign(protocol, police_admin, signatory)
    if state == "suspended":
        protocol_services.protocol_suspend(actor=police_admin, protocol=protocol, reason="Matrix")
    elif state == "expired":
        protocol_services.protocol_refresh_status(
            protocol=protocol, today=protocol.end_date + datetime.timedelta(days=1)
        )
    protocol.refresh_from_db()
    assert protocol.status == {"awaiting_one_signature": "awaiting_signatures"}.get(state, state), state
    return protocol


@pytest.fixture
def world(police, police_admin, analyst, prison):
    nominal = services.nominal_create(
        actor=analyst,
        surname="Matrixson",
        forenames="Max",
        date_of_birth=datetime.date(1979, 9, 9),
        pnc_id="79/1234567M",
        handling_notes="Tier 0 only",
        threat_areas=["illegal_drugs"],
    )
    services.custody_episode_add(
        actor=analyst, nominal=nominal, establishment=prison, received_on=timezone.localdate() - datetime.timedelta(9)
    )
    ocg = services.ocg_create(actor=analyst, reference="MX-OCG-1", name="Matrix crew", threat_areas=["illegal_drugs"])
    services.membership_add(actor=analyst, ocg=ocg, nominal=nominal, role="principal")
    nominal.refresh_from_db()
    viewers = []
    for n, (kind, state, party_tier, covered) in enumerate(agency_combinations()):
        factory = PrisonFactory if KINDS[kind] == AgencyKind.PRISON else AgencyFactory
        agency = factory(name=f"Matrix agency {n}", kind=KINDS[kind])
        signatory = UserFactory(agency=agency, roles=[Role.AGENCY_ADMIN], email=f"signatory{n}@matrix.test")
        _protocol(police_admin, agency, signatory, state, party_tier, covered, n)
        for role, vetting, grant in itertools.product(ROLES, VETTING, GRANTS):
            user = UserFactory(
                agency=agency, roles=[role], vetting_level=vetting, email=f"u{n}-{role}-{vetting}-{grant}@matrix.test"
            )
            if grant != "none":
                services.grant_create(
                    actor=analyst,
                    obj=nominal,
                    user=user,
                    tier=1 if kind == "law_enforcement" else 2,
                    reason="Matrix need to know",
                    expires_at=timezone.now() + datetime.timedelta(days=1),
                )
            combination = (kind, state, party_tier, covered, role, vetting, grant)
            viewers.append((combination, user))
    # Expire the "expired" grants by moving their end into the past directly: the service rightly
    # refuses a past expiry, and a test cannot wait.
    NominalUserObjectPermission.objects.filter(user__email__contains="-expired@").update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    return nominal, viewers


def _name(combination):
    kind, state, party_tier, covered, role, vetting, grant = combination
    return (
        f"{kind} agency, protocol {state}"
        + (f" (tier {party_tier}, category {'covered' if covered else 'not covered'})" if party_tier else "")
        + f", role {role}, vetting {VettingLevel(vetting).label}, grant {grant}"
    )


def test_every_surface_shows_exactly_what_the_rules_allow(world, analyst):
    nominal, viewers = world
    owner_keys = set(_detail_keys(analyst, nominal))
    hotspot_totals = [
        {"establishment_id": nominal.current_establishment_id, "establishment": "HMP Northshire", "count": 1}
    ]
    every_tiered = fields_for_tier("nominal", 0)
    failures = []
    for combination, user in viewers:
        want = expected_tier(*combination[:4], *combination[4:])
        problems = []
        fresh = type(user).objects.get(pk=user.pk)
        if access.tier_for(fresh, nominal) != want:
            problems.append(f"engine tier {access.tier_for(fresh, nominal)}")
        if list(access.visible(fresh, Nominal.objects.all()).values_list("viewer_tier", flat=True)) != (
            [want] if want is not None else []
        ):
            problems.append("engine queryset")
        client = APIClient()
        client.force_authenticate(user)
        listing = client.get("/api/nominals/")
        detail = client.get(f"/api/nominals/{nominal.pk}/")
        found = client.get("/api/nominals/search/", {"q": "matrixson"})
        if user.has_role(*access.READER_ROLES):
            rows = listing.json()["results"]
            if [r["id"] for r in rows] != ([nominal.pk] if want is not None else []):
                problems.append("API list")
            if [r["id"] for r in found.json()] != ([nominal.pk] if want is not None else []):
                problems.append("API search")
            if want is None:
                if detail.status_code != 404:
                    problems.append(f"API detail {detail.status_code}")
            else:
                hidden = every_tiered - fields_for_tier("nominal", want)
                keys = set(detail.json())
                if keys != owner_keys - hidden:
                    problems.append(f"API detail fields {sorted(keys ^ (owner_keys - hidden))}")
                if detail.json()["viewer_tier"] != want:
                    problems.append("API detail tier")
        elif {listing.status_code, detail.status_code, found.status_code} != {403}:
            problems.append("roles without register access must get 403")
        # Tier 3 counts: the same for everyone signed in.
        if client.get("/api/nominals/hotspots/").json()["totals"] != hotspot_totals:
            problems.append("hotspot counts")
        if problems:
            failures.append(f"{_name(combination)}: {'; '.join(problems)}")
    assert not failures, f"{len(failures)} of {len(viewers)} combinations wrong:\n" + "\n".join(failures)
    assert len(viewers) == 32 * len(ROLES) * len(VETTING) * len(GRANTS)


def _detail_keys(user, nominal):
    client = APIClient()
    client.force_authenticate(user)
    return client.get(f"/api/nominals/{nominal.pk}/").json().keys()
