from django.apps import AppConfig


class ProtocolsConfig(AppConfig):
    name = "protocols"
    verbose_name = "Information-sharing protocols"

    def ready(self):
        from ocgshare.worklist import register_action, register_section

        from .worklist import awaiting_signature, draft_a_protocol, reviews_and_endings

        register_section(awaiting_signature, order=20)
        register_section(reviews_and_endings, order=30)
        register_action(draft_a_protocol, order=50)
        from . import signals  # noqa: F401 - connects the agency group membership receiver
