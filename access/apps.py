from django.apps import AppConfig


class AccessConfig(AppConfig):
    """The access engine. It has no models of its own: each record kind registers its Policy from its
    own app's `ready` (access.policies.register)."""

    name = "access"
    verbose_name = "Access engine"
