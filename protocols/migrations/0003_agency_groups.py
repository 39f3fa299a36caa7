"""Creates the group of every existing agency and puts each existing user in it; from now on the
post_save receiver in protocols/signals.py keeps membership right."""

from django.conf import settings
from django.db import migrations

PREFIX = "agency:"


def sync_groups(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    groups = {}
    for agency_id in Agency.objects.values_list("pk", flat=True):
        groups[agency_id], _ = Group.objects.get_or_create(name=f"{PREFIX}{agency_id}")
    for user in User.objects.all():
        stale = user.groups.filter(name__startswith=PREFIX).exclude(pk=groups[user.agency_id].pk)
        user.groups.remove(*stale)
        user.groups.add(groups[user.agency_id])


class Migration(migrations.Migration):
    dependencies = [
        ("protocols", "0002_national_template"),
        # The user's agency and groups fields arrive in accounts 0002.
        ("accounts", "0002_initial"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
