"""The owner of each item in the access log (object_owner on entries and results), indexed, so that an
agency's auditors can list who, in any agency, read their records (ocgshare.audit.LogView.OUR_RECORDS).

New entries get it when they are written. Existing rows are filled from the register's current owners:
the only change ever made to the append-only log, to a column that did not exist, so on PostgreSQL the
trigger of 0002 is set aside for the backfill and restored in the same transaction."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


OWNERS = {  # object_type -> (table, owner column)
    "nominal": ("nominals_nominal", "owning_agency_id"),
    "ocg": ("nominals_ocg", "lead_agency_id"),
    "entity": ("nominals_entity", "owning_agency_id"),
    "association": ("nominals_association", "owning_agency_id"),
}
TABLES = ("ocgshare_accesslogentry", "ocgshare_accesslogresult")


def fill_owners(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_no_update_delete")
    for table in TABLES:
        for kind, (register_table, owner) in OWNERS.items():
            schema_editor.execute(
                f"UPDATE {table} SET object_owner_id = "
                f"(SELECT {owner} FROM {register_table} WHERE {register_table}.id = {table}.object_id) "
                f"WHERE object_type = %s AND object_id IS NOT NULL",
                [kind],
            )
    if postgresql:
        # The foreign key checks of the UPDATE are deferred: run them now, or ALTER TABLE refuses.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_no_update_delete")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


class Migration(migrations.Migration):

    dependencies = [
        ('agencies', '0002_threat_areas'),
        ('nominals', '0001_initial'),
        ('ocgshare', '0003_access_log_write_actions'),
        ('protocols', '0003_agency_groups'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='accesslogentry',
            name='object_owner',
            field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='agencies.agency'),
        ),
        migrations.AddField(
            model_name='accesslogresult',
            name='object_owner',
            field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='agencies.agency'),
        ),
        migrations.AddIndex(
            model_name='accesslogentry',
            index=models.Index(fields=['object_owner', '-at', '-id'], name='accesslog_owner_at_idx'),
        ),
        migrations.AddIndex(
            model_name='accesslogresult',
            index=models.Index(fields=['object_owner', 'entry'], name='accesslogresult_owner_idx'),
        ),
        migrations.RunPython(fill_owners, migrations.RunPython.noop),
    ]
