"""Synthetic information-sharing protocols with parties and categories; active ones hold exactly the grant
rows protocols.services gives an active protocol (a mixin of demo.synthetic.generator.Generator)."""

import datetime

from agencies.models import AgencyKind, Region
from ocgshare.constants import InformationCategory
from protocols.constants import ProtocolStatus, SanitisationTier
from protocols.models import (
    Protocol,
    ProtocolGroupObjectPermission,
    ProtocolParty,
    ProtocolPartyCategory,
    ProtocolTemplate,
)
from protocols.sections import SECTION_FIELDS
from protocols.services.common import add_months
from protocols.services.grants import grants_write

from .rows import Picker, RowWriter, plain
from .shape import MARKER, PROTOCOL_PREFIX, PROTOCOL_STATUS_SHARE


class ProtocolRows:
    """The step writing protocols, their parties and categories, and the grants of the active ones."""

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
        review = min(add_months(start, 12), end)
        if status in (ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED) and review < self.today:
            review = min(self.today + datetime.timedelta(days=rng.randint(1, 365)), end)
        return start, end, review

    def make_protocols(self):
        rng = self.rng
        template = ProtocolTemplate.objects.filter(is_current=True).first()
        if template is None:
            raise ValueError("There is no current protocol template: run `manage.py migrate` first")
        sections = {name: getattr(template, name) for name in SECTION_FIELDS}
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
                    add("partner", 1, SanitisationTier.PARTNERSHIP, [plain(c) for c in categories])
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
                grants += grants_write(protocol)
        self.writer.count(Protocol, len(plans))
        self.writer.count(ProtocolParty, len(party_rows))
        self.writer.count(ProtocolPartyCategory, sum(len(categories) for categories in categories_of))
        self.writer.count(ProtocolGroupObjectPermission, grants)
