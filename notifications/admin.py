"""Django admin for notifications: read-only, for support staff looking into a delivery problem.

Notifications are written only by `notify` and delivered only by the tasks; editing them here would
bypass both.
"""

from django.contrib import admin

from .models import Notification, NotificationPreference


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at",
        "recipient",
        "event_type",
        "title",
        "read_at",
        "email_state",
        "emailed_at",
        "email_error",
    ]
    list_filter = [
        "event_type",
        "email_state",
        ("read_at", admin.EmptyFieldListFilter),
        ("action_done_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["recipient__email", "title", "dedupe_key", "action_key"]
    list_select_related = ["recipient"]
    date_hierarchy = "created_at"
    raw_id_fields = ["recipient"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(ReadOnlyAdmin):
    list_display = ["user", "event_type", "delivery"]
    list_filter = ["event_type", "delivery"]
    search_fields = ["user__email"]
    list_select_related = ["user"]
