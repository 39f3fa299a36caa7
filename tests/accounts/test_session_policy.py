"""SessionPolicyMiddleware: idle time-out, and signing out accounts disabled or whose vetting
expired since they signed in."""

import datetime
import time

from django.urls import reverse
from django.utils import timezone

from accounts.middleware import LAST_SEEN_KEY

ACCOUNT = reverse("accounts:account")
SIGN_IN = reverse("accounts:sign-in")


def set_last_seen(client, seconds_ago):
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - seconds_ago
    session.save()


def test_activity_within_the_limit_keeps_the_session_and_refreshes_it(client, analyst, settings):
    client.force_login(analyst)
    set_last_seen(client, settings.SESSION_IDLE_TIMEOUT_MINUTES * 60 - 30)

    assert client.get(ACCOUNT).status_code == 200

    assert client.session["_auth_user_id"] == str(analyst.pk)
    assert int(time.time()) - client.session[LAST_SEEN_KEY] < 5


def test_the_session_is_not_rewritten_within_the_same_minute(client, analyst):
    client.force_login(analyst)
    set_last_seen(client, 10)
    stored = client.session[LAST_SEEN_KEY]

    assert client.get(ACCOUNT).status_code == 200

    assert client.session[LAST_SEEN_KEY] == stored


def test_idle_longer_than_the_limit_signs_out_with_a_message(client, analyst, settings):
    client.force_login(analyst)
    set_last_seen(client, settings.SESSION_IDLE_TIMEOUT_MINUTES * 60 + 1)

    response = client.get(ACCOUNT, follow=True)

    assert response.redirect_chain[0][0].startswith(SIGN_IN)
    assert "signed out because you were inactive" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_limit_comes_from_settings(client, analyst, settings):
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 5
    client.force_login(analyst)
    set_last_seen(client, 6 * 60)
    assert client.get(ACCOUNT).status_code == 302


def test_account_disabled_mid_session_is_signed_out(client, analyst):
    client.force_login(analyst)
    assert client.get(ACCOUNT).status_code == 200
    analyst.is_active = False
    analyst.save()

    response = client.get(ACCOUNT, follow=True)

    assert response.redirect_chain[0][0].startswith(SIGN_IN)
    assert "no longer current" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_vetting_expired_mid_session_is_signed_out(client, analyst):
    client.force_login(analyst)
    assert client.get(ACCOUNT).status_code == 200
    analyst.vetting_expires = timezone.localdate() - datetime.timedelta(days=1)
    analyst.save()

    response = client.get(ACCOUNT)

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_api_session_is_signed_out_too(client, analyst):
    client.force_login(analyst)
    analyst.is_active = False
    analyst.save()
    assert client.get("/api/me/").status_code == 403
