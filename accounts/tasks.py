"""Scheduled work of the accounts app (the beat schedule is in settings)."""

from celery import shared_task

from .services import vetting_reminders_send


@shared_task
def notify_vetting_expiring():
    """Daily: remind users whose vetting expires soon, and their administrators. Idempotent."""
    return vetting_reminders_send()
