"""The access log (DPA 2018 s62): what is written for each read and disclosure, that nothing can change
or remove it (the ORM everywhere; on PostgreSQL the database itself), and how auditors read it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

import access
from accounts.models import Role
from audit.filters import AccessLogFilterSet
from audit.selectors import AccessLogFilters, access_log_list
from audit.services import log_access
from nominals.models import Nominal
from ocgshare.models import AccessAction, AccessBasis, AccessLogEntry, AccessLogResult, AppendOnlyError
from tests.factories import UserFactory
from tests.nominals.factories import NominalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def nominal(police):
    return NominalFactory(owning_agency=police, surname="Whitlock")


@pytest.fixture
def entry(analyst, nominal):
    return log_access(
        user=analyst, action=AccessAction.VIEW, surface="page", obj=nominal, access=access.access_for(analyst, nominal)
    )


def test_a_view_records_who_what_and_the_basis_without_personal_data(entry, analyst, nominal):
    assert (entry.user, entry.agency, entry.object_type, entry.object_id) == (
        analyst,
        analyst.agency,
        "nominal",
        nominal.pk,
    )
    assert (entry.tier, entry.basis) == (0, AccessBasis.OWN_AGENCY)
    assert entry.object_label == f"Nominal {nominal.pk} (NP)"


def test_a_search_records_each_item_shown_with_its_basis(active_protocol, police, council_spoc):
    shown = NominalFactory.create_batch(3, owning_agency=police)
    rows = list(access.visible(council_spoc, Nominal.objects.order_by("pk")))
    entry = log_access(
        user=council_spoc, action=AccessAction.SEARCH, surface="api", query="smith", result_count=3, results=rows
    )
    assert list(entry.results.values_list("object_id", "tier", "basis", "basis_protocol_id")) == [
        (n.pk, 2, AccessBasis.PROTOCOL, active_protocol.pk) for n in shown
    ]


def test_the_orm_cannot_change_or_remove_entries(entry):
    entry.query = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.filter(pk=entry.pk).update(query="rewritten")
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AccessLogResult.objects.all().delete()
    assert AccessLogEntry.objects.get().query == ""


def test_users_and_agencies_in_the_log_cannot_be_deleted(entry, analyst):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        analyst.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL only")
def test_postgresql_refuses_raw_update_and_delete(entry):
    for sql in (
        "UPDATE ocgshare_accesslogentry SET query = 'rewritten'",
        "DELETE FROM ocgshare_accesslogentry",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert AccessLogEntry.objects.get().query == ""


# --- auditors ----------------------------------------------------------------------------------------


def test_only_auditors_read_the_log(analyst, entry):
    with pytest.raises(PermissionDenied):
        access_log_list(user=analyst)


def test_an_auditor_sees_their_own_agencys_users_only(
    active_protocol, police_auditor, analyst, prison_pio, nominal, entry
):
    log_access(
        user=prison_pio, action="view", surface="api", obj=nominal, access=access.access_for(prison_pio, nominal)
    )
    assert list(access_log_list(user=police_auditor)) == [entry]
    prison_auditor = UserFactory(agency=prison_pio.agency, roles=[Role.AUDITOR])
    assert [e.user for e in access_log_list(user=prison_auditor)] == [prison_pio]


def test_filters_by_user_item_and_dates(police, police_auditor, analyst, nominal, entry):
    colleague = UserFactory(agency=police, roles=[Role.PIO])
    other = NominalFactory(owning_agency=police)
    listing = log_access(
        user=colleague,
        action="list",
        surface="page",
        result_count=2,
        results=list(access.visible(colleague, Nominal.objects.order_by("pk"))),
    )
    by_item = access_log_list(
        user=police_auditor, filters=AccessLogFilters(object_type="nominal", object_id=nominal.pk)
    )
    assert list(by_item) == [listing, entry]
    only_other = AccessLogFilters(object_type="nominal", object_id=other.pk)
    assert list(access_log_list(user=police_auditor, filters=only_other)) == [listing]
    assert list(access_log_list(user=police_auditor, filters=AccessLogFilters(user=analyst.pk))) == [entry]
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    assert access_log_list(user=police_auditor, filters=AccessLogFilters(date_from=today)).count() == 2
    assert not access_log_list(user=police_auditor, filters=AccessLogFilters(date_from=tomorrow)).exists()


def test_filters_from_query_parameters_ignore_nonsense():
    params = {"user": "x", "object_id": "12", "object_type": "nominal", "date_from": "31/02"}
    filters = AccessLogFilterSet(params).access_log_filters()
    assert filters == AccessLogFilters(object_type="nominal", object_id=12)
