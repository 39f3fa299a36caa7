"""On PostgreSQL, refuse UPDATE and DELETE on the access log in the database itself, so that not even
raw SQL from the application can rewrite the consultation log (the ORM refuses them too, on every
database). TRUNCATE is left to the table owner: Django's test runner empties tables with it, and
in production the application should connect as a role that does not own the tables (see the
README), so that neither TRUNCATE nor dropping the trigger is open to it."""

from django.db import migrations

TABLES = ("ocgshare_accesslogentry", "ocgshare_accesslogresult")

FUNCTION = """
CREATE OR REPLACE FUNCTION ocgshare_access_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING
        MESSAGE = 'The access log is append-only: ' || TG_OP || ' on ' || TG_TABLE_NAME || ' is not allowed',
        ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_no_update_delete BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION ocgshare_access_log_append_only()"
        )


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update_delete ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS ocgshare_access_log_append_only()")


class Migration(migrations.Migration):
    dependencies = [("ocgshare", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
