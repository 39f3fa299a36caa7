"""What the audit app puts on the home work list (ocgshare.worklist): the access log, for auditors."""

from django.urls import reverse

from ocgshare.worklist import Action

from .selectors import can_read_access_log


def read_the_access_log(user):
    if not can_read_access_log(user):
        return None
    return Action(key="access_log", label="Read the access log", url=reverse("access-log"))
