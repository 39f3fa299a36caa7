"""Serializers of the accounts API. They parse; services.user_problems holds the rules, as for the forms."""

from collections.abc import Mapping

from rest_framework import serializers
from rest_framework.fields import SkipField

from agencies.models import Agency

from .models import ApiToken, Role, User, VettingLevel
from .services import REASON_MAX_LENGTH, user_problems


class UserSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    roles = serializers.SerializerMethodField()
    vetting_status = serializers.CharField(read_only=True, help_text='"current", "expiring" or "expired".')

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "full_name",
            "agency",
            "agency_name",
            "job_title",
            "phone",
            "roles",
            "vetting_level",
            "vetting_expires",
            "vetting_status",
            "is_active",
            "date_joined",
            "last_login",
        ]
        read_only_fields = fields

    def get_roles(self, user) -> list[str]:
        return sorted(user.role_codes)


class _ProblemsMixin:
    """Reports malformed fields and every rule user_problems finds together, as field errors (400),
    like the forms do: a client fixes everything in one go."""

    # Fields user_problems knows about.
    service_fields = ()

    def to_internal_value(self, data):
        if not isinstance(data, Mapping):
            return super().to_internal_value(data)
        values, errors = {}, {}
        for field in self._writable_fields:
            try:
                values[field.field_name] = field.run_validation(field.get_value(data))
            except serializers.ValidationError as error:
                errors[field.field_name] = error.detail
            except SkipField:
                pass
        problems = user_problems(
            actor=self.context["request"].user,
            user=self.instance,
            **{name: values[name] for name in self.service_fields if name in values},
        )
        for name, messages in problems.items():
            errors.setdefault(name, []).extend(messages)
        if errors:
            raise serializers.ValidationError(errors)
        return values


class UserCreateSerializer(_ProblemsMixin, serializers.Serializer):
    agency = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(),
        required=False,
        help_text="Superusers only; agency administrators always create users in their own agency.",
    )
    email = serializers.EmailField(max_length=254)
    full_name = serializers.CharField(max_length=150)
    job_title = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    roles = serializers.ListField(child=serializers.ChoiceField(choices=Role.choices))
    vetting_level = serializers.ChoiceField(choices=VettingLevel.choices)
    vetting_expires = serializers.DateField()
    password = serializers.CharField(write_only=True, trim_whitespace=False, style={"input_type": "password"})

    service_fields = ("email", "full_name", "roles", "vetting_level", "vetting_expires", "password")


class UserUpdateSerializer(_ProblemsMixin, serializers.Serializer):
    full_name = serializers.CharField(max_length=150, required=False)
    job_title = serializers.CharField(max_length=150, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    roles = serializers.ListField(child=serializers.ChoiceField(choices=Role.choices), required=False)
    vetting_level = serializers.ChoiceField(choices=VettingLevel.choices, required=False)
    vetting_expires = serializers.DateField(required=False)
    is_active = serializers.BooleanField(required=False)
    reason = serializers.CharField(
        max_length=REASON_MAX_LENGTH,
        required=False,
        allow_blank=True,
        write_only=True,
        help_text="Why roles or vetting change: required when they do, and kept in the access log. "
        "No one may change their own roles, vetting or account status.",
    )

    service_fields = ("full_name", "roles", "vetting_level", "vetting_expires", "is_active", "reason")


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True, help_text="Send it as `Authorization: Token <token>`. Shown once.")
    id = serializers.IntegerField(read_only=True, help_text="Names the token in /api/auth/tokens/.")
    expiry = serializers.DateTimeField(read_only=True, help_text="It stops working then; sign in again.")


class ApiTokenSerializer(serializers.ModelSerializer):
    """One of the user's tokens: never the key (only its hash is stored)."""

    current = serializers.SerializerMethodField(help_text="Whether this request was authenticated with it.")

    class Meta:
        model = ApiToken
        fields = ["id", "created", "expiry", "current"]
        read_only_fields = fields

    def get_current(self, token) -> bool:
        used = getattr(self.context.get("request"), "auth", None)
        return isinstance(used, ApiToken) and used.pk == token.pk


class RevokedSerializer(serializers.Serializer):
    revoked = serializers.IntegerField(read_only=True, help_text="How many tokens were revoked.")
