"""Notification pages: the inbox, one notification, marking read, and delivery preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ocgshare import lists

from . import selectors, services
from .filters import NEWEST, SHOW_ALL, InboxFilterSet
from .forms import PreferencesForm


def _own_notification(request, pk):
    # Someone else's notification is indistinguishable from one that does not exist.
    return get_object_or_404(selectors.inbox_list(user=request.user), pk=pk)


def _next_or_inbox(request):
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return next_url
    return reverse("notifications:inbox")


@login_required
def inbox(request):
    data = request.GET.copy()
    data.setdefault("show", SHOW_ALL)
    data.setdefault("sort", NEWEST)
    filterset = InboxFilterSet(data, page=True)
    notifications = selectors.inbox_list(user=request.user, **filterset.selector_filters())
    context = {
        "form": filterset.form,
        "page": lists.paginate(request, notifications),
        "filtered": filterset.is_filtered,
    }
    return render(request, "notifications/inbox.html", context)


@login_required
def detail(request, pk):
    notification = _own_notification(request, pk)
    services.notification_mark_read(user=request.user, notification=notification)
    return render(request, "notifications/detail.html", {"notification": notification})


@login_required
@require_POST
def mark_read(request, pk):
    notification = _own_notification(request, pk)
    services.notification_mark_read(user=request.user, notification=notification)
    if request.headers.get("HX-Request"):
        # The row, re-rendered as read, plus out-of-band updates of the header count and the status region.
        return render(request, "notifications/_mark_read_response.html", {"notification": notification})
    messages.success(request, f"‘{notification.title}’ marked as read")
    return redirect(_next_or_inbox(request))


@login_required
@require_POST
def mark_all_read(request):
    changed = services.notification_mark_all_read(user=request.user)
    if changed:
        messages.success(request, f"{changed} notification{'s' if changed != 1 else ''} marked as read")
    else:
        messages.info(request, "You have no unread notifications")
    return redirect(_next_or_inbox(request))


@login_required
def preferences(request):
    current = selectors.preferences_for(user=request.user)
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.preferences_update(user=request.user, choices=form.cleaned_data)
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            messages.success(request, "Your notification preferences have been saved")
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
