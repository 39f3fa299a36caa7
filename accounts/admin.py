"""Django admin for platform operators: users with their roles inline."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from .models import ApiToken, User, UserRole


class UserRoleInline(admin.TabularInline):
    model = UserRole
    extra = 0
    readonly_fields = ["granted_at"]


class UserCreationForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ["email", "full_name", "agency", "vetting_level", "vetting_expires"]


class UserAdminChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserAdminChangeForm
    add_form = UserCreationForm
    inlines = [UserRoleInline]
    list_display = ["email", "full_name", "agency", "vetting_level", "vetting_expires", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "is_superuser", "vetting_level", "user_roles__role"]
    list_select_related = ["agency"]
    search_fields = ["email", "full_name", "agency__name"]
    ordering = ["full_name", "email"]
    raw_id_fields = ["agency"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["full_name", "job_title", "phone", "agency"]}),
        ("Vetting", {"fields": ["vetting_level", "vetting_expires"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "email",
                    "full_name",
                    "agency",
                    "vetting_level",
                    "vetting_expires",
                    "usable_password",
                    "password1",
                    "password2",
                ],
            },
        ),
    ]


@admin.register(UserRole)
class UserRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "granted_at"]
    list_filter = ["role"]
    list_select_related = ["user"]
    search_fields = ["user__email", "user__full_name"]
    raw_id_fields = ["user"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Operators see and revoke (delete) tokens; they cannot make one: a key is given only at sign-in."""

    list_display = ["id", "user", "created", "expiry"]
    list_select_related = ["user"]
    search_fields = ["user__email", "user__full_name"]
    fields = ["user", "created", "expiry"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
