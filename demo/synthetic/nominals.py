"""Synthetic nominals with aliases and identifiers, their custody episodes, transfers, supervision and
orders, and a few need-to-know grants on them (a mixin of demo.synthetic.generator.Generator)."""

import datetime

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from agencies.models import AgencyKind, ThreatArea
from nominals.constants import CustodyCategory, Gender, OrderKind, RiskLevel
from nominals.models import (
    CustodyEpisode,
    LifetimeOrder,
    Nominal,
    NominalAlias,
    NominalGroupObjectPermission,
    NominalUserObjectPermission,
    OtherIdentifier,
    ProbationSupervision,
    Transfer,
)
from protocols.constants import SanitisationTier

from .names import COMMON_SURNAMES, FEMALE_FORENAMES, LETTERS, MALE_FORENAMES, PLACE_ENDS, PLACE_STARTS
from .rows import Picker
from .shape import CATEGORY_SHARE, LAW_ENFORCEMENT_MIX, OWNER_SHARE


class NominalRows:
    """Steps writing nominals (then, once custody is known, their rows and children), custody, supervision,
    orders and need-to-know grants; they leave the nominals by owner and region for the network steps."""

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
