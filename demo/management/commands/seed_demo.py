"""`manage.py seed_demo`: loads the fictional Northshire partnership (demo.agencies, demo.people, then the
protocols and register of demo.register) so that `make run` opens on a populated service.

Idempotent: every row is found by its natural key (agency name, e-mail, agency + tool name, ...) and
saved only when a seeded value differs, so a second run writes nothing. Users are created directly,
not through accounts.services, because seed data must not send "account created" e-mails; their
passwords and vetting dates are set on creation only, and demo notifications are sent only to users
created by this run.
"""

import datetime
from collections import Counter

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User, UserRole
from agencies.models import Agency, DataHolding, ThreatArea, ToolOrPower
from demo import people
from demo.agencies import AGENCIES
from demo.register import seed_register
from notifications.services import notify

VETTING_VALID_FOR = datetime.timedelta(days=730)


class Seeder:
    def __init__(self):
        # Tallies of (model label, outcome) where outcome is created / updated / unchanged.
        self.tally = Counter()
        self._password_hash = None

    @property
    def password_hash(self):
        # Hashed once: hashing is deliberately slow and every demo account shares the password.
        if self._password_hash is None:
            self._password_hash = make_password(people.DEMO_PASSWORD)
        return self._password_hash

    def upsert(self, model, lookup, values, create_only=None):
        """Find `model` by `lookup`; create it with `values` (and `create_only`) or update the values
        that differ. Returns (object, created)."""
        label = model._meta.verbose_name_plural
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values, **(create_only or {}))
            obj.full_clean()
            obj.save()
            self.tally[label, "created"] += 1
            return obj, True
        changed = [name for name, value in values.items() if not _same(obj, name, value)]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.full_clean()
            obj.save()
            self.tally[label, "updated"] += 1
        else:
            self.tally[label, "unchanged"] += 1
        return obj, False

    def set_threat_areas(self, obj, rows):
        if set(obj.threat_areas.all()) != set(rows):
            obj.threat_areas.set(rows)

    def run(self):
        threat_areas = {row.code: row for row in ThreatArea.objects.all()}
        missing = {code for entry in AGENCIES for code in _threat_codes(entry)} - threat_areas.keys()
        if missing:
            raise CommandError(f"Threat areas {sorted(missing)} are missing: run `manage.py migrate` first.")

        agencies = {}
        for entry in AGENCIES:
            values = {
                field: entry.get(field, "")
                for field in (
                    "short_name",
                    "kind",
                    "level",
                    "region",
                    "prison_category",
                    "prison_operator",
                    "description",
                    "contact_email",
                    "contact_phone",
                )
            }
            values["parent"] = agencies[entry["parent"]] if "parent" in entry else None
            agency, _ = self.upsert(Agency, {"name": entry["name"]}, values)
            agencies[entry["key"]] = agency
            self.seed_toolkit(agency, entry, threat_areas)

        users = {}
        for email, full_name, agency_key, job_title, roles, vetting_level, is_spoc in people.USERS:
            user, created = self.seed_user(
                email,
                {
                    "full_name": full_name,
                    "agency": agencies[agency_key],
                    "job_title": job_title,
                    "vetting_level": vetting_level,
                },
            )
            users[email] = (user, created)
            for role in roles:
                _, role_created = UserRole.objects.get_or_create(user=user, role=role)
                self.tally["user roles", "created" if role_created else "unchanged"] += 1
            agency = agencies[agency_key]
            if is_spoc and agency.spoc_id != user.pk:
                agency.spoc = user
                agency.save(update_fields=["spoc", "updated_at"])

        email, full_name, agency_key, job_title = people.SUPERUSER
        self.seed_user(
            email,
            {
                "full_name": full_name,
                "agency": agencies[agency_key],
                "job_title": job_title,
                "vetting_level": people.SC,
                "is_staff": True,
                "is_superuser": True,
            },
        )

        for email, event_type, title, body, url_name in people.NOTIFICATIONS:
            recipient, created = users[email]
            if created:
                notify(
                    recipient=recipient,
                    event_type=event_type,
                    title=title,
                    body=body,
                    url=reverse(url_name),
                    dedupe_key=f"seed-demo:{event_type}",
                )
                self.tally["notifications", "created"] += 1

        # Protocols and register, written through their services by the users seeded above.
        seed_register(tally=self.tally)

    def seed_toolkit(self, agency, entry, threat_areas):
        for name, legal_basis, achieves, needed, thresholds, time_to_act, four_p, codes in entry["tools"]:
            tool, _ = self.upsert(
                ToolOrPower,
                {"agency": agency, "name": name},
                {
                    "legal_basis": legal_basis,
                    "achieves": achieves,
                    "information_needed": needed,
                    "thresholds": thresholds,
                    "time_to_act": time_to_act,
                    "four_p": four_p,
                },
            )
            self.set_threat_areas(tool, [threat_areas[code] for code in codes])
        for name, category, description, codes in entry["holdings"]:
            holding, _ = self.upsert(
                DataHolding,
                {"agency": agency, "name": name},
                {"category": category, "description": description},
            )
            self.set_threat_areas(holding, [threat_areas[code] for code in codes])

    def seed_user(self, email, values):
        return self.upsert(
            User,
            {"email": email},
            values,
            create_only={
                "password": self.password_hash,
                "vetting_expires": timezone.localdate() + VETTING_VALID_FOR,
            },
        )

    def summary_lines(self):
        labels = dict.fromkeys(label for label, _ in self.tally)
        for label in labels:
            counts = ", ".join(
                f"{self.tally[label, outcome]} {outcome}"
                for outcome in ("created", "updated", "unchanged")
                if self.tally[label, outcome]
            )
            yield f"  {label}: {counts}"


def _same(obj, name, value):
    if isinstance(value, models.Model) or (value is None and obj._meta.get_field(name).is_relation):
        return getattr(obj, f"{name}_id") == (value.pk if value is not None else None)
    return getattr(obj, name) == value


def _threat_codes(entry):
    for *_, codes in entry["tools"]:
        yield from codes
    for *_, codes in entry["holdings"]:
        yield from codes


class Command(BaseCommand):
    help = "Load the fictional Northshire demo partnership: agencies, toolkit, users in every role. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off. The demo accounts share a published password: never use this on "
            "a real deployment.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: refusing to create demo accounts with a published password. "
                "Use --force only on a throw-away demo deployment."
            )
        seeder = Seeder()
        with transaction.atomic():
            seeder.run()
        self.stdout.write(self.style.SUCCESS("Demo partnership loaded (Northshire, fictional):"))
        for line in seeder.summary_lines():
            self.stdout.write(line)
        self.stdout.write(
            f"Sign in at {settings.SITE_URL}{reverse(settings.LOGIN_URL)} as, for example, "
            f'{people.USERS[0][0]} with the password "{people.DEMO_PASSWORD}" (every demo account: see README).'
        )
