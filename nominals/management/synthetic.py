"""Synthetic register data at any scale, for benchmarks (`manage.py generate_dataset`).

Builds agencies in the national mix (police forces, prisons, probation regions, ROCUs and partners),
users with roles, vetting and their agency groups, information-sharing protocols with parties and
categories — active ones holding exactly the grant rows protocols.services gives an active protocol —
and the register: nominals with aliases, identifiers, custody episodes and transfers, supervision and
orders; OCGs with members; entities with links; associations; a few need-to-know grants.

Everything it creates hangs off agencies whose names start with MARKER, so it can be found, counted
and removed without touching anything else (seed_demo's data in particular). The same seed gives the
same data (dates are counted back from the day it runs). Large tables are written with COPY on
PostgreSQL and with bulk_create elsewhere; primary keys are assigned here so rows can refer to each
other before they are written.
"""

import datetime
import enum
import random
import time
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import Role, User, UserRole, VettingLevel
from agencies.models import Agency, AgencyKind, AgencyLevel, PrisonCategory, PrisonOperator, Region, ThreatArea
from ocgshare.constants import InformationCategory
from protocols import services as protocol_services
from protocols.constants import ProtocolStatus, SanitisationTier
from protocols.models import (
    Protocol,
    ProtocolGroupObjectPermission,
    ProtocolParty,
    ProtocolPartyCategory,
    ProtocolTemplate,
)

from ..constants import (
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
from ..models import (
    OCG,
    Association,
    CustodyEpisode,
    Entity,
    EntityLink,
    LifetimeOrder,
    Nominal,
    NominalAlias,
    NominalGroupObjectPermission,
    NominalUserObjectPermission,
    OCGMembership,
    OtherIdentifier,
    ProbationSupervision,
    Transfer,
)

MARKER = "Synthetic "
EMAIL_DOMAIN = "synthetic.invalid"
PROTOCOL_PREFIX = "SYN-ISP-"
OCG_PREFIX = "SYN-OCG-"
# Django reads a password starting with "!" as unusable: synthetic users cannot sign in.
UNUSABLE_PASSWORD = "!synthetic-user"  # noqa: S105


@dataclass(frozen=True)
class Sizes:
    agencies: int = 50
    users: int = 500
    isps: int = 20
    nominals: int = 2000
    ocgs: int = 100
    entities: int = 10000

    def problems(self):
        problems = []
        if self.agencies < 8:
            problems.append("--agencies must be at least 8 (police forces, prisons, probation, a ROCU, partners)")
        if self.users < 2 * self.agencies:
            problems.append("--users must be at least twice --agencies (an administrator and a worker per agency)")
        for name in ("isps", "nominals", "ocgs", "entities"):
            if getattr(self, name) < 1:
                problems.append(f"--{name} must be at least 1")
        return problems


NATIONAL = Sizes(agencies=1000, users=20000, isps=300, nominals=100000, ocgs=10000, entities=500000)

# The national mix per 1,000 agencies (DESIGN.md §6); the rest are partners.
LAW_ENFORCEMENT_MIX = (
    (AgencyKind.POLICE_FORCE, 43, 2),  # kind, per 1,000, minimum
    (AgencyKind.PRISON, 120, 2),
    (AgencyKind.PROBATION_REGION, 12, 1),
    (AgencyKind.REGIONAL_NATIONAL_UNIT, 9, 1),
)
LAW_ENFORCEMENT_KINDS = frozenset(kind for kind, _, _ in LAW_ENFORCEMENT_MIX)
PARTNER_MIX = (
    (AgencyKind.CSP_PARTNER, 35),
    (AgencyKind.LOCAL_AUTHORITY_DEPARTMENT, 35),
    (AgencyKind.NON_STATUTORY, 25),
    (AgencyKind.NATIONAL_AGENCY, 5),
)
REGIONS = [region for region in Region.values if region != Region.NATIONAL]
# How many users an agency of each kind has, relative to the others.
USER_WEIGHT = {
    AgencyKind.POLICE_FORCE: 40,
    AgencyKind.REGIONAL_NATIONAL_UNIT: 20,
    AgencyKind.PROBATION_REGION: 30,
    AgencyKind.PRISON: 6,
    AgencyKind.NATIONAL_AGENCY: 10,
}
PARTNER_USER_WEIGHT = 2
# Roles of users after the first (the agency administrator and signatory), drawn in turn.
WORKER_ROLES = {
    AgencyKind.POLICE_FORCE: [Role.ANALYST] * 6 + [Role.SANITISER, Role.PARTNERSHIP_LEAD, Role.SPOC, Role.AUDITOR],
    AgencyKind.PRISON: [Role.PIO] * 4 + [Role.ANALYST, Role.SPOC],
    AgencyKind.PROBATION_REGION: [Role.ANALYST] * 4 + [Role.PARTNERSHIP_LEAD, Role.SPOC],
    AgencyKind.REGIONAL_NATIONAL_UNIT: [Role.ANALYST] * 5 + [Role.SANITISER, Role.SPOC],
}
PARTNER_ROLES = [Role.SPOC, Role.SPOC, Role.PARTNERSHIP_LEAD, Role.ANALYST, Role.SPOC]
# Share of nominals, OCGs and entities owned by each kind of agency.
OWNER_SHARE = {
    AgencyKind.POLICE_FORCE: 60,
    AgencyKind.PRISON: 12,
    AgencyKind.REGIONAL_NATIONAL_UNIT: 12,
    AgencyKind.PROBATION_REGION: 8,
    "partner": 8,
}
OCG_LEAD_SHARE = {AgencyKind.POLICE_FORCE: 80, AgencyKind.REGIONAL_NATIONAL_UNIT: 15, AgencyKind.PRISON: 5}
CATEGORY_SHARE = {
    InformationCategory.BACKGROUND: 45,
    InformationCategory.LIFESTYLE: 20,
    InformationCategory.FINANCIAL: 10,
    InformationCategory.RECENT_ACTIVITY: 15,
    InformationCategory.ENFORCEMENT: 10,
}
PROTOCOL_STATUS_SHARE = {
    ProtocolStatus.ACTIVE: 70,
    ProtocolStatus.AWAITING_SIGNATURES: 10,
    ProtocolStatus.SUSPENDED: 10,
    ProtocolStatus.EXPIRED: 5,
    ProtocolStatus.DRAFT: 5,
}
ENTITY_SHARE = {
    EntityKind.ADDRESS: 35,
    EntityKind.VEHICLE: 20,
    EntityKind.PHONE: 25,
    EntityKind.BUSINESS: 10,
    EntityKind.BANK_ACCOUNT: 10,
}
RELATIONSHIPS = {
    EntityKind.ADDRESS: ("home address", "associated address", "business premises"),
    EntityKind.VEHICLE: ("registered keeper", "driver", "seen using"),
    EntityKind.PHONE: ("user", "subscriber"),
    EntityKind.BUSINESS: ("director", "employee", "beneficial owner"),
    EntityKind.BANK_ACCOUNT: ("account holder", "signatory"),
}
ASSOCIATION_SHARE = {
    AssociationKind.ASSOCIATE: 45,
    AssociationKind.FAMILY: 20,
    AssociationKind.CO_DEFENDANT: 12,
    AssociationKind.CELLMATE: 8,
    AssociationKind.VISITOR: 10,
    AssociationKind.STAFF_MEMBER: 5,
}

COMMON_SURNAMES = {
    "Smith": 60, "Jones": 45, "Williams": 35, "Taylor": 30, "Brown": 30, "Davies": 25, "Evans": 22, "Wilson": 22,
    "Thomas": 20, "Johnson": 20, "Roberts": 19, "Robinson": 15, "Thompson": 15, "Wright": 15, "Walker": 14,
    "White": 14, "Edwards": 13, "Hughes": 13, "Green": 12, "Hall": 12, "Lewis": 12, "Harris": 12, "Clarke": 11,
    "Patel": 11, "Jackson": 11, "Wood": 11, "Turner": 10, "Martin": 10, "Cooper": 10, "Hill": 10, "Ward": 9,
    "Morris": 9, "Moore": 9, "Clark": 9, "Lee": 9, "King": 9, "Baker": 8, "Harrison": 8, "Morgan": 8, "Allen": 8,
    "James": 8, "Scott": 8, "Phillips": 7, "Watson": 7, "Davis": 7, "Parker": 7, "Price": 7, "Bennett": 7,
    "Young": 7, "Griffiths": 6, "Mitchell": 6, "Kelly": 6, "Cook": 6, "Carter": 6, "Richardson": 6, "Bailey": 6,
    "Collins": 6, "Bell": 6, "Shaw": 6, "Murphy": 6, "Miller": 6, "Cox": 5, "Richards": 5, "Khan": 5,
    "Marshall": 5, "Anderson": 5, "Simpson": 5, "Ellis": 5, "Adams": 5, "Singh": 5, "Begum": 5, "Wilkinson": 5,
    "Foster": 5, "Chapman": 5, "Powell": 5, "Webb": 5, "Rogers": 5, "Gray": 5, "Mason": 5, "Ali": 5, "Hunt": 4,
    "Hussain": 4, "Campbell": 4, "Matthews": 4, "Owen": 4, "Palmer": 4, "Holmes": 4, "Mills": 4, "Barnes": 4,
    "Knight": 4, "Lloyd": 4, "Butler": 4, "Russell": 4, "Barker": 4, "Fisher": 4, "Stevens": 4, "Jenkins": 4,
    "Murray": 4, "Dixon": 4, "Harvey": 4, "Nowak": 3, "Kowalski": 3, "Popescu": 3, "Okafor": 3, "Mensah": 3,
}  # fmt: skip
PLACE_STARTS = (
    "Ash", "Bar", "Black", "Brad", "Bram", "Brook", "Burn", "Cal", "Carl", "Chat", "Craw", "Dal", "Dun", "East",
    "Elm", "Fair", "Farn", "Fox", "Glen", "Green", "Hal", "Hart", "Hath", "Hey", "Kings", "Lang", "Lin", "Mar", "Mid",
    "Mill", "Nor", "Oak", "Pen", "Ray", "Red", "Rich", "Shel", "Stan", "Thorn", "War", "Wes", "Whit", "Win", "Wood",
)  # fmt: skip
PLACE_ENDS = (
    "by", "croft", "dale", "den", "field", "ford", "gate", "ham", "hurst", "ley", "more", "ridge", "shaw", "stone",
    "ton", "wick", "well", "worth", "wood", "combe", "thorpe", "bury", "cliffe", "ington",
)  # fmt: skip
MALE_FORENAMES = (
    "Jack", "James", "Oliver", "Thomas", "Harry", "Joshua", "George", "Charlie", "Daniel", "William", "Samuel",
    "Joseph", "Liam", "Connor", "Ryan", "Callum", "Kyle", "Jordan", "Lewis", "Luke", "Adam", "Ben", "Dean", "Lee",
    "Craig", "Darren", "Jamie", "Aaron", "Mohammed", "Ahmed", "Tyrone", "Marcus", "Kieran", "Reece", "Jake", "Nathan",
    "Scott", "Wayne", "Paul", "Mark", "Michael", "David", "John", "Stephen", "Gary", "Carl", "Tomasz", "Piotr",
    "Andrei", "Emeka",
)  # fmt: skip
FEMALE_FORENAMES = (
    "Olivia", "Emily", "Jessica", "Sophie", "Chloe", "Lauren", "Amy", "Hannah", "Megan", "Charlotte", "Rebecca",
    "Laura", "Sarah", "Emma", "Danielle", "Gemma", "Kayleigh", "Stacey", "Jade", "Leanne", "Natalie", "Michelle",
    "Kelly", "Nicola", "Donna", "Lisa", "Claire", "Joanne", "Aisha", "Fatima", "Zara", "Shannon", "Courtney", "Paige",
    "Tia", "Keira", "Amber", "Holly", "Abigail", "Grace", "Ellie", "Katie", "Agnieszka", "Ioana", "Chioma", "Amira",
)  # fmt: skip
STREETS = (
    "High Street", "Station Road", "Church Lane", "Victoria Road", "Green Lane", "Manor Road", "Park Avenue",
    "Kings Road", "Queens Road", "Mill Lane", "New Road", "School Lane", "North Street", "South Street",
    "West Street", "Albert Road", "London Road", "Grange Road", "Springfield Road", "Chapel Street", "Moor Lane",
    "Richmond Road", "The Crescent", "Windsor Road", "Broadway", "Brook Street", "Cedar Close", "Elm Grove",
    "Highfield Road", "Stanley Road", "Alexandra Road", "York Road", "Market Street", "Bridge Street",
    "Castle Street", "Park Road", "Clarence Road", "Oxford Road", "Hillside", "Meadow Way", "Orchard Close",
    "Riverside", "St John's Road", "Beech Avenue", "Birch Close", "Heath Road", "Lime Street", "Rose Lane",
    "Wellington Road", "Union Street",
)  # fmt: skip
POSTCODE_AREAS = (
    "M", "L", "B", "S", "LS", "BD", "NE", "SR", "TS", "HU", "DN", "WF", "HD", "OL", "BL", "WN", "PR", "BB", "LA",
    "CA", "NG", "DE", "LE", "CV", "WV", "WS", "DY", "ST", "SE", "E", "N",
)  # fmt: skip
OCG_NOUNS = ("Crew", "Firm", "Network", "Family", "Syndicate", "Group", "Boys", "Collective", "Line")
TRADES = ("Car Wash", "Nail Bar", "Vape Shop", "Lettings", "Logistics", "Takeaway", "Barbers", "Scrap Metal")
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def _plain(value):
    """Choices enums as their database value: psycopg would otherwise dump an Enum by name."""
    return value.value if isinstance(value, enum.Enum) else value


class Picker:
    """Weighted choice from a fixed population, drawing from one random generator."""

    def __init__(self, rng, population, weights=None):
        self.rng = rng
        self.population = list(population)
        self.cumulative = list(accumulate(weights)) if weights is not None else None

    @classmethod
    def from_shares(cls, rng, shares):
        return cls(rng, [_plain(key) for key in shares], list(shares.values()))

    def __call__(self):
        if self.cumulative is None:
            return self.population[int(self.rng.random() * len(self.population))]
        return self.population[bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]

    def __bool__(self):
        return bool(self.population)


class RowWriter:
    """Writes rows of plain values to a model's table: COPY on PostgreSQL, bulk_create elsewhere.

    `fields` are attribute names (`agency_id`, not `agency`). Values are written as given: no
    defaults, no auto_now, no signals — the generator supplies every column it needs."""

    BATCH = 2000

    def __init__(self):
        self.postgresql = connection.vendor == "postgresql"
        self.written = {}
        self.tables = set()

    def next_id(self, model):
        return (model._default_manager.aggregate(top=Max("pk"))["top"] or 0) + 1

    def write(self, model, fields, rows):
        rows = list(rows)
        if not rows:
            return 0
        if self.postgresql:
            self._copy(model, fields, rows)
        else:
            objects = [model(**dict(zip(fields, row, strict=True))) for row in rows]
            model._default_manager.bulk_create(objects, batch_size=self.BATCH)
        self.count(model, len(rows))
        return len(rows)

    def count(self, model, rows):
        self.written[model._meta.label] = self.written.get(model._meta.label, 0) + rows
        self.tables.add(model._meta.db_table)

    def _copy(self, model, fields, rows):
        quote = connection.ops.quote_name
        columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
        statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(tuple(_plain(value) for value in row))

    def reset_sequences(self, models):
        """After writing explicit primary keys, move PostgreSQL's sequences past them."""
        statements = connection.ops.sequence_reset_sql(no_style(), models)
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


# --- finding and removing synthetic data ---------------------------------------------------------------


def synthetic_agencies():
    return Agency.objects.filter(name__startswith=MARKER)


def exists():
    return synthetic_agencies().exists()


def summary():
    """Counts of the synthetic rows, by what they are."""
    agencies = synthetic_agencies()
    return {
        "agencies": agencies.count(),
        "users": User.objects.filter(agency__in=agencies).count(),
        "protocols": Protocol.objects.filter(reference__startswith=PROTOCOL_PREFIX).count(),
        "active protocols": Protocol.objects.filter(
            reference__startswith=PROTOCOL_PREFIX, status=ProtocolStatus.ACTIVE
        ).count(),
        "nominals": Nominal.objects.filter(owning_agency__in=agencies).count(),
        "OCGs": OCG.objects.filter(lead_agency__in=agencies).count(),
        "entities": Entity.objects.filter(owning_agency__in=agencies).count(),
        "associations": Association.objects.filter(owning_agency__in=agencies).count(),
    }


@transaction.atomic
def delete_synthetic():
    """Remove everything generate() made, leaves first so each delete is one statement. Fails (and
    changes nothing) if other data now refers to it, such as access log entries by synthetic users,
    which are append-only."""
    agencies = synthetic_agencies()
    nominals = Nominal.objects.filter(owning_agency__in=agencies)
    ocgs = OCG.objects.filter(lead_agency__in=agencies)
    entities = Entity.objects.filter(owning_agency__in=agencies)
    users = User.objects.filter(agency__in=agencies)
    protocols = Protocol.objects.filter(reference__startswith=PROTOCOL_PREFIX)
    steps = [
        protocols,
        Association.objects.filter(owning_agency__in=agencies),
        EntityLink.objects.filter(entity__in=entities),
        EntityLink.objects.filter(nominal__in=nominals),
        EntityLink.objects.filter(ocg__in=ocgs),
        entities,
        OCGMembership.objects.filter(ocg__in=ocgs),
        OCGMembership.objects.filter(nominal__in=nominals),
        OCG.threat_areas.through.objects.filter(ocg__in=ocgs),
        ocgs,
        NominalUserObjectPermission.objects.filter(content_object__in=nominals),
        NominalGroupObjectPermission.objects.filter(content_object__in=nominals),
        NominalAlias.objects.filter(nominal__in=nominals),
        OtherIdentifier.objects.filter(nominal__in=nominals),
        Transfer.objects.filter(custody_episode__nominal__in=nominals),
        CustodyEpisode.objects.filter(nominal__in=nominals),
        ProbationSupervision.objects.filter(nominal__in=nominals),
        LifetimeOrder.objects.filter(nominal__in=nominals),
        Nominal.threat_areas.through.objects.filter(nominal__in=nominals),
        nominals,
        UserRole.objects.filter(user__in=users),
        User.groups.through.objects.filter(user__in=users),
    ]
    for queryset in steps:
        queryset.delete()
    agencies.update(spoc=None)
    users.delete()
    names = [protocol_services.agency_group_name(pk) for pk in agencies.values_list("pk", flat=True)]
    Group.objects.filter(name__in=names).delete()
    agencies.delete()


# --- generation ------------------------------------------------------------------------------------------


def generate(sizes, *, seed=1, progress=None):
    """Create a synthetic data set of `sizes` in one transaction; returns {model label: rows written}."""
    problems = sizes.problems()
    if problems:
        raise ValueError("; ".join(problems))
    generator = _Generator(sizes, seed, progress or (lambda message: None))
    with transaction.atomic():
        generator.run()
    if connection.vendor == "postgresql":
        # Fresh statistics, so the planner (and the benchmark) sees the tables as they now are; and, out of
        # a transaction, the visibility map autovacuum would set in production, which index-only scans
        # need (where autovacuum is off, as on some CI machines, nothing else would set it).
        generator.step("vacuum and analyse", lambda: _analyse(generator.writer.tables))
    return dict(sorted(generator.writer.written.items()))


def _analyse(tables):
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"  # VACUUM needs no transaction
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")


class _Generator:
    def __init__(self, sizes, seed, progress):
        self.sizes = sizes
        self.rng = random.Random(seed)
        self.progress = progress
        self.writer = RowWriter()
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)

    # helpers --------------------------------------------------------------------------------------

    def step(self, name, function):
        started = time.perf_counter()
        function()
        self.progress(f"  {name:<24} {time.perf_counter() - started:6.1f} s")

    def days_ago(self, low, high):
        return self.today - datetime.timedelta(days=self.rng.randint(low, high))

    def moment_ago(self, max_days):
        return self.now - datetime.timedelta(seconds=self.rng.randint(0, max_days * 86400))

    def run(self):
        self.step("agencies", self.make_agencies)
        self.step("users", self.make_users)
        self.step("protocols", self.make_protocols)
        self.step("nominals", self.make_nominals)
        self.step("custody and supervision", self.make_custody)
        self.step("OCGs and memberships", self.make_ocgs)
        self.step("entities and links", self.make_entities)
        self.step("associations", self.make_associations)
        self.step("need-to-know grants", self.make_grants)
        self.writer.reset_sequences([User, Nominal, CustodyEpisode, OCG, Entity])

    # agencies ---------------------------------------------------------------------------------------

    def agency_counts(self):
        n = self.sizes.agencies
        counts = [(kind, max(least, round(share * n / 1000))) for kind, share, least in LAW_ENFORCEMENT_MIX]
        partners = n - sum(count for _, count in counts)
        if partners < 1:
            raise ValueError("--agencies is too small for the national mix")
        total_share = sum(share for _, share in PARTNER_MIX)
        shares = [(kind, partners * share // total_share) for kind, share in PARTNER_MIX]
        shares[0] = (shares[0][0], shares[0][1] + partners - sum(count for _, count in shares))
        return counts + shares

    def make_agencies(self):
        prison_categories = list(PrisonCategory.values)
        agencies = []
        for kind, count in self.agency_counts():
            label = AgencyKind(kind).label
            for i in range(count):
                region = REGIONS[i % len(REGIONS)]
                level = AgencyLevel.LOCAL
                if kind in (AgencyKind.PROBATION_REGION, AgencyKind.REGIONAL_NATIONAL_UNIT):
                    level = AgencyLevel.REGIONAL
                elif kind == AgencyKind.NATIONAL_AGENCY:
                    level, region = AgencyLevel.NATIONAL, Region.NATIONAL
                is_prison = kind == AgencyKind.PRISON
                agencies.append(
                    Agency(
                        name=f"{MARKER}{label} {i + 1:04d}",
                        short_name=f"SYN-{kind[:3].upper()}{i + 1}",
                        kind=kind,
                        level=level,
                        region=region,
                        prison_category=prison_categories[i % len(prison_categories)] if is_prison else "",
                        prison_operator=(
                            (PrisonOperator.CONTRACTED if i % 7 == 0 else PrisonOperator.PUBLIC) if is_prison else ""
                        ),
                        description="Synthetic agency for benchmarks.",
                    )
                )
        Agency.objects.bulk_create(agencies, batch_size=RowWriter.BATCH)
        # SQLite before 3.35 does not return primary keys from bulk inserts: read them back by name.
        by_name = dict(synthetic_agencies().values_list("name", "pk"))
        for agency in agencies:
            agency.pk = by_name[agency.name]
        self.agencies = agencies
        self.by_kind = {}
        for agency in agencies:
            self.by_kind.setdefault(agency.kind, []).append(agency)
        self.partners = [a for a in agencies if a.kind not in LAW_ENFORCEMENT_KINDS]
        self.region_pool = {}
        for agency in agencies:
            group = agency.kind if agency.kind in LAW_ENFORCEMENT_KINDS else "partner"
            self.region_pool.setdefault((group, agency.region), []).append(agency)
        names = [protocol_services.agency_group_name(agency.pk) for agency in agencies]
        Group.objects.bulk_create([Group(name=name) for name in names], ignore_conflicts=True)
        self.group_of = dict(Group.objects.filter(name__in=names).values_list("name", "pk"))
        self.writer.count(Agency, len(agencies))

    def agency_group_id(self, agency_id):
        return self.group_of[protocol_services.agency_group_name(agency_id)]

    # users --------------------------------------------------------------------------------------------

    def user_counts(self):
        """Users per agency: two each, the rest shared out by USER_WEIGHT (largest remainders)."""
        weights = [USER_WEIGHT.get(a.kind, PARTNER_USER_WEIGHT) for a in self.agencies]
        spare = self.sizes.users - 2 * len(self.agencies)
        total = sum(weights)
        exact = [spare * w / total for w in weights]
        counts = [int(x) for x in exact]
        order = sorted(range(len(exact)), key=lambda i: (counts[i] - exact[i], i))
        for i in order[: spare - sum(counts)]:
            counts[i] += 1
        return [2 + c for c in counts]

    def make_users(self):
        rng = self.rng
        next_id = self.writer.next_id(User)
        users, roles, memberships = [], [], []
        self.admin_of, self.spoc_of = {}, {}
        self.register_users = {}  # agency id -> ids of users with a register role
        self.users_of = {}
        forenames = MALE_FORENAMES + FEMALE_FORENAMES
        surnames = list(COMMON_SURNAMES)
        for agency, count in zip(self.agencies, self.user_counts(), strict=True):
            law_enforcement = agency.kind in WORKER_ROLES
            worker_roles = WORKER_ROLES.get(agency.kind, PARTNER_ROLES)
            for i in range(count):
                user_id = next_id
                next_id += 1
                role = Role.AGENCY_ADMIN if i == 0 else worker_roles[(i - 1) % len(worker_roles)]
                if law_enforcement:
                    vetting = rng.choices([VettingLevel.SC, VettingLevel.CTC, VettingLevel.BPSS], weights=[60, 35, 5])[
                        0
                    ]
                else:
                    vetting = VettingLevel.BPSS if rng.random() < 0.7 else VettingLevel.CTC
                if role == Role.AGENCY_ADMIN:
                    vetting = max(vetting, VettingLevel.CTC)
                expires = self.today + datetime.timedelta(days=rng.randint(30, 1500))
                if i > 1 and rng.random() < 0.02:
                    expires = self.days_ago(1, 200)
                users.append(
                    (
                        user_id,
                        f"synthetic.{user_id}@{EMAIL_DOMAIN}",
                        f"{rng.choice(forenames)} {rng.choice(surnames)}",
                        agency.pk,
                        Role(role).label[:150],
                        "",
                        int(vetting),
                        expires,
                        True,
                        False,
                        False,
                        self.moment_ago(1500),
                        UNUSABLE_PASSWORD,
                    )
                )
                roles.append((user_id, _plain(role), self.now))
                memberships.append((user_id, self.agency_group_id(agency.pk)))
                self.users_of.setdefault(agency.pk, []).append(user_id)
                if role == Role.AGENCY_ADMIN:
                    self.admin_of[agency.pk] = user_id
                if role == Role.SPOC and agency.pk not in self.spoc_of:
                    self.spoc_of[agency.pk] = user_id
                if role in (Role.PIO, Role.ANALYST, Role.SANITISER, Role.PARTNERSHIP_LEAD):
                    self.register_users.setdefault(agency.pk, []).append(user_id)
        self.writer.write(
            User,
            (
                "id", "email", "full_name", "agency_id", "job_title", "phone", "vetting_level", "vetting_expires",
                "is_active", "is_staff", "is_superuser", "date_joined", "password",
            ),
            users,
        )  # fmt: skip
        self.writer.write(UserRole, ("user_id", "role", "granted_at"), roles)
        self.writer.write(User.groups.through, ("user_id", "group_id"), memberships)
        for agency in self.agencies:
            agency.spoc_id = self.spoc_of.get(agency.pk)
        Agency.objects.bulk_update([a for a in self.agencies if a.spoc_id], ["spoc"], batch_size=RowWriter.BATCH)

    # protocols ----------------------------------------------------------------------------------------

    def pick_agencies(self, group, region, k, exclude=()):
        """Up to `k` distinct agencies of `group` ("partner" or a law-enforcement kind), from `region`
        first and then from anywhere."""
        chosen = []
        local = [a for a in self.region_pool.get((group, region), []) if a not in exclude]
        everywhere = self.partners if group == "partner" else self.by_kind.get(group, [])
        anywhere = [a for a in everywhere if a not in exclude]
        for pool in (local, anywhere):
            candidates = [a for a in pool if a not in chosen]
            self.rng.shuffle(candidates)
            chosen.extend(candidates[: k - len(chosen)])
            if len(chosen) >= k:
                break
        return chosen

    def protocol_dates(self, status):
        rng = self.rng
        if status == ProtocolStatus.EXPIRED:
            end = self.days_ago(1, 200)
            start = end - datetime.timedelta(days=rng.randint(365, 1095))
        elif status == ProtocolStatus.DRAFT:
            start = self.today + datetime.timedelta(days=rng.randint(0, 60))
            end = start + datetime.timedelta(days=rng.randint(365, 1095))
        else:
            start = self.days_ago(30, 700)
            end = self.today + datetime.timedelta(days=rng.randint(60, 1100))
        review = min(protocol_services.add_months(start, 12), end)
        if status in (ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED) and review < self.today:
            review = min(self.today + datetime.timedelta(days=rng.randint(1, 365)), end)
        return start, end, review

    def make_protocols(self):
        rng = self.rng
        template = ProtocolTemplate.objects.filter(is_current=True).first()
        if template is None:
            raise ValueError("There is no current protocol template: run `manage.py migrate` first")
        sections = {name: getattr(template, name) for name in protocol_services.SECTION_FIELDS}
        all_categories = list(InformationCategory.values)
        status_of = Picker.from_shares(rng, PROTOCOL_STATUS_SHARE)
        police = self.by_kind[AgencyKind.POLICE_FORCE]
        plans = []
        for i in range(self.sizes.isps):
            lead = police[i % len(police)]
            region = lead.region
            partnership = i % 5 >= 2  # 60% partnership protocols, 40% law enforcement only
            parties = [(lead, SanitisationTier.LAW_ENFORCEMENT, all_categories)]
            taken = [lead]

            def add(group, k, tier, categories=None, *, region=region, taken=taken, parties=parties):
                for agency in self.pick_agencies(group, region, k, exclude=taken):
                    taken.append(agency)
                    parties.append((agency, tier, categories or all_categories))

            if partnership:
                add(AgencyKind.PRISON, 1, SanitisationTier.LAW_ENFORCEMENT)
                add(AgencyKind.PROBATION_REGION, 1, SanitisationTier.LAW_ENFORCEMENT)
                for _ in range(rng.randint(3, 7)):
                    categories = [InformationCategory.BACKGROUND] + rng.sample(all_categories[1:], rng.randint(1, 3))
                    add("partner", 1, SanitisationTier.PARTNERSHIP, [_plain(c) for c in categories])
            else:
                add(AgencyKind.POLICE_FORCE, rng.randint(0, 2), SanitisationTier.LAW_ENFORCEMENT)
                add(AgencyKind.PRISON, rng.randint(2, 5), SanitisationTier.LAW_ENFORCEMENT)
                add(AgencyKind.PROBATION_REGION, 1, SanitisationTier.LAW_ENFORCEMENT)
                add(AgencyKind.REGIONAL_NATIONAL_UNIT, 1, SanitisationTier.LAW_ENFORCEMENT)
            status = status_of()
            start, end, review = self.protocol_dates(status)
            kind = "partnership" if partnership else "law enforcement"
            protocol = Protocol(
                template=template,
                reference=f"{PROTOCOL_PREFIX}{i + 1:04d}",
                title=f"{MARKER}{Region(region).label} {kind} protocol {i + 1}",
                lead_agency=lead,
                start_date=start,
                end_date=end,
                review_date=review,
                status=status,
                signature_round=0 if status == ProtocolStatus.DRAFT else 1,
                suspension_reason="Suspended while a reported breach is investigated."
                if status == ProtocolStatus.SUSPENDED
                else "",
                created_by_id=self.admin_of[lead.pk],
                **sections,
            )
            plans.append((protocol, parties))
        Protocol.objects.bulk_create([protocol for protocol, _ in plans])
        created = Protocol.objects.filter(reference__startswith=PROTOCOL_PREFIX)
        by_reference = dict(created.values_list("reference", "pk"))
        signed_statuses = (ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED, ProtocolStatus.EXPIRED)
        party_rows, categories_of = [], []
        for protocol, parties in plans:
            protocol.pk = by_reference[protocol.reference]
            for position, (agency, tier, categories) in enumerate(parties):
                signed = protocol.status in signed_statuses or (
                    protocol.status == ProtocolStatus.AWAITING_SIGNATURES and position % 2 == 0
                )
                signatory = self.admin_of[agency.pk]
                party_rows.append(
                    ProtocolParty(
                        protocol_id=protocol.pk,
                        agency_id=agency.pk,
                        max_tier=int(tier),
                        signatory_id=signatory,
                        signed_at=datetime.datetime.combine(protocol.start_date, datetime.time(9), tzinfo=datetime.UTC)
                        if signed
                        else None,
                        signed_by_id=signatory if signed else None,
                    )
                )
                categories_of.append(categories)
        ProtocolParty.objects.bulk_create(party_rows, batch_size=RowWriter.BATCH)
        party_ids = {
            (protocol_id, agency_id): pk
            for pk, protocol_id, agency_id in ProtocolParty.objects.filter(
                protocol__reference__startswith=PROTOCOL_PREFIX
            ).values_list("pk", "protocol_id", "agency_id")
        }
        ProtocolPartyCategory.objects.bulk_create(
            [
                ProtocolPartyCategory(party_id=party_ids[party.protocol_id, party.agency_id], category=category)
                for party, categories in zip(party_rows, categories_of, strict=True)
                for category in categories
            ],
            batch_size=RowWriter.BATCH,
        )
        # Active protocols hold exactly the grants the protocols service gives on activation.
        grants = 0
        for protocol, _ in plans:
            if protocol.status == ProtocolStatus.ACTIVE:
                grants += protocol_services.grants_write(protocol)
        self.writer.count(Protocol, len(plans))
        self.writer.count(ProtocolParty, len(party_rows))
        self.writer.count(ProtocolPartyCategory, sum(len(categories) for categories in categories_of))
        self.writer.count(ProtocolGroupObjectPermission, grants)

    # nominals -----------------------------------------------------------------------------------------

    def owner_picker(self, shares):
        """Agencies weighted by kind share, and within a kind by their number of users."""
        population, weights = [], []
        for kind, share in shares.items():
            agencies = self.partners if kind == "partner" else self.by_kind.get(kind, [])
            sizes = [len(self.users_of.get(a.pk, ())) or 1 for a in agencies]
            total = sum(sizes)
            for agency, size in zip(agencies, sizes, strict=True):
                population.append(agency)
                weights.append(share * size / total)
        return Picker(self.rng, population, weights)

    def make_nominals(self):
        rng = self.rng
        n = self.sizes.nominals
        surname = Picker(
            rng,
            list(COMMON_SURNAMES) + [s + e for s in PLACE_STARTS for e in PLACE_ENDS],
            list(COMMON_SURNAMES.values()) + [1] * (len(PLACE_STARTS) * len(PLACE_ENDS)),
        )
        self.surname_picker = surname
        owner = self.owner_picker(OWNER_SHARE)
        category = Picker.from_shares(rng, CATEGORY_SHARE)
        risk = Picker.from_shares(
            rng, {RiskLevel.VERY_HIGH: 5, RiskLevel.HIGH: 20, RiskLevel.MEDIUM: 45, RiskLevel.LOW: 30}
        )
        nationality = Picker(
            rng,
            ["British", "Irish", "Polish", "Romanian", "Albanian", "Nigerian", "Pakistani", ""],
            [80, 2, 3, 3, 3, 2, 3, 4],
        )
        threat_codes = list(ThreatArea.objects.order_by("pk").values_list("pk", flat=True))
        first_id = self.writer.next_id(Nominal)
        created = sorted(self.moment_ago(6 * 365) for _ in range(n))
        rows, threat_rows, alias_rows, identifier_rows = [], [], [], []
        self.nominals = []  # (id, owning agency, date of birth)
        self.nominals_of = {}
        self.nominals_in_region = {}
        for i in range(n):
            nominal_id = first_id + i
            agency = owner()
            female = rng.random() < 0.2
            forename = rng.choice(FEMALE_FORENAMES if female else MALE_FORENAMES)
            born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randint(0, 57 * 365))
            pnc = ""
            if agency.kind in (AgencyKind.POLICE_FORCE, AgencyKind.REGIONAL_NATIONAL_UNIT) or rng.random() < 0.5:
                pnc = f"{rng.randint(0, 99):02d}/{rng.randint(1, 9999999)}{rng.choice(LETTERS)}"
            crn = f"{rng.choice(LETTERS)}{rng.randint(100000, 999999)}" if rng.random() < 0.15 else ""
            created_by = self.register_users.get(agency.pk)
            rows.append(
                (
                    nominal_id,
                    agency.pk,
                    category(),
                    surname(),
                    forename if rng.random() > 0.02 else "",
                    born if rng.random() > 0.03 else None,
                    Gender.FEMALE if female else Gender.MALE,
                    nationality(),
                    pnc,
                    "",
                    crn,
                    risk(),
                    f"Synthetic handling note {nominal_id}: source graded B2, do not disseminate."
                    if rng.random() < 0.3
                    else "",
                    rng.choice(created_by) if created_by else None,
                    created[i],
                    created[i],
                )
            )
            self.nominals.append((nominal_id, agency, born))
            self.nominals_of.setdefault(agency.pk, []).append(nominal_id)
            self.nominals_in_region.setdefault(agency.region, []).append(nominal_id)
            for code in rng.sample(threat_codes, rng.choice((1, 1, 1, 2))):
                threat_rows.append((nominal_id, code))
            if rng.random() < 0.25:
                for _ in range(rng.choice((1, 1, 2))):
                    if rng.random() < 0.5:
                        alias_rows.append((nominal_id, surname(), forename))
                    else:
                        alias_rows.append((nominal_id, rows[-1][3], rng.choice(MALE_FORENAMES + FEMALE_FORENAMES)))
            if rng.random() < 0.1:
                identifier_rows.append(
                    (nominal_id, "National Insurance number", f"QQ{nominal_id % 1000000:06d}{'ABCD'[i % 4]}")
                )
        fields = (
            "id", "owning_agency_id", "category", "surname", "forenames", "date_of_birth", "gender", "nationality",
            "pnc_id", "prison_number", "crn", "risk_level", "handling_notes", "created_by_id", "created_at",
            "updated_at",
        )  # fmt: skip
        # Written by make_custody, once each nominal's custody is known.
        self.nominal_rows = rows
        self.nominal_fields = fields
        self.nominal_children = [
            (Nominal.threat_areas.through, ("nominal_id", "threatarea_id"), threat_rows),
            (NominalAlias, ("nominal_id", "surname", "forenames"), alias_rows),
            (OtherIdentifier, ("nominal_id", "kind", "value"), identifier_rows),
        ]
        self.threat_codes = threat_codes

    # custody and supervision ------------------------------------------------------------------------

    def prison_number(self, serial):
        letters = LETTERS
        return (
            f"{letters[serial % 23]}{(serial // 23) % 10000:04d}"
            f"{letters[(serial // 230000) % 23]}{letters[(serial // 7) % 23]}"
        )

    def make_custody(self):
        """Custody episodes (received into prisons, some transferred, some released), then writes the
        nominals with their current establishment and prison number; supervision and orders."""
        rng = self.rng
        prisons = [a.pk for a in self.by_kind[AgencyKind.PRISON]]
        probation = [a.pk for a in self.by_kind[AgencyKind.PROBATION_REGION]]
        custody_category = Picker(
            rng, [*CustodyCategory.values[:4], CustodyCategory.UNCATEGORISED.value], [3, 25, 45, 17, 10]
        )
        episode_id = self.writer.next_id(CustodyEpisode)
        episodes, transfers, supervisions, orders = [], [], [], []
        current, prison_numbers = {}, {}
        for index, (nominal_id, agency, born) in enumerate(self.nominals):
            adult = (born or datetime.date(1980, 1, 1)) + datetime.timedelta(days=18 * 366)
            if adult > self.today - datetime.timedelta(days=60):
                continue
            in_prison_agency = agency.kind == AgencyKind.PRISON
            history = rng.random() < 0.2
            held = rng.random() < (0.85 if in_prison_agency else 0.05)
            if not (history or held):
                if rng.random() < (0.9 if agency.kind == AgencyKind.PROBATION_REGION else 0.05):
                    self._supervision(supervisions, nominal_id, agency, probation, adult)
                continue
            number = self.prison_number(index)
            span = (self.today - adult).days
            released_on = None
            if history:
                received = adult + datetime.timedelta(days=rng.randint(0, max(span - 60, 1)))
                released = min(received + datetime.timedelta(days=rng.randint(30, 1500)), self.today)
                episodes.append(
                    (episode_id, nominal_id, rng.choice(prisons), number, custody_category(), received, released,
                     None, released + datetime.timedelta(days=rng.randint(180, 1500)), self.now)
                )  # fmt: skip
                episode_id += 1
                released_on = released
                prison_numbers[nominal_id] = number
            if held:
                earliest = max(adult, (released_on or adult) + datetime.timedelta(days=1))
                if earliest >= self.today:
                    continue
                received = earliest + datetime.timedelta(days=rng.randint(0, min((self.today - earliest).days, 2000)))
                chain = [rng.choice(prisons)]
                for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
                    following = rng.choice(prisons)
                    if following != chain[-1]:
                        chain.append(following)
                if in_prison_agency and chain[-1] != agency.pk:
                    if chain[0] == agency.pk:
                        chain = [agency.pk]
                    else:
                        chain.append(agency.pk)
                expected = self.today + datetime.timedelta(days=rng.randint(30, 2500))
                episodes.append(
                    (episode_id, nominal_id, chain[0], number, custody_category(), received, None, expected,
                     expected + datetime.timedelta(days=rng.randint(180, 1500)), self.now)
                )  # fmt: skip
                moves = sorted(
                    received + datetime.timedelta(days=rng.randint(0, (self.today - received).days)) for _ in chain[1:]
                )
                for from_id, to_id, moved in zip(chain, chain[1:], moves, strict=False):
                    transfers.append((episode_id, from_id, to_id, moved, "Population management", self.now))
                episode_id += 1
                current[nominal_id] = chain[-1]
                prison_numbers[nominal_id] = number
            elif rng.random() < 0.4:
                self._supervision(supervisions, nominal_id, agency, probation, released_on)
            if rng.random() < 0.02:
                made = self.days_ago(30, 2000)
                orders.append(
                    (nominal_id, rng.choice(OrderKind.values), "Must not own more than one mobile phone; must "
                     "notify the police of any vehicle used.", made,
                     made + datetime.timedelta(days=rng.randint(730, 1825)), self.now)
                )  # fmt: skip
        fields = self.nominal_fields + ("current_establishment_id",)
        position = self.nominal_fields.index("prison_number")
        rows = []
        for row in self.nominal_rows:
            row = list(row)
            row[position] = prison_numbers.get(row[0], "")
            rows.append((*row, current.get(row[0])))
        self.writer.write(Nominal, fields, rows)
        for model, child_fields, child_rows in self.nominal_children:
            self.writer.write(model, child_fields, child_rows)
        del self.nominal_rows, self.nominal_children
        self.in_custody = current
        self.writer.write(
            CustodyEpisode,
            (
                "id", "nominal_id", "establishment_id", "prison_number", "category", "received_on", "released_on",
                "expected_release_date", "licence_end_date", "created_at",
            ),
            episodes,
        )  # fmt: skip
        self.writer.write(
            Transfer,
            (
                "custody_episode_id",
                "from_establishment_id",
                "to_establishment_id",
                "transferred_on",
                "reason",
                "created_at",
            ),
            transfers,
        )
        self.writer.write(
            ProbationSupervision,
            ("nominal_id", "region_id", "offender_manager", "starts_on", "ends_on", "licence_conditions", "created_at"),
            supervisions,
        )
        self.writer.write(
            LifetimeOrder, ("nominal_id", "kind", "conditions", "made_on", "expires_on", "created_at"), orders
        )

    def _supervision(self, rows, nominal_id, agency, probation, after):
        rng = self.rng
        region = agency.pk if agency.kind == AgencyKind.PROBATION_REGION else rng.choice(probation)
        starts = max(after or self.today, self.today - datetime.timedelta(days=1500))
        starts = min(starts + datetime.timedelta(days=rng.randint(0, 30)), self.today)
        ends = starts + datetime.timedelta(days=rng.randint(180, 1500)) if rng.random() < 0.4 else None
        rows.append(
            (nominal_id, region, f"{rng.choice(FEMALE_FORENAMES + MALE_FORENAMES)} {self.surname_picker()}",
             starts, ends, "Reside at an approved address; no contact with named associates.", self.now)
        )  # fmt: skip

    # OCGs ---------------------------------------------------------------------------------------------

    def make_ocgs(self):
        rng = self.rng
        lead = self.owner_picker(OCG_LEAD_SHARE)
        band = Picker(rng, OCGBand.values, [5, 15, 30, 30, 20])
        status = Picker.from_shares(rng, {OCGStatus.ACTIVE: 70, OCGStatus.DORMANT: 20, OCGStatus.DISMANTLED: 10})
        category = Picker.from_shares(rng, {**CATEGORY_SHARE, InformationCategory.BACKGROUND: 120})
        role = Picker.from_shares(
            rng, {MembershipRole.PRINCIPAL: 10, MembershipRole.SIGNIFICANT: 30, MembershipRole.PERIPHERAL: 60}
        )
        first_id = self.writer.next_id(OCG)
        created = sorted(self.moment_ago(8 * 365) for _ in range(self.sizes.ocgs))
        everyone = [nominal_id for nominal_id, _, _ in self.nominals]
        rows, threat_rows, members = [], [], []
        self.ocgs = []
        for i in range(self.sizes.ocgs):
            ocg_id = first_id + i
            agency = lead()
            name = f"{rng.choice(PLACE_STARTS)}{rng.choice(PLACE_ENDS)} {rng.choice(OCG_NOUNS)}"
            created_by = self.register_users.get(agency.pk)
            rows.append(
                (
                    ocg_id,
                    f"{OCG_PREFIX}{i + 1:06d}",
                    name,
                    f"OCGM{100000 + i}" if rng.random() < 0.8 else "",
                    band(),
                    status(),
                    agency.pk,
                    category(),
                    "Synthetic handling note: covert source reporting." if rng.random() < 0.3 else "",
                    rng.choice(created_by) if created_by else None,
                    created[i],
                    created[i],
                )
            )
            self.ocgs.append((ocg_id, agency))
            for code in rng.sample(self.threat_codes, rng.choice((1, 1, 2, 3))):
                threat_rows.append((ocg_id, code))
            local = self.nominals_in_region.get(agency.region) or everyone
            size = min(rng.choice((2, 3, 4, 5, 6, 8, 10, 12, 15)), len(everyone))
            chosen = set()
            while len(chosen) < size:
                chosen.add(rng.choice(local) if rng.random() < 0.7 else rng.choice(everyone))
            for position, nominal_id in enumerate(sorted(chosen)):
                started = self.days_ago(30, 3000)
                ended = None
                if rng.random() < 0.2:
                    ended = min(started + datetime.timedelta(days=rng.randint(30, 1500)), self.today)
                member_role = MembershipRole.PRINCIPAL if position == 0 else role()
                members.append((ocg_id, nominal_id, member_role, started, ended, self.now))
        self.writer.write(
            OCG,
            (
                "id", "reference", "name", "ocg_mapping_reference", "band", "status", "lead_agency_id", "category",
                "handling_notes", "created_by_id", "created_at", "updated_at",
            ),
            rows,
        )  # fmt: skip
        self.writer.write(OCG.threat_areas.through, ("ocg_id", "threatarea_id"), threat_rows)
        self.writer.write(
            OCGMembership, ("ocg_id", "nominal_id", "role", "started_on", "ended_on", "created_at"), members
        )

    # entities -----------------------------------------------------------------------------------------

    def entity_value(self, kind, i):
        """A normalised value, unique for each i (the same form Entity.clean() gives)."""
        rng = self.rng
        if kind == EntityKind.ADDRESS:
            area = POSTCODE_AREAS[i % len(POSTCODE_AREAS)]
            postcode = f"{area}{rng.randint(1, 40)} {rng.randint(1, 9)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}"
            return f"{postcode}, {i // len(STREETS) + 1} {STREETS[i % len(STREETS)]}".upper()
        if kind == EntityKind.VEHICLE:
            rest, digits = divmod(i, 100)
            letters = ""
            for _ in range(5):
                rest, letter = divmod(rest, 23)
                letters += LETTERS[letter]
            return f"{letters[:2]}{digits:02d}{letters[2:]}"
        if kind == EntityKind.PHONE:
            return f"+4477{i:08d}"
        if kind == EntityKind.BUSINESS:
            return f"{rng.choice(PLACE_STARTS)}{rng.choice(PLACE_ENDS)} {rng.choice(TRADES)} {i} LTD".upper()
        return f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)} {i:08d}"

    def make_entities(self):
        rng = self.rng
        owner = self.owner_picker(OWNER_SHARE)
        kind_of = Picker.from_shares(rng, ENTITY_SHARE)
        first_id = self.writer.next_id(Entity)
        created = sorted(self.moment_ago(6 * 365) for _ in range(self.sizes.entities))
        everyone = [nominal_id for nominal_id, _, _ in self.nominals]
        rows, links = [], []
        for i in range(self.sizes.entities):
            entity_id = first_id + i
            agency = owner()
            kind = kind_of()
            category = (
                InformationCategory.FINANCIAL
                if kind in (EntityKind.BUSINESS, EntityKind.BANK_ACCOUNT)
                else InformationCategory.LIFESTYLE
            )
            created_by = self.register_users.get(agency.pk)
            rows.append(
                (entity_id, kind, self.entity_value(kind, i), "", agency.pk, _plain(category),
                 rng.choice(created_by) if created_by else None, created[i])
            )  # fmt: skip
            own = self.nominals_of.get(agency.pk)
            for _ in range(2 if rng.random() < 0.2 else 1):
                nominal_id = ocg_id = None
                if kind in (EntityKind.BUSINESS, EntityKind.BANK_ACCOUNT) and rng.random() < 0.15:
                    ocg_id = rng.choice(self.ocgs)[0]
                else:
                    nominal_id = rng.choice(own) if own and rng.random() < 0.7 else rng.choice(everyone)
                started = self.days_ago(30, 3000) if rng.random() < 0.8 else None
                ended = None
                if started and rng.random() < 0.3:
                    ended = min(started + datetime.timedelta(days=rng.randint(30, 1000)), self.today)
                links.append(
                    (entity_id, nominal_id, ocg_id, rng.choice(RELATIONSHIPS[kind]), started, ended,
                     "Synthetic source", self.now)
                )  # fmt: skip
        self.writer.write(
            Entity,
            ("id", "kind", "value", "detail", "owning_agency_id", "category", "created_by_id", "created_at"),
            rows,
        )
        self.writer.write(
            EntityLink,
            ("entity_id", "nominal_id", "ocg_id", "relationship", "started_on", "ended_on", "source", "created_at"),
            links,
        )

    # associations -------------------------------------------------------------------------------------

    def make_associations(self):
        rng = self.rng
        kind_of = Picker.from_shares(rng, ASSOCIATION_SHARE)
        count = self.sizes.nominals * 3 // 2
        created = sorted(self.moment_ago(6 * 365) for _ in range(count))
        rows = []
        if len(self.nominals) < 2:
            return
        for i in range(count):
            nominal_a, agency, _ = rng.choice(self.nominals)
            pool = self.nominals_in_region.get(agency.region, ())
            nominal_b = rng.choice(pool) if len(pool) > 1 and rng.random() < 0.8 else rng.choice(self.nominals)[0]
            if nominal_b == nominal_a:
                continue
            started = self.days_ago(30, 3000) if rng.random() < 0.7 else None
            rows.append(
                (nominal_a, nominal_b, kind_of(), started, None, "Synthetic intelligence report", agency.pk,
                 InformationCategory.LIFESTYLE if rng.random() < 0.8 else InformationCategory.RECENT_ACTIVITY,
                 None, created[i])
            )  # fmt: skip
        self.writer.write(
            Association,
            (
                "nominal_a_id", "nominal_b_id", "kind", "started_on", "ended_on", "source", "owning_agency_id",
                "category", "created_by_id", "created_at",
            ),
            rows,
        )  # fmt: skip

    # need-to-know grants ------------------------------------------------------------------------------

    def make_grants(self):
        """A few need-to-know grants, written directly: through nominals.services each would also be a
        disclosure in the append-only access log, which a synthetic data set must not leave behind."""
        rng = self.rng
        permission = Permission.objects.get(
            content_type=ContentType.objects.get_for_model(Nominal), codename="view_nominal"
        )
        readers = [user_id for ids in self.register_users.values() for user_id in ids]
        user_rows, group_rows, seen = [], [], set()
        for _ in range(max(1, self.sizes.nominals // 100)):
            nominal_id, agency, _ = rng.choice(self.nominals)
            granted_by = self.register_users.get(agency.pk)
            user_id = rng.choice(readers)
            if not granted_by or (user_id, nominal_id) in seen:
                continue
            seen.add((user_id, nominal_id))
            expires = self.now + datetime.timedelta(days=rng.randint(-60, 180))
            user_rows.append(
                (user_id, permission.pk, nominal_id, SanitisationTier.LAW_ENFORCEMENT, "Joint operation briefing.",
                 expires, rng.choice(granted_by), self.now)
            )  # fmt: skip
        law_enforcement = [a for kind, _, _ in LAW_ENFORCEMENT_MIX for a in self.by_kind.get(kind, [])]
        for _ in range(max(1, self.sizes.nominals // 250)):
            nominal_id, agency, _ = rng.choice(self.nominals)
            granted_by = self.register_users.get(agency.pk)
            grantee = rng.choice(law_enforcement)
            group_id = self.agency_group_id(grantee.pk)
            if not granted_by or grantee.pk == agency.pk or (group_id, -nominal_id) in seen:
                continue
            seen.add((group_id, -nominal_id))
            expires = self.now + datetime.timedelta(days=rng.randint(-60, 180))
            group_rows.append(
                (group_id, permission.pk, nominal_id, SanitisationTier.LAW_ENFORCEMENT, "Multi-agency public "
                 "protection arrangements.", expires, rng.choice(granted_by), self.now)
            )  # fmt: skip
        fields = ("permission_id", "content_object_id", "tier", "reason", "expires_at", "granted_by_id", "granted_at")
        self.writer.write(NominalUserObjectPermission, ("user_id", *fields), user_rows)
        self.writer.write(NominalGroupObjectPermission, ("group_id", *fields), group_rows)
