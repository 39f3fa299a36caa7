"""The accounts API: token sign-in, /api/me/ and /api/users/ — same rules as the pages."""

import datetime
import hashlib
import time

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.test import APIClient, APIRequestFactory

from accounts.authentication import TOKEN_EXPIRED, VETTING_EXPIRED, VettedTokenAuthentication
from accounts.forms import SIGN_IN_ERROR
from accounts.models import ApiToken, Role, User, VettingLevel
from accounts.services import EMAIL_UNAVAILABLE, REASON_REQUIRED
from notifications.models import EventType, Notification
from ocgshare.models import AccessAction, AccessLogEntry
from tests.factories import UserFactory

TOKEN_URL = "/api/auth/token/"
TOKENS_URL = "/api/auth/tokens/"
SIGN_OUT_URL = "/api/auth/sign-out/"
USERS_URL = "/api/users/"
NEW_PASSWORD = "a different long passphrase"


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


def sign_in(api, user, password):
    response = api.post(TOKEN_URL, {"email": user.email, "password": password}, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def with_token(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


class TestToken:
    def test_right_password_gives_a_token_that_authenticates_and_ends(self, api, analyst, password):
        before = timezone.now()
        response = api.post(TOKEN_URL, {"email": analyst.email.upper(), "password": password}, format="json")

        assert response.status_code == 200
        body = response.json()
        assert set(body) == {"token", "id", "expiry"}
        token = ApiToken.objects.get(user=analyst)
        assert body["id"] == token.pk
        # Ten hours by default: a shift.
        assert before + datetime.timedelta(hours=10) <= token.expiry <= timezone.now() + datetime.timedelta(hours=10)
        assert datetime.datetime.fromisoformat(body["expiry"]) == token.expiry
        assert with_token(body["token"]).get("/api/me/").json()["email"] == analyst.email
        analyst.refresh_from_db()
        assert analyst.last_login is not None

    def test_the_database_holds_only_a_hash_of_the_key(self, api, analyst, password):
        key = sign_in(api, analyst, password)["token"]

        token = ApiToken.objects.get(user=analyst)
        assert token.digest == hashlib.sha512(key.encode()).hexdigest()
        # No column holds the key; knox keeps its first 15 of 64 characters as a lookup prefix.
        row = ApiToken.objects.filter(pk=token.pk).values().get()
        assert not any(key in str(value) for value in row.values())
        assert len(token.token_key) == 15 and len(key) == 64
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM accounts_apitoken")
            assert not any(key in str(value) for row in cursor.fetchall() for value in row)

    def test_each_sign_in_gives_a_new_token(self, api, analyst, password):
        first = sign_in(api, analyst, password)["token"]
        second = sign_in(api, analyst, password)["token"]
        assert first != second
        assert ApiToken.objects.filter(user=analyst).count() == 2
        assert with_token(first).get("/api/me/").status_code == 200
        assert with_token(second).get("/api/me/").status_code == 200

    def test_the_lifetime_is_configured(self, api, analyst, password, settings):
        settings.API_TOKEN_TTL = datetime.timedelta(hours=2)
        sign_in(api, analyst, password)
        lifetime = ApiToken.objects.get().expiry - timezone.now()
        assert datetime.timedelta(hours=1, minutes=59) < lifetime <= datetime.timedelta(hours=2)

    def test_a_token_stops_working_when_it_expires_and_is_deleted(self, api, analyst, password, settings):
        settings.API_TOKEN_TTL = datetime.timedelta(seconds=1)
        client = with_token(sign_in(api, analyst, password)["token"])
        assert client.get("/api/me/").status_code == 200

        time.sleep(1.1)  # The real clock: no patched time.
        response = client.get("/api/me/")

        assert response.status_code == 403
        assert response.json() == {"detail": TOKEN_EXPIRED}
        assert not ApiToken.objects.exists()

    def test_signing_in_again_clears_the_users_expired_tokens(self, api, analyst, password, settings):
        settings.API_TOKEN_TTL = datetime.timedelta(seconds=1)
        sign_in(api, analyst, password)
        time.sleep(1.1)
        settings.API_TOKEN_TTL = datetime.timedelta(hours=10)
        sign_in(api, analyst, password)
        assert ApiToken.objects.filter(user=analyst).count() == 1

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
        assert not ApiToken.objects.exists()

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
        assert not ApiToken.objects.exists()

    def test_page_and_api_failures_count_together(self, api, client, analyst, password, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            client.post("/accounts/sign-in/", {"username": analyst.email, "password": "wrong"})
        api.post(TOKEN_URL, {"email": analyst.email, "password": "wrong"})
        assert client.post("/accounts/sign-in/", {"username": analyst.email, "password": password}).status_code == 429

    def test_expired_vetting_refuses_the_token_and_deletes_the_users_tokens(self, api, analyst, password):
        client = with_token(sign_in(api, analyst, password)["token"])
        sign_in(api, analyst, password)
        assert client.get("/api/me/").status_code == 200

        # Updated in SQL, as the calendar does it: no save() of the user is involved.
        User.objects.filter(pk=analyst.pk).update(vetting_expires=timezone.localdate() - datetime.timedelta(days=1))
        response = client.get("/api/me/")

        assert response.status_code == 403
        assert response.json() == {"detail": VETTING_EXPIRED}
        assert not ApiToken.objects.filter(user=analyst).exists()
        # Renewed vetting does not bring them back.
        User.objects.filter(pk=analyst.pk).update(vetting_expires=timezone.localdate() + datetime.timedelta(days=9))
        assert client.get("/api/me/").status_code == 403

    def test_disabling_the_account_revokes_its_tokens(self, api, analyst, password, police_admin):
        client = with_token(sign_in(api, analyst, password)["token"])

        response = as_user(police_admin).patch(f"{USERS_URL}{analyst.pk}/", {"is_active": False}, format="json")

        assert response.status_code == 200
        assert not ApiToken.objects.filter(user=analyst).exists()
        User.objects.filter(pk=analyst.pk).update(is_active=True)
        assert client.get("/api/me/").json() == {"detail": "Invalid token."}

    def test_a_disabled_users_token_is_refused_and_deleted(self, api, analyst, password):
        client = with_token(sign_in(api, analyst, password)["token"])
        User.objects.filter(pk=analyst.pk).update(is_active=False)
        response = client.get("/api/me/")
        assert response.status_code == 403
        assert response.json() == {"detail": "User inactive or deleted."}
        assert not ApiToken.objects.exists()

    def test_changing_the_password_on_the_page_revokes_every_token(self, api, client, analyst, password):
        tokens = [sign_in(api, analyst, password)["token"] for _ in range(2)]
        client.force_login(analyst)

        response = client.post(
            reverse("accounts:password-change"),
            {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )

        assert response.status_code == 302
        assert not ApiToken.objects.filter(user=analyst).exists()
        for key in tokens:
            assert with_token(key).get("/api/me/").status_code == 403

    def test_a_password_reset_by_an_operator_revokes_every_token(self, api, analyst, password):
        key = sign_in(api, analyst, password)["token"]
        # What the Django admin's password form and `manage.py changepassword` do.
        analyst.set_password(NEW_PASSWORD)
        analyst.save()
        assert with_token(key).get("/api/me/").status_code == 403

    def test_other_saves_of_the_user_keep_the_tokens(self, api, analyst, password):
        key = sign_in(api, analyst, password)["token"]
        analyst.full_name = "Renamed"
        analyst.save()
        assert with_token(key).get("/api/me/").status_code == 200

    @pytest.mark.parametrize(
        "header",
        ["Token 0123456789abcdef0123456789abcdef01234567", "Token " + "0" * 64, "Token a\x00b", "Token"],
    )
    def test_an_unknown_or_malformed_token_is_refused(self, api, analyst, password, header):
        sign_in(api, analyst, password)
        api.credentials(HTTP_AUTHORIZATION=header)
        response = api.get("/api/me/")
        # 403 rather than 401: session authentication comes first and sends no WWW-Authenticate header.
        assert response.status_code == 403

    def test_a_header_that_is_not_utf8_is_refused_not_a_server_error(self, analyst):
        request = APIRequestFactory().get("/api/me/", HTTP_AUTHORIZATION="Token \xe9\xff")
        with pytest.raises(AuthenticationFailed):
            VettedTokenAuthentication().authenticate(request)

    def test_the_token_loads_the_user_with_agency_roles_and_groups_in_one_query(
        self, analyst, django_assert_num_queries
    ):
        token, key = ApiToken.objects.create(user=analyst, expiry=datetime.timedelta(hours=1))
        roles, groups = analyst.role_codes, analyst.group_ids
        assert roles and groups
        request = APIRequestFactory().get("/api/me/", HTTP_AUTHORIZATION=f"Token {key}")
        with django_assert_num_queries(1):
            user, auth = VettedTokenAuthentication().authenticate(request)
            assert (user, auth) == (analyst, token)
            assert user.agency.name == analyst.agency.name
            assert (user.role_codes, user.group_ids) == (roles, groups)


class TestOwnTokens:
    def test_lists_own_live_tokens_without_keys(self, api, analyst, police_officer, password, settings):
        keys = [sign_in(api, analyst, password)["token"] for _ in range(2)]
        sign_in(api, police_officer, password)
        settings.API_TOKEN_TTL = datetime.timedelta(seconds=-1)
        sign_in(api, analyst, password)  # Born expired: not listed.

        response = with_token(keys[1]).get(TOKENS_URL)

        assert response.status_code == 200
        rows = response.json()
        mine = ApiToken.objects.filter(user=analyst, expiry__gt=timezone.now()).order_by("-created", "-id")
        assert [row["id"] for row in rows] == [token.pk for token in mine]
        assert [row["current"] for row in rows] == [True, False]
        assert set(rows[0]) == {"id", "created", "expiry", "current"}
        assert not any(key[:15] in response.content.decode() for key in keys)

    def test_revoke_one(self, api, analyst, password):
        first, second = (sign_in(api, analyst, password) for _ in range(2))
        client = with_token(second["token"])

        assert client.delete(f"{TOKENS_URL}{first['id']}/").status_code == 204

        assert with_token(first["token"]).get("/api/me/").status_code == 403
        assert client.get("/api/me/").status_code == 200

    def test_anothers_token_is_not_found_and_not_revoked(self, api, analyst, police_officer, password):
        theirs = sign_in(api, police_officer, password)
        mine = sign_in(api, analyst, password)
        assert with_token(mine["token"]).delete(f"{TOKENS_URL}{theirs['id']}/").status_code == 404
        assert with_token(theirs["token"]).get("/api/me/").status_code == 200

    def test_revoke_all(self, api, analyst, police_officer, password):
        keys = [sign_in(api, analyst, password)["token"] for _ in range(3)]
        theirs = sign_in(api, police_officer, password)["token"]

        response = with_token(keys[0]).post(f"{TOKENS_URL}revoke-all/")

        assert response.status_code == 200
        assert response.json() == {"revoked": 3}
        assert not ApiToken.objects.filter(user=analyst).exists()
        assert with_token(theirs).get("/api/me/").status_code == 200

    def test_sign_out_revokes_the_token_in_use_only(self, api, analyst, password):
        used, other = (sign_in(api, analyst, password)["token"] for _ in range(2))

        response = with_token(used).post(SIGN_OUT_URL)

        assert response.status_code == 204
        assert with_token(used).get("/api/me/").status_code == 403
        assert with_token(other).get("/api/me/").status_code == 200

    def test_sign_out_needs_a_token(self, api, client, analyst):
        assert api.post(SIGN_OUT_URL).status_code == 401
        client.force_login(analyst)
        assert client.post(SIGN_OUT_URL).status_code == 401
        assert as_user(analyst).post(SIGN_OUT_URL).status_code == 401

    def test_anonymous_is_refused(self, api, db):
        assert api.get(TOKENS_URL).status_code == 403
        assert api.post(f"{TOKENS_URL}revoke-all/").status_code == 403


class TestAdministratorRevokes:
    def test_admin_revokes_every_token_of_a_user_of_their_agency(self, api, police_admin, analyst, password):
        keys = [sign_in(api, analyst, password)["token"] for _ in range(2)]
        own = sign_in(api, police_admin, password)["token"]

        response = with_token(own).post(f"{USERS_URL}{analyst.pk}/revoke-tokens/")

        assert response.status_code == 200
        assert response.json() == {"revoked": 2}
        for key in keys:
            assert with_token(key).get("/api/me/").status_code == 403
        assert with_token(own).get("/api/me/").status_code == 200

    def test_the_revocation_is_in_the_access_log(self, api, police_admin, analyst, password):
        sign_in(api, analyst, password)
        as_user(police_admin).post(f"{USERS_URL}{analyst.pk}/revoke-tokens/")

        entry = AccessLogEntry.objects.get(object_type="user", object_id=analyst.pk, action=AccessAction.ALTER)
        assert (entry.user, entry.agency_id, entry.surface) == (police_admin, police_admin.agency_id, "api")
        assert entry.query == "api tokens: 1 revoked"

    def test_not_another_agencys_user_nor_by_a_non_admin(self, api, council_admin, analyst, police_officer, password):
        key = sign_in(api, police_officer, password)["token"]
        assert as_user(council_admin).post(f"{USERS_URL}{police_officer.pk}/revoke-tokens/").status_code == 404
        assert as_user(analyst).post(f"{USERS_URL}{police_officer.pk}/revoke-tokens/").status_code == 403
        assert with_token(key).get("/api/me/").status_code == 200

    def test_the_users_page_shows_the_count_and_revokes_after_confirmation(
        self, api, client, police_admin, analyst, password
    ):
        key = sign_in(api, analyst, password)["token"]
        client.force_login(police_admin)
        page = client.get(reverse("accounts:user-detail", args=[analyst.pk])).content.decode()
        url = reverse("accounts:user-revoke-tokens", args=[analyst.pk])
        assert url in page

        confirm = client.get(url)
        assert "Are you sure you want to revoke" in confirm.content.decode()
        assert with_token(key).get("/api/me/").status_code == 200

        done = client.post(url, follow=True)
        assert "1 API token of" in done.content.decode()
        assert with_token(key).get("/api/me/").status_code == 403

    def test_the_page_refuses_another_agencys_user(self, client, council_admin, analyst):
        client.force_login(council_admin)
        assert client.post(reverse("accounts:user-revoke-tokens", args=[analyst.pk])).status_code == 404


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
            "email": [EMAIL_UNAVAILABLE],
            "full_name": ["This field may not be blank."],
            "roles": ["Select at least one role"],
            "vetting_expires": ["The vetting expiry date must be in the future"],
            "password": ["This password is too short. It must contain at least 12 characters."],
        }
        assert User.objects.count() == 2
        assert Notification.objects.count() == notifications

    def test_partial_update_changes_roles_and_notifies(self, police_admin, police_officer):
        response = as_user(police_admin).patch(
            f"{USERS_URL}{police_officer.pk}/",
            {"roles": [Role.PIO, Role.SANITISER], "reason": "Sanitises for the unit"},
            format="json",
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
        assert {
            "/api/auth/token/",
            "/api/auth/tokens/",
            "/api/auth/tokens/{id}/",
            "/api/auth/tokens/revoke-all/",
            "/api/auth/sign-out/",
            "/api/me/",
            "/api/users/",
            "/api/users/{id}/",
            "/api/users/{id}/revoke-tokens/",
        } <= set(schema["paths"])
        assert set(schema["paths"]["/api/auth/token/"]["post"]["responses"]) >= {"200", "400", "429"}
        assert set(schema["paths"]["/api/auth/tokens/{id}/"]["delete"]["responses"]) >= {"204", "401", "403", "404"}
        revoke = schema["paths"]["/api/users/{id}/revoke-tokens/"]["post"]
        assert set(revoke["responses"]) >= {"200", "401", "403", "404"}
        token = schema["components"]["schemas"]["Token"]["properties"]
        assert set(token) == {"token", "id", "expiry"}
        assert "key" not in schema["components"]["schemas"]["ApiToken"]["properties"]
        assert "patch" in schema["paths"]["/api/users/{id}/"]
        assert "put" not in schema["paths"]["/api/users/{id}/"]


def test_disabled_users_are_listed_for_their_admin(police_admin, police):
    UserFactory(agency=police, is_active=False, email="gone@northshire.police.uk")
    body = as_user(police_admin).get(USERS_URL, {"status": "disabled"}).json()
    assert [row["email"] for row in body["results"]] == ["gone@northshire.police.uk"]


class TestNoOneRaisesTheirOwnPower:
    """Issue 8 §1: the reproducer, and the rules around it."""

    def test_admin_cannot_raise_their_own_roles_or_vetting(self, police_admin):
        before = (police_admin.vetting_level, police_admin.vetting_expires)

        response = as_user(police_admin).patch(
            f"{USERS_URL}{police_admin.pk}/",
            {
                "roles": [Role.AGENCY_ADMIN, Role.ANALYST, Role.AUDITOR],
                "vetting_level": VettingLevel.DV,
                "vetting_expires": "2099-12-31",
                "reason": "I said so",
            },
            format="json",
        )

        assert response.status_code == 400
        body = response.json()
        assert body["roles"] == ["You cannot change your own roles: ask another administrator to do it"]
        assert body["vetting_level"] == ["You cannot change your own vetting level: ask another administrator to do it"]
        assert body["vetting_expires"] == [
            "You cannot change your own vetting expiry date: ask another administrator to do it"
        ]
        assert set(body) == {"roles", "vetting_level", "vetting_expires"}
        police_admin.refresh_from_db()
        police_admin.forget_loaded_roles_and_groups()
        assert (police_admin.vetting_level, police_admin.vetting_expires) == before
        assert police_admin.role_codes == {Role.AGENCY_ADMIN}
        assert not AccessLogEntry.objects.exists()

    @pytest.mark.parametrize(
        "change",
        [
            {"vetting_level": VettingLevel.DV},
            {"vetting_expires": (timezone.localdate() + datetime.timedelta(days=700)).isoformat()},
            {"roles": [Role.AGENCY_ADMIN, Role.AUDITOR]},
            {"is_active": False},
        ],
    )
    def test_each_power_field_is_refused_on_ones_own_account(self, police_admin, change):
        response = as_user(police_admin).patch(f"{USERS_URL}{police_admin.pk}/", change, format="json")
        assert response.status_code == 400
        assert set(response.json()) == set(change)

    def test_sending_ones_own_current_values_back_is_no_change(self, police_admin):
        response = as_user(police_admin).patch(
            f"{USERS_URL}{police_admin.pk}/",
            {
                "full_name": "Alex Admin",
                "roles": [Role.AGENCY_ADMIN],
                "vetting_level": police_admin.vetting_level,
                "vetting_expires": police_admin.vetting_expires.isoformat(),
                "is_active": True,
            },
            format="json",
        )
        assert response.status_code == 200
        assert response.json()["full_name"] == "Alex Admin"

    def test_a_superuser_cannot_raise_their_own_either(self, superuser):
        response = as_user(superuser).patch(
            f"{USERS_URL}{superuser.pk}/", {"roles": [Role.AUDITOR, Role.AGENCY_ADMIN]}, format="json"
        )
        assert response.status_code == 400

    def test_changing_anothers_roles_or_vetting_needs_a_reason(self, police_admin, analyst):
        response = as_user(police_admin).patch(
            f"{USERS_URL}{analyst.pk}/", {"vetting_level": VettingLevel.DV, "reason": "  "}, format="json"
        )
        assert response.status_code == 400
        assert response.json() == {"reason": [REASON_REQUIRED]}
        analyst.refresh_from_db()
        assert analyst.vetting_level == VettingLevel.SC

    def test_the_change_is_logged_with_who_what_and_why(self, police_admin, analyst):
        old_expiry = analyst.vetting_expires
        new_expiry = timezone.localdate() + datetime.timedelta(days=800)

        response = as_user(police_admin).patch(
            f"{USERS_URL}{analyst.pk}/",
            {
                "roles": [Role.ANALYST, Role.SANITISER],
                "vetting_level": VettingLevel.DV,
                "vetting_expires": new_expiry.isoformat(),
                "phone": "01234 000000",
                "reason": "DV cleared 1 May, ref VU-42",
            },
            format="json",
        )

        assert response.status_code == 200
        entry = AccessLogEntry.objects.get()
        assert (entry.user, entry.agency, entry.action, entry.surface) == (
            police_admin,
            police_admin.agency,
            AccessAction.ALTER,
            "api",
        )
        assert (entry.object_type, entry.object_id) == ("user", analyst.pk)
        assert entry.object_label == f"User account {analyst.pk}: {analyst.full_name} (NP)"
        assert entry.query == (
            "phone; roles: analyst -> analyst, sanitiser; "
            f"vetting_expires: {old_expiry.isoformat()} -> {new_expiry.isoformat()}; "
            "vetting_level: SC / NPPV3 -> DV"
        )
        assert entry.justification == "DV cleared 1 May, ref VU-42"

    def test_other_changes_need_no_reason_and_are_logged_by_name(self, police_admin, analyst):
        response = as_user(police_admin).patch(f"{USERS_URL}{analyst.pk}/", {"job_title": "Lead"}, format="json")
        assert response.status_code == 200
        entry = AccessLogEntry.objects.get()
        assert (entry.query, entry.justification) == ("job_title", "")

    def test_creating_an_account_is_logged_with_its_roles_and_vetting(self, police_admin):
        response = as_user(police_admin).post(USERS_URL, new_user_payload(), format="json")
        assert response.status_code == 201
        entry = AccessLogEntry.objects.get()
        assert (entry.action, entry.object_id) == (AccessAction.CREATE, response.json()["id"])
        assert entry.query.startswith("roles: none -> analyst; vetting_expires: none -> ")
        assert entry.query.endswith("vetting_level: none -> SC / NPPV3")

    @pytest.mark.parametrize("creating", [True, False])
    def test_vetting_dates_in_the_past_or_too_far_ahead_are_refused(self, police_admin, analyst, creating):
        client = as_user(police_admin)
        for date, message in [
            ("2099-12-31", "The vetting expiry date must be within 10 years from today"),
            (
                (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
                "The vetting expiry date must be in the future",
            ),
        ]:
            if creating:
                response = client.post(USERS_URL, new_user_payload(vetting_expires=date), format="json")
            else:
                response = client.patch(
                    f"{USERS_URL}{analyst.pk}/", {"vetting_expires": date, "reason": "Renewal"}, format="json"
                )
            assert response.status_code == 400
            assert response.json() == {"vetting_expires": [message]}


class TestAnAddressInAnotherAgencyIsNotRevealed:
    """Issue 8 §1: creating a user with an address taken in another agency answers exactly as for one taken
    in one's own agency, names no agency, and the attempt is recorded for the service desk."""

    def test_api_answers_the_same_for_own_and_other_agency(self, police_admin, analyst, council_spoc, caplog):
        client = as_user(police_admin)
        own = client.post(USERS_URL, new_user_payload(email=analyst.email), format="json")
        other = client.post(USERS_URL, new_user_payload(email=council_spoc.email.upper()), format="json")

        assert own.status_code == other.status_code == 400
        assert own.content == other.content
        assert other.json() == {"email": [EMAIL_UNAVAILABLE]}
        assert "council" not in other.content.decode().lower()
        assert User.objects.filter(email=council_spoc.email).count() == 1
        refused = [r.getMessage() for r in caplog.records if "Account creation refused" in r.getMessage()]
        assert refused[-1] == (
            f"Account creation refused: user {police_admin.pk} (agency {police_admin.agency_id}) gave the e-mail "
            f"address of user {council_spoc.pk} (agency {council_spoc.agency_id})"
        )
        assert council_spoc.email not in caplog.text

    def test_the_page_answers_the_same_for_own_and_other_agency(self, client, police_admin, analyst, council_spoc):
        from tests.accounts.test_user_pages import USER_CREATE, create_data

        client.force_login(police_admin)
        own = client.post(USER_CREATE, create_data(email=analyst.email))
        other = client.post(USER_CREATE, create_data(email=council_spoc.email))

        assert own.context["form"].errors == other.context["form"].errors == {"email": [EMAIL_UNAVAILABLE]}
        html = other.content.decode()
        assert EMAIL_UNAVAILABLE.replace("'", "&#x27;") in html
        assert "Northshire City Council" not in html
