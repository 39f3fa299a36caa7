from django.apps import AppConfig


class OcgShareConfig(AppConfig):
    name = "ocgshare"
    verbose_name = "OCG Share"

    def ready(self):
        from . import lookups, openapi  # noqa: F401  (openapi registers its schema extension)

        lookups.register()
