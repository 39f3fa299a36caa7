"""Forms of the accounts pages. They parse input; the rules are in services.user_problems, which
they call so a page reports every problem at once."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm
from django.core.exceptions import ValidationError

from agencies.models import Agency
from ocgshare.forms import GovUKDateField, GovUKFormMixin

from .models import Role, VettingLevel
from .services import REASON_MAX_LENGTH, normalise_email, user_problems

# One message whatever went wrong, so the page does not tell an attacker whether the account
# exists, is disabled or its vetting has expired.
SIGN_IN_ERROR = "Enter a correct e-mail address and password"


def _password_help_text():
    return " ".join(password_validation.password_validators_help_texts())


class SignInForm(GovUKFormMixin, AuthenticationForm):
    # Keeps the field name "username": django-axes reads AXES_USERNAME_FORM_FIELD from the POST.
    username = forms.EmailField(
        label="E-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false", "autofocus": True}),
        error_messages={"required": "Enter your e-mail address", "invalid": SIGN_IN_ERROR},
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )
    error_messages = {"invalid_login": SIGN_IN_ERROR, "inactive": SIGN_IN_ERROR}

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            # On the e-mail field, so the error summary links to it, as GOV.UK sign-in pages do.
            self.add_error("username", error)
            return self.cleaned_data

    def clean_username(self):
        # Lower case so that "Name@Force.police.uk" signs in, and is locked out, as the same account.
        return normalise_email(self.cleaned_data["username"])


class PasswordChangeForm(GovUKFormMixin, DjangoPasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["new_password1"].help_text = _password_help_text()
        self.fields["new_password2"].label = "Confirm the new password"


class _UserFieldsForm(GovUKFormMixin, forms.Form):
    """Fields shared by creating and editing a user."""

    full_name = forms.CharField(label="Full name", max_length=150, error_messages={"required": "Enter their full name"})
    job_title = forms.CharField(label="Job title (optional)", max_length=150, required=False)
    phone = forms.CharField(
        label="Telephone number (optional)",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off", "class": "govuk-input--width-20"}),
    )
    roles = forms.MultipleChoiceField(
        label="Roles",
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
        error_messages={"required": "Select at least one role"},
    )
    vetting_level = forms.TypedChoiceField(
        label="Vetting level",
        choices=VettingLevel.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select their vetting level"},
    )
    vetting_expires = GovUKDateField(
        label="Vetting expiry date",
        help_text="For example, 31 3 2027",
        error_messages={"required": "Enter their vetting expiry date"},
    )

    # Fields user_problems knows about; the rest are checked here.
    service_fields = ()

    def __init__(self, *args, actor, **kwargs):
        self.actor = actor
        super().__init__(*args, **kwargs)

    def service_values(self):
        return {name: self.cleaned_data[name] for name in self.service_fields if name in self.cleaned_data}

    def _report(self, problems):
        for name, messages in problems.items():
            for message in messages:
                self.add_error(name if name in self.fields else None, message)


class UserCreateForm(_UserFieldsForm):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        help_text="They sign in with it. Use their work address.",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": "Enter their e-mail address",
            "invalid": "Enter an e-mail address in the correct format, like name@example.gov.uk",
        },
    )
    password = forms.CharField(
        label="Initial password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter an initial password"},
    )
    password_confirmation = forms.CharField(
        label="Confirm the initial password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Confirm the initial password"},
    )
    field_order = [
        "agency",
        "email",
        "full_name",
        "job_title",
        "phone",
        "roles",
        "vetting_level",
        "vetting_expires",
        "password",
        "password_confirmation",
    ]
    service_fields = ("email", "full_name", "roles", "vetting_level", "vetting_expires", "password")

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, actor=actor, **kwargs)
        self.fields["password"].help_text = (
            _password_help_text() + " Give it to them securely; they should change it when they first sign in."
        )
        if actor.is_superuser:
            self.fields["agency"] = forms.ModelChoiceField(
                label="Agency",
                queryset=Agency.objects.order_by("name"),
                error_messages={"required": "Select the agency"},
            )
            self.order_fields(self.field_order)

    def clean(self):
        cleaned = super().clean()
        password, confirmation = cleaned.get("password"), cleaned.get("password_confirmation")
        if password and confirmation and password != confirmation:
            self.add_error("password_confirmation", "The passwords do not match")
        self._report(user_problems(actor=self.actor, **self.service_values()))
        return self.cleaned_data


class UserEditForm(_UserFieldsForm):
    is_active = forms.BooleanField(
        label="Account is active",
        required=False,
        help_text="A disabled account cannot sign in; anyone signed in with it is signed out.",
    )
    reason = forms.CharField(
        label="Reason for the change",
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed if you change their roles or vetting. It is kept in the access log.",
        error_messages={"max_length": f"The reason must be {REASON_MAX_LENGTH} characters or fewer"},
    )
    service_fields = ("full_name", "roles", "vetting_level", "vetting_expires", "is_active", "reason")
    # Not offered on one's own account: no one changes their own power (services.user_problems).
    OWN_ACCOUNT_LOCKED = ("roles", "vetting_level", "vetting_expires", "is_active", "reason")

    def __init__(self, *args, actor, user, **kwargs):
        self.user = user
        self.own_account = user.pk == actor.pk
        kwargs.setdefault(
            "initial",
            {
                "full_name": user.full_name,
                "job_title": user.job_title,
                "phone": user.phone,
                "roles": sorted(user.role_codes),
                "vetting_level": user.vetting_level,
                "vetting_expires": user.vetting_expires,
                "is_active": user.is_active,
            },
        )
        super().__init__(*args, actor=actor, **kwargs)
        if self.own_account:
            for name in self.OWN_ACCOUNT_LOCKED:
                del self.fields[name]

    def clean(self):
        super().clean()
        self._report(user_problems(actor=self.actor, user=self.user, **self.service_values()))
        return self.cleaned_data

    def changes(self):
        """Only what changed, so an unchanged vetting date or roles are not rewritten or notified."""
        return {
            name: self.cleaned_data[name]
            for name in self.changed_data
            if name in self.cleaned_data and name != "reason"
        }

    def change_reason(self):
        return self.cleaned_data.get("reason", "")

    @property
    def disables_account(self):
        return self.user.is_active and "is_active" in self.cleaned_data and not self.cleaned_data["is_active"]
