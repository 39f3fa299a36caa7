"""PostgreSQL-only search support: the pg_trgm extension and GIN indexes for trigram matching and
full-text search on names (nominals.selectors.nominal_search). On SQLite these operations do nothing
and search falls back to simple matching.

The full-text indexes are on exactly the expression the search annotates
(SearchVector(surname, forenames, config="simple")), so PostgreSQL uses them."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = {
    "Nominal": [
        GinIndex(fields=["surname"], opclasses=["gin_trgm_ops"], name="nominal_surname_trgm"),
        GinIndex(fields=["forenames"], opclasses=["gin_trgm_ops"], name="nominal_forenames_trgm"),
        GinIndex(SearchVector("surname", "forenames", config="simple"), name="nominal_name_fts"),
    ],
    "NominalAlias": [
        GinIndex(fields=["surname"], opclasses=["gin_trgm_ops"], name="alias_surname_trgm"),
        GinIndex(SearchVector("surname", "forenames", config="simple"), name="alias_name_fts"),
    ],
    "OCG": [GinIndex(fields=["name"], opclasses=["gin_trgm_ops"], name="ocg_name_trgm")],
}


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, indexes in INDEXES.items():
        model = apps.get_model("nominals", model_name)
        for index in indexes:
            schema_editor.add_index(model, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, indexes in INDEXES.items():
        model = apps.get_model("nominals", model_name)
        for index in indexes:
            schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("nominals", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(add_indexes, remove_indexes),
    ]
