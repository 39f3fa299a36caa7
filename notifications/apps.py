from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"

    def ready(self):
        from ocgshare.worklist import register_section

        from .worklist import unread_notifications

        register_section(unread_notifications, order=90)
