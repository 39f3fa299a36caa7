"""The accounts API: token sign-in, /api/me/ and /api/users/ — same rules as the pages."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient, APIRequestFactory

from accounts.authentication import VettedTokenAuthentication
from accounts.forms import SIGN_IN_ERROR
from accounts.models import Role, User, VettingLevel
from notifications.models import EventType, Notification
from tests.factories import UserFactory

TOKEN_URL = "/api/auth/token/"
USERS_URL = "/api/users/"


@pytest.fixture
def api():
    return APIClient()


def as_user(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def new_user_payload(**overrides):
    payload = {
        "email": "new@northshire.police.uk",
        "full_name": "Nina New",
        "roles": [Role.ANALYST],
        "vetting_level": VettingLevel.SC,
        "vetting_expires": (timezone.localdate() + datetime.timedelta(days=365)).isoformat(),
        "password": "a long enough initial passphrase",
    }
    payload.update(overrides)
    return payload


class TestToken:
    def test_right_password_gives_a_token_that_authenticates(self, api, analyst, password):
        response = api.post(TOKEN_URL, {"email": analyst.email.upper(), "password": password}, format="json")

        assert response.status_code == 200
        assert response.json()["token"] == Token.objects.get(user=analyst).key
        api.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
        assert api.get("/api/me/").json()["email"] == analyst.email
        analyst.refresh_from_db()
        assert analyst.last_login is not None

    def test_asking_again_gives_the_same_token(self, api, analyst, password):
        first = api.post(TOKEN_URL, {"email": analyst.email, "password": password}).json()["token"]
        second = api.post(TOKEN_URL, {"email": analyst.email, "password": password}).json()["token"]
        assert first == second

    @pytest.mark.parametrize("case", ["wrong password", "unknown account", "disabled", "expired vetting"])
    def test_refusals_all_give_the_same_answer(self, api, analyst, password, case):
        email, given = analyst.email, password
        if case == "wrong password":
            given = "wrong"
        elif case == "unknown account":
            email = "nobody@northshire.police.uk"
        elif case == "disabled":
            analyst.is_active = False
            analyst.save()
        else:
            analyst.vetting_expires = timezone.localdate() - datetime.timedelta(days=1)
            analyst.save()

        response = api.post(TOKEN_URL, {"email": email, "password": given}, format="json")

        assert response.status_code == 400
        assert response.json() == {"non_field_errors": [SIGN_IN_ERROR]}
        assert not Token.objects.exists()

    def test_missing_fields_are_field_errors(self, api, db):
        response = api.post(TOKEN_URL, {"email": "not-an-address"}, format="json")
        assert response.status_code == 400
        assert set(response.json()) == {"email", "password"}

    def test_lock_out_applies_and_then_even_the_right_password_is_refused(self, api, analyst, password, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert api.post(TOKEN_URL, {"email": analyst.email, "password": "wrong"}).status_code == 400
        assert api.post(TOKEN_URL, {"email": analyst.email, "password": "wrong"}).status_code == 429

        response = api.post(TOKEN_URL, {"email": analyst.email, "password": password}, format="json")

        assert response.status_code == 429
        assert response["Content-Type"] == "application/json"
        assert "locked for 30 minutes" in response.json()["detail"]
        assert not Token.objects.exists()

    def test_page_and_api_failures_count_together(self, api, client, analyst, password, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            client.post("/accounts/sign-in/", {"username": analyst.email, "password": "wrong"})
        api.post(TOKEN_URL, {"email": analyst.email, "password": "wrong"})
        assert client.post("/accounts/sign-in/", {"username": analyst.email, "password": password}).status_code == 429

    def test_a_token_stops_working_when_vetting_expires_or_the_account_is_disabled(self, api, analyst):
        token = Token.objects.create(user=analyst)
        api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        assert api.get("/api/me/").status_code == 200

        analyst.vetting_expires = timezone.localdate() - datetime.timedelta(days=1)
        analyst.save()
        assert api.get("/api/me/").status_code in (401, 403)

        analyst.vetting_expires = timezone.localdate() + datetime.timedelta(days=1)
        analyst.is_active = False
        analyst.save()
        assert api.get("/api/me/").status_code in (401, 403)

    def test_an_unknown_token_is_refused(self, api, analyst):
        Token.objects.create(user=analyst)
        api.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
        response = api.get("/api/me/")
        # 403 rather than 401: session authentication comes first and sends no WWW-Authenticate header.
        assert response.status_code == 403
        assert response.json() == {"detail": "Invalid token."}

    def test_the_token_loads_the_user_with_agency_roles_and_groups_in_one_query(
        self, api, analyst, django_assert_num_queries
    ):
        token = Token.objects.create(user=analyst)
        roles, groups = analyst.role_codes, analyst.group_ids
        assert roles and groups
        request = APIRequestFactory().get("/api/me/", HTTP_AUTHORIZATION=f"Token {token.key}")
        with django_assert_num_queries(1):
            user, auth = VettedTokenAuthentication().authenticate(request)
            assert (user, auth) == (analyst, token)
            assert user.agency.name == analyst.agency.name
            assert (user.role_codes, user.group_ids) == (roles, groups)


class TestMe:
    def test_returns_the_current_users_profile(self, police_officer):
        body = as_user(police_officer).get("/api/me/").json()
        assert body["email"] == police_officer.email
        assert body["agency_name"] == "Northshire Police"
        assert body["roles"] == [Role.PIO]
        assert body["vetting_status"] == "current"
        assert "password" not in body

    def test_anonymous_is_refused(self, api, db):
        assert api.get("/api/me/").status_code in (401, 403)


class TestUsersRefusals:
    @pytest.mark.parametrize("fixture", ["council_spoc", "analyst"])
    def test_non_admins_get_403_on_every_action(self, request, fixture, police_officer):
        client = as_user(request.getfixturevalue(fixture))
        assert client.get(USERS_URL).status_code == 403
        assert client.get(f"{USERS_URL}{police_officer.pk}/").status_code == 403
        assert client.post(USERS_URL, new_user_payload(), format="json").status_code == 403
        response = client.patch(f"{USERS_URL}{police_officer.pk}/", {"roles": [Role.AGENCY_ADMIN]}, format="json")
        assert response.status_code == 403
        assert not User.objects.filter(email="new@northshire.police.uk").exists()
        assert police_officer.user_roles.get().role == Role.PIO

    def test_other_agencys_users_are_404(self, council_admin, police_officer):
        client = as_user(council_admin)
        assert client.get(f"{USERS_URL}{police_officer.pk}/").status_code == 404
        response = client.patch(f"{USERS_URL}{police_officer.pk}/", {"is_active": False}, format="json")
        assert response.status_code == 404
        police_officer.refresh_from_db()
        assert police_officer.is_active
        listed = {row["email"] for row in client.get(USERS_URL).json()["results"]}
        assert police_officer.email not in listed

    def test_admin_cannot_create_in_another_agency(self, council_admin, police):
        response = as_user(council_admin).post(USERS_URL, new_user_payload(agency=police.pk), format="json")
        assert response.status_code == 403
        assert not User.objects.filter(email="new@northshire.police.uk").exists()

    def test_no_put_or_delete(self, police_admin, police_officer):
        client = as_user(police_admin)
        assert client.put(f"{USERS_URL}{police_officer.pk}/", {}, format="json").status_code == 405
        assert client.delete(f"{USERS_URL}{police_officer.pk}/").status_code == 405


class TestUsers:
    def test_list_is_own_agency_with_the_pages_filters(
        self, police_admin, police_officer, analyst, council_spoc, django_assert_num_queries
    ):
        client = as_user(police_admin)
        # 1 admin's roles (permission), 2 count, 3 page of users with agency, 4 their roles.
        with django_assert_num_queries(4):
            body = client.get(USERS_URL).json()
        assert {row["email"] for row in body["results"]} == {police_admin.email, police_officer.email, analyst.email}
        assert [row["email"] for row in client.get(USERS_URL, {"role": Role.PIO}).json()["results"]] == [
            police_officer.email
        ]
        assert [row["full_name"] for row in client.get(USERS_URL, {"q": "pat"}).json()["results"]] == ["Pat Prison"]
        assert client.get(USERS_URL, {"status": "disabled"}).json()["count"] == 0

    def test_retrieve(self, police_admin, police_officer):
        body = as_user(police_admin).get(f"{USERS_URL}{police_officer.pk}/").json()
        assert body["full_name"] == "Pat Prison"
        assert body["roles"] == [Role.PIO]

    def test_create_in_own_agency_and_notify(self, police_admin, police):
        response = as_user(police_admin).post(USERS_URL, new_user_payload(), format="json")

        assert response.status_code == 201
        body = response.json()
        assert body["agency"] == police.pk
        assert body["roles"] == [Role.ANALYST]
        assert "password" not in body
        created = User.objects.get(pk=body["id"])
        assert created.check_password("a long enough initial passphrase")
        assert Notification.objects.get(recipient=created).event_type == EventType.ACCOUNT_CREATED

    def test_create_reports_every_problem_as_field_errors_and_saves_nothing(self, police_admin, analyst):
        notifications = Notification.objects.count()
        response = as_user(police_admin).post(
            USERS_URL,
            new_user_payload(
                email=analyst.email,
                full_name=" ",
                roles=[],
                vetting_expires=timezone.localdate().isoformat(),
                password="short",
            ),
            format="json",
        )

        assert response.status_code == 400
        assert response.json() == {
            "email": ["There is already an account with this e-mail address"],
            "full_name": ["This field may not be blank."],
            "roles": ["Select at least one role"],
            "vetting_expires": ["The vetting expiry date must be in the future"],
            "password": ["This password is too short. It must contain at least 12 characters."],
        }
        assert User.objects.count() == 2
        assert Notification.objects.count() == notifications

    def test_partial_update_changes_roles_and_notifies(self, police_admin, police_officer):
        response = as_user(police_admin).patch(
            f"{USERS_URL}{police_officer.pk}/", {"roles": [Role.PIO, Role.SANITISER]}, format="json"
        )

        assert response.status_code == 200
        assert response.json()["roles"] == [Role.PIO, Role.SANITISER]
        notification = Notification.objects.get(recipient=police_officer)
        assert notification.event_type == EventType.ROLE_CHANGED
        assert f"Added: {Role.SANITISER.label}." in notification.body
        assert "Removed" not in notification.body

    def test_admin_cannot_demote_or_disable_themselves(self, police_admin):
        client = as_user(police_admin)
        response = client.patch(
            f"{USERS_URL}{police_admin.pk}/", {"roles": [Role.ANALYST], "is_active": False}, format="json"
        )
        assert response.status_code == 400
        assert set(response.json()) == {"roles", "is_active"}
        police_admin.refresh_from_db()
        assert police_admin.is_active
        assert police_admin.user_roles.filter(role=Role.AGENCY_ADMIN).exists()

    def test_superuser_manages_any_agency(self, superuser, council, council_spoc):
        client = as_user(superuser)
        assert client.get(f"{USERS_URL}{council_spoc.pk}/").status_code == 200
        response = client.post(USERS_URL, new_user_payload(agency=council.pk), format="json")
        assert response.status_code == 201
        assert response.json()["agency"] == council.pk

    def test_in_the_schema(self, police_admin):
        schema = as_user(police_admin).get("/api/schema/", {"format": "json"}).json()
        assert {"/api/auth/token/", "/api/me/", "/api/users/", "/api/users/{id}/"} <= set(schema["paths"])
        assert "patch" in schema["paths"]["/api/users/{id}/"]
        assert "put" not in schema["paths"]["/api/users/{id}/"]


def test_disabled_users_are_listed_for_their_admin(police_admin, police):
    UserFactory(agency=police, is_active=False, email="gone@northshire.police.uk")
    body = as_user(police_admin).get(USERS_URL, {"status": "disabled"}).json()
    assert [row["email"] for row in body["results"]] == ["gone@northshire.police.uk"]
