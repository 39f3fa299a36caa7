"""Authentication: e-mail and password, refused for a disabled account or expired vetting."""

from django.contrib.auth.backends import ModelBackend


class VettedUserBackend(ModelBackend):
    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and user.vetting_is_current
