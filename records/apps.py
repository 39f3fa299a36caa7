from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "records"

    def ready(self):
        from ocgshare.worklist import register_section

        from .worklist import expiring_grants

        register_section(expiring_grants, order=50)
        # Registers the API schema's description of tiered serializers with drf-spectacular.
        from . import schema  # noqa: F401
