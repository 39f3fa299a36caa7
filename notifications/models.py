"""Notifications: the in-app inbox, each user's delivery preferences, and the outbox state of each
notification's e-mail (DESIGN.md §4.4: recorded in the transaction of the change, sent afterwards
by Celery, idempotently)."""

from django.conf import settings
from django.db import models
from django.db.models import Q


def is_internal_path(url):
    """True for a path inside OCG Share: notifications never link anywhere else."""
    return url.startswith("/") and not url.startswith("//") and "\\" not in url


class EventType(models.TextChoices):
    ACCOUNT_CREATED = "account_created", "Account created"
    ROLE_CHANGED = "role_changed", "Role changed"
    VETTING_EXPIRING = "vetting_expiring", "Vetting about to expire"
    SIGNATURE_REQUESTED = "signature_requested", "Protocol signature requested"
    PROTOCOL_ACTIVATED = "protocol_activated", "Protocol active"
    PROTOCOL_SUSPENDED = "protocol_suspended", "Protocol suspended"
    PROTOCOL_REVIEW_DUE = "protocol_review_due", "Protocol review due"
    PROTOCOL_EXPIRED = "protocol_expired", "Protocol ending or expired"
    INFORMATION_REQUESTED = "information_requested", "A partner asks for more on a record"


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", "E-mail immediately"
    DAILY_DIGEST = "daily_digest", "Daily digest e-mail"
    OFF = "off", "No e-mail (inbox only)"


class EmailState(models.TextChoices):
    PENDING = "pending", "Waiting to be e-mailed"
    DIGEST = "digest", "Waiting for the daily digest"
    SENT = "sent", "E-mailed"
    NOT_WANTED = "not_wanted", "No e-mail wanted"
    FAILED = "failed", "E-mail could not be sent"


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    event_type = models.CharField(max_length=40, choices=EventType.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True, help_text="A path inside OCG Share to read more.")
    # Makes a scheduled event (for example a vetting reminder) idempotent per recipient.
    dedupe_key = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    email_state = models.CharField(max_length=20, choices=EmailState.choices)
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_error = models.CharField(
        max_length=500, blank=True, help_text="Why the e-mail was not sent: the mail server's answer, or a timeout."
    )
    # Set on a notification that asks its recipient to do something ("sign this protocol"): the
    # service that performs the action marks every notification with its key done, in its transaction.
    action_key = models.CharField(max_length=100, blank=True)
    action_done_at = models.DateTimeField(
        null=True, blank=True, help_text="When the action it asks for was done, or stopped being needed."
    )
    action_outcome = models.CharField(max_length=200, blank=True, help_text="What became of the action asked for.")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"],
                condition=~Q(dedupe_key=""),
                name="notification_unique_dedupe_key_per_recipient",
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_inbox_idx"),
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["email_state", "created_at"], name="notification_outbox_idx"),
            models.Index(
                fields=["action_key"],
                condition=~Q(action_key="") & Q(action_done_at__isnull=True),
                name="notification_open_action_idx",
            ),
        ]

    def __str__(self):
        return f"{self.get_event_type_display()} for {self.recipient}: {self.title}"

    @property
    def is_read(self):
        return self.read_at is not None

    @property
    def asks_for_action(self):
        return bool(self.action_key)

    @property
    def is_action_done(self):
        return self.action_done_at is not None

    @property
    def needs_attention(self):
        """Unread, and not an action someone has already done: what the unread count counts."""
        return self.read_at is None and self.action_done_at is None

    @property
    def link(self):
        return self.url if is_internal_path(self.url) else ""


class NotificationPreference(models.Model):
    """How a user wants e-mail for one event type; with no row, e-mail is sent immediately."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    event_type = models.CharField(max_length=40, choices=EventType.choices)
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.IMMEDIATELY)

    class Meta:
        ordering = ["event_type"]
        constraints = [
            models.UniqueConstraint(fields=["user", "event_type"], name="notificationpreference_unique"),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_event_type_display()} — {self.get_delivery_display()}"
