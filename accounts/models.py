"""People: users (signing in by e-mail), the agency each belongs to, their roles and vetting."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import OuterRef
from django.db.models.functions import JSONObject
from django.utils import timezone
from knox.models import AbstractAuthToken
from knox.settings import CONSTANTS as KNOX_CONSTANTS

from ocgshare.expressions import JSONRows

# Users and their agency administrators are reminded this many days before vetting expires.
VETTING_REMINDER_DAYS = 30


class Role(models.TextChoices):
    PIO = "pio", "Prison Intelligence Officer"
    ANALYST = "analyst", "Intelligence officer or analyst"
    SANITISER = "sanitiser", "Sanitiser or supervisor"
    PARTNERSHIP_LEAD = "partnership_lead", "Partnership lead"
    SPOC = "spoc", "Partner single point of contact"
    AGENCY_ADMIN = "agency_admin", "Agency administrator or signatory"
    AUDITOR = "auditor", "Auditor or data protection officer"


class VettingLevel(models.IntegerChoices):
    """National security vetting, lowest to highest; police NPPV levels sit beside their equivalents."""

    BPSS = 1, "BPSS / NPPV1"
    CTC = 2, "CTC / NPPV2"
    SC = 3, "SC / NPPV3"
    DV = 4, "DV"


def roles_and_groups_columns(user_ref="pk"):
    """The annotations `with_roles_and_groups()` adds, for the user whose id is the outer query's
    `user_ref`: a query of another model (an API token) can load its user's roles and groups too."""
    roles = UserRole.objects.filter(user_id=OuterRef(user_ref)).values(item=JSONObject(code="role"))
    groups = (
        User.groups.through.objects.filter(user_id=OuterRef(user_ref))
        .order_by("group_id")
        .values(item=JSONObject(id="group_id"))
    )
    return {"loaded_roles": JSONRows(roles), "loaded_group_ids": JSONRows(groups)}


class UserQuerySet(models.QuerySet):
    def with_roles_and_groups(self):
        """Each user with their role codes and group ids in the same query, so that `role_codes` and
        `group_ids` (which every page and the access engine read) query nothing more. The signed-in
        user of every request is loaded so (accounts.backends): two queries fewer per request."""
        return self.annotate(**roles_and_groups_columns("pk"))


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Users must have an e-mail address")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("vetting_level", VettingLevel.SC)
        extra_fields.setdefault("vetting_expires", timezone.localdate().replace(year=timezone.localdate().year + 5))
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("e-mail address", unique=True)
    full_name = models.CharField(max_length=150)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="users")
    job_title = models.CharField(max_length=150, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    vetting_level = models.PositiveSmallIntegerField(choices=VettingLevel.choices)
    vetting_expires = models.DateField("vetting expiry date")
    is_active = models.BooleanField("active", default=True, help_text="A disabled account cannot sign in.")
    is_staff = models.BooleanField("Django admin access", default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name", "agency", "vetting_level", "vetting_expires"]

    class Meta:
        ordering = ["full_name", "email"]
        indexes = [models.Index(fields=["agency", "is_active"]), models.Index(fields=["vetting_expires"])]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    def save(self, *args, **kwargs):
        # Here rather than in a service so that every way of changing a password or disabling an account
        # (the pages, the Django admin, manage.py changepassword) ends the API tokens: a token is a
        # credential obtained with the old password, and a disabled account has none.
        password_changed = self._password is not None and not self._state.adding
        super().save(*args, **kwargs)
        if password_changed or not self.is_active:
            ApiToken.objects.filter(user_id=self.pk).delete()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def vetting_is_current(self):
        return self.vetting_expires is not None and self.vetting_expires >= timezone.localdate()

    @property
    def vetting_status(self):
        """ "expired", "expiring" (within VETTING_REMINDER_DAYS) or "current"."""
        today = timezone.localdate()
        if not self.vetting_is_current:
            return "expired"
        if (self.vetting_expires - today).days <= VETTING_REMINDER_DAYS:
            return "expiring"
        return "current"

    @property
    def role_codes(self):
        """The user's role codes, read once per request: loaded with the user where it was fetched
        `with_roles_and_groups()`, else one query (prefetch `user_roles` for lists)."""
        if not hasattr(self, "_role_codes"):
            loaded = self.__dict__.get("loaded_roles")
            if loaded is not None:
                self._role_codes = frozenset(row["code"] for row in loaded)
            else:
                self._role_codes = frozenset(r.role for r in self.user_roles.all())
        return self._role_codes

    @property
    def group_ids(self):
        """Ids of the user's groups in ascending order: loaded with the user where it was fetched
        `with_roles_and_groups()`, else one query."""
        loaded = self.__dict__.get("loaded_group_ids")
        if loaded is not None:
            return tuple(row["id"] for row in loaded)
        return tuple(self.groups.order_by("pk").values_list("pk", flat=True))

    def forget_loaded_roles_and_groups(self):
        """For code that changes the user's roles or groups and reads them again on the same object."""
        for name in ("_role_codes", "loaded_roles", "loaded_group_ids"):
            self.__dict__.pop(name, None)

    def has_role(self, *roles):
        return bool(self.role_codes.intersection(roles))

    def role_labels(self):
        return [Role(code).label for code in Role.values if code in self.role_codes]


class UserRole(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="user_roles")
    role = models.CharField(max_length=30, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role"]
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="userrole_unique_role_per_user")]
        indexes = [models.Index(fields=["role", "user"])]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}"


class ApiToken(AbstractAuthToken):
    """An API token (django-rest-knox): only the SHA-512 digest of the key is stored, with the first
    characters of the key that knox keeps for its own lookups. One per sign-in; each ends at `expiry`.
    The numeric id names it to its owner (listing and revoking) without revealing anything of the key."""

    id = models.BigAutoField(primary_key=True)
    digest = models.CharField(max_length=KNOX_CONSTANTS.DIGEST_LENGTH, unique=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = "API token"

    def __str__(self):
        return f"API token {self.pk} of user {self.user_id}"
