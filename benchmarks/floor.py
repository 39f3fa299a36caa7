"""What the register's list is measured against: the same first page written by hand in SQL (the floor
the engine's query is compared with), and the same views run without the access filter on the list."""

from contextlib import contextmanager

from django.db import connection
from django.db.models import IntegerField, Value
from django.utils import timezone

import access
from nominals.models import Nominal
from nominals.selectors.nominals import TABLE_ROW, nominal_list
from protocols.constants import ProtocolStatus


def hand_written_list_sql(user, *, limit):
    """The first page of the nominals `user` may see, newest first, with the tier of each: the access rule
    written by hand as EXISTS over protocol party ⋈ protocol grant (plus own agency and need-to-know
    grants), for comparison with what the engine generates. (sql, params)."""
    viewer = access.viewer_for(user)
    params = {
        "own": viewer.agency_id,
        "user": viewer.user_id,
        "groups": list(viewer.group_ids),
        "today": timezone.localdate(),
        "now": timezone.now(),
        "floor": viewer.vetting_floor,
        "limit": limit,
        "active": ProtocolStatus.ACTIVE.value,
    }
    protocol_grant = """
        FROM protocols_protocolparty pp
        JOIN protocols_protocolgroupobjectpermission g ON g.content_object_id = pp.protocol_id
        JOIN protocols_protocol p ON p.id = pp.protocol_id
        WHERE pp.agency_id = {n}.owning_agency_id AND g.category = {n}.category
          AND g.group_id = ANY(%(groups)s) AND g.tier <= 2
          AND p.status = %(active)s AND p.start_date <= %(today)s AND p.end_date >= %(today)s"""
    user_grant = """
        FROM nominals_nominaluserobjectpermission ug
        WHERE ug.content_object_id = {n}.id AND ug.user_id = %(user)s AND ug.expires_at > %(now)s AND ug.tier <= 2"""
    group_grant = """
        FROM nominals_nominalgroupobjectpermission gg
        WHERE gg.content_object_id = {n}.id AND gg.group_id = ANY(%(groups)s)
          AND gg.expires_at > %(now)s AND gg.tier <= 2"""
    routes = []  # (SELECT ... tail) for each route other than the owner's
    if viewer.reads_others:
        if viewer.group_ids:
            routes.append(("g.tier", protocol_grant))
        routes.append(("ug.tier", user_grant))
        if viewer.group_ids:
            routes.append(("gg.tier", group_grant))
    where = ["n.owning_agency_id = %(own)s"] if viewer.sees_own else []
    where += [f"EXISTS (SELECT 1 {tail.format(n='n')})" for _, tail in routes]
    tiers = ["CASE WHEN page.owning_agency_id = %(own)s THEN 0 ELSE 9 END"] if viewer.sees_own else []
    tiers += [f"COALESCE((SELECT MIN({column}) {tail.format(n='page')}), 9)" for column, tail in routes]
    tier = tiers[0] if len(tiers) == 1 else f"LEAST({', '.join(tiers)})"
    # Composed of the constant fragments above only; every value is a parameter.
    sql = f"""
        SELECT page.*, a.*, GREATEST(%(floor)s, {tier}) AS viewer_tier
        FROM (
            SELECT n.* FROM nominals_nominal n
            WHERE {" OR ".join(where) or "FALSE"}
            ORDER BY n.created_at DESC, n.id DESC
            LIMIT %(limit)s
        ) page
        JOIN agencies_agency a ON a.id = page.owning_agency_id
        ORDER BY page.created_at DESC, page.id DESC"""  # noqa: S608
    return sql, params


def ids_and_tiers(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        id_at, tier_at = names.index("id"), len(names) - 1
        return [(row[id_at], row[tier_at]) for row in cursor.fetchall()]


def engine_list_queryset(user, *, limit):
    """The row query of the nominal list page's first page as the page runs it, with the relations its
    table shows (which the hand-written query does not fetch)."""
    return nominal_list(user=user, relations=TABLE_ROW)[:limit]


@contextmanager
def unfiltered_nominals(tier):
    """Let the access engine pass nominal querysets through unfiltered, annotated as it annotates them
    (every row at `tier`), so the same views, templates and serializers run without the filter on the
    rows listed. Everything else (the OCGs in the filter form, the OCG links of each row) is still
    filtered, so the two pages differ only by the filter on the list."""
    original_visible, original_only_visible = access.visible, access.only_visible

    def visible(user, queryset):
        if queryset.model is not Nominal:
            return original_visible(user, queryset)
        return queryset.annotate(viewer_tier=Value(tier, output_field=IntegerField()))

    def only_visible(user, queryset):
        return queryset if queryset.model is Nominal else original_only_visible(user, queryset)

    access.visible, access.only_visible = visible, only_visible
    try:
        yield
    finally:
        access.visible, access.only_visible = original_visible, original_only_visible
