"""The write side of the DPA 2018 s62 log: every write of the register logs one entry (CREATE, ALTER,
GRANT, REVOKE) on the item whose data changed, from the surface it came from, naming what changed but
never a value; a refused write, or one that changes nothing, logs nothing; auditors filter by the new
actions."""

import datetime
from contextlib import contextmanager

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from agencies.models import AgencyKind
from nominals.constants import EntityKind, MembershipRole, OrderKind
from nominals.forms.nominals import NominalForm
from nominals.models import Nominal, NominalUserObjectPermission
from nominals.services.custody import custody_episode_update, order_add, supervision_add, transfer_record
from nominals.services.entities import association_add, entity_create, entity_link
from nominals.services.nominals import nominal_update
from nominals.services.ocgs import membership_add, membership_end, ocg_create, ocg_update
from ocgshare.models import AccessAction, AccessBasis, AccessLogEntry, AccessSurface
from records.services import grant_create, grant_revoke
from tests.factories import AgencyFactory, PrisonFactory

from .html import texts
from .pages_world import *  # noqa: F403 - the page tests' register
from .pages_world import ago, signed_in

pytestmark = pytest.mark.django_db


@contextmanager
def logged():
    """The access log entries written inside the block, oldest first."""
    last = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    entries = []
    yield entries
    entries.extend(AccessLogEntry.objects.filter(id__gt=last).order_by("id"))


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def unchanged_form(nominal):
    """The nominal's edit form as it is prefilled (from the database: custody may have set the prison
    number since the fixture's copy was made), ready to post."""
    data = {}
    for name, value in NominalForm.initial_for(Nominal.objects.get(pk=nominal.pk)).items():
        if isinstance(value, datetime.date):
            value = value.isoformat()
        data[name] = "" if value is None else value
    return data


def the_entry(entries):
    assert len(entries) == 1, [(e.action, e.query) for e in entries]
    return entries[0]


# --- creating --------------------------------------------------------------------------------------------


def test_a_nominal_created_on_the_page_is_logged_once(client, analyst):
    with logged() as entries:
        response = signed_in(client, analyst).post(
            reverse("nominals:nominal-create"),
            {"surname": "Okafor", "risk_level": "medium", "gender": "unknown", "category": "background"},
        )
    assert response.status_code == 302
    nominal = Nominal.objects.get(surname="Okafor")
    entry = the_entry(entries)
    assert (entry.action, entry.surface, entry.object_type, entry.object_id) == (
        AccessAction.CREATE,
        AccessSurface.PAGE,
        "nominal",
        nominal.pk,
    )
    assert (entry.user, entry.agency_id, entry.query) == (analyst, analyst.agency_id, "nominal recorded")
    assert entry.object_label == f"Nominal {nominal.pk} (NP)"
    assert (entry.tier, entry.basis) == (None, ""), "a write is not a read on a basis"


def test_a_nominal_created_through_the_api_is_logged_once(analyst):
    with logged() as entries:
        response = api(analyst).post("/api/nominals/", {"surname": "Okafor"}, format="json")
    assert response.status_code == 201, response.json()
    entry = the_entry(entries)
    assert (entry.action, entry.surface, entry.object_id) == (
        AccessAction.CREATE,
        AccessSurface.API,
        response.json()["id"],
    )


# --- changing ----------------------------------------------------------------------------------------------


def test_an_edit_logs_the_names_of_the_fields_changed_and_never_their_values(client, analyst, marsh):
    data = {**unchanged_form(marsh), "surname": "Marsden", "date_of_birth": "1988-04-03"}
    with logged() as entries:
        response = signed_in(client, analyst).post(reverse("nominals:nominal-edit", args=[marsh.pk]), data)
    assert response.status_code == 302

    entry = the_entry(entries)
    assert (entry.action, entry.surface, entry.object_type, entry.object_id) == (
        AccessAction.ALTER,
        AccessSurface.PAGE,
        "nominal",
        marsh.pk,
    )
    assert entry.query == "fields changed: surname, date_of_birth"
    for value in ("Marsden", "Marsh", "1988", "04-03", "03-02"):
        assert value not in entry.query + entry.object_label + entry.justification + entry.recipient


def test_lists_are_named_only_when_they_change(analyst, marsh):
    with logged() as entries:
        nominal_update(
            actor=analyst,
            nominal=marsh,
            threat_areas=["illegal_drugs"],
            aliases=[{"surname": "Marshall", "forenames": "Dino"}],
            other_identifiers=[{"kind": "National Insurance number", "value": "QQ123456C"}],
            surface=AccessSurface.API,
        )
    entry = the_entry(entries)
    assert (entry.surface, entry.query) == (AccessSurface.API, "fields changed: other_identifiers")
    assert "QQ" not in entry.query


def test_an_edit_that_changes_nothing_writes_and_logs_nothing(client, analyst, marsh):
    before = Nominal.objects.get(pk=marsh.pk).updated_at
    with logged() as entries:
        response = signed_in(client, analyst).post(
            reverse("nominals:nominal-edit", args=[marsh.pk]), unchanged_form(marsh)
        )
    assert response.status_code == 302
    assert entries == []
    assert Nominal.objects.get(pk=marsh.pk).updated_at == before


def test_an_edit_through_the_api_is_logged_from_the_api(analyst, marsh):
    with logged() as entries:
        response = api(analyst).patch(f"/api/nominals/{marsh.pk}/", {"risk_level": "very_high"}, format="json")
    assert response.status_code == 200, response.json()
    entry = the_entry(entries)  # the answer's read of the nominal just changed is not logged as a view
    assert (entry.action, entry.surface, entry.query) == (
        AccessAction.ALTER,
        AccessSurface.API,
        "fields changed: risk_level",
    )


def test_a_custody_episode_is_logged_as_a_change_to_its_nominal(client, analyst, register, prison):
    carter = register["carter"]
    with logged() as entries:
        response = signed_in(client, analyst).post(
            reverse("nominals:custody-add", args=[carter.pk]),
            {
                "establishment": prison.pk,
                "category": "B",
                "received_on": ago(10).isoformat(),
                "prison_number": "B2345CD",
            },
        )
    assert response.status_code == 302
    entry = the_entry(entries)
    assert (entry.action, entry.object_type, entry.object_id) == (AccessAction.ALTER, "nominal", carter.pk)
    assert entry.query == "custody episode added; fields changed: prison_number"


def test_every_write_service_logs_one_entry_on_the_item_whose_data_changed(analyst, register, police):
    marsh, carter, crew, vehicle = register["marsh"], register["carter"], register["crew"], register["vehicle"]
    region = AgencyFactory(name="North West Probation", kind=AgencyKind.PROBATION_REGION)
    episode = marsh.custody_episodes.get()
    membership = crew.memberships.get()

    def one(call, **kwargs):
        with logged() as entries:
            result = call(actor=analyst, **kwargs)
        entry = the_entry(entries)
        return result, (entry.action, entry.object_type, entry.object_id, entry.query)

    ocg, logged_as = one(ocg_create, reference="NP-OCG-0002", name="Riverside Firm")
    assert logged_as == (AccessAction.CREATE, "ocg", ocg.pk, "OCG recorded")
    _, logged_as = one(ocg_update, ocg=crew, status="dormant", name="Northtown Crew")
    assert logged_as == (AccessAction.ALTER, "ocg", crew.pk, "fields changed: status")
    _, logged_as = one(membership_add, ocg=crew, nominal=carter, role=MembershipRole.PERIPHERAL)
    assert logged_as == (AccessAction.ALTER, "ocg", crew.pk, f"member added: nominal {carter.pk}")
    _, logged_as = one(membership_end, membership=membership, ended_on=ago(1))
    assert logged_as == (AccessAction.ALTER, "ocg", crew.pk, f"membership ended: nominal {marsh.pk}")

    _, logged_as = one(
        transfer_record, custody_episode=episode, to_establishment=PrisonFactory(), transferred_on=ago(5)
    )
    assert logged_as == (AccessAction.ALTER, "nominal", marsh.pk, "transfer recorded")
    _, logged_as = one(custody_episode_update, episode=episode, released_on=ago(1))
    assert logged_as == (AccessAction.ALTER, "nominal", marsh.pk, "custody episode changed: released_on")
    _, logged_as = one(supervision_add, nominal=marsh, region=region, starts_on=ago(1))
    assert logged_as == (AccessAction.ALTER, "nominal", marsh.pk, "probation supervision added")
    _, logged_as = one(
        order_add, nominal=marsh, kind=OrderKind.TRAVEL_RESTRICTION, conditions="No travel", made_on=ago(3)
    )
    assert logged_as == (AccessAction.ALTER, "nominal", marsh.pk, "order added")

    phone, logged_as = one(entity_create, kind=EntityKind.PHONE, value="07700 900123")
    assert logged_as == (AccessAction.CREATE, "entity", phone.pk, "entity recorded")
    _, logged_as = one(entity_link, entity=vehicle, ocg=crew, relationship="Used by")
    assert logged_as == (AccessAction.ALTER, "ocg", crew.pk, f"entity linked: entity {vehicle.pk}")
    association, logged_as = one(association_add, nominal_a=carter, nominal_b=marsh, kind="visitor")
    assert logged_as == (AccessAction.CREATE, "association", association.pk, "association recorded")

    labels = AccessLogEntry.objects.filter(object_type__in=["entity", "association"], action=AccessAction.CREATE)
    assert {e.object_label for e in labels} >= {f"Entity {phone.pk} (NP)", f"Association {association.pk} (NP)"}

    with logged() as entries:
        assert entity_create(actor=analyst, kind=EntityKind.PHONE, value="07700900123") == phone
    assert entries == [], "finding the agency's existing record changes nothing"


# --- need-to-know grants --------------------------------------------------------------------------------


def test_a_grant_and_its_revocation_are_logged_on_the_item(client, analyst, outsider, marsh):
    until = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    owner = signed_in(client, analyst)
    with logged() as given:
        owner.post(
            reverse("nominals:grant-add", args=["nominals", marsh.pk]),
            {"holder": "user", "email": outsider.email, "tier": "2", "reason": "Tasking", "expires_on": until},
        )
    grant = NominalUserObjectPermission.objects.get(content_object=marsh)
    entry = the_entry(given)
    recipient = f"{outsider.full_name} (Southshire Police)"
    assert (entry.action, entry.surface, entry.object_id, entry.recipient) == (
        AccessAction.GRANT,
        AccessSurface.PAGE,
        marsh.pk,
        recipient,
    )
    assert (entry.tier, entry.basis, entry.basis_grant_id) == (2, AccessBasis.USER_GRANT, grant.pk)

    with logged() as revoked:
        owner.post(reverse("nominals:grant-revoke", args=["nominals", marsh.pk, "user", grant.pk]))
    assert not NominalUserObjectPermission.objects.exists()
    entry = the_entry(revoked)
    assert (entry.action, entry.surface, entry.object_id, entry.recipient) == (
        AccessAction.REVOKE,
        AccessSurface.PAGE,
        marsh.pk,
        recipient,
    )
    assert (entry.tier, entry.basis, entry.basis_grant_id) == (2, AccessBasis.USER_GRANT, grant.pk)


def test_an_agency_grant_revoked_through_the_api_names_the_agency(analyst, outsider, crew):
    expires = timezone.now() + datetime.timedelta(days=3)
    grant = grant_create(
        actor=analyst, obj=crew, agency=outsider.agency, tier=1, reason="Joint operation", expires_at=expires
    )
    with logged() as entries:
        response = api(analyst).delete(f"/api/ocgs/{crew.pk}/grants/agency/{grant.pk}/")
    assert response.status_code == 204
    entry = the_entry(entries)
    assert (entry.action, entry.surface, entry.object_type, entry.object_id) == (
        AccessAction.REVOKE,
        AccessSurface.API,
        "ocg",
        crew.pk,
    )
    assert (entry.recipient, entry.basis, entry.basis_grant_id) == (
        "Every user of Southshire Police",
        AccessBasis.AGENCY_GRANT,
        grant.pk,
    )


# --- refused writes log nothing ---------------------------------------------------------------------------


def test_an_invalid_edit_logs_nothing(client, analyst, marsh):
    with logged() as entries:
        response = signed_in(client, analyst).post(
            reverse("nominals:nominal-edit", args=[marsh.pk]),
            {**unchanged_form(marsh), "surname": "X", "pnc_id": "123"},
        )
        with pytest.raises(ValidationError):
            nominal_update(actor=analyst, nominal=marsh, surname="Marsden", pnc_id="2001/1X")
    assert response.status_code == 200 and "Enter a PNC ID" in response.content.decode()
    assert entries == []
    assert Nominal.objects.get(pk=marsh.pk).surname == "Marsh"


def test_a_write_refused_after_an_earlier_one_was_logged_rolls_the_entry_back(client, analyst, register):
    carter = register["carter"]
    with logged() as entries:
        # The entity is recorded (and logged), then its link is refused: the page's one transaction
        # takes both back.
        response = signed_in(client, analyst).post(
            reverse("nominals:entity-add", args=[carter.pk]),
            {"kind": "phone", "value": "07700 900123", "relationship": ""},
        )
    assert "Enter the relationship" in response.content.decode()
    assert entries == []


def test_a_write_refused_to_another_agency_logs_nothing(client, prison_pio, outsider, marsh):
    with logged() as entries:
        signed_in(client, prison_pio).post(
            reverse("nominals:nominal-edit", args=[marsh.pk]), {**unchanged_form(marsh), "surname": "Changed"}
        )
        api(outsider).patch(f"/api/nominals/{marsh.pk}/", {"surname": "Changed"}, format="json")
    assert entries == []


# --- auditors ----------------------------------------------------------------------------------------------


def test_auditors_filter_the_log_by_the_write_actions(client, police_auditor, analyst, outsider, marsh):
    expires = timezone.now() + datetime.timedelta(days=3)
    grant = grant_create(actor=analyst, obj=marsh, user=outsider, tier=1, reason="Joint operation", expires_at=expires)
    grant_revoke(actor=analyst, grant=grant)
    nominal_update(actor=analyst, nominal=marsh, surname="Marsden")
    auditor = signed_in(client, police_auditor)
    page = auditor.get(reverse("access-log")).content.decode()
    for value, label in (
        ("create", "Recorded"),
        ("alter", "Changed"),
        ("grant", "Need-to-know grant given"),
        ("revoke", "Need-to-know grant revoked"),
    ):
        assert f'value="{value}"' in page and label in page, f"the action filter offers {label}"

    recorded = texts(auditor.get(reverse("access-log"), {"action": "create"}), "access-log-row")
    assert len(recorded) == 5 and all("Recorded" in row for row in recorded), "2 nominals, OCG, association, vehicle"
    changed = texts(auditor.get(reverse("access-log"), {"action": "alter"}), "access-log-row")
    assert "Change: fields changed: surname" in changed[0] and "MARSDEN" not in changed[0]
    assert "Marsden" not in "".join(changed)
    given = texts(auditor.get(reverse("access-log"), {"action": "grant"}), "access-log-row")
    assert len(given) == 1 and "Need-to-know grant given" in given[0] and outsider.full_name in given[0]
    assert len(texts(auditor.get(reverse("access-log"), {"action": "revoke"}), "access-log-row")) == 1

    rows = (
        api(police_auditor)
        .get("/api/access-log/", {"action": "alter", "object_type": "nominal", "object_id": marsh.pk})
        .json()["results"]
    )
    assert rows[0]["action"] == "alter" and rows[0]["query"] == "fields changed: surname"
