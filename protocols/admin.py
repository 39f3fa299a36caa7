"""Django admin for protocols: read-only. Templates change only by a new edition shipped in a
migration (protocols compare themselves with theirs), and protocols, parties and grants change
only through the services, which keep the lifecycle, the notifications and the grants in step."""

from django.contrib import admin

from .models import Protocol, ProtocolGroupObjectPermission, ProtocolParty, ProtocolTemplate


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ProtocolPartyInline(admin.TabularInline):
    model = ProtocolParty
    fields = ["agency", "max_tier", "signatory", "signed_at", "signed_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProtocolTemplate)
class ProtocolTemplateAdmin(ReadOnlyAdmin):
    list_display = ["name", "version", "published_on", "is_current"]


@admin.register(Protocol)
class ProtocolAdmin(ReadOnlyAdmin):
    list_display = ["reference", "title", "lead_agency", "status", "start_date", "end_date", "review_date"]
    list_filter = ["status"]
    search_fields = ["reference", "title"]
    list_select_related = ["lead_agency"]
    inlines = [ProtocolPartyInline]


@admin.register(ProtocolGroupObjectPermission)
class ProtocolGroupObjectPermissionAdmin(ReadOnlyAdmin):
    list_display = ["content_object", "group", "tier", "category", "permission"]
    list_select_related = ["content_object", "group", "permission"]
