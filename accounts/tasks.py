"""Scheduled work of the accounts app (the beat schedule is in settings)."""

from celery import shared_task

from .services import api_tokens_purge, vetting_reminders_send


@shared_task
def notify_vetting_expiring():
    """Daily: remind users whose vetting expires soon, and their administrators. Idempotent."""
    return vetting_reminders_send()


@shared_task
def purge_api_tokens():
    """Hourly: delete API tokens that expired or whose user was disabled or whose vetting expired."""
    return api_tokens_purge()
