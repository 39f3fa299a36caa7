from django.apps import AppConfig


class ProtocolsConfig(AppConfig):
    name = "protocols"
    verbose_name = "Information-sharing protocols"

    def ready(self):
        from . import signals  # noqa: F401 - connects the agency group membership receiver
