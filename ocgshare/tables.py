"""The list table component: what makes a list page fast, in one place, so a new table is fast
without copying tricks. A list page's table is

    TABLE = tables.Table(columns=[("name", "Name")], sorts=THING_SORTS, default_sort="-created",
                         serializer=ThingTableSerializer)

    sort = TABLE.sort_from(request)
    context = TABLE.page(request, selectors.thing_list(user=request.user, filterset=filterset, sort=sort), sort)
    log_page_read(request, items=context["items"], params=filterset.audit_params())

What it carries:

- Sorting with stable pages: a sort is a key of the selector's `sorts` (each a tuple of order terms
  ending in a tie-breaker), '-' first for descending, every term reversed so ties break alike both ways
  (`ordering`, for the selector). A sort that is not a key is the default (a mangled link still shows a
  list), and the headers' aria-sort and links come from ocgshare.lists.
- The page read once: the page's rows are fetched in one query into a list, which the access log and the
  serializer both use, rather than the page's queryset being evaluated twice.
- Rows built in Python by a serializer that names only the table's fields, from rows whose relations
  came in the row's own query (ocgshare.expressions.JSONRows annotations, which the selector adds):
  one query per page whatever its length. The process serving it runs with ocgshare.gctuning.
"""

from . import lists


def ordering(sorts, sort, default):
    """The order_by() terms of `sort` (a key of `sorts`, '-' first for descending); `default` when
    `sort` is not a key."""
    key = sort.removeprefix("-") if sort else ""
    if key not in sorts:
        sort, key = default, default.removeprefix("-")
    fields = sorts[key]
    if not sort.startswith("-"):
        return fields
    # Descending: reverse every term, so ties break the same way in both directions.
    return tuple(field.copy().reverse_ordering() for field in fields)


class Table:
    """A list page's table: `columns` (sort key, header label) the user may sort by, among the
    selector's `sorts`; `serializer` builds each row's values (its `many=True` output is the rows)."""

    def __init__(self, *, columns, sorts, default_sort, serializer, per_page=lists.PAGE_SIZE):
        self.columns = columns
        self.sorts = sorts
        self.default_sort = default_sort
        self.serializer = serializer
        self.per_page = per_page

    def sort_from(self, request):
        """The sort `?sort=` asks for, or the default."""
        return lists.parse_sort(request.GET.get("sort"), self.sorts, default=self.default_sort)

    def page(self, request, queryset, sort):
        """Context for the table: `page` (with `elided_range`), `items` (the page's objects, read once),
        `rows` (what the serializer makes of them) and `headers` (the sortable headers)."""
        page = lists.paginate(request, queryset, per_page=self.per_page)
        items = list(page.object_list)
        page.object_list = items
        return {
            "page": page,
            "items": items,
            "rows": self.serializer(items, many=True, context={"request": request}).data,
            "headers": lists.sort_headers(sort, self.columns),
        }
