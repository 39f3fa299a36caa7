"""What connects synthetic nominals: OCGs with their members, entities with their links, and associations
(a mixin of demo.synthetic.generator.Generator)."""

import datetime

from nominals.constants import EntityKind, MembershipRole, OCGBand, OCGStatus
from nominals.models import OCG, Association, Entity, EntityLink, OCGMembership
from ocgshare.constants import InformationCategory

from .names import LETTERS, OCG_NOUNS, PLACE_ENDS, PLACE_STARTS, POSTCODE_AREAS, STREETS, TRADES
from .rows import Picker, plain
from .shape import (
    ASSOCIATION_SHARE,
    CATEGORY_SHARE,
    ENTITY_SHARE,
    OCG_LEAD_SHARE,
    OCG_PREFIX,
    OWNER_SHARE,
    RELATIONSHIPS,
)


class NetworkRows:
    """Steps writing OCGs and their members, entities and their links, and associations, between the
    nominals written before."""

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
                (entity_id, kind, self.entity_value(kind, i), "", agency.pk, plain(category),
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
