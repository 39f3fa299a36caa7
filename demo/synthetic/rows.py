"""Drawing and writing rows for the generator: weighted choices from one random generator, and a writer
that puts rows of plain values into a table (COPY on PostgreSQL, bulk_create elsewhere)."""

import enum
from bisect import bisect
from itertools import accumulate

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max


def plain(value):
    """Choices enums as their database value: psycopg would otherwise dump an Enum by name."""
    return value.value if isinstance(value, enum.Enum) else value


class Picker:
    """Weighted choice from a fixed population, drawing from one random generator."""

    def __init__(self, rng, population, weights=None):
        self.rng = rng
        self.population = list(population)
        self.cumulative = list(accumulate(weights)) if weights is not None else None

    @classmethod
    def from_shares(cls, rng, shares):
        return cls(rng, [plain(key) for key in shares], list(shares.values()))

    def __call__(self):
        if self.cumulative is None:
            return self.population[int(self.rng.random() * len(self.population))]
        return self.population[bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]

    def __bool__(self):
        return bool(self.population)


class RowWriter:
    """Writes rows of plain values to a model's table: COPY on PostgreSQL, bulk_create elsewhere.

    `fields` are attribute names (`agency_id`, not `agency`). Values are written as given: no
    defaults, no auto_now, no signals — the generator supplies every column it needs."""

    BATCH = 2000

    def __init__(self):
        self.postgresql = connection.vendor == "postgresql"
        self.written = {}
        self.tables = set()

    def next_id(self, model):
        return (model._default_manager.aggregate(top=Max("pk"))["top"] or 0) + 1

    def write(self, model, fields, rows):
        rows = list(rows)
        if not rows:
            return 0
        if self.postgresql:
            self._copy(model, fields, rows)
        else:
            objects = [model(**dict(zip(fields, row, strict=True))) for row in rows]
            model._default_manager.bulk_create(objects, batch_size=self.BATCH)
        self.count(model, len(rows))
        return len(rows)

    def count(self, model, rows):
        self.written[model._meta.label] = self.written.get(model._meta.label, 0) + rows
        self.tables.add(model._meta.db_table)

    def _copy(self, model, fields, rows):
        quote = connection.ops.quote_name
        columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
        statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(tuple(plain(value) for value in row))

    def reset_sequences(self, models):
        """After writing explicit primary keys, move PostgreSQL's sequences past them."""
        statements = connection.ops.sequence_reset_sql(no_style(), models)
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
