# ruff: noqa: F811 - the fixtures imported from test_access_log_views are the tests' arguments
"""The access log as an auditor reads it (issue 10, item 7): items by type, register number and owner with a
link to their page, each basis in full, filters that say when they cannot be applied, and the CSV export of
the filtered view (page and API) — the same rows as the page, cells a spreadsheet cannot run, and the export
itself logged."""

import csv
import io
import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from access import Access
from audit.exports import safe_cell
from audit.selectors import AccessLogFilters, LogView, access_log_list, basis_in_full
from audit.services import log_access
from ocgshare.models import AccessAction, AccessBasis, AccessLogEntry, AccessSurface

from .test_access_log_views import council_auditor, prison_auditor, world  # noqa: F401 - the log's entries

pytestmark = pytest.mark.django_db

PAGE = reverse("access-log")
EXPORT = reverse("access-log-csv")
API_EXPORT = "/api/access-log/export/"


def _rows(response):
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    return rows[0], rows[1:]


def _ids(rows):
    return [int(row[0]) for row in rows]


def _page_ids(response):
    return [int(pk) for pk in re.findall(r'data-testid="access-log-row" id="entry-(\d+)"', response.content.decode())]


def _row(page, entry):
    html = page.content.decode()
    start = html.index(f'id="entry-{entry.pk}"')
    return html[start : html.index("</tr>", start)]


# --- labels, links and bases ----------------------------------------------------------------------


def test_each_basis_in_full():
    assert basis_in_full(basis=AccessBasis.OWN_AGENCY, tier=0) == "Own agency at Tier 0 originator"
    assert (
        basis_in_full(basis=AccessBasis.PROTOCOL, tier=1, protocol_reference="NW-ISP-01")
        == "Information-sharing protocol NW-ISP-01 at Tier 1 law enforcement"
    )
    assert (
        basis_in_full(basis=AccessBasis.USER_GRANT, tier=2, grant_id=42)
        == "Need-to-know grant 42 to the user at Tier 2 partnership"
    )
    assert basis_in_full(basis=AccessBasis.AGENCY_GRANT, tier=1, grant_id=7).startswith(
        "Need-to-know grant 7 to the agency"
    )
    assert basis_in_full(basis=AccessBasis.AGGREGATE, tier=3) == "Depersonalised counts (tier 3)"
    assert basis_in_full(basis="", tier=None) == ""


def test_the_page_names_items_by_label_and_link_with_the_basis_in_full(client, world, police_auditor):
    client.force_login(police_auditor)
    page = client.get(PAGE, {"view": "our_records"})
    whitlock = world["whitlock"].pk
    link = (
        f'<a class="govuk-link" href="/register/nominals/{whitlock}/" data-testid="logged-item">'
        f"Nominal {whitlock} (NP)</a>"
    )

    protocol_view = _row(page, world["protocol_view"])
    assert link in protocol_view
    assert f"Information-sharing protocol {world['protocol'].reference} at Tier 1 law enforcement" in protocol_view
    own_view = _row(page, world["own_view"])
    assert link in own_view and "Own agency at Tier 0 originator" in own_view
    listing = _row(page, world["listing"])
    assert "1 of your records shown" in listing and "<details" in listing, "the results under the entry"
    html = page.content.decode()
    assert "Whitlock" not in html and "WHITLOCK" not in html, "never the item's data"


def test_the_page_names_a_grant_by_its_number(client, police_auditor, analyst, world):
    entry = log_access(
        user=analyst,
        action=AccessAction.VIEW,
        surface=AccessSurface.PAGE,
        obj=world["pratt"],
        access=Access(tier=2, basis=AccessBasis.USER_GRANT, grant_id=42),
    )
    client.force_login(police_auditor)

    row = _row(client.get(PAGE), entry)
    assert "Need-to-know grant 42 to the user at Tier 2 partnership" in row
    assert (
        f'href="/register/nominals/{world["pratt"].pk}/" data-testid="logged-item">Nominal {world["pratt"].pk} (HMP N)<'
        in row
    )
    assert "Pratt" not in row


def test_our_users_view_lists_the_items_each_list_showed(client, world, prison_auditor):
    client.force_login(prison_auditor)
    row = _row(client.get(PAGE), world["listing"])

    assert "2 results shown" in row
    assert f'href="/register/nominals/{world["whitlock"].pk}/">Nominal {world["whitlock"].pk} (NP)</a>' in row
    assert f'href="/register/nominals/{world["pratt"].pk}/"' in row


# --- filters ----------------------------------------------------------------------------------------


def test_a_date_range_backwards_is_an_error_and_not_applied(client, world, police_auditor):
    client.force_login(police_auditor)
    page = client.get(PAGE, {"date_from": "2099-01-02", "date_to": "2000-01-01"}).content.decode()

    assert "govuk-error-summary" in page
    assert "The ‘to’ date must be the same as or after the ‘from’ date" in page
    assert 'data-testid="empty-state"' in page, "the valid 'from' date still applies"


def test_an_item_number_needs_its_type(client, world, police_auditor):
    client.force_login(police_auditor)
    page = client.get(PAGE, {"view": "our_records", "object_id": world["pratt"].pk})

    assert "Choose the item type to find an item by its number" in page.content.decode()
    assert len(_page_ids(page)) == 3, "the number alone is not applied"


def test_filters_narrow_the_page(client, world, police_auditor, prison_pio, prison):
    client.force_login(police_auditor)

    def ids(**params):
        return _page_ids(client.get(PAGE, {"view": "our_records", **params}))

    assert ids(agency=prison.pk, user=prison_pio.pk, action="view") == [world["protocol_view"].pk]
    assert ids(object_type="nominal", object_id=world["whitlock"].pk, action="list") == [world["listing"].pk]
    assert ids(date_from="2000-01-01", date_to="2099-12-31") == [
        world["listing"].pk,
        world["protocol_view"].pk,
        world["own_view"].pk,
    ]


# --- the export -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"view": "our_records"},
        {"view": "our_records", "action": "view"},
        {"view": "our_records", "object_type": "nominal", "object_id": "WHITLOCK"},
        {"view": "our_users"},
        {},
    ],
)
def test_the_export_has_the_rows_of_the_filtered_page(client, world, police_auditor, params):
    params = {name: str(world["whitlock"].pk) if value == "WHITLOCK" else value for name, value in params.items()}
    client.force_login(police_auditor)
    page_ids = _page_ids(client.get(PAGE, params))

    response = client.get(EXPORT, params)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    header, rows = _rows(response)
    assert header[0] == "Entry"
    assert _ids(rows) == page_ids


def test_the_export_names_items_and_bases_as_the_page_does(client, world, police_auditor):
    client.force_login(police_auditor)
    header, rows = _rows(client.get(EXPORT, {"view": "our_records"}))
    by_id = {int(row[0]): dict(zip(header, row, strict=True)) for row in rows}
    whitlock = world["whitlock"].pk

    protocol_view = by_id[world["protocol_view"].pk]
    assert protocol_view["Item"] == f"Nominal {whitlock} (NP)"
    assert protocol_view["Item page"] == f"/register/nominals/{whitlock}/"
    assert (
        protocol_view["Basis"]
        == f"Information-sharing protocol {world['protocol'].reference} at Tier 1 law enforcement"
    )
    assert protocol_view["User's agency"] == "HMP Northshire"
    listing = by_id[world["listing"].pk]
    assert listing["Results shown"] == "1", "only our records among those the list showed"
    assert listing["Items shown, each with its basis"].startswith(f"Nominal {whitlock} (NP): Information-sharing")
    assert f"Nominal {world['pratt'].pk}" not in listing["Items shown, each with its basis"]


def test_the_export_is_logged_with_its_filters_and_count(client, world, police_auditor, prison):
    client.force_login(police_auditor)
    response = client.get(EXPORT, {"view": "our_records", "agency": prison.pk, "page": "2"})
    _, rows = _rows(response)

    export = AccessLogEntry.objects.get(action=AccessAction.EXPORT)
    assert (export.user, export.surface, export.result_count) == (police_auditor, AccessSurface.PAGE, 2)
    assert export.query == f"agency={prison.pk}&view=our_records"
    assert len(rows) == 2 and export.pk not in _ids(rows)
    # The export is the auditor's own agency's user's act: it is in their log from then on.
    assert list(access_log_list(user=police_auditor, filters=AccessLogFilters(action=AccessAction.EXPORT))) == [export]


def test_cells_that_could_run_as_formulas_are_neutralised(client, analyst, police_auditor):
    dangerous = ['=HYPERLINK("http://evil")', "+1", "-2", "@SUM(A1)", "\tTAB", "\rCR"]
    for value in dangerous:
        AccessLogEntry.objects.create(
            user=analyst,
            agency=analyst.agency,
            action=AccessAction.DISCLOSE,
            surface=AccessSurface.PAGE,
            query="q=x",
            recipient=value,
            justification=value,
        )
    client.force_login(police_auditor)
    header, rows = _rows(client.get(EXPORT))

    recipients = [row[header.index("Recipient")] for row in rows]
    assert sorted(recipients) == sorted(f"'{value}" for value in dangerous)
    assert all(row[header.index("Justification")].startswith("'") for row in rows)
    assert safe_cell("Nominal 3 (NP)") == "Nominal 3 (NP)" and safe_cell(None) == "" and safe_cell(5) == "5"


@pytest.mark.parametrize("viewer", ["analyst", "police_admin", "prison_pio"])
def test_only_auditors_may_export(request, client, viewer):
    user = request.getfixturevalue(viewer)
    client.force_login(user)
    assert client.get(EXPORT).status_code == 403
    api = APIClient()
    api.force_authenticate(user)
    assert api.get(API_EXPORT).status_code == 403
    assert api.get(API_EXPORT, {"format": "csv"}).status_code == 403
    assert not AccessLogEntry.objects.filter(action=AccessAction.EXPORT).exists()


def test_signed_out_visitors_cannot_export(client):
    assert client.get(EXPORT).status_code == 302
    assert APIClient().get(API_EXPORT).status_code in (401, 403)


def test_another_agencys_auditor_exports_only_what_they_may_read(client, world, prison_auditor, council_auditor):
    client.force_login(council_auditor)
    for view in LogView.values:
        assert _rows(client.get(EXPORT, {"view": view}))[1] == []

    client.force_login(prison_auditor)
    header, rows = _rows(client.get(EXPORT, {"view": "our_records"}))
    assert _ids(rows) == [world["listing"].pk], "not the analyst's read of a police record"
    shown = rows[0][header.index("Items shown, each with its basis")]
    assert f"Nominal {world['pratt'].pk}" in shown and f"Nominal {world['whitlock'].pk} " not in shown


def test_the_api_exports_the_same_rows_and_logs_it(world, police_auditor):
    api = APIClient()
    api.force_authenticate(police_auditor)
    listed = [row["id"] for row in api.get("/api/access-log/", {"view": "our_records"}).json()["results"]]

    for params in ({"view": "our_records"}, {"view": "our_records", "format": "csv"}):
        response = api.get(API_EXPORT, params)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        assert _ids(_rows(response)[1]) == listed
    exports = AccessLogEntry.objects.filter(action=AccessAction.EXPORT, surface=AccessSurface.API)
    assert [(e.query, e.result_count) for e in exports] == [("view=our_records", 3)] * 2


def test_the_schema_documents_the_export():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operation = schema["paths"]["/api/access-log/export/"]["get"]
    assert "text/csv" in operation["responses"]["200"]["content"]
    assert {"view", "user", "object_type", "object_id", "action", "date_from", "date_to"} <= {
        p["name"] for p in operation["parameters"]
    }


def test_the_api_export_answers_csv_or_a_json_refusal_whatever_format_is_asked(world, police_auditor, analyst):
    api = APIClient()
    for fmt in ("csv", "json", "AAA"):
        api.force_authenticate(analyst)
        refused = api.get(API_EXPORT, {"format": fmt})
        assert refused.status_code == 403 and refused["Content-Type"] == "application/json", fmt
        api.force_authenticate(police_auditor)
        served = api.get(API_EXPORT, {"format": fmt})
        assert served.status_code == 200 and served["Content-Type"].startswith("text/csv"), fmt
