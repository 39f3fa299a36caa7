"""The URLs of the need-to-know grant pages and of asking a record's owner for more, for a record app's
urls.py to include under its namespace."""

from django.urls import re_path

from .views import ask_owner, grant_add, grant_revoke


def grant_urlpatterns(url_kinds):
    """`grant-add`, `grant-revoke` and `ask-owner` (a partner asking the owner for more) for the kinds named
    in `url_kinds` (their RecordPages.url_kind)."""
    kinds = "|".join(url_kinds)
    return [
        re_path(rf"^(?P<kind>{kinds})/(?P<pk>[0-9]+)/grants/add/$", grant_add, name="grant-add"),
        re_path(
            rf"^(?P<kind>{kinds})/(?P<pk>[0-9]+)/grants/(?P<holder>user|agency)/(?P<grant_pk>[0-9]+)/revoke/$",
            grant_revoke,
            name="grant-revoke",
        ),
        re_path(rf"^(?P<kind>{kinds})/(?P<pk>[0-9]+)/ask/$", ask_owner, name="ask-owner"),
    ]
