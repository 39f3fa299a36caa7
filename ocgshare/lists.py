"""Sorting, paging and filter links of list pages: the one way every list page reads `?sort=` and
`?page=` and builds what its template needs, so all lists behave alike.

A list view::

    from ocgshare import lists

    COLUMNS = [("name", "Name"), ("created", "Created")]  # sortable columns: (sort key, header label)

    sort = lists.parse_sort(request.GET.get("sort"), [key for key, _ in COLUMNS], default="-created")
    page = lists.paginate(request, selectors.thing_list(user=request.user, sort=sort))
    return render(request, "things/list.html", {"page": page, "headers": lists.sort_headers(sort, COLUMNS)})

and its template::

    <th scope="col" class="govuk-table__header" aria-sort="{{ header.aria_sort }}">
      <a class="govuk-link" href="{% querystring sort=header.next_sort page=None %}">{{ header.label }}</a></th>
    ...
    {% include "includes/pagination.html" with page=page %}

A sort is a column key, with a leading '-' for descending. Turning it into an `order_by()` stays
with the app's selector, which knows the tie-breakers that keep pages stable.
"""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.utils.formats import date_format

from .forms import DATE_PARTS, GovUKDateInput

PAGE_SIZE = 25


def paginate(request, queryset, *, per_page=PAGE_SIZE):
    """The page of `queryset` that `?page=` asks for, with `elided_range` for includes/pagination.html.

    A page number that is not a number shows the first page and one past the end shows the last,
    rather than a 404: a shared or bookmarked link still shows a list after the data has changed.
    """
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(request.GET.get("page"))
    # GOV.UK pagination: the first, the last, the current page and one either side, gaps as ellipses.
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))
    return page


def parse_sort(value, allowed, default):
    """`value` when it is one of the `allowed` keys, ascending or with '-' first for descending;
    otherwise `default`, so that a mangled link still shows a list. `allowed` may be any collection
    of keys, such as a selector's dict of orderings."""
    value = value or ""
    return value if value.removeprefix("-") in allowed and not value.startswith("--") else default


def sort_headers(current, columns):
    """Context for sortable table headers, one dict per (key, label) of `columns`: `key`, `label`,
    `aria_sort` ("ascending", "descending" or "none", for the header's aria-sort) and `next_sort`
    (the sort its link asks for: the other direction for the current column, ascending for the rest)."""
    headers = []
    for key, label in columns:
        if current == key:
            aria_sort, next_sort = "ascending", f"-{key}"
        elif current == f"-{key}":
            aria_sort, next_sort = "descending", key
        else:
            aria_sort, next_sort = "none", key
        headers.append({"key": key, "label": label, "aria_sort": aria_sort, "next_sort": next_sort})
    return headers


def selected_filters(params, form):
    """The MoJ filter component's "selected filters" for the GET `params` a filter `form` was bound to:
    per field, each chosen value as a tag whose link is the same query without that value (and
    without `page`, since the list changes). Values that are not among a field's choices are left out."""
    groups = []
    for name, field in form.fields.items():
        if isinstance(field.widget, GovUKDateInput):
            tag = _date_tag(params, name, field)
            if tag:
                groups.append({"heading": field.label, "tags": [tag]})
            continue
        choices = dict(getattr(field, "choices", ()))
        tags = []
        for value in (value for value in params.getlist(name) if value):
            if choices and value not in choices:
                continue
            remaining = [
                (key, kept)
                for key in params
                if key != "page"
                for kept in params.getlist(key)
                if not (key == name and kept == value)
            ]
            tags.append({"label": choices.get(value, value), "url": f"?{urlencode(remaining)}"})
        if tags:
            groups.append({"heading": field.label, "tags": tags})
    return groups


def _date_tag(params, name, field):
    """The tag of a date filter, given as day, month and year boxes or as YYYY-MM-DD: its link drops
    every form of the date. A date that is not a real one has no tag (the form shows its error)."""
    try:
        value = field.clean(field.widget.value_from_datadict(params, None, name))
    except ValidationError:
        return None
    if value is None:
        return None
    dropped = {name, *(f"{name}-{part}" for part in DATE_PARTS)}
    remaining = [(key, kept) for key in params if key != "page" and key not in dropped for kept in params.getlist(key)]
    return {"label": date_format(value, "j F Y"), "url": f"?{urlencode(remaining)}"}
