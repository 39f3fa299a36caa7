from django.apps import AppConfig


class OcgShareConfig(AppConfig):
    name = "ocgshare"
    verbose_name = "OCG Share"
