"""The demo partnership's protocols and register (`manage.py seed_demo` calls `seed_register` once the
agencies and users exist): three information-sharing protocols — police, prisons and probation at
tier 1 (active); the wider Northshire partnership at tier 2 (active); a ROCU protocol awaiting trading
standards' signature — then three OCGs, their members in and out of HMP Northshire and HMP Eastmoor,
custody, a transfer, licence supervision, a serious crime prevention order, associations (one visitor
linked to several prisoners) and entities. Every person, address, phone, vehicle and account is
invented; the phone numbers are in Ofcom's range reserved for drama.

Everything is written through the real services, acting as the demo user who would do it, so the data
obeys the same rules as data entered on the pages, and the protocols hold the grants an active
protocol holds. Idempotent by natural keys: a protocol by its reference, a nominal by its PNC ID,
prison number or CRN (or surname and date of birth when it has none), an OCG by its reference, and
memberships, associations, entities and links by what they join. A nominal's custody, supervision and
orders are written when the nominal is, so a second run writes nothing at all.
"""

import datetime

from django.utils import timezone

from accounts.models import User
from agencies.models import Agency
from ocgshare.constants import InformationCategory
from ocgshare.models import AccessSurface
from protocols import services as protocol_services
from protocols.constants import SanitisationTier
from protocols.models import Protocol

from ..constants import AssociationKind, CustodyCategory, EntityKind, Gender, MembershipRole, OCGBand, OrderKind
from ..constants import RiskLevel as Risk
from ..models import OCG, Association, Entity, EntityLink, Nominal, OCGMembership
from ..normalise import normalise_entity_value, normalise_identifier
from ..services.custody import custody_episode_add, order_add, supervision_add, transfer_record
from ..services.entities import association_add, entity_create, entity_link
from ..services.nominals import nominal_create
from ..services.ocgs import membership_add, ocg_create

I = InformationCategory  # noqa: E741 - short aliases keep the tables below readable
ALL = list(I.values)
T1, T2 = SanitisationTier.LAW_ENFORCEMENT, SanitisationTier.PARTNERSHIP

POLICE = "Northshire Police"
NORTHSHIRE = "HMP Northshire"
EASTMOOR = "HMP Eastmoor"
PROBATION = "Probation Service North West"
ROCU = "North West Regional Organised Crime Unit"

# Who writes each agency's register entries: its analyst, vetted to SC.
REGISTER_STAFF = {
    POLICE: "analyst@police.example",
    NORTHSHIRE: "security.northshire@prison.example",
    EASTMOOR: "security.eastmoor@prison.example",
    PROBATION: "intelligence@probation.example",
}

# --- protocols ------------------------------------------------------------------------------------------
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

# --- nominals -------------------------------------------------------------------------------------------
# key: (owning agency, fields for nominal_create, aliases, custody, supervision, orders).
# custody: (establishment, received days ago, prison number, category, released days ago or None,
#           expected release in days or None, licence ends in days or None, transfer or None) where a
#           transfer is (to establishment, days ago, reason).

NOMINALS = {
    "hollis": {
        "owner": POLICE,
        "fields": {
            "surname": "Hollis",
            "forenames": "Jason Lee",
            "date_of_birth": datetime.date(1988, 3, 14),
            "gender": Gender.MALE,
            "nationality": "British",
            "pnc_id": "06/214733K",
            "risk_level": Risk.VERY_HIGH,
            "handling_notes": "Subject of an ongoing covert police operation. Do not raise his phone use with him "
            "or with establishment staff without speaking to DCI Bellamy first.",
        },
        "threat_areas": ["illegal_drugs", "illegal_firearms"],
        "aliases": [{"surname": "Hollis", "forenames": "Jay"}, {"surname": "Hollins", "forenames": "Jason"}],
        "custody": (
            NORTHSHIRE,
            420,
            "A1187HS",
            CustodyCategory.B,
            None,
            700,
            None,
            (EASTMOOR, 90, "Re-categorised to C; moved away from his associates on the Northshire wings"),
        ),
    },
    "marsden": {
        "owner": POLICE,
        "fields": {
            "surname": "Marsden",
            "forenames": "Kyle",
            "date_of_birth": datetime.date(1995, 11, 2),
            "gender": Gender.MALE,
            "nationality": "British",
            "pnc_id": "12/558120T",
            "risk_level": Risk.HIGH,
        },
        "threat_areas": ["illegal_drugs"],
        "aliases": [{"surname": "Marsden", "forenames": "K-Dog"}],
    },
    "oyelaran": {
        "owner": POLICE,
        "fields": {
            "surname": "Oyelaran",
            "forenames": "Tobi",
            "date_of_birth": datetime.date(2003, 6, 21),
            "gender": Gender.MALE,
            "nationality": "British",
            "pnc_id": "19/330981M",
            "risk_level": Risk.MEDIUM,
            # What he has been doing lately: shared only with partners whose protocol covers recent activity.
            "category": I.RECENT_ACTIVITY,
        },
        "threat_areas": ["illegal_drugs"],
    },
    "victor_kessler": {
        "owner": POLICE,
        "fields": {
            "surname": "Kessler",
            "forenames": "Victor",
            "date_of_birth": datetime.date(1971, 8, 30),
            "gender": Gender.MALE,
            "nationality": "British",
            "pnc_id": "89/104562R",
            "risk_level": Risk.HIGH,
            "category": I.FINANCIAL,
        },
        "threat_areas": ["money_laundering", "fraud"],
        "orders": [
            (
                OrderKind.SCPO,
                500,
                1325,
                "Must tell Northshire Police of every bank account and every business he owns, manages or works for "
                "within 3 days; may not own or use more than one mobile phone; may not carry more than £1,000 in cash.",
            ),
        ],
    },
    "lorna_kessler": {
        "owner": POLICE,
        "fields": {
            "surname": "Kessler",
            "forenames": "Lorna",
            "date_of_birth": datetime.date(1974, 2, 9),
            "gender": Gender.FEMALE,
            "nationality": "British",
            "pnc_id": "98/771045D",
            "risk_level": Risk.MEDIUM,
            "category": I.FINANCIAL,
        },
        "threat_areas": ["money_laundering"],
        "aliases": [{"surname": "Pryor", "forenames": "Lorna"}],
        "other_identifiers": [{"kind": "National Insurance number", "value": "QQ123456C"}],
    },
    "bradshaw": {
        "owner": NORTHSHIRE,
        "fields": {
            "surname": "Bradshaw",
            "forenames": "Connor",
            "date_of_birth": datetime.date(1997, 4, 17),
            "gender": Gender.MALE,
            "nationality": "British",
            "pnc_id": "14/671204H",
            "prison_number": "A4821DK",
            "risk_level": Risk.HIGH,
        },
        "threat_areas": ["illegal_drugs"],
        "custody": (NORTHSHIRE, 240, "A4821DK", CustodyCategory.B, None, 900, None, None),
    },
    "fletcher": {
        "owner": NORTHSHIRE,
        "fields": {
            "surname": "Fletcher",
            "forenames": "Dean",
            "date_of_birth": datetime.date(1990, 12, 5),
            "gender": Gender.MALE,
            "nationality": "British",
            "prison_number": "A7310FN",
            "risk_level": Risk.MEDIUM,
        },
        "threat_areas": ["organised_acquisitive_crime"],
        "custody": (NORTHSHIRE, 730, "A7310FN", CustodyCategory.C, None, 150, None, None),
    },
    "rowe": {
        "owner": NORTHSHIRE,
        "fields": {
            "surname": "Rowe",
            "forenames": "Kelly-Ann",
            "date_of_birth": datetime.date(1993, 7, 28),
            "gender": Gender.FEMALE,
            "nationality": "British",
            "risk_level": Risk.LOW,
            # Known from the visits log: lifestyle information (associates and movements).
            "category": I.LIFESTYLE,
            "handling_notes": "Suspected of conveying packages into visits halls. Searched on two visits with "
            "nothing found; do not let establishment staff know she is being monitored.",
        },
        "threat_areas": ["illegal_drugs"],
    },
    "quinlan": {
        "owner": EASTMOOR,
        "fields": {
            "surname": "Quinlan",
            "forenames": "Reece",
            "date_of_birth": datetime.date(1986, 1, 19),
            "gender": Gender.MALE,
            "nationality": "Irish",
            "pnc_id": "04/402276W",
            "prison_number": "A2290EM",
            "risk_level": Risk.HIGH,
        },
        "threat_areas": ["illegal_drugs", "bribery_corruption_sanctions"],
        "aliases": [{"surname": "Quinn", "forenames": "Reece"}],
        "custody": (EASTMOOR, 1100, "A2290EM", CustodyCategory.C, None, 400, None, None),
    },
    "prentice": {
        "owner": EASTMOOR,
        "fields": {
            "surname": "Prentice",
            "forenames": "Shane",
            "date_of_birth": datetime.date(1999, 9, 3),
            "gender": Gender.MALE,
            "nationality": "British",
            "prison_number": "A6157GR",
            "risk_level": Risk.MEDIUM,
        },
        "threat_areas": ["illegal_drugs"],
        "custody": (EASTMOOR, 365, "A6157GR", CustodyCategory.C, None, 200, None, None),
    },
    "langford": {
        "owner": EASTMOOR,
        "fields": {
            "surname": "Langford",
            "forenames": "Abigail",
            "date_of_birth": datetime.date(1991, 5, 12),
            "gender": Gender.FEMALE,
            "nationality": "British",
            "risk_level": Risk.MEDIUM,
            "handling_notes": "Operational support grade at HMP Eastmoor. Subject of a professional standards "
            "investigation into conveying phones: never discuss with establishment staff.",
        },
        "threat_areas": ["bribery_corruption_sanctions"],
    },
    "whitcombe": {
        "owner": PROBATION,
        "fields": {
            "surname": "Whitcombe",
            "forenames": "Aaron",
            "date_of_birth": datetime.date(1992, 10, 11),
            "gender": Gender.MALE,
            "nationality": "British",
            "pnc_id": "09/902315B",
            "prison_number": "A9034CW",
            "crn": "D482913",
            "risk_level": Risk.HIGH,
            "handling_notes": "Licence recall is being considered: his offender manager is gathering evidence of "
            "contact with the Harbour Street network.",
        },
        "threat_areas": ["illegal_drugs"],
        "custody": (NORTHSHIRE, 1150, "A9034CW", CustodyCategory.C, 120, None, 425, None),
        "supervision": (
            120,
            "Dawn Ashby",
            "Reside at the approved premises at 14 Canal Row and keep a curfew from 19:00 to 07:00, electronically "
            "monitored. No contact with Jason Hollis or any member of the Harbour Street network. Own no more "
            "than one mobile phone, declared to the offender manager. Do not enter the Harbour Street area of "
            "Northshire.",
        ),
    },
    "naylor": {
        "owner": PROBATION,
        "fields": {
            "surname": "Naylor",
            "forenames": "Gemma",
            "date_of_birth": datetime.date(1989, 3, 2),
            "gender": Gender.FEMALE,
            "nationality": "British",
            "pnc_id": "10/118402F",
            "crn": "E117408",
            "risk_level": Risk.LOW,
            "category": I.FINANCIAL,
        },
        "threat_areas": ["money_laundering"],
        "supervision": (300, "Marcus Obi", ""),
    },
}

# --- OCGs and memberships -------------------------------------------------------------------------------

OCGS = [
    {
        "lead": POLICE,
        "fields": {
            "reference": "NP-OCG-0007",
            "name": "Harbour Street network",
            "ocg_mapping_reference": "NW-OCGM-10417",
            "band": OCGBand.A,
            "handling_notes": "Firearms intelligence about this group is held by the Serious and Organised Crime "
            "Unit only; ask the analyst before any overt action.",
        },
        "threat_areas": ["illegal_drugs", "illegal_firearms"],
        # (nominal, role, started days ago, ended days ago or None)
        "members": [
            ("hollis", MembershipRole.PRINCIPAL, 1800, None),
            ("marsden", MembershipRole.SIGNIFICANT, 1200, None),
            ("bradshaw", MembershipRole.SIGNIFICANT, 900, None),
            ("whitcombe", MembershipRole.SIGNIFICANT, 1500, None),
            ("oyelaran", MembershipRole.PERIPHERAL, 200, None),
        ],
    },
    {
        "lead": POLICE,
        "fields": {
            "reference": "NP-OCG-0012",
            "name": "Kessler family",
            "ocg_mapping_reference": "NW-OCGM-10988",
            "band": OCGBand.C,
        },
        "threat_areas": ["money_laundering", "fraud"],
        "members": [
            ("victor_kessler", MembershipRole.PRINCIPAL, 3000, None),
            ("lorna_kessler", MembershipRole.SIGNIFICANT, 3000, None),
            ("naylor", MembershipRole.PERIPHERAL, 900, 250),
        ],
    },
    {
        "lead": EASTMOOR,
        "fields": {
            "reference": "HMPE-OCG-0003",
            "name": "Eastmoor landing supply group",
            "ocg_mapping_reference": "NW-OCGM-11230",
            "band": OCGBand.D,
        },
        "threat_areas": ["illegal_drugs", "bribery_corruption_sanctions"],
        "members": [
            ("quinlan", MembershipRole.PRINCIPAL, 800, None),
            ("hollis", MembershipRole.SIGNIFICANT, 80, None),
            ("prentice", MembershipRole.PERIPHERAL, 300, None),
        ],
    },
]

# --- associations and entities --------------------------------------------------------------------------

# (recorded by, nominal a, nominal b, kind, started days ago or None, source)
ASSOCIATIONS = [
    (NORTHSHIRE, "rowe", "bradshaw", AssociationKind.VISITOR, 200, "Visits log, HMP Northshire"),
    (NORTHSHIRE, "rowe", "fletcher", AssociationKind.VISITOR, 400, "Visits log, HMP Northshire"),
    (NORTHSHIRE, "rowe", "hollis", AssociationKind.VISITOR, 380, "Visits log, HMP Northshire"),
    (EASTMOOR, "rowe", "quinlan", AssociationKind.VISITOR, 150, "Visits log, HMP Eastmoor"),
    (EASTMOOR, "quinlan", "prentice", AssociationKind.CELLMATE, 300, "Cell allocation, B wing"),
    (EASTMOOR, "langford", "quinlan", AssociationKind.STAFF_MEMBER, 250, "Security information reports"),
    (POLICE, "victor_kessler", "lorna_kessler", AssociationKind.FAMILY, None, "Married; electoral register"),
    (POLICE, "hollis", "whitcombe", AssociationKind.CO_DEFENDANT, 1200, "Co-defendants, Northshire Crown Court"),
    (POLICE, "marsden", "bradshaw", AssociationKind.ASSOCIATE, 700, "Stop and search records"),
]

# (owning agency, kind, value, detail, [(nominal key or None, OCG reference or None, relationship)])
ENTITIES = [
    (
        POLICE,
        EntityKind.ADDRESS,
        "NT4 7QP, 23 Harbour Street",
        "Terraced house; believed stash address.",
        [
            ("marsden", None, "home address"),
            (None, "NP-OCG-0007", "stash address"),
        ],
    ),
    (
        POLICE,
        EntityKind.VEHICLE,
        "NX19 KLM",
        "Black Audi A3 hatchback.",
        [
            ("marsden", None, "registered keeper"),
            ("oyelaran", None, "seen driving"),
        ],
    ),
    (
        POLICE,
        EntityKind.PHONE,
        "07700 900417",
        "Pay-as-you-go handset.",
        [
            ("hollis", None, "contact number called from prison"),
            ("marsden", None, "attributed user"),
        ],
    ),
    (
        POLICE,
        EntityKind.BUSINESS,
        "Kessler Hand Car Wash Limited",
        "Cash business on the Riverside retail park.",
        [
            ("victor_kessler", None, "owner"),
            ("lorna_kessler", None, "director"),
            (None, "NP-OCG-0012", "cash business used to launder proceeds"),
        ],
    ),
    (
        POLICE,
        EntityKind.BANK_ACCOUNT,
        "99-12-34 70112358",
        "Business current account.",
        [
            ("lorna_kessler", None, "account holder"),
            (None, "NP-OCG-0012", "receives car wash takings"),
        ],
    ),
    (
        NORTHSHIRE,
        EntityKind.ADDRESS,
        "NT1 3BX, Flat 4 Mariner Court",
        "Given when booking visits.",
        [
            ("rowe", None, "home address"),
        ],
    ),
    (
        EASTMOOR,
        EntityKind.PHONE,
        "07700 900862",
        "Illicit handset found in a cell on B wing.",
        [
            ("quinlan", None, "seized from his cell"),
            (None, "HMPE-OCG-0003", "handset used to run the landing supply"),
        ],
    ),
]


# --- seeding --------------------------------------------------------------------------------------------


def _days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def _days_ahead(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def _user(email):
    # Read afresh each time: the access engine caches what a user may see on the user object, and
    # that changes as the protocols become active.
    return User.objects.get(email=email)


def seed_register(*, tally):
    """Load the demo protocols and register, counting (label, "created" / "unchanged") in `tally`."""
    agencies = {agency.name: agency for agency in Agency.objects.all()}
    for spec in PROTOCOLS:
        _seed_protocol(spec, agencies, tally)
    nominals = {key: _seed_nominal(spec, agencies, tally) for key, spec in NOMINALS.items()}
    ocgs = {spec["fields"]["reference"]: _seed_ocg(spec, nominals, tally) for spec in OCGS}
    for owner, a, b, kind, started, source in ASSOCIATIONS:
        _seed_association(owner, nominals[a], nominals[b], kind, started, source, tally)
    for owner, kind, value, detail, links in ENTITIES:
        _seed_entity(owner, kind, value, detail, links, nominals, ocgs, tally)


def _seed_protocol(spec, agencies, tally):
    if Protocol.objects.filter(reference=spec["reference"]).exists():
        tally["protocols", "unchanged"] += 1
        return
    creator = _user(spec["creator"])
    start = _days_ago(spec["starts_days_ago"])
    protocol = protocol_services.protocol_create_from_template(
        actor=creator,
        reference=spec["reference"],
        title=spec["title"],
        start_date=start,
        end_date=protocol_services.add_months(start, 36),
    )
    if "purposes_addition" in spec:
        protocol = protocol_services.protocol_update(
            actor=creator, protocol=protocol, purposes=f"{protocol.purposes}\n\n{spec['purposes_addition']}"
        )
    if "lead_categories" in spec:
        lead = protocol.parties.get(agency=creator.agency)
        protocol_services.party_update(
            actor=creator, party=lead, max_tier=lead.max_tier, categories=spec["lead_categories"], signatory=creator
        )
    for agency_name, tier, categories, signatory in spec["parties"]:
        protocol_services.party_add(
            actor=creator,
            protocol=protocol,
            agency=agencies[agency_name],
            max_tier=tier,
            categories=categories,
            signatory=_user(signatory),
        )
    protocol_services.protocol_submit_for_signature(actor=creator, protocol=protocol)
    for email in spec["signed_by"]:
        protocol_services.protocol_sign(actor=_user(email), protocol=protocol)
    tally["protocols", "created"] += 1


def _find_nominal(owner, fields):
    # Within the owning agency: a synthetic data set (generate_dataset) may hold the same random identifiers.
    mine = Nominal.objects.filter(owning_agency=owner)
    for name in ("pnc_id", "prison_number", "crn"):
        if fields.get(name):
            return mine.filter(**{name: normalise_identifier(fields[name])}).first()
    return mine.filter(surname=fields["surname"], date_of_birth=fields["date_of_birth"]).first()


def _seed_nominal(spec, agencies, tally):
    owner = agencies[spec["owner"]]
    nominal = _find_nominal(owner, spec["fields"])
    if nominal is not None:
        tally["nominals", "unchanged"] += 1
        return nominal
    actor = _user(REGISTER_STAFF[spec["owner"]])
    nominal = nominal_create(
        surface=AccessSurface.SYSTEM,
        actor=actor,
        threat_areas=spec.get("threat_areas", ()),
        aliases=spec.get("aliases", ()),
        other_identifiers=spec.get("other_identifiers", ()),
        **spec["fields"],
    )
    tally["nominals", "created"] += 1
    if "custody" in spec:
        establishment, received, number, category, released, expected, licence_end, transfer = spec["custody"]
        episode = custody_episode_add(
            surface=AccessSurface.SYSTEM,
            actor=actor,
            nominal=nominal,
            establishment=agencies[establishment],
            received_on=_days_ago(received),
            prison_number=number,
            category=category,
            released_on=_days_ago(released) if released is not None else None,
            expected_release_date=_days_ahead(expected) if expected is not None else None,
            licence_end_date=_days_ahead(licence_end) if licence_end is not None else None,
        )
        tally["custody episodes", "created"] += 1
        if transfer is not None:
            to, days, reason = transfer
            transfer_record(
                surface=AccessSurface.SYSTEM,
                actor=actor,
                custody_episode=episode,
                to_establishment=agencies[to],
                transferred_on=_days_ago(days),
                reason=reason,
            )
            tally["transfers", "created"] += 1
    if "supervision" in spec:
        started, offender_manager, conditions = spec["supervision"]
        supervision_add(
            surface=AccessSurface.SYSTEM,
            actor=actor,
            nominal=nominal,
            region=agencies[PROBATION],
            starts_on=_days_ago(started),
            offender_manager=offender_manager,
            licence_conditions=conditions,
        )
        tally["probation supervisions", "created"] += 1
    for kind, made, expires_in, conditions in spec.get("orders", ()):
        order_add(
            surface=AccessSurface.SYSTEM,
            actor=actor,
            nominal=nominal,
            kind=kind,
            conditions=conditions,
            made_on=_days_ago(made),
            expires_on=_days_ahead(expires_in),
        )
        tally["lifetime-management orders", "created"] += 1
    return nominal


def _seed_ocg(spec, nominals, tally):
    actor = _user(REGISTER_STAFF[spec["lead"]])
    ocg = OCG.objects.filter(reference=normalise_identifier(spec["fields"]["reference"])).first()
    if ocg is None:
        ocg = ocg_create(surface=AccessSurface.SYSTEM, actor=actor, threat_areas=spec["threat_areas"], **spec["fields"])
        tally["OCGs", "created"] += 1
    else:
        tally["OCGs", "unchanged"] += 1
    for key, role, started, ended in spec["members"]:
        nominal = nominals[key]
        if OCGMembership.objects.filter(ocg=ocg, nominal=nominal).exists():
            tally["OCG memberships", "unchanged"] += 1
            continue
        membership_add(
            surface=AccessSurface.SYSTEM,
            actor=actor,
            ocg=ocg,
            nominal=nominal,
            role=role,
            started_on=_days_ago(started),
            ended_on=_days_ago(ended) if ended is not None else None,
        )
        tally["OCG memberships", "created"] += 1
    return ocg


def _seed_association(owner, nominal_a, nominal_b, kind, started, source, tally):
    pair = [nominal_a.pk, nominal_b.pk]
    if Association.objects.filter(nominal_a__in=pair, nominal_b__in=pair, kind=kind).exists():
        tally["associations", "unchanged"] += 1
        return
    association_add(
        surface=AccessSurface.SYSTEM,
        actor=_user(REGISTER_STAFF[owner]),
        nominal_a=nominal_a,
        nominal_b=nominal_b,
        kind=kind,
        started_on=_days_ago(started) if started is not None else None,
        source=source,
    )
    tally["associations", "created"] += 1


def _seed_entity(owner, kind, value, detail, links, nominals, ocgs, tally):
    actor = _user(REGISTER_STAFF[owner])
    normal_value, _ = normalise_entity_value(kind, value)
    entity = Entity.objects.filter(owning_agency=actor.agency, kind=kind, value=normal_value).first()
    if entity is None:
        entity = entity_create(surface=AccessSurface.SYSTEM, actor=actor, kind=kind, value=value, detail=detail)
        tally["entities", "created"] += 1
    else:
        tally["entities", "unchanged"] += 1
    for nominal_key, ocg_reference, relationship in links:
        nominal = nominals[nominal_key] if nominal_key else None
        ocg = ocgs[ocg_reference] if ocg_reference else None
        if EntityLink.objects.filter(entity=entity, nominal=nominal, ocg=ocg, relationship=relationship).exists():
            tally["entity links", "unchanged"] += 1
            continue
        entity_link(
            surface=AccessSurface.SYSTEM,
            actor=actor,
            entity=entity,
            relationship=relationship,
            nominal=nominal,
            ocg=ocg,
        )
        tally["entity links", "created"] += 1
