"""Links to one view for many objects, reversed once. Django's reverse() resolves the URLconf on every
call; a list of 50 rows, each with a link or two, spent a few milliseconds of its request reversing the
same pattern (benchmarks/README.md)."""

from django.urls import reverse

# An id no register object has, in the URL only to find where the id goes.
_MARKER = 9876543210


def url_maker(view_name, *, kwarg="pk", request=None):
    """pk -> the URL of `view_name` for that pk (absolute if `request` is given), as reverse() gives it."""
    url = reverse(view_name, kwargs={kwarg: _MARKER})
    if request is not None:
        url = request.build_absolute_uri(url)
    before, after = url.split(str(_MARKER))
    return lambda pk: f"{before}{int(pk)}{after}"
