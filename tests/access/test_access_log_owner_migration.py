"""Migration ocgshare 0004 fills the owner of the items in existing access log entries and results (on
PostgreSQL past the append-only trigger, which it restores)."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from tests.nominals.factories import NominalFactory

BEFORE = [("ocgshare", "0003_access_log_write_actions")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _migrate_to_the_latest():
    """Forward through 0004 to the latest migrations, so the tests after this one find every table."""
    executor = MigrationExecutor(connection)
    return _migrate(executor.loader.graph.leaf_nodes())


# Migrating needs a real transaction. Serialized rollback, like the browser tests: a plain transactional
# test's flush re-creates the content types, which the next serialized-rollback test then inserts again.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_entries_get_their_items_owner(police, prison, analyst):
    nominal = NominalFactory(owning_agency=police)
    other = NominalFactory(owning_agency=prison)
    try:
        old = _migrate(BEFORE)
        Entry, Result = old.get_model("ocgshare", "AccessLogEntry"), old.get_model("ocgshare", "AccessLogResult")
        view = Entry.objects.create(
            user_id=analyst.pk, agency_id=police.pk, action="view", surface="page", object_type="nominal",
            object_id=nominal.pk,
        )  # fmt: skip
        listing = Entry.objects.create(user_id=analyst.pk, agency_id=police.pk, action="list", surface="api")
        Result.objects.create(entry=listing, object_type="nominal", object_id=other.pk, tier=1, basis="protocol")
    finally:
        new = _migrate_to_the_latest()
    Entry, Result = new.get_model("ocgshare", "AccessLogEntry"), new.get_model("ocgshare", "AccessLogResult")
    assert Entry.objects.get(pk=view.pk).object_owner_id == police.pk
    assert Entry.objects.get(pk=listing.pk).object_owner_id is None
    assert Result.objects.get(entry_id=listing.pk).object_owner_id == prison.pk
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE ocgshare_accesslogentry SET query = 'rewritten'")
