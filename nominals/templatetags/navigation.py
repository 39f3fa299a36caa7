"""The header's primary navigation (templates/includes/primary_navigation.html): the one place that decides
which tabs a user is offered. Each tab is shown by the same rule its page applies, so no tab leads a user
to a refusal. It lives in the register's app because the register's tabs are the ones that depend on the
role, and this layer may ask every rule below it (access engine, access log, accounts)."""

from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.text import slugify

import access
from accounts.rules import may_manage_users
from audit.selectors import can_read_access_log

from .register_pages import reads_register

register = template.Library()


@dataclass(frozen=True)
class Tab:
    label: str
    url_name: str
    current_prefix: str  # the tab is the current page under this path ("" : the exact URL only)
    shown: object = None  # user -> bool; None: every signed-in user


def sees_hotspots_only(user):
    """The tier-3 counts are open to every vetted user; those who do not read the register are offered
    them as a tab of their own, named for what it is, rather than a "Register" tab that is not theirs."""
    return not reads_register(user) and access.can_read_aggregates(user)


TABS = (
    Tab("Agencies", "agencies:directory", "/agencies/"),
    Tab("Toolkit", "agencies:toolkit", "/toolkit/"),
    Tab("Protocols", "protocols:register", "/protocols/"),
    Tab("Register", "nominals:nominal-list", "/register/", reads_register),
    Tab("OCG nominals in prison", "nominals:hotspots", "/register/hotspots/", sees_hotspots_only),
    Tab("Access log", "access-log", "/access-log/", can_read_access_log),
    Tab("Inbox", "notifications:inbox", "/notifications/"),
    Tab("Users", "accounts:user-list", "/accounts/users", may_manage_users),
    Tab("Your account", "accounts:account", ""),
)


@register.simple_tag(takes_context=True)
def primary_tabs(context):
    """The tabs after Home the signed-in user may follow: [{label, url, current, testid}], the
    testid "nav-" and the label slugified ("nav-inbox")."""
    request = context["request"]
    user = request.user
    tabs = []
    for tab in TABS:
        if tab.shown is not None and not tab.shown(user):
            continue
        url = reverse(tab.url_name)
        current = request.path.startswith(tab.current_prefix) if tab.current_prefix else request.path == url
        tabs.append({"label": tab.label, "url": url, "current": current, "testid": f"nav-{slugify(tab.label)}"})
    return tabs


@register.filter
def finds_people(user):
    """Whether the header offers "Find a person" (the register's search): to those who read the register."""
    return bool(getattr(user, "is_authenticated", False)) and reads_register(user)
