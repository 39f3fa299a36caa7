from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "records"

    def ready(self):
        # Registers the API schema's description of tiered serializers with drf-spectacular.
        from . import schema  # noqa: F401
