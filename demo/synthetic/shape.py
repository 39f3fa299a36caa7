"""What a synthetic data set looks like: the markers that set it apart from other data (names, e-mail
domain, references), its sizes (small by default, or national), and the national mix of agencies, users,
protocols and records it is drawn from (DESIGN.md §6)."""

from dataclasses import dataclass

from accounts.models import Role
from agencies.models import AgencyKind, Region
from nominals.constants import AssociationKind, EntityKind
from ocgshare.constants import InformationCategory
from protocols.constants import ProtocolStatus

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
