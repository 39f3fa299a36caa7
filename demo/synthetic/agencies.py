"""Synthetic agencies in the national mix, each with its django-guardian group, and their users with roles,
vetting and group memberships (a mixin of demo.synthetic.generator.Generator)."""

import datetime

from django.contrib.auth.models import Group

from accounts.models import Role, User, UserRole, VettingLevel
from agencies.models import Agency, AgencyKind, AgencyLevel, PrisonCategory, PrisonOperator, Region
from protocols.services.groups import agency_group_name

from .dataset import synthetic_agencies
from .names import COMMON_SURNAMES, FEMALE_FORENAMES, MALE_FORENAMES
from .rows import RowWriter, plain
from .shape import (
    EMAIL_DOMAIN,
    LAW_ENFORCEMENT_KINDS,
    LAW_ENFORCEMENT_MIX,
    MARKER,
    PARTNER_MIX,
    PARTNER_ROLES,
    PARTNER_USER_WEIGHT,
    REGIONS,
    UNUSABLE_PASSWORD,
    USER_WEIGHT,
    WORKER_ROLES,
)


class AgencyRows:
    """Steps writing agencies and their users; they leave on the generator the agencies by kind and region,
    their groups, administrators, SPOCs and users, which every later step draws from."""

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
        names = [agency_group_name(agency.pk) for agency in agencies]
        Group.objects.bulk_create([Group(name=name) for name in names], ignore_conflicts=True)
        self.group_of = dict(Group.objects.filter(name__in=names).values_list("name", "pk"))
        self.writer.count(Agency, len(agencies))

    def agency_group_id(self, agency_id):
        return self.group_of[agency_group_name(agency_id)]

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
                roles.append((user_id, plain(role), self.now))
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
