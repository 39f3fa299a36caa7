"""API authentication: DRF tokens, refused like a session once the account is disabled or the
user's vetting has expired (SessionPolicyMiddleware does the same for signed-in pages)."""

from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


class VettedTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if not user.vetting_is_current:
            raise exceptions.AuthenticationFailed("Your vetting has expired: this token no longer works.")
        return user, token
