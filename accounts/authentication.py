"""API authentication: DRF tokens, refused like a session once the account is disabled or the
user's vetting has expired (SessionPolicyMiddleware does the same for signed-in pages)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from .models import User


class VettedTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        # DRF's own check, with the user loaded as accounts.backends loads a signed-in user: agency,
        # roles and groups in the token's query.
        user = (
            User.objects.select_related("agency", "auth_token")
            .with_roles_and_groups()
            .filter(auth_token__key=key)
            .first()
        )
        if user is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        if not user.vetting_is_current:
            raise exceptions.AuthenticationFailed("Your vetting has expired: this token no longer works.")
        return user, user.auth_token
