"""Authentication: e-mail and password, refused for a disabled account or expired vetting."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class VettedUserBackend(ModelBackend):
    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and user.vetting_is_current

    def get_user(self, user_id):
        # Every page's header names the user's agency and roles, and the access engine reads them and
        # the user's groups: load them with the user, three queries fewer on every request.
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("agency").with_roles_and_groups().get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
