"""The demo's three information-sharing protocols (`seed_register` in demo.register loads them first): police,
prisons and probation at tier 1 (active); the wider Northshire partnership at tier 2 (active); a ROCU
protocol awaiting trading standards' signature. Each is written through protocols.services as its
parties' administrators would, so an active one holds exactly the grants an active protocol holds.
Idempotent by reference."""

from ocgshare.constants import InformationCategory
from protocols.constants import SanitisationTier
from protocols.models import Protocol
from protocols.services.common import add_months
from protocols.services.drafting import protocol_create_from_template, protocol_update
from protocols.services.parties import party_add, party_update
from protocols.services.signatures import protocol_sign, protocol_submit_for_signature

from .common import EASTMOOR, NORTHSHIRE, POLICE, PROBATION, days_ago, user_by_email

I = InformationCategory  # noqa: E741 - short aliases keep the tables below readable
ALL = list(I.values)
T1, T2 = SanitisationTier.LAW_ENFORCEMENT, SanitisationTier.PARTNERSHIP

# Each protocol is created by its lead agency's administrator (who becomes the lead party's signatory),
# gets its other parties as (agency, tier, categories, signatory), is sent for signature and is signed by
# the parties in `signed_by`; it is active once the last one signs.

PROTOCOLS = [
    {
        "reference": "NSH-ISP-01",
        "title": "Northshire police, prisons and probation: managing OCG nominals in custody and on licence",
        "creator": "admin@police.example",
        "starts_days_ago": 120,
        "parties": [
            (NORTHSHIRE, T1, ALL, "admin.northshire@prison.example"),
            (EASTMOOR, T1, ALL, "admin.eastmoor@prison.example"),
            (PROBATION, T1, ALL, "admin@probation.example"),
        ],
        "signed_by": [
            "admin@police.example",
            "admin.northshire@prison.example",
            "admin.eastmoor@prison.example",
            "admin@probation.example",
        ],
    },
    {
        "reference": "NSH-ISP-02",
        "title": "Northshire Serious and Organised Crime Partnership",
        "creator": "admin@council.example",
        "starts_days_ago": 60,
        "purposes_addition": (
            "Local addition (Northshire): the council, its housing service and Northshire Homes use information "
            "received under this protocol to enforce tenancy conditions against OCG members and to close "
            "premises used for drug supply or exploitation; DWP and HMRC use it to open benefit and tax "
            "investigations into OCG members and the businesses they control."
        ),
        # The council leads at tier 2 but does not need financial information.
        "lead_categories": [I.BACKGROUND, I.LIFESTYLE, I.RECENT_ACTIVITY, I.ENFORCEMENT],
        "parties": [
            (POLICE, T1, ALL, "admin@police.example"),
            (NORTHSHIRE, T1, ALL, "admin.northshire@prison.example"),
            (EASTMOOR, T1, ALL, "admin.eastmoor@prison.example"),
            (PROBATION, T1, ALL, "admin@probation.example"),
            (
                "Northshire City Council Housing",
                T2,
                [I.BACKGROUND, I.LIFESTYLE, I.ENFORCEMENT],
                "admin.housing@council.example",
            ),
            ("Northshire Homes", T2, [I.BACKGROUND, I.LIFESTYLE], "admin@homes.example"),
            ("Department for Work and Pensions", T2, [I.BACKGROUND, I.FINANCIAL], "admin@dwp.example"),
            ("HM Revenue and Customs", T2, [I.BACKGROUND, I.FINANCIAL], "admin@hmrc.example"),
        ],
        "signed_by": [
            "admin@council.example",
            "admin@police.example",
            "admin.northshire@prison.example",
            "admin.eastmoor@prison.example",
            "admin@probation.example",
            "admin.housing@council.example",
            "admin@homes.example",
            "admin@dwp.example",
            "admin@hmrc.example",
        ],
    },
    {
        "reference": "NW-ROCU-ISP-01",
        "title": "Prison drug and phone markets: regional and trading standards disruption",
        "creator": "admin@rocu.example",
        "starts_days_ago": 10,
        "parties": [
            (POLICE, T1, ALL, "admin@police.example"),
            (
                "Northshire City Council Trading Standards",
                T2,
                [I.BACKGROUND, I.FINANCIAL, I.RECENT_ACTIVITY],
                "admin.tradingstandards@council.example",
            ),
        ],
        # Trading standards has not signed yet: sign in as its administrator to sign it.
        "signed_by": ["admin@rocu.example", "admin@police.example"],
    },
]


def seed_protocols(agencies, tally):
    """Create each protocol not there yet; `agencies` maps names to agencies."""
    for spec in PROTOCOLS:
        _seed_protocol(spec, agencies, tally)


def _seed_protocol(spec, agencies, tally):
    if Protocol.objects.filter(reference=spec["reference"]).exists():
        tally["protocols", "unchanged"] += 1
        return
    creator = user_by_email(spec["creator"])
    start = days_ago(spec["starts_days_ago"])
    protocol = protocol_create_from_template(
        actor=creator,
        reference=spec["reference"],
        title=spec["title"],
        start_date=start,
        end_date=add_months(start, 36),
    )
    if "purposes_addition" in spec:
        protocol = protocol_update(
            actor=creator, protocol=protocol, purposes=f"{protocol.purposes}\n\n{spec['purposes_addition']}"
        )
    if "lead_categories" in spec:
        lead = protocol.parties.get(agency=creator.agency)
        party_update(
            actor=creator, party=lead, max_tier=lead.max_tier, categories=spec["lead_categories"], signatory=creator
        )
    for agency_name, tier, categories, signatory in spec["parties"]:
        party_add(
            actor=creator,
            protocol=protocol,
            agency=agencies[agency_name],
            max_tier=tier,
            categories=categories,
            signatory=user_by_email(signatory),
        )
    protocol_submit_for_signature(actor=creator, protocol=protocol)
    for email in spec["signed_by"]:
        protocol_sign(actor=user_by_email(email), protocol=protocol)
    tally["protocols", "created"] += 1
