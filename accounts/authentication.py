"""API authentication: django-rest-knox tokens (`Authorization: Token <key>`), refused like a session once
the account is disabled or the user's vetting has expired (SessionPolicyMiddleware does the same for
signed-in pages), and refused once the token has expired. A token found expired, or belonging to a
disabled or no longer vetted user, is deleted there and then."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication
from knox.crypto import hash_token
from rest_framework import exceptions

from .models import ApiToken, roles_and_groups_columns

TOKEN_EXPIRED = "Your token has expired: sign in again for a new one."  # noqa: S105 - a message
VETTING_EXPIRED = "Your vetting has expired: this token no longer works."


class VettedTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        try:
            return super().authenticate(request)
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None

    def authenticate_credentials(self, token):
        # Knox keeps no salt: the digest of the key finds the token (a unique index), and the token's
        # query loads the user as accounts.backends loads a signed-in user, with agency, roles and
        # groups: one query, as with DRF's tokens before.
        key = token.decode("utf-8")
        found = (
            ApiToken.objects.select_related("user__agency")
            .annotate(**{f"user_{name}": column for name, column in roles_and_groups_columns("user_id").items()})
            .filter(digest=hash_token(key))
            .first()
        )
        if found is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        user = found.user
        user.loaded_roles, user.loaded_group_ids = found.user_loaded_roles, found.user_loaded_group_ids
        if found.expiry is not None and found.expiry <= timezone.now():
            found.delete()
            raise exceptions.AuthenticationFailed(TOKEN_EXPIRED)
        if not user.is_active:
            ApiToken.objects.filter(user=user).delete()
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        if not user.vetting_is_current:
            ApiToken.objects.filter(user=user).delete()
            raise exceptions.AuthenticationFailed(VETTING_EXPIRED)
        return user, found


class VettedTokenScheme(OpenApiAuthenticationExtension):
    """The OpenAPI security scheme of these tokens: `Authorization: Token <key>`, named as DRF's was."""

    target_class = VettedTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        prefix = self.target.authenticate_header(None)
        return build_bearer_security_scheme_object(header_name="Authorization", token_prefix=prefix)
