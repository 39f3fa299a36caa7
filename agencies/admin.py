"""Django admin for the directory and the toolkit: system administrators create agencies here
(agency administrators edit their own entries through the service's pages)."""

from django.contrib import admin

from .models import Agency, DataHolding, ThreatArea, ToolOrPower


class ToolOrPowerInline(admin.StackedInline):
    model = ToolOrPower
    extra = 0
    filter_horizontal = ["threat_areas"]


class DataHoldingInline(admin.TabularInline):
    model = DataHolding
    extra = 0
    fields = ["name", "category", "description"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "level", "region", "parent"]
    list_filter = ["kind", "level", "region", "prison_category", "prison_operator"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["parent"]
    raw_id_fields = ["spoc"]
    list_select_related = ["parent"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "kind", "level", "region", "parent", "description"]}),
        ("Prison establishments only", {"fields": ["prison_category", "prison_operator"]}),
        ("Contact", {"fields": ["spoc", "contact_email", "contact_phone"]}),
        ("History", {"fields": ["created_at", "updated_at"]}),
    ]
    inlines = [ToolOrPowerInline, DataHoldingInline]


@admin.register(ThreatArea)
class ThreatAreaAdmin(admin.ModelAdmin):
    """The ten SOC threat areas are reference data from a migration: read them, do not change them."""

    list_display = ["name", "code"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ToolOrPower)
class ToolOrPowerAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "four_p", "time_to_act", "legal_basis"]
    list_filter = ["four_p", "time_to_act", "threat_areas", "agency__kind"]
    search_fields = ["name", "legal_basis", "achieves", "agency__name"]
    autocomplete_fields = ["agency"]
    filter_horizontal = ["threat_areas"]
    list_select_related = ["agency"]


@admin.register(DataHolding)
class DataHoldingAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "category"]
    list_filter = ["category", "threat_areas", "agency__kind"]
    search_fields = ["name", "description", "agency__name"]
    autocomplete_fields = ["agency"]
    filter_horizontal = ["threat_areas"]
    list_select_related = ["agency"]
