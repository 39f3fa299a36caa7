"""What the demo register's modules share: the agencies that keep a register, the member of staff who
writes each one's entries, and dates counted from today (so the demo never ages)."""

import datetime

from django.utils import timezone

from accounts.models import User

POLICE = "Northshire Police"
NORTHSHIRE = "HMP Northshire"
EASTMOOR = "HMP Eastmoor"
PROBATION = "Probation Service North West"
ROCU = "North West Regional Organised Crime Unit"

# Who writes each agency's register entries: its analyst, vetted to SC.
REGISTER_STAFF = {
    POLICE: "analyst@police.example",
    NORTHSHIRE: "security.northshire@prison.example",
    EASTMOOR: "security.eastmoor@prison.example",
    PROBATION: "intelligence@probation.example",
}


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def days_ahead(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def user_by_email(email):
    # Read afresh each time: the access engine caches what a user may see on the user object, and
    # that changes as the protocols become active.
    return User.objects.get(email=email)
