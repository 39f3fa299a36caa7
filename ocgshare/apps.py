from django.apps import AppConfig


class OcgShareConfig(AppConfig):
    name = "ocgshare"
    verbose_name = "OCG Share"

    def ready(self):
        from . import lookups

        lookups.register()
