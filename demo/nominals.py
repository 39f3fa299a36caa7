"""The demo register's nominals (`seed_register` in demo.register loads them after the protocols): people
owned by Northshire Police, the two prisons and probation, with their custody, transfers, licence
supervision and orders. Written through nominals.services by each agency's analyst; idempotent by PNC ID,
prison number or CRN (or surname and date of birth when it has none). A nominal's custody, supervision
and orders are written when the nominal is, so a second run writes nothing."""

import datetime

from nominals.constants import CustodyCategory, Gender, OrderKind
from nominals.constants import RiskLevel as Risk
from nominals.models import Nominal
from nominals.normalise import normalise_identifier
from nominals.services.custody import custody_episode_add, order_add, supervision_add, transfer_record
from nominals.services.nominals import nominal_create
from ocgshare.constants import InformationCategory
from ocgshare.models import AccessSurface

from .common import EASTMOOR, NORTHSHIRE, POLICE, PROBATION, REGISTER_STAFF, days_ago, days_ahead, user_by_email

I = InformationCategory  # noqa: E741 - short aliases keep the tables below readable

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


def _find_nominal(owner, fields):
    # Within the owning agency: a synthetic data set (generate_dataset) may hold the same random identifiers.
    mine = Nominal.objects.filter(owning_agency=owner)
    for name in ("pnc_id", "prison_number", "crn"):
        if fields.get(name):
            return mine.filter(**{name: normalise_identifier(fields[name])}).first()
    return mine.filter(surname=fields["surname"], date_of_birth=fields["date_of_birth"]).first()


def seed_nominal(spec, agencies, tally):
    owner = agencies[spec["owner"]]
    nominal = _find_nominal(owner, spec["fields"])
    if nominal is not None:
        tally["nominals", "unchanged"] += 1
        return nominal
    actor = user_by_email(REGISTER_STAFF[spec["owner"]])
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
            received_on=days_ago(received),
            prison_number=number,
            category=category,
            released_on=days_ago(released) if released is not None else None,
            expected_release_date=days_ahead(expected) if expected is not None else None,
            licence_end_date=days_ahead(licence_end) if licence_end is not None else None,
        )
        tally["custody episodes", "created"] += 1
        if transfer is not None:
            to, days, reason = transfer
            transfer_record(
                surface=AccessSurface.SYSTEM,
                actor=actor,
                custody_episode=episode,
                to_establishment=agencies[to],
                transferred_on=days_ago(days),
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
            starts_on=days_ago(started),
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
            made_on=days_ago(made),
            expires_on=days_ahead(expires_in),
        )
        tally["lifetime-management orders", "created"] += 1
    return nominal
