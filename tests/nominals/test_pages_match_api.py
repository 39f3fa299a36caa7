"""The page and the API show the same record: for a nominal with every kind of child record (custody,
a release on licence, a transfer, probation supervision with licence conditions, orders, aliases, other
identifiers, an association, an entity, OCG memberships) and for an OCG, at each tier (the owner's
analyst at 0, a prison PIO at 1 under the protocol, the council's SPOC at 2), every value the API returns
appears on the page, in the section that shows it, and no value the API withholds at that tier appears.

Values are compared as the page prints them: dates as dates, vocabularies as their labels, tiers as
their tags, links to other records as links. Not compared: the API's own URL and the numeric keys of
child rows and of the owning agency (the page names the agency; it has no use for the number)."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.models import AgencyKind
from nominals.constants import (
    AssociationKind,
    CustodyCategory,
    EntityKind,
    Gender,
    MembershipRole,
    OCGBand,
    OCGStatus,
    OrderKind,
    RiskLevel,
)
from nominals.services.custody import custody_episode_add, order_add, supervision_add, transfer_record
from nominals.services.entities import association_add, entity_create, entity_link
from nominals.services.nominals import nominal_create
from nominals.services.ocgs import membership_add, ocg_create
from ocgshare.constants import InformationCategory, ThreatArea
from tests.factories import AgencyFactory, PrisonFactory

from .html import by_testid
from .pages_world import signed_in

pytestmark = pytest.mark.django_db

TIER_TAGS = {0: "Tier 0 originator", 1: "Tier 1 law enforcement", 2: "Tier 2 partnership"}
# Keys the comparison leaves out (see the module docstring).
NOT_COMPARED = {"url", "id", "owning_agency", "lead_agency", "custody_episode"}
# Keys holding the id of another register record: the page links to it.
LINKS = {"ocg": "nominals:ocg-detail", "nominal": "nominals:nominal-detail"}
LINKS |= {"nominal_a": LINKS["nominal"], "nominal_b": LINKS["nominal"]}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def subject(analyst, prison, active_protocol):
    """Everything the register can hold about one person, each value distinct, no date today's."""
    eastmoor = PrisonFactory(name="HMP Eastmoor")
    probation = AgencyFactory(name="Probation Service North West", kind=AgencyKind.PROBATION_REGION)
    person = nominal_create(
        actor=analyst,
        surname="Whitcombe",
        forenames="Aaron",
        date_of_birth=datetime.date(1985, 11, 23),
        gender=Gender.MALE,
        nationality="British",
        pnc_id="85/765432W",
        crn="X123456",
        risk_level=RiskLevel.VERY_HIGH,
        threat_areas=["illegal_drugs", "illegal_firearms"],
        aliases=[{"surname": "Whitcomb", "forenames": "Azza"}],
        other_identifiers=[{"kind": "National Insurance number", "value": "QQ123456C"}],
        handling_notes="Covert source: handle through the DSU only",
    )
    other = nominal_create(actor=analyst, surname="Quayle", forenames="Toby")
    custody_episode_add(
        actor=analyst,
        nominal=person,
        establishment=eastmoor,
        received_on=ago(3000),
        prison_number="B7654CD",
        category=CustodyCategory.C,
        released_on=ago(2500),
        licence_end_date=ago(2100),
    )
    episode = custody_episode_add(
        actor=analyst,
        nominal=person,
        establishment=eastmoor,
        received_on=ago(400),
        prison_number="A4321ZZ",
        category=CustodyCategory.B,
        expected_release_date=ago(-300),
    )
    transfer_record(
        actor=analyst, custody_episode=episode, to_establishment=prison, transferred_on=ago(350), reason="Overcrowding"
    )
    supervision_add(
        actor=analyst,
        nominal=person,
        region=probation,
        starts_on=ago(2500),
        ends_on=ago(2100),
        offender_manager="Jo Birchall",
        licence_conditions="Reside at approved premises\nNo contact with Toby Quayle",
    )
    order_add(
        actor=analyst,
        nominal=person,
        kind=OrderKind.TRAVEL_RESTRICTION,
        conditions="Surrender passport",
        made_on=ago(2450),
        expires_on=ago(-700),
    )
    association_add(
        actor=analyst,
        nominal_a=other,
        nominal_b=person,
        kind=AssociationKind.CO_DEFENDANT,
        started_on=ago(3100),
        ended_on=ago(2900),
        source="Court listing",
    )
    phone = entity_create(
        actor=analyst,
        kind=EntityKind.PHONE,
        value="07700900123",
        detail="Pay as you go",
        category=InformationCategory.BACKGROUND,
    )
    entity_link(
        actor=analyst,
        entity=phone,
        nominal=person,
        relationship="User",
        started_on=ago(380),
        ended_on=ago(360),
        source="Cell search",
    )
    crew = ocg_create(
        actor=analyst,
        reference="NP-OCG-0042",
        name="Harbour Street network",
        ocg_mapping_reference="NW-OCGM-9876",
        band=OCGBand.A,
        status=OCGStatus.ACTIVE,
        threat_areas=["illegal_firearms"],
        handling_notes="Subject of a live operation",
    )
    old_crew = ocg_create(actor=analyst, reference="NP-OCG-0043", name="Kessler family")
    membership_add(actor=analyst, ocg=crew, nominal=person, role=MembershipRole.PRINCIPAL, started_on=ago(1800))
    membership_add(
        actor=analyst,
        ocg=old_crew,
        nominal=person,
        role=MembershipRole.PERIPHERAL,
        started_on=ago(5000),
        ended_on=ago(4000),
    )
    membership_add(actor=analyst, ocg=crew, nominal=other, role=MembershipRole.SIGNIFICANT)
    van = entity_create(
        actor=analyst, kind=EntityKind.VEHICLE, value="HS19VAN", category=InformationCategory.BACKGROUND
    )
    entity_link(actor=analyst, entity=van, ocg=crew, relationship="Used for deliveries", started_on=ago(700))
    return person, crew


@pytest.fixture
def viewers(analyst, prison_pio, council_spoc):
    return {0: analyst, 1: prison_pio, 2: council_spoc}


# --- how the page prints an API value ----------------------------------------------------------------------


def _vocabulary(parent, key):
    """The choices a coded value comes from, by where it sits in the API's answer."""
    if key == "category":
        return CustodyCategory if parent == "custody_episodes" else InformationCategory
    if key == "kind":
        return {"orders": OrderKind, "entity": EntityKind, "associations": AssociationKind}.get(parent)
    return {
        "gender": Gender,
        "risk_level": RiskLevel,
        "level": RiskLevel,
        "threat_areas": ThreatArea,
        "role": MembershipRole,
        "band": OCGBand,
        "status": OCGStatus,
    }.get(key)


def _printed(parent, key, value):
    """The ways the page may print `value`: any one of them must appear."""
    if key == "viewer_tier":
        return [TIER_TAGS[value]]
    vocabulary = _vocabulary(parent, key)
    if vocabulary is not None:
        return [str(vocabulary(value).label)]
    if isinstance(value, str) and DATE.match(value):
        day = datetime.date.fromisoformat(value)
        return [f"{day:%-d %B %Y}", f"{day:%-d %b %Y}"]
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}T", value):
        day = timezone.localtime(datetime.datetime.fromisoformat(value)).date()
        return [f"{day:%-d %B %Y}", f"{day:%-d %b %Y}"]
    if key == "surname":
        return [value.upper()]
    return [re.sub(r"\s+", " ", str(value)).strip()]


def _leaves(data, path=()):
    """(path, value) of every value in an API answer; a list's items share their list's path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for item in data:
            yield from _leaves(item, path)
    else:
        yield path, data


def _expectations(data, own_id, sections):
    """(where on the page, what it must show) for each compared value: text in a section, or a link."""
    for path, value in _leaves(data):
        key, parent = path[-1], (path[-2] if len(path) > 1 else "")
        if value in (None, "") or key in NOT_COMPARED:
            continue
        if key in LINKS:
            if value != own_id or parent == "ocgs":
                yield "link", path, reverse(LINKS[key], args=[value])
            continue
        if key in ("nominal_a_name", "nominal_b_name") and value == own_name(data):
            continue  # the association seen from this person: the other side is named, they are the page
        yield sections.get(path[0], "main"), path, _printed(parent, key, value)


def own_name(data):
    return f"{data.get('surname', '').upper()}, {data.get('forenames')}" if "surname" in data else None


def _page(response):
    # A line break separates words as a space does.
    html = re.search(r"<main\b.*?</main>", response.content.decode(), re.DOTALL).group(0).replace("<br>", "<br> ")
    found = {testid: " ".join(texts) for testid, texts in by_testid(SimpleNamespace(content=html.encode())).items()}
    found["main"] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    found["main"] = found["main"].replace("&amp;", "&").replace("&#x27;", "'")
    return html, found


def _problems(api, response, own_id, sections, owner_api):
    html, found = _page(response)
    problems = []
    for where, path, shown in _expectations(api, own_id, sections):
        if where == "link":
            if f'href="{shown}"' not in html:
                problems.append(f"{'.'.join(path)}: no link to {shown}")
        elif not any(text in found.get(where, "") for text in shown):
            problems.append(f"{'.'.join(path)}: {shown[0]!r} not in {where}")
    # What the API withholds at this tier: the owner's values that appear nowhere in this viewer's answer.
    given = {text for _, _, shown in _expectations(api, own_id, sections) for text in shown}
    for _where, path, shown in _expectations(owner_api, own_id, sections):
        if _where != "link" and not set(shown) & given:
            problems += [f"{'.'.join(path)}: {text!r} shown" for text in shown if text in found["main"]]
    return problems


NOMINAL_SECTIONS = {
    "viewer_tier": "seeing-why",
    "handling_notes": "handling-notes-section",
    "current_establishment": "held-at",
    "custody_episodes": "timeline",
    "transfers": "timeline",
    "supervisions": "timeline",
    "orders": "orders-section",
    "memberships": "memberships-section",
    "associations": "associations-section",
    "entity_links": "entities-section",
    **dict.fromkeys(
        (
            "owning_agency_name", "category", "surname", "forenames", "aliases", "date_of_birth", "gender",
            "nationality", "pnc_id", "prison_number", "crn", "other_identifiers", "risk_level", "risk",
            "threat_areas", "ocgs", "created_at", "updated_at",
        ),
        "identity-section",
    ),
}  # fmt: skip
OCG_SECTIONS = {
    "viewer_tier": "seeing-why",
    "handling_notes": "handling-notes-section",
    "members": "members-section",
    "entity_links": "entities-section",
    **dict.fromkeys(
        (
            "lead_agency_name", "category", "reference", "ocg_mapping_reference", "band", "status",
            "threat_areas", "created_at", "updated_at",
        ),
        "ocg-summary",
    ),
    "name": "ocg-name",
}  # fmt: skip


@pytest.mark.parametrize("tier", [0, 1, 2])
def test_nominal_page_shows_what_the_api_shows_at_each_tier(client, viewers, analyst, subject, tier):
    person, _crew = subject
    owner_api = signed_in(client, analyst).get(f"/api/nominals/{person.pk}/").json()
    client = signed_in(client, viewers[tier])
    api = client.get(f"/api/nominals/{person.pk}/").json()
    response = client.get(reverse("nominals:nominal-detail", args=[person.pk]))

    assert api["viewer_tier"] == tier and response.status_code == 200
    assert not _problems(api, response, person.pk, NOMINAL_SECTIONS, owner_api)


@pytest.mark.parametrize("tier", [0, 1, 2])
def test_ocg_page_shows_what_the_api_shows_at_each_tier(client, viewers, analyst, subject, tier):
    _person, crew = subject
    owner_api = signed_in(client, analyst).get(f"/api/ocgs/{crew.pk}/").json()
    client = signed_in(client, viewers[tier])
    api = client.get(f"/api/ocgs/{crew.pk}/").json()
    response = client.get(reverse("nominals:ocg-detail", args=[crew.pk]))

    assert api["viewer_tier"] == tier and response.status_code == 200
    assert not _problems(api, response, crew.pk, OCG_SECTIONS, owner_api)


def test_the_licence_conditions_of_a_supervision_are_on_the_page_from_tier_1(client, viewers, subject):
    # The reproducer: the API returned them at tier 1 and the page showed them to no one.
    person, _crew = subject
    url = reverse("nominals:nominal-detail", args=[person.pk])

    for tier, shown in ((0, True), (1, True), (2, False)):
        _html, found = _page(signed_in(client, viewers[tier]).get(url))
        assert ("Reside at approved premises No contact with Toby Quayle" in found["main"]) is shown, tier
