from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The access log's writing (every read and write of the register) and its pages and API for auditors.
    No models: the log's tables (ocgshare.AccessLogEntry, AccessLogResult) are infrastructure every app
    writes to."""

    name = "audit"
    verbose_name = "Access log"

    def ready(self):
        from ocgshare.worklist import register_action

        from .worklist import read_the_access_log

        register_action(read_the_access_log, order=30)
