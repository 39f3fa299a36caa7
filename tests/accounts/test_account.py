"""Your account page and changing your own password."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from tests.factories import UserFactory

ACCOUNT = reverse("accounts:account")
PASSWORD_CHANGE = reverse("accounts:password-change")


def test_account_page_needs_sign_in(client, db):
    response = client.get(ACCOUNT)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign-in"))


def test_account_page_summarises_the_signed_in_user(client, police):
    officer = UserFactory(
        email="sam@northshire.police.uk",
        full_name="Sam Sergeant",
        job_title="Prison Intelligence Officer, HMP Northshire",
        agency=police,
        roles=[Role.PIO, Role.SANITISER],
        vetting_expires=datetime.date(2031, 3, 31),
    )
    client.force_login(officer)

    html = client.get(ACCOUNT).content.decode()

    assert "govuk-summary-list" in html
    for text in (
        "Sam Sergeant",
        "sam@northshire.police.uk",
        "Northshire Police",
        "Prison Intelligence Officer, HMP Northshire",
        Role.PIO.label,
        Role.SANITISER.label,
        "SC / NPPV3",
        "31 March 2031",
    ):
        assert text in html
    assert Role.AGENCY_ADMIN.label not in html
    assert f'href="{PASSWORD_CHANGE}"' in html
    assert f'href="{reverse("notifications:preferences")}"' in html


def test_account_page_says_in_words_when_vetting_expires_soon(client, analyst):
    analyst.vetting_expires = timezone.localdate() + datetime.timedelta(days=10)
    analyst.save()
    client.force_login(analyst)
    assert "Expires soon" in client.get(ACCOUNT).content.decode()


class TestPasswordChange:
    @pytest.fixture
    def signed_in(self, client, analyst):
        client.force_login(analyst)
        return client

    def post(self, client, old, new1, new2=None):
        return client.post(
            PASSWORD_CHANGE,
            {"old_password": old, "new_password1": new1, "new_password2": new2 if new2 is not None else new1},
        )

    def test_page_lists_the_password_rules(self, signed_in):
        html = signed_in.get(PASSWORD_CHANGE).content.decode()
        assert "at least 12 characters" in html
        assert 'name="old_password"' in html

    @pytest.mark.parametrize(
        ("old", "new1", "new2", "message"),
        [
            ("wrong", "a much better passphrase", None, "Your old password was entered incorrectly"),
            (None, "short pass", None, "This password is too short. It must contain at least 12 characters."),
            (None, "123456789012345", None, "This password is entirely numeric."),
            (None, "password1234", None, "This password is too common."),
            (None, "a much better passphrase", "a different passphrase", "The two password fields"),
        ],
        ids=["wrong current password", "too short", "numeric", "common", "mismatch"],
    )
    def test_validation(self, signed_in, analyst, password, old, new1, new2, message):
        response = self.post(signed_in, old if old is not None else password, new1, new2)

        assert response.status_code == 200
        html = response.content.decode()
        assert "There is a problem" in html
        assert message in html.replace("&#x27;", "'")
        analyst.refresh_from_db()
        assert analyst.check_password(password)

    def test_password_like_the_user_is_refused(self, signed_in, analyst, password):
        response = self.post(signed_in, password, analyst.email)
        assert "too similar" in response.content.decode()

    def test_change_keeps_the_user_signed_in(self, signed_in, analyst, password):
        response = self.post(signed_in, password, "a much better passphrase")

        assert response.status_code == 302
        assert response.url == reverse("accounts:password-change-done")
        analyst.refresh_from_db()
        assert analyst.check_password("a much better passphrase")
        assert signed_in.get(response.url).status_code == 200
        assert signed_in.get(ACCOUNT).status_code == 200
