from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self):
        from ocgshare.worklist import register_section

        from .worklist import agency_vetting, own_vetting

        register_section(own_vetting, order=10)
        register_section(agency_vetting, order=40)
