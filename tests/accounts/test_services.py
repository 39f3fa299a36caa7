"""accounts.services: the permission check inside the services, and the vetting reminders."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts import services
from accounts.models import ApiToken, Role, User, VettingLevel
from accounts.tasks import notify_vetting_expiring, purge_api_tokens
from notifications.models import EventType, Notification
from tests.factories import UserFactory


def new_user_fields(**overrides):
    fields = {
        "email": "new@northshire.police.uk",
        "full_name": "Nina New",
        "roles": [Role.ANALYST],
        "vetting_level": VettingLevel.SC,
        "vetting_expires": timezone.localdate() + datetime.timedelta(days=365),
        "password": "a long enough initial passphrase",
    }
    fields.update(overrides)
    return fields


class TestPermissionInTheService:
    def test_spoc_cannot_create_users(self, council_spoc):
        with pytest.raises(PermissionDenied):
            services.user_create(actor=council_spoc, **new_user_fields())
        assert not User.objects.filter(email="new@northshire.police.uk").exists()

    def test_admin_cannot_create_users_in_another_agency(self, council_admin, police):
        with pytest.raises(PermissionDenied):
            services.user_create(actor=council_admin, agency=police, **new_user_fields())

    def test_admin_cannot_change_another_agencys_user(self, council_admin, analyst):
        with pytest.raises(PermissionDenied):
            services.user_update(actor=council_admin, user=analyst, roles=[Role.AGENCY_ADMIN])
        assert analyst.user_roles.get().role == Role.ANALYST

    def test_disabled_admin_cannot_manage(self, police_admin, analyst):
        police_admin.is_active = False
        with pytest.raises(PermissionDenied):
            services.user_update(actor=police_admin, user=analyst, full_name="Changed")

    def test_superuser_can_manage_any_agency(self, superuser, council, council_spoc):
        created = services.user_create(actor=superuser, agency=council, **new_user_fields())
        services.user_update(
            actor=superuser, user=council_spoc, roles=[Role.SPOC, Role.AGENCY_ADMIN], reason="New signatory"
        )
        assert created.agency == council
        assert council_spoc.user_roles.filter(role=Role.AGENCY_ADMIN).exists()

    def test_only_editable_fields_can_be_changed(self, police_admin, analyst):
        with pytest.raises(TypeError):
            services.user_update(actor=police_admin, user=analyst, is_superuser=True)


class TestValidation:
    def test_every_problem_is_raised_at_once(self, police_admin, analyst):
        with pytest.raises(ValidationError) as raised:
            services.user_create(
                actor=police_admin,
                **new_user_fields(
                    email=analyst.email,
                    full_name=" ",
                    roles=["chief"],
                    vetting_level=9,
                    vetting_expires=timezone.localdate() - datetime.timedelta(days=1),
                    password="nina new",
                ),
            )
        assert set(raised.value.message_dict) == {
            "email",
            "full_name",
            "roles",
            "vetting_level",
            "vetting_expires",
            "password",
        }

    @pytest.mark.parametrize("days", [-1, 0])
    def test_a_vetting_expiry_that_is_not_in_the_future_is_refused_on_update_too(self, police_admin, analyst, days):
        before = analyst.vetting_expires
        with pytest.raises(ValidationError) as raised:
            services.user_update(
                actor=police_admin,
                user=analyst,
                vetting_expires=timezone.localdate() + datetime.timedelta(days=days),
                reason="Vetting withdrawn",
            )
        assert raised.value.message_dict == {"vetting_expires": ["The vetting expiry date must be in the future"]}
        analyst.refresh_from_db()
        assert analyst.vetting_expires == before

    def test_an_unchanged_lapsed_date_does_not_stop_other_changes(self, police_admin, police):
        lapsed = UserFactory(agency=police, vetting_expires=timezone.localdate() - datetime.timedelta(days=3))
        services.user_update(
            actor=police_admin, user=lapsed, full_name="Corrected Name", vetting_expires=lapsed.vetting_expires
        )
        lapsed.refresh_from_db()
        assert lapsed.full_name == "Corrected Name"

    @pytest.mark.parametrize("creating", [True, False])
    def test_a_vetting_expiry_beyond_the_configured_maximum_is_refused(self, police_admin, analyst, settings, creating):
        settings.VETTING_MAX_YEARS = 5
        limit = services.vetting_expiry_limit()
        assert limit.year == timezone.localdate().year + 5
        too_far = limit + datetime.timedelta(days=1)
        with pytest.raises(ValidationError) as raised:
            if creating:
                services.user_create(actor=police_admin, **new_user_fields(vetting_expires=too_far))
            else:
                services.user_update(actor=police_admin, user=analyst, vetting_expires=too_far, reason="Renewed")
        assert raised.value.message_dict == {
            "vetting_expires": ["The vetting expiry date must be within 5 years from today"]
        }
        # The limit itself is accepted.
        services.user_update(actor=police_admin, user=analyst, vetting_expires=limit, reason="Renewed")
        analyst.refresh_from_db()
        assert analyst.vetting_expires == limit

    def test_e_mail_is_stored_in_lower_case(self, police_admin):
        created = services.user_create(actor=police_admin, **new_user_fields(email=" New@Northshire.Police.UK "))
        assert created.email == "new@northshire.police.uk"


class TestVettingReminders:
    @pytest.fixture
    def people(self, police, council, police_admin, council_admin, in_days):
        return {
            "expiring": UserFactory(agency=police, full_name="Eve Expiring", vetting_expires=in_days(10)),
            "last_day": UserFactory(agency=police, vetting_expires=in_days(30)),
            "later": UserFactory(agency=police, vetting_expires=in_days(31)),
            "expired": UserFactory(agency=police, vetting_expires=in_days(-1)),
            "disabled": UserFactory(agency=police, vetting_expires=in_days(5), is_active=False),
            "council": UserFactory(agency=council, vetting_expires=in_days(20)),
            "police_admin": police_admin,
            "council_admin": council_admin,
        }

    def test_reminds_users_expiring_within_30_days_and_their_admins(self, people):
        services.vetting_reminders_send()

        reminded = set(
            Notification.objects.filter(event_type=EventType.VETTING_EXPIRING).values_list(
                "recipient__email", flat=True
            )
        )
        assert reminded == {
            people["expiring"].email,
            people["last_day"].email,
            people["council"].email,
            people["police_admin"].email,
            people["council_admin"].email,
        }
        # The police admin hears about both police officers; the council admin about the council one.
        assert Notification.objects.filter(recipient=people["police_admin"]).count() == 2
        assert Notification.objects.filter(recipient=people["council_admin"]).count() == 1
        about_eve = Notification.objects.get(recipient=people["police_admin"], body__contains="Eve Expiring")
        assert "Eve Expiring" not in about_eve.title  # titles are e-mailed
        assert about_eve.url == f"/accounts/users/{people['expiring'].pk}/"
        own = Notification.objects.get(recipient=people["expiring"])
        assert own.dedupe_key == f"vetting-expiring:{people['expiring'].vetting_expires.isoformat()}"

    def test_running_daily_sends_one_reminder_per_expiry_date(self, people, in_days):
        first = services.vetting_reminders_send()
        again = services.vetting_reminders_send()
        tomorrow = services.vetting_reminders_send(today=in_days(1))

        assert first == 6
        assert again == 0
        # Tomorrow only the officer whose expiry has just come within 30 days (and their admin) hear.
        assert tomorrow == 2
        assert Notification.objects.filter(recipient=people["later"]).count() == 1
        assert Notification.objects.count() == 8

        # Renewed vetting that is again about to expire is a new date: a new reminder.
        eve = people["expiring"]
        eve.vetting_expires = in_days(25)
        eve.save()
        assert services.vetting_reminders_send() == 2

    def test_an_admin_whose_own_vetting_expires_is_reminded_once(self, police_admin, in_days):
        police_admin.vetting_expires = in_days(3)
        police_admin.save()
        assert services.vetting_reminders_send() == 1
        assert Notification.objects.get(recipient=police_admin).title.startswith("Your vetting expires")

    def test_the_scheduled_task_runs_the_service(self, people, settings):
        assert "accounts.tasks.notify_vetting_expiring" in {
            entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()
        }
        assert notify_vetting_expiring.delay().get() == 6
        assert notify_vetting_expiring.delay().get() == 0


class TestApiTokenPurge:
    def test_the_hourly_task_deletes_the_tokens_that_can_no_longer_work(self, police, settings):
        live_user = UserFactory(agency=police)
        lapsed = UserFactory(agency=police)
        disabled = UserFactory(agency=police)
        live, _ = ApiToken.objects.create(user=live_user, expiry=datetime.timedelta(hours=1))
        ApiToken.objects.create(user=live_user, expiry=datetime.timedelta(seconds=-1))
        ApiToken.objects.create(user=lapsed, expiry=datetime.timedelta(hours=1))
        ApiToken.objects.create(user=disabled, expiry=datetime.timedelta(hours=1))
        User.objects.filter(pk=lapsed.pk).update(vetting_expires=timezone.localdate() - datetime.timedelta(days=1))
        User.objects.filter(pk=disabled.pk).update(is_active=False)
        assert "accounts.tasks.purge_api_tokens" in {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

        assert purge_api_tokens.delay().get() == 3

        assert list(ApiToken.objects.all()) == [live]
