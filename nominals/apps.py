from django.apps import AppConfig


class NominalsConfig(AppConfig):
    name = "nominals"

    def ready(self):
        # Registers the API schema's description of tiered serializers with drf-spectacular.
        from . import schema  # noqa: F401
