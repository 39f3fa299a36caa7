"""The demo partnership's protocols and register (`manage.py seed_demo` calls `seed_register` once the
agencies and users exist): the three information-sharing protocols of demo.protocols, the nominals of
demo.nominals with their custody, a transfer, licence supervision and a serious crime prevention order,
then (here) three OCGs with their members in and out of HMP Northshire and HMP Eastmoor, associations
(one visitor linked to several prisoners) and entities. Every person, address, phone, vehicle and account
is invented; the phone numbers are in Ofcom's range reserved for drama.

Everything is written through the real services, acting as the demo user who would do it, so the data
obeys the same rules as data entered on the pages, and the protocols hold the grants an active
protocol holds. Idempotent by natural keys: a protocol by its reference, a nominal by its PNC ID,
prison number or CRN (or surname and date of birth when it has none), an OCG by its reference, and
memberships, associations, entities and links by what they join. A nominal's custody, supervision and
orders are written when the nominal is, so a second run writes nothing at all.
"""

from agencies.models import Agency
from nominals.constants import AssociationKind, EntityKind, MembershipRole, OCGBand
from nominals.models import OCG, Association, Entity, EntityLink, OCGMembership
from nominals.normalise import normalise_entity_value, normalise_identifier
from nominals.services.entities import association_add, entity_create, entity_link
from nominals.services.ocgs import membership_add, ocg_create
from ocgshare.models import AccessSurface

from .common import EASTMOOR, NORTHSHIRE, POLICE, REGISTER_STAFF, days_ago, user_by_email
from .nominals import NOMINALS, seed_nominal
from .protocols import seed_protocols

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


def seed_register(*, tally):
    """Load the demo protocols and register, counting (label, "created" / "unchanged") in `tally`."""
    agencies = {agency.name: agency for agency in Agency.objects.all()}
    seed_protocols(agencies, tally)
    nominals = {key: seed_nominal(spec, agencies, tally) for key, spec in NOMINALS.items()}
    ocgs = {spec["fields"]["reference"]: _seed_ocg(spec, nominals, tally) for spec in OCGS}
    for owner, a, b, kind, started, source in ASSOCIATIONS:
        _seed_association(owner, nominals[a], nominals[b], kind, started, source, tally)
    for owner, kind, value, detail, links in ENTITIES:
        _seed_entity(owner, kind, value, detail, links, nominals, ocgs, tally)


def _seed_ocg(spec, nominals, tally):
    actor = user_by_email(REGISTER_STAFF[spec["lead"]])
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
            started_on=days_ago(started),
            ended_on=days_ago(ended) if ended is not None else None,
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
        actor=user_by_email(REGISTER_STAFF[owner]),
        nominal_a=nominal_a,
        nominal_b=nominal_b,
        kind=kind,
        started_on=days_ago(started) if started is not None else None,
        source=source,
    )
    tally["associations", "created"] += 1


def _seed_entity(owner, kind, value, detail, links, nominals, ocgs, tally):
    actor = user_by_email(REGISTER_STAFF[owner])
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
