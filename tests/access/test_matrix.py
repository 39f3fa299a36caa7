"""The access matrix: for every combination of viewer agency kind, role, vetting, protocol state, tier
granted, category covered and need-to-know grant, and for the owning agency's own analysts at each vetting
level, the register shows exactly what the rules say. One test id per combination, so a failure names it:

* `test_engine[...]`, for EVERY combination: the engine's tier for the nominal, and its querysets of
  nominals, OCGs and entities (items and tiers).
* `test_api[...]` (API list, detail field by field, search, tier-3 hotspot counts) and `test_pages[...]`
  (nominal list page, detail page section by section and value by value, search page, hotspot page), for
  a SAMPLE of combinations. Every surface reads through the engine, so what a surface can get wrong is
  how it renders the engine's answer: the sample holds (1) one combination for each distinct outcome (the
  `Sight`: tier, OCG, vehicle, basis, register role), so every way a surface can render an answer is
  checked, and (2) pairwise coverage — for any two dimensions, every pair of their values that occurs
  appears in some sampled combination (greedy all-pairs, `surface_sample`); `test_the_sample_covers_...`
  checks both. The surfaces must agree with the oracle, and `test_engine` holds the engine to the same
  oracle for every combination, so each sampled surface agrees with the engine.

The world is built once per module (`world`, on the test database with django_db_blocker, in a
transaction rolled back at the end); each test runs inside it in a savepoint of its own.

Besides the nominal, the world holds an OCG the nominal is a principal of and a vehicle linked to the
nominal. They are register items in their own right, shared under the same protocols (same category)
but never through the need-to-know grant, which is on the nominal alone: the oracle for them is the
nominal's with no grant (and, for the vehicle, law-enforcement detail only — tier 1).

The owner's analyst is checked first with the same page checks, at tier 0 (`test_the_checks_see_...`): it
proves the checks see the tier-0 handling notes and the tier-1 detail when they are there, so their
absence elsewhere means something.

Vetting (access.TIER_VETTING): tiers 0 and 1 need CTC or above, tier 2 BPSS. Whatever tier a
route gives (own agency, protocol, grant), a viewer vetted below CTC is served tier 2 — the owner's own
analysts included, who then lose the tier-0 detail and the owner's actions — and no vehicle (entities have
nothing at tier 2). CTC and BPSS are the two sides of that line; the owner's analysts are also checked at SC.
"""

import datetime
import itertools
import logging
import re
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

import access
from accounts.models import Role, VettingLevel
from agencies.models import AgencyKind
from nominals.constants import EntityKind, OrderKind, fields_for_tier
from nominals.models import OCG, Entity, Nominal, NominalUserObjectPermission
from nominals.services.custody import custody_episode_add, order_add
from nominals.services.entities import entity_create, entity_link
from nominals.services.nominals import nominal_create
from nominals.services.ocgs import membership_add, ocg_create
from ocgshare.constants import InformationCategory
from ocgshare.sharing import bump_sharing_version
from protocols.services.lifecycle import protocol_refresh_status, protocol_suspend
from records.services import grant_create
from tests.factories import AgencyFactory, PrisonFactory, UserFactory
from tests.nominals.html import by_testid

from .world import make_protocol, sign, submit

pytestmark = pytest.mark.django_db

KINDS = {"law_enforcement": AgencyKind.PRISON, "partner": AgencyKind.CSP_PARTNER}
STATES = ["none", "draft", "awaiting_one_signature", "active", "suspended", "expired"]
ROLES = [Role.ANALYST, Role.SPOC, Role.AGENCY_ADMIN]
VETTING = [VettingLevel.CTC, VettingLevel.BPSS]
# The owning agency's own analysts ("own" viewers: no protocol, no grant), at each vetting level.
OWN_VETTING = [VettingLevel.SC, VettingLevel.CTC, VettingLevel.BPSS]
GRANTS = ["none", "active", "expired"]

# What the world's records hold, as the pages print it. Each value belongs to one tier (or, for the OCG
# and the vehicle, to an item of its own), so finding it on a page says which version the page shows.
SURNAME = "MATRIXSON"
NAME = "MATRIXSON, Max"
PNC_ID = "79/1234567M"
DATE_OF_BIRTH = "9 September 1979"
HANDLING_NOTES = "Originator only: the source is a wing cleaner"
ESTABLISHMENT = "HMP Northshire"
ORDER_CONDITIONS = "No more than one mobile phone"
OCG_NAME = "Matrix crew"
VEHICLE = "MX12ABC"
SECRETS = (SURNAME, PNC_ID, DATE_OF_BIRTH, HANDLING_NOTES, ORDER_CONDITIONS, OCG_NAME, VEHICLE)

LIST_URL = reverse("nominals:nominal-list")
SEARCH_URL = reverse("nominals:search")
HOTSPOTS_URL = reverse("nominals:hotspots")
TIER_LABELS = {0: "Tier 0 originator", 1: "Tier 1 law enforcement", 2: "Tier 2 partnership"}
# The detail page's sections and the FIELD_TIERS field each shows.
SECTION_FIELDS = {
    "identity-section": "surname",
    "handling-notes-section": "handling_notes",
    "custody-section": "custody_episodes",
    "orders-section": "orders",
    "memberships-section": "memberships",
    "associations-section": "associations",
    "entities-section": "entity_links",
}
WITHHELD = {
    0: "",
    1: "Not shared at the version you see: handling notes.",
    2: "Not shared at the version you see: custody and supervision; lifetime-management orders; roles in OCGs; "
    "associations; addresses, vehicles, phones, businesses and bank accounts; handling notes.",
}


def party_tiers(kind):
    return [1, 2] if kind == "law_enforcement" else [2]


def agency_combinations():
    for kind in KINDS:
        yield kind, "none", None, None
        for state, tier, covered in itertools.product(STATES[1:], party_tiers(kind), [True, False]):
            yield kind, state, tier, covered


def all_combinations():
    """(kind, state, party tier, covered, role, vetting, grant): one user each; the world's order."""
    for agency in agency_combinations():
        for role, vetting, grant in itertools.product(ROLES, VETTING, GRANTS):
            yield (*agency, role, vetting, grant)
    for vetting in OWN_VETTING:
        yield ("own", "none", None, None, Role.ANALYST, vetting, "none")


COMBINATIONS = list(all_combinations())


def grant_tier(kind):
    return 1 if kind == "law_enforcement" else 2


def expected_tier(kind, state, party_tier, covered, role, vetting, grant):
    """The oracle: the rules of access, written out independently."""
    if role not in (Role.ANALYST, Role.SPOC):
        return None
    tiers = [0] if kind == "own" else []
    if state == "active" and covered:
        tiers.append(party_tier)
    if grant == "active":
        tiers.append(grant_tier(kind))
    if not tiers:
        return None
    return max(min(tiers), 2 if vetting < VettingLevel.CTC else 0)


@dataclass(frozen=True)
class Sight:
    """What one viewer must see of the world, and nothing more."""

    tier: int | None  # the nominal's version (None: the nominal does not exist for them)
    ocg: bool  # the OCG shows (its name, and its membership row at tier 1)
    vehicle: bool  # the vehicle shows in the nominal's entities
    bases: tuple[str, ...]  # how the page may name the basis (the routes that apply)
    reads_register: bool  # a role that reads the register (others are refused with 403)
    # The tier of the OCG and of the vehicle: the nominal's without the grant (None: not shown).
    shared_tier: int | None = None


def expected_sight(combination, protocol_reference):
    kind, state, party_tier, covered, role, vetting, grant = combination
    tier = expected_tier(*combination)
    through_protocol = expected_tier(kind, state, party_tier, covered, role, vetting, "none")
    bases = []
    if kind == "own":
        bases.append("Basis: own agency.")
    elif tier is not None and through_protocol is not None:
        bases.append(f"Basis: information-sharing protocol {protocol_reference}.")
    if tier is not None and grant == "active":
        bases.append("Basis: need-to-know grant, until")
    return Sight(
        tier=tier,
        ocg=through_protocol is not None,
        vehicle=through_protocol is not None and through_protocol <= 1,
        bases=tuple(bases),
        reads_register=role in (Role.ANALYST, Role.SPOC),
        shared_tier=through_protocol,
    )


OWNER_SIGHT = Sight(tier=0, ocg=True, vehicle=True, bases=("Basis: own agency.",), reads_register=True, shared_tier=0)


def _pairs(combination):
    """Every pair of (dimension, value) in a combination."""
    return set(itertools.combinations(enumerate(combination), 2))


def surface_sample():
    """The combinations the surfaces are checked on: one per distinct outcome (every own-agency viewer
    too), then, greedily, the combination covering most value pairs not yet covered, until every pair
    of values that occurs in the matrix occurs in the sample. Deterministic; in the matrix's order."""
    chosen, outcomes = [], set()
    for combination in COMBINATIONS:
        outcome = expected_sight(combination, "MX")
        if outcome not in outcomes or combination[0] == "own":
            outcomes.add(outcome)
            chosen.append(combination)
    uncovered = set().union(*map(_pairs, COMBINATIONS)) - set().union(*map(_pairs, chosen))
    while uncovered:
        best = max(COMBINATIONS, key=lambda combination: len(_pairs(combination) & uncovered))
        chosen.append(best)
        uncovered -= _pairs(best)
    return sorted(chosen, key=COMBINATIONS.index)


SAMPLE = surface_sample()


def _id(combination):
    kind, state, party_tier, covered, role, vetting, grant = combination
    agency = {"law_enforcement": "le", "partner": "partner", "own": "own"}[kind]
    protocol = "" if party_tier is None else f"-t{party_tier}-{'covered' if covered else 'uncovered'}"
    return f"{agency}-{state}{protocol}-{role}-{VettingLevel(vetting).name.lower()}-grant_{grant}"


def _name(combination):
    kind, state, party_tier, covered, role, vetting, grant = combination
    return (
        f"{kind} agency, protocol {state}"
        + (f" (tier {party_tier}, category {'covered' if covered else 'not covered'})" if party_tier else "")
        + f", role {role}, vetting {VettingLevel(vetting).label}, grant {grant}"
    )


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
        protocol_suspend(actor=police_admin, protocol=protocol, reason="Matrix")
    elif state == "expired":
        protocol_refresh_status(protocol=protocol, today=protocol.end_date + datetime.timedelta(days=1))
    protocol.refresh_from_db()
    assert protocol.status == {"awaiting_one_signature": "awaiting_signatures"}.get(state, state), state
    return protocol


@dataclass
class World:
    nominal: Nominal
    analyst: object  # the owning agency's analyst, SC vetted
    viewers: dict  # combination -> (user, reference of their agency's protocol or None)


def _build_world():
    """The nominal, its OCG and vehicle, and one user per combination. The owning side is what the
    conftest's police, police_admin, analyst and prison fixtures make."""
    police = AgencyFactory(name="Northshire Police", short_name="NP")
    prison = PrisonFactory(name="HMP Northshire", short_name="HMP N")
    analyst = UserFactory(email="analyst@northshire.police.uk", agency=police, roles=[Role.ANALYST])
    police_admin = UserFactory(email="admin@northshire.police.uk", agency=police, roles=[Role.AGENCY_ADMIN])
    nominal = nominal_create(
        actor=analyst,
        surname="Matrixson",
        forenames="Max",
        date_of_birth=datetime.date(1979, 9, 9),
        pnc_id=PNC_ID,
        handling_notes=HANDLING_NOTES,
        threat_areas=["illegal_drugs"],
    )
    custody_episode_add(
        actor=analyst, nominal=nominal, establishment=prison, received_on=timezone.localdate() - datetime.timedelta(9)
    )
    order_add(
        actor=analyst,
        nominal=nominal,
        kind=OrderKind.SCPO,
        conditions=ORDER_CONDITIONS,
        made_on=timezone.localdate() - datetime.timedelta(900),
    )
    # Background, like the nominal, so the same protocols share it (vehicles default to lifestyle).
    vehicle = entity_create(
        actor=analyst, kind=EntityKind.VEHICLE, value=VEHICLE, category=InformationCategory.BACKGROUND
    )
    entity_link(actor=analyst, entity=vehicle, nominal=nominal, relationship="Registered keeper")
    ocg = ocg_create(actor=analyst, reference="MX-OCG-1", name=OCG_NAME, threat_areas=["illegal_drugs"])
    membership_add(actor=analyst, ocg=ocg, nominal=nominal, role="principal")
    nominal.refresh_from_db()
    viewers = {}
    for n, (kind, state, party_tier, covered) in enumerate(agency_combinations()):
        factory = PrisonFactory if KINDS[kind] == AgencyKind.PRISON else AgencyFactory
        agency = factory(name=f"Matrix agency {n}", kind=KINDS[kind])
        signatory = UserFactory(agency=agency, roles=[Role.AGENCY_ADMIN], email=f"signatory{n}@matrix.test")
        protocol = _protocol(police_admin, agency, signatory, state, party_tier, covered, n)
        for role, vetting, grant in itertools.product(ROLES, VETTING, GRANTS):
            user = UserFactory(
                agency=agency, roles=[role], vetting_level=vetting, email=f"u{n}-{role}-{vetting}-{grant}@matrix.test"
            )
            if grant != "none":
                grant_create(
                    actor=analyst,
                    obj=nominal,
                    user=user,
                    tier=grant_tier(kind),
                    reason="Matrix need to know",
                    expires_at=timezone.now() + datetime.timedelta(days=1),
                )
            viewers[(kind, state, party_tier, covered, role, vetting, grant)] = (
                user,
                protocol.reference if protocol else None,
            )
    for vetting in OWN_VETTING:
        user = UserFactory(
            agency=police, roles=[Role.ANALYST], vetting_level=vetting, email=f"own-{vetting}@matrix.test"
        )
        viewers[("own", "none", None, None, Role.ANALYST, vetting, "none")] = (user, None)
    # Expire the "expired" grants by moving their end into the past directly: the service rightly
    # refuses a past expiry, and a test cannot wait.
    NominalUserObjectPermission.objects.filter(user__email__contains="-expired@").update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    bump_sharing_version()  # update() sends no signal: the engine's cached grant routes must know
    return World(nominal=nominal, analyst=analyst, viewers=viewers)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module's hundreds of tests, in a transaction rolled back after the last; each
    test's own transaction (the django_db mark) is a savepoint inside it. The settings are those the
    conftest's autouse fixtures give each test (they are function-scoped, so not in force here)."""
    from ocgshare.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        with (
            django_db_blocker.unblock(),
            override_settings(
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"], CELERY_TASK_ALWAYS_EAGER=True
            ),
            transaction.atomic(),
        ):
            yield _build_world()
            transaction.set_rollback(True)
    finally:
        app.conf.task_always_eager = eager


@pytest.fixture(autouse=True, scope="module")
def quiet():
    """Sign-ins, refusals and 404s would each be logged (403s with a traceback): noise in a failure report
    that names its combination anyway, and a good part of the run time."""
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


@dataclass(frozen=True)
class NotFound:
    """What a viewer is told about a nominal that does not exist, to compare with an invisible one."""

    api: dict
    page: str


@pytest.fixture
def owner_client(world):
    client = Client()
    client.force_login(world.analyst)
    return client


@pytest.fixture
def not_found(world, owner_client):
    missing = world.nominal.pk + 10_000
    answer = NotFound(
        api=owner_client.get(f"/api/nominals/{missing}/").json(),
        page=_main(owner_client.get(reverse("nominals:nominal-detail", args=[missing]))),
    )
    assert "Page not found" in answer.page
    return answer


def _viewer(world, combination):
    user, reference = world.viewers[combination]
    return user, expected_sight(combination, reference)


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_matrix_has_every_combination(world):
    assert (
        len(COMBINATIONS) == len(set(COMBINATIONS)) == 32 * len(ROLES) * len(VETTING) * len(GRANTS) + len(OWN_VETTING)
    )
    assert set(world.viewers) == set(COMBINATIONS)


def test_the_sample_covers_every_outcome_and_every_pair_of_values():
    outcomes = {expected_sight(combination, "MX") for combination in COMBINATIONS}
    assert {expected_sight(combination, "MX") for combination in SAMPLE} == outcomes
    assert set().union(*map(_pairs, SAMPLE)) == set().union(*map(_pairs, COMBINATIONS))
    assert len(SAMPLE) < len(COMBINATIONS) / 5, "a sample, not the matrix"


def test_the_checks_see_tier_0_when_it_is_there(world, owner_client, not_found):
    """The control: the owner's analyst at tier 0, through the same checks as every sampled viewer."""
    problems = [
        *_api_problems(owner_client, world.nominal, OWNER_SIGHT, _owner_keys(owner_client, world), not_found),
        *_page_problems(owner_client, world.nominal, OWNER_SIGHT, not_found),
    ]
    assert not problems, f"the owner's analyst at tier 0: {'; '.join(problems)}"


@pytest.mark.parametrize("combination", COMBINATIONS, ids=map(_id, COMBINATIONS))
def test_engine(world, combination):
    user, sight = _viewer(world, combination)
    problems = _engine_problems(user, world.nominal, sight)
    assert not problems, f"{_name(combination)}: {'; '.join(problems)}"


@pytest.mark.parametrize("combination", SAMPLE, ids=map(_id, SAMPLE))
def test_api(world, combination, owner_client, not_found):
    user, sight = _viewer(world, combination)
    owner_keys = _owner_keys(owner_client, world)
    problems = _api_problems(_signed_in(user), world.nominal, sight, owner_keys, not_found)
    assert not problems, f"{_name(combination)}: {'; '.join(problems)}"


@pytest.mark.parametrize("combination", SAMPLE, ids=map(_id, SAMPLE))
def test_pages(world, combination, not_found):
    user, sight = _viewer(world, combination)
    problems = _page_problems(_signed_in(user), world.nominal, sight, not_found)
    assert not problems, f"{_name(combination)}: {'; '.join(problems)}"


def _owner_keys(owner_client, world):
    """The API detail's fields at tier 0: each viewer's are these less what their tier withholds."""
    return set(owner_client.get(f"/api/nominals/{world.nominal.pk}/").json())


# --- the checks of each surface: each returns what is wrong, named by surface ------------------------------


def _engine_problems(user, nominal, sight):
    fresh = type(user).objects.get(pk=user.pk)
    problems = []
    tier = access.tier_for(fresh, nominal)
    if tier != sight.tier:
        problems.append(f"engine tier {tier}")
    tiers = list(access.visible(fresh, Nominal.objects.all()).values_list("viewer_tier", flat=True))
    if tiers != ([sight.tier] if sight.tier is not None else []):
        problems.append(f"engine queryset {tiers}")
    # The OCG and the vehicle: through the protocols (never the grant), the vehicle at tier 1 or 0 only.
    for name, model, shown in (("OCGs", OCG, sight.ocg), ("entities", Entity, sight.vehicle)):
        tiers = list(access.visible(fresh, model.objects.all()).values_list("viewer_tier", flat=True))
        if tiers != ([sight.shared_tier] if shown else []):
            problems.append(f"engine queryset of {name} {tiers}")
    return problems


def _api_problems(client, nominal, sight, owner_keys, not_found):
    problems = []
    listing = client.get("/api/nominals/")
    detail = client.get(f"/api/nominals/{nominal.pk}/")
    found = client.get("/api/nominals/search/", {"q": "matrixson"})
    if sight.reads_register:
        shown = [nominal.pk] if sight.tier is not None else []
        if [r["id"] for r in listing.json()["results"]] != shown:
            problems.append("API list")
        if [r["id"] for r in found.json()] != shown:
            problems.append("API search")
        if sight.tier is None:
            if (detail.status_code, detail.json()) != (404, not_found.api):
                problems.append(f"API detail {detail.status_code}, not the answer for a nominal that does not exist")
        else:
            hidden = fields_for_tier("nominal", 0) - fields_for_tier("nominal", sight.tier)
            keys = set(detail.json())
            if keys != owner_keys - hidden:
                problems.append(f"API detail fields {sorted(keys ^ (owner_keys - hidden))}")
            if detail.json()["viewer_tier"] != sight.tier:
                problems.append("API detail tier")
            if [ocg["name"] for ocg in detail.json()["ocgs"]] != ([OCG_NAME] if sight.ocg else []):
                problems.append("API detail: the OCG " + ("missing" if sight.ocg else "shown"))
            vehicles = [link["entity"]["value"] for link in detail.json().get("entity_links", [])]
            if vehicles != ([VEHICLE] if sight.tier <= 1 and sight.vehicle else []):
                problems.append(f"API detail: entities {vehicles}")
    elif {listing.status_code, detail.status_code, found.status_code} != {403}:
        problems.append("API: roles without register access must get 403")
    # Tier 3 counts: the same for everyone signed in.
    totals = client.get("/api/nominals/hotspots/").json()["totals"]
    if totals != [{"establishment_id": nominal.current_establishment_id, "establishment": ESTABLISHMENT, "count": 1}]:
        problems.append("API hotspot counts")
    return problems


def _page_problems(client, nominal, sight, not_found):
    detail_url = reverse("nominals:nominal-detail", args=[nominal.pk])
    listing = client.get(LIST_URL)
    detail = client.get(detail_url)
    found = client.get(SEARCH_URL, {"q": "matrixson"})
    problems = _hotspot_page_problems(client.get(HOTSPOTS_URL))
    if not sight.reads_register:
        for surface, response in (("list page", listing), ("detail page", detail), ("search page", found)):
            if response.status_code != 403:
                problems.append(f"{surface}: {response.status_code}, not 403")
            problems += _revealed(surface, response, SECRETS + (ESTABLISHMENT,))
        return problems
    problems += _rows_problems("list page", listing, sight)
    problems += _rows_problems("search page", found, sight)
    if sight.tier is None:
        if detail.status_code != 404 or _main(detail) != not_found.page:
            problems.append(f"detail page: {detail.status_code}, not the page for a nominal that does not exist")
        problems += _revealed("detail page", detail, SECRETS + (ESTABLISHMENT,))
    else:
        problems += _detail_problems(detail, sight)
    return problems


def _rows_problems(surface, response, sight):
    """The list and search pages: one row at the right tier with what that tier shows, or none."""
    if response.status_code != 200:
        return [f"{surface}: {response.status_code}"]
    found = by_testid(response)
    rows = found.get("nominal-row", [])
    page = response.content.decode()
    problems = _revealed(surface, response, (HANDLING_NOTES, ORDER_CONDITIONS, VEHICLE))
    if (OCG_NAME in page) != sight.ocg:
        problems.append(f"{surface}: the OCG {'missing' if sight.ocg else 'shown'}")
    if sight.tier is None:
        if rows or found.get("empty-state") is None:
            problems.append(f"{surface}: rows {rows}, no empty state")
        return problems + _revealed(surface, response, (SURNAME, PNC_ID, "1979"))
    if len(rows) != 1:
        return problems + [f"{surface}: {len(rows)} rows"]
    row = rows[0]
    for shown in (NAME, TIER_LABELS[sight.tier], f"PNC {PNC_ID}", "9 Sep 1979"):
        if shown not in row:
            problems.append(f"{surface}: row lacks {shown!r}")
    for tier, label in TIER_LABELS.items():
        if tier != sight.tier and label in row:
            problems.append(f"{surface}: row tagged {label!r}")
    # A tier-2 row says its custody is not shared, unless the page has no "held at" column at all (a
    # viewer who reaches no nominal at tier 1: tests/nominals/test_list_page_layout.py).
    held_at = [ESTABLISHMENT] if sight.tier <= 1 else ["Not shared at your tier"] if "held-at-header" in found else None
    if found.get("held-at") != held_at:
        problems.append(f"{surface}: held at {found.get('held-at')}")
    return problems


def _detail_problems(response, sight):
    """The detail page: exactly the sections of the tier, each with what the viewer may see in it."""
    if response.status_code != 200:
        return [f"detail page: {response.status_code}"]
    found = by_testid(response)
    page = response.content.decode()
    problems = []

    def one(testid):
        return (found.get(testid) or [""])[0]

    fields = fields_for_tier("nominal", sight.tier)
    sections = {section for section in SECTION_FIELDS if section in found}
    expected = {section for section, field in SECTION_FIELDS.items() if field in fields}
    if sections != expected:
        extra, lacking = sorted(sections - expected), sorted(expected - sections)
        problems.append(f"detail page sections: extra {extra}, missing {lacking}")
    if one("nominal-name") != NAME:
        problems.append(f"detail page: name {one('nominal-name')!r}")
    for shown in (PNC_ID, DATE_OF_BIRTH, "Illegal drugs"):
        if shown not in one("identity-section"):
            problems.append(f"detail page: identity lacks {shown!r}")
    # Each value only where its tier (or, for the OCG and the vehicle, their own access) allows.
    for value, allowed in (
        (HANDLING_NOTES, sight.tier == 0),
        (ESTABLISHMENT, sight.tier <= 1),
        (ORDER_CONDITIONS, sight.tier <= 1),
        (OCG_NAME, sight.ocg),
        (VEHICLE, sight.tier <= 1 and sight.vehicle),
    ):
        if (value in page) != allowed:
            problems.append(f"detail page: {value!r} {'missing' if allowed else 'shown'}")
    if sight.tier <= 1:
        if one("held-at") != ESTABLISHMENT:
            problems.append(f"detail page: held at {one('held-at')!r}")
        if ("Principal" in one("memberships-section")) != sight.ocg:
            problems.append("detail page: the OCG membership role " + ("missing" if sight.ocg else "shown"))
    if TIER_LABELS[sight.tier] not in one("seeing-why"):
        shown = [label for label in TIER_LABELS.values() if label in one("seeing-why")]
        problems.append(f"detail page: 'what you are seeing' says {shown}")
    if not one("basis").startswith(sight.bases):
        problems.append(f"detail page: basis {one('basis')!r}, expected one of {list(sight.bases)}")
    if one("withheld") != WITHHELD[sight.tier]:
        problems.append(f"detail page: withheld {one('withheld')!r}")
    if ("owner-actions" in found) != (sight.tier == 0):
        problems.append("detail page: owner actions " + ("missing" if sight.tier == 0 else "shown"))
    return problems


def _hotspot_page_problems(response):
    """Tier 3: the same depersonalised counts for everyone signed in, naming nobody."""
    if response.status_code != 200:
        return [f"hotspot page: {response.status_code}"]
    problems = []
    if by_testid(response).get("hotspot-row") != [f"{ESTABLISHMENT} 1 1"]:
        problems.append(f"hotspot page rows {by_testid(response).get('hotspot-row')}")
    return problems + _revealed("hotspot page", response, SECRETS)


def _revealed(surface, response, values):
    page = response.content.decode()
    return [f"{surface}: reveals {value!r}" for value in values if value in page]


def _main(response):
    """The page's main content: what it says about the item, without the signed-in user's header."""
    match = re.search(r"<main\b.*?</main>", response.content.decode(), re.DOTALL)
    return match.group(0) if match else ""
