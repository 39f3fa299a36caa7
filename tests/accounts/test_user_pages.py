"""User management pages: agency administrators manage their own agency's users, nobody else's."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User, UserRole, VettingLevel
from accounts.services import EMAIL_UNAVAILABLE
from notifications.models import EventType, Notification
from ocgshare.models import AccessAction, AccessLogEntry
from tests.factories import TEST_PASSWORD, UserFactory

USER_LIST = reverse("accounts:user-list")
USER_CREATE = reverse("accounts:user-create")
NEW_PASSWORD = "a long enough initial passphrase"


def detail_url(user):
    return reverse("accounts:user-detail", args=[user.pk])


def edit_url(user):
    return reverse("accounts:user-edit", args=[user.pk])


def create_data(**overrides):
    data = {
        "email": "New.Officer@Northshire.police.uk",
        "full_name": "Nina New",
        "job_title": "Analyst",
        "phone": "01234 567890",
        "roles": [Role.ANALYST, Role.SANITISER],
        "vetting_level": VettingLevel.SC,
        "vetting_expires": (timezone.localdate() + datetime.timedelta(days=400)).isoformat(),
        "password": NEW_PASSWORD,
        "password_confirmation": NEW_PASSWORD,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def edit_data(user, **overrides):
    data = {
        "full_name": user.full_name,
        "job_title": user.job_title,
        "phone": user.phone,
        "roles": sorted(user.role_codes),
        "vetting_level": user.vetting_level,
        "vetting_expires": user.vetting_expires.isoformat(),
        "is_active": "on" if user.is_active else "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value not in (None, "")}


class TestRefusals:
    """The owner / partner / outsider triad for every user-management page."""

    @pytest.mark.parametrize("fixture", ["council_spoc", "analyst"])
    def test_users_without_the_admin_role_are_refused_everywhere(self, client, request, fixture, police_officer):
        client.force_login(request.getfixturevalue(fixture))
        users_before = User.objects.count()
        for method, url in [
            ("get", USER_LIST),
            ("get", USER_CREATE),
            ("post", USER_CREATE),
            ("get", detail_url(police_officer)),
            ("get", edit_url(police_officer)),
            ("post", edit_url(police_officer)),
            ("post", reverse("accounts:user-unlock", args=[police_officer.pk])),
        ]:
            data = create_data() if url == USER_CREATE else edit_data(police_officer, roles=[Role.AGENCY_ADMIN])
            response = getattr(client, method)(url, data) if method == "post" else client.get(url)
            assert response.status_code == 403, (method, url)
        assert User.objects.count() == users_before
        assert police_officer.role_codes == {Role.PIO}

    def test_only_admins_get_the_users_link(self, client, council_spoc, council_admin):
        client.force_login(council_spoc)
        assert f'href="{USER_LIST}"' not in client.get(reverse("accounts:account")).content.decode()
        client.force_login(council_admin)
        assert f'href="{USER_LIST}" aria-current="page"' in client.get(USER_LIST).content.decode()

    def test_admin_cannot_see_or_change_another_agencys_users(self, client, council_admin, police_officer):
        client.force_login(council_admin)
        assert client.get(detail_url(police_officer)).status_code == 404
        assert client.get(edit_url(police_officer)).status_code == 404
        response = client.post(edit_url(police_officer), edit_data(police_officer, roles=[Role.AUDITOR]))
        assert response.status_code == 404
        assert client.post(reverse("accounts:user-unlock", args=[police_officer.pk])).status_code == 404
        police_officer.refresh_from_db()
        assert set(police_officer.user_roles.values_list("role", flat=True)) == {Role.PIO}
        assert not Notification.objects.filter(recipient=police_officer).exists()
        assert police_officer.email not in client.get(USER_LIST).content.decode()
        assert police_officer.email not in client.get(USER_LIST, {"q": "Pat"}).content.decode()

    def test_admin_cannot_manage_a_superuser_of_their_agency(self, client, police_admin, superuser):
        client.force_login(police_admin)
        assert client.get(detail_url(superuser)).status_code == 404
        assert superuser.email not in client.get(USER_LIST).content.decode()

    def test_anonymous_is_sent_to_sign_in(self, client, police_officer):
        for url in (USER_LIST, USER_CREATE, detail_url(police_officer), edit_url(police_officer)):
            response = client.get(url)
            assert response.status_code == 302
            assert response.url.startswith(reverse("accounts:sign-in"))


class TestList:
    def test_lists_own_agency_users_in_a_table(self, client, police_admin, police_officer, analyst, council_spoc):
        client.force_login(police_admin)

        response = client.get(USER_LIST)

        assert response.status_code == 200
        listed = list(response.context["page"].object_list)
        assert set(listed) == {police_admin, police_officer, analyst}
        html = response.content.decode()
        assert "<caption" in html and "3 users" in html
        assert "Pat Prison" in html and Role.PIO.label in html
        assert council_spoc.email not in html

    def test_query_count_does_not_grow_with_the_number_of_users(
        self, client, police_admin, police, django_assert_num_queries
    ):
        for n in range(30):
            UserFactory(agency=police, roles=[Role.ANALYST, Role.PIO], email=f"officer{n}@northshire.police.uk")
        client.force_login(police_admin)
        client.get(USER_LIST)  # first request stores last_seen in the session
        # 1 session, 2 request.user with their agency, roles and groups, 3 count for the paginator,
        # 4 unread notification count (navigation), 5 the page of users with their agency, 6 their roles
        # (one prefetch). The session is not written again within the minute (accounts.middleware).
        with django_assert_num_queries(6):
            response = client.get(USER_LIST)
        assert len(response.context["page"].object_list) == 25

    def test_paginates_25_a_page_keeping_the_filters(self, client, police_admin, police):
        for n in range(30):
            UserFactory(agency=police, full_name=f"Constable {n:02}", email=f"officer{n}@northshire.police.uk")
        client.force_login(police_admin)

        first = client.get(USER_LIST, {"q": "constable", "sort": "name"})
        second = client.get(USER_LIST, {"q": "constable", "sort": "name", "page": 2})

        assert len(first.context["page"].object_list) == 25
        assert [u.full_name for u in second.context["page"].object_list] == [f"Constable {n}" for n in range(25, 30)]
        html = first.content.decode()
        assert 'class="govuk-pagination"' in html
        assert "?q=constable&amp;sort=name&amp;page=2" in html

    def test_search_by_name_or_e_mail(self, client, police_admin, police_officer, analyst):
        client.force_login(police_admin)
        by_name = client.get(USER_LIST, {"q": "pat pri"}).context["page"].object_list
        by_email = client.get(USER_LIST, {"q": "ANALYST@"}).context["page"].object_list
        assert list(by_name) == [police_officer]
        assert list(by_email) == [analyst]

    def test_filter_by_role_status_and_vetting(self, client, police, police_admin, police_officer, analyst):
        today = timezone.localdate()
        disabled = UserFactory(agency=police, is_active=False, full_name="Dan Disabled")
        expiring = UserFactory(agency=police, vetting_expires=today + datetime.timedelta(days=20))
        expired = UserFactory(agency=police, vetting_expires=today - datetime.timedelta(days=1))
        client.force_login(police_admin)

        def listed(**params):
            return set(client.get(USER_LIST, params).context["page"].object_list)

        assert listed(role=Role.PIO) == {police_officer}
        assert listed(role=Role.AGENCY_ADMIN) == {police_admin}
        assert listed(status="disabled") == {disabled}
        assert disabled not in listed(status="active")
        assert listed(vetting="expiring") == {expiring}
        assert listed(vetting="expired") == {expired}
        assert listed(vetting="current") == {police_admin, police_officer, analyst, disabled}
        assert listed(role="not-a-role") == {police_admin, police_officer, analyst, disabled, expiring, expired}

    def test_sort_by_column_and_say_so(self, client, police, police_admin):
        today = timezone.localdate()
        UserFactory(agency=police, full_name="Aaron Early", vetting_expires=today + datetime.timedelta(days=40))
        UserFactory(agency=police, full_name="Zed Late", vetting_expires=today + datetime.timedelta(days=4000))
        client.force_login(police_admin)

        def names(sort):
            return [u.full_name for u in client.get(USER_LIST, {"sort": sort}).context["page"].object_list]

        assert names("name")[0] == "Aaron Early"
        assert names("-name")[0] == "Zed Late"
        assert names("vetting")[0] == "Aaron Early"
        assert names("-vetting")[0] == "Zed Late"
        html = client.get(USER_LIST, {"sort": "-name"}).content.decode()
        assert 'aria-sort="descending"' in html

    def test_empty_state_when_nothing_matches(self, client, police_admin):
        client.force_login(police_admin)
        response = client.get(USER_LIST, {"q": "no such person"})
        assert "No users match your filters" in response.content.decode()
        assert 'data-testid="user-table"' not in response.content.decode()

    def test_superuser_sees_and_filters_every_agency(self, client, superuser, police_officer, council_spoc, council):
        client.force_login(superuser)
        assert {police_officer, council_spoc} <= set(client.get(USER_LIST).context["page"].object_list)
        assert set(client.get(USER_LIST, {"agency": council.pk}).context["page"].object_list) == {council_spoc}


class TestDetail:
    def test_shows_the_user_as_a_summary_list(self, client, police_admin, police_officer):
        client.force_login(police_admin)
        html = client.get(detail_url(police_officer)).content.decode()
        assert "govuk-summary-list" in html
        assert "Pat Prison" in html and Role.PIO.label in html and "Active" in html
        assert f'href="{edit_url(police_officer)}"' in html

    def test_locked_account_can_be_unlocked_by_its_admin(self, client, police_admin, police_officer, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(reverse("accounts:sign-in"), {"username": police_officer.email, "password": "wrong"})
        client.force_login(police_admin)
        assert "This account is locked" in client.get(detail_url(police_officer)).content.decode()

        response = client.post(reverse("accounts:user-unlock", args=[police_officer.pk]), follow=True)

        assert "can sign in again" in response.content.decode()
        assert "This account is locked" not in client.get(detail_url(police_officer)).content.decode()
        client.logout()
        client.post(reverse("accounts:sign-in"), {"username": police_officer.email, "password": TEST_PASSWORD})
        assert client.session["_auth_user_id"] == str(police_officer.pk)


class TestCreate:
    def test_form_has_role_checkboxes_and_no_agency_choice_for_an_agency_admin(self, client, police_admin):
        client.force_login(police_admin)
        html = client.get(USER_CREATE).content.decode()
        assert 'type="checkbox" value="agency_admin"' in html.replace('name="roles" ', "")
        assert 'name="agency"' not in html

    def test_creates_the_user_in_the_admins_agency_and_notifies_them(self, client, police_admin, police):
        client.force_login(police_admin)

        response = client.post(USER_CREATE, create_data())

        created = User.objects.get(email="new.officer@northshire.police.uk")
        assert response.status_code == 302
        assert response.url == detail_url(created)
        assert created.agency == police
        assert created.full_name == "Nina New"
        assert created.role_codes == {Role.ANALYST, Role.SANITISER}
        assert created.vetting_level == VettingLevel.SC
        assert created.check_password(NEW_PASSWORD)
        notification = Notification.objects.get(recipient=created)
        assert notification.event_type == EventType.ACCOUNT_CREATED
        assert Role.SANITISER.label in notification.body
        assert "Account created for Nina New" in client.get(response.url).content.decode()

    def test_the_new_user_can_sign_in(self, client, police_admin):
        client.force_login(police_admin)
        client.post(USER_CREATE, create_data())
        client.logout()
        client.post(
            reverse("accounts:sign-in"), {"username": "new.officer@northshire.police.uk", "password": NEW_PASSWORD}
        )
        assert client.session["_auth_user_id"] == str(User.objects.get(email="new.officer@northshire.police.uk").pk)

    def test_bad_input_reports_every_problem_and_saves_nothing(self, client, police_admin, analyst):
        client.force_login(police_admin)
        users, roles, notifications = User.objects.count(), UserRole.objects.count(), Notification.objects.count()

        response = client.post(
            USER_CREATE,
            create_data(
                email=analyst.email.upper(),
                full_name="",
                roles=[],
                vetting_level=None,
                vetting_expires=timezone.localdate().isoformat(),
                password="short",
                password_confirmation="different",
            ),
        )

        assert response.status_code == 200
        form = response.context["form"]
        assert form.errors == {
            "email": [EMAIL_UNAVAILABLE],
            "full_name": ["Enter their full name"],
            "roles": ["Select at least one role"],
            "vetting_level": ["Select their vetting level"],
            "vetting_expires": ["The vetting expiry date must be in the future"],
            "password": ["This password is too short. It must contain at least 12 characters."],
            "password_confirmation": ["The passwords do not match"],
        }
        html = response.content.decode()
        assert "There is a problem" in html
        assert html.count('class="govuk-error-message"') == 7
        assert (User.objects.count(), UserRole.objects.count(), Notification.objects.count()) == (
            users,
            roles,
            notifications,
        )

    def test_malformed_values_are_reported_with_the_rules(self, client, police_admin):
        client.force_login(police_admin)
        response = client.post(
            USER_CREATE, create_data(email="not-an-address", vetting_expires="31/02/2030", roles=["chief"])
        )
        errors = response.context["form"].errors
        assert set(errors) == {"email", "vetting_expires", "roles"}
        assert not User.objects.filter(full_name="Nina New").exists()

    def test_superuser_chooses_the_agency(self, client, superuser, council):
        client.force_login(superuser)
        assert 'name="agency"' in client.get(USER_CREATE).content.decode()
        missing = client.post(USER_CREATE, create_data())
        assert missing.context["form"].errors["agency"] == ["Select the agency"]

        client.post(USER_CREATE, create_data(agency=council.pk))

        assert User.objects.get(email="new.officer@northshire.police.uk").agency == council


class TestEdit:
    def test_changing_roles_notifies_the_user_of_what_changed(self, client, police_admin, police_officer):
        client.force_login(police_admin)

        response = client.post(
            edit_url(police_officer), edit_data(police_officer, roles=[Role.ANALYST], reason="Moved to analysis")
        )

        assert response.status_code == 302
        police_officer.refresh_from_db()
        assert set(police_officer.user_roles.values_list("role", flat=True)) == {Role.ANALYST}
        notification = Notification.objects.get(recipient=police_officer)
        assert notification.event_type == EventType.ROLE_CHANGED
        assert f"Added: {Role.ANALYST.label}." in notification.body
        assert f"Removed: {Role.PIO.label}." in notification.body

    def test_changing_other_fields_only_sends_nothing(self, client, police_admin, police_officer):
        client.force_login(police_admin)
        new_expiry = timezone.localdate() + datetime.timedelta(days=900)

        client.post(
            edit_url(police_officer),
            edit_data(
                police_officer,
                vetting_expires=new_expiry.isoformat(),
                vetting_level=VettingLevel.DV,
                reason="DV granted, ref 123",
            ),
        )

        police_officer.refresh_from_db()
        assert police_officer.vetting_expires == new_expiry
        assert police_officer.vetting_level == VettingLevel.DV
        assert not Notification.objects.filter(recipient=police_officer).exists()

    def test_own_account_page_offers_no_roles_vetting_or_status(self, client, police_admin):
        client.force_login(police_admin)
        html = client.get(edit_url(police_admin)).content.decode()
        for name in ("roles", "vetting_level", "vetting_expires", "is_active", "reason"):
            assert f'name="{name}"' not in html
        assert "you cannot change your own roles, vetting or whether the account is active" in html

    def test_own_power_posted_anyway_changes_nothing(self, client, police_admin):
        client.force_login(police_admin)
        before = (police_admin.vetting_level, police_admin.vetting_expires)

        response = client.post(
            edit_url(police_admin),
            edit_data(
                police_admin,
                full_name="Alex Admin",
                roles=[Role.AGENCY_ADMIN, Role.ANALYST, Role.AUDITOR],
                vetting_level=VettingLevel.DV,
                vetting_expires="2099-12-31",
                is_active="",
            ),
        )

        assert response.status_code == 302
        police_admin.refresh_from_db()
        assert police_admin.full_name == "Alex Admin"
        assert (police_admin.vetting_level, police_admin.vetting_expires) == before
        assert police_admin.is_active
        assert set(police_admin.user_roles.values_list("role", flat=True)) == {Role.AGENCY_ADMIN}

    def test_changing_roles_or_vetting_needs_a_reason_which_is_logged(self, client, police_admin, police_officer):
        client.force_login(police_admin)
        data = edit_data(police_officer, roles=[Role.PIO, Role.AUDITOR])

        refused = client.post(edit_url(police_officer), data)

        assert refused.status_code == 200
        assert refused.context["form"].errors == {
            "reason": ["Enter the reason for changing their roles or vetting: it is kept in the access log"]
        }
        assert police_officer.user_roles.get().role == Role.PIO
        assert not AccessLogEntry.objects.exists()

        assert client.post(edit_url(police_officer), {**data, "reason": "Audit duties from May"}).status_code == 302
        entry = AccessLogEntry.objects.get()
        assert (entry.user, entry.action, entry.surface) == (police_admin, AccessAction.ALTER, "page")
        assert (entry.object_type, entry.object_id) == ("user", police_officer.pk)
        assert entry.query == "roles: pio -> auditor, pio"
        assert entry.justification == "Audit duties from May"

    def test_a_far_future_or_past_vetting_date_is_refused_on_the_form(self, client, police_admin, police_officer):
        client.force_login(police_admin)
        for date, message in [
            ("2099-12-31", "The vetting expiry date must be within 10 years from today"),
            ((timezone.localdate() - datetime.timedelta(days=1)).isoformat(), "must be in the future"),
        ]:
            response = client.post(
                edit_url(police_officer), edit_data(police_officer, vetting_expires=date, reason="Renewal")
            )
            assert response.status_code == 200
            assert message in response.context["form"].errors["vetting_expires"][0]
        before = police_officer.vetting_expires
        police_officer.refresh_from_db()
        assert police_officer.vetting_expires == before

    def test_disabling_asks_for_confirmation_first(self, client, police_admin, police_officer):
        client.force_login(police_admin)

        confirm_page = client.post(edit_url(police_officer), edit_data(police_officer, is_active=""))

        assert "accounts/user_confirm_disable.html" in [t.name for t in confirm_page.templates]
        police_officer.refresh_from_db()
        assert police_officer.is_active

        # The confirmation page carries the answers in hidden fields; its button posts them back.
        hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', confirm_page.content.decode())
        posted = {}
        for name, value in hidden:
            posted.setdefault(name, []).append(value)
        assert posted["confirmed"] == ["yes"]
        assert posted["roles"] == [Role.PIO]
        assert "is_active" not in posted
        confirmed = client.post(edit_url(police_officer), posted)

        assert confirmed.status_code == 302
        police_officer.refresh_from_db()
        assert not police_officer.is_active

    def test_a_disabled_user_is_signed_out(self, client, police_admin, police_officer):
        from django.test import Client

        officer_client = Client()
        officer_client.force_login(police_officer)
        client.force_login(police_admin)
        client.post(edit_url(police_officer), {**edit_data(police_officer, is_active=""), "confirmed": "yes"})
        assert officer_client.get(reverse("accounts:account")).status_code == 302
