"""Signing in and out of the pages, and django-axes locking an account after repeated failures."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.forms import SIGN_IN_ERROR

SIGN_IN = reverse("accounts:sign-in")


def sign_in(client, email, password):
    return client.post(SIGN_IN, {"username": email, "password": password})


def without_csrf(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_sign_in_page_is_a_gov_uk_form(client, db):
    response = client.get(SIGN_IN)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="username"' in html and 'type="email"' in html
    assert 'name="password"' in html and 'type="password"' in html
    assert "govuk-button" in html


def test_right_password_signs_in_and_goes_home(client, analyst, password):
    response = sign_in(client, analyst.email, password)
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert signed_in_user_id(client) == str(analyst.pk)
    analyst.refresh_from_db()
    assert analyst.last_login is not None


def test_e_mail_address_is_not_case_sensitive(client, analyst, password):
    sign_in(client, analyst.email.upper(), password)
    assert signed_in_user_id(client) == str(analyst.pk)


def test_next_page_is_kept(client, analyst, password):
    account_url = reverse("accounts:account")
    response = client.post(f"{SIGN_IN}?next={account_url}", {"username": analyst.email, "password": password})
    assert response.url == account_url


def test_wrong_password_shows_the_error_summary_with_a_generic_message(client, analyst):
    response = sign_in(client, analyst.email, "not the password")
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert SIGN_IN_ERROR in html
    assert f'<a href="#id_username">{SIGN_IN_ERROR}</a>' in html
    assert signed_in_user_id(client) is None


@pytest.mark.parametrize(
    "case",
    ["unknown account", "disabled account", "expired vetting"],
)
def test_refused_sign_ins_all_look_like_a_wrong_password(client, analyst, password, case):
    """Whatever the reason, the page is the same: it does not reveal that the account exists."""
    email = analyst.email
    if case == "unknown account":
        email = "nobody@northshire.police.uk"
    elif case == "disabled account":
        analyst.is_active = False
        analyst.save()
    else:
        analyst.vetting_expires = timezone.localdate() - datetime.timedelta(days=1)
        analyst.save()
    wrong_password_page = sign_in(client, "someone-else@example.com", "wrong").content.decode()

    response = sign_in(client, email, password)

    assert response.status_code == 200
    assert signed_in_user_id(client) is None
    html = response.content.decode()
    assert SIGN_IN_ERROR in html
    for revealing in ("disabled", "inactive", "expired", "does not exist", "vetting has"):
        assert revealing not in html.lower().replace("accounts are disabled when vetting expires", "")
    # Same page as any wrong password, apart from the address typed back and the (masked) CSRF token.
    assert without_csrf(html.replace(email, "")) == without_csrf(
        wrong_password_page.replace("someone-else@example.com", "")
    )


def test_vetting_expiring_today_still_signs_in(client, analyst, password):
    analyst.vetting_expires = timezone.localdate()
    analyst.save()
    sign_in(client, analyst.email, password)
    assert signed_in_user_id(client) == str(analyst.pk)


def test_signed_in_user_visiting_sign_in_goes_home(client, analyst):
    client.force_login(analyst)
    response = client.get(SIGN_IN)
    assert response.status_code == 302


def test_sign_out_is_post_only(client, analyst):
    client.force_login(analyst)
    assert client.get(reverse("accounts:sign-out")).status_code == 405
    assert signed_in_user_id(client) == str(analyst.pk)

    response = client.post(reverse("accounts:sign-out"), follow=True)

    assert signed_in_user_id(client) is None
    assert response.redirect_chain[0][0] == SIGN_IN
    assert "You have signed out." in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


class TestLockOut:
    def test_locked_after_the_failure_limit_then_even_the_right_password_is_refused(
        self, client, analyst, password, settings
    ):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert sign_in(client, analyst.email, "wrong").status_code == 200

        locking = sign_in(client, analyst.email, "wrong")
        assert locking.status_code == 429
        assert "accounts/locked_out.html" in [t.name for t in locking.templates]

        refused = sign_in(client, analyst.email, password)

        assert refused.status_code == 429
        assert signed_in_user_id(client) is None
        html = refused.content.decode()
        assert "You cannot sign in at the moment" in html
        assert "30 minutes" in html
        assert "agency administrator" in html

    def test_lock_out_counts_the_account_whatever_the_case_of_the_address(self, client, analyst, password, settings):
        for attempt in range(settings.AXES_FAILURE_LIMIT):
            email = analyst.email.upper() if attempt % 2 else analyst.email
            sign_in(client, email, "wrong")
        assert sign_in(client, analyst.email, password).status_code == 429

    def test_a_success_before_the_limit_clears_the_failures(self, client, analyst, password, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(client, analyst.email, "wrong")
        sign_in(client, analyst.email, password)
        client.post(reverse("accounts:sign-out"))

        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert sign_in(client, analyst.email, "wrong").status_code == 200
        sign_in(client, analyst.email, password)
        assert signed_in_user_id(client) == str(analyst.pk)

    def test_locking_one_account_does_not_lock_another(self, client, analyst, police_admin, password, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, analyst.email, "wrong")
        sign_in(client, police_admin.email, password)
        assert signed_in_user_id(client) == str(police_admin.pk)

    def test_an_unknown_address_is_locked_like_a_real_one(self, client, db, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(client, "nobody@northshire.police.uk", "wrong")
        assert sign_in(client, "nobody@northshire.police.uk", "wrong").status_code == 429

    def test_cool_off_ends_the_lock(self, client, analyst, password, settings):
        from axes.models import AccessAttempt

        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, analyst.email, "wrong")
        AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(1))

        sign_in(client, analyst.email, password)

        assert signed_in_user_id(client) == str(analyst.pk)
