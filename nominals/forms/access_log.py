"""The access log's filters (display only). Used by ocgshare.audit_views."""

from django import forms

from accounts.models import User
from agencies.models import Agency
from ocgshare.forms import GovUKFormMixin
from ocgshare.models import AccessAction

from .common import _date_field


class AccessLogFilterForm(GovUKFormMixin, forms.Form):
    """Filters of the access log page; ocgshare.audit.access_log_filters_from parses the same parameters.
    The view (ours users' reads or reads of our records) is a separate parameter, kept by the page."""

    user = forms.ChoiceField(label="User", required=False)
    agency = forms.ChoiceField(label="Records of", required=False)
    object_type = forms.ChoiceField(
        label="Item type",
        required=False,
        choices=[
            ("", "Any"),
            ("nominal", "Nominal"),
            ("ocg", "OCG"),
            ("entity", "Entity"),
            ("association", "Association"),
        ],
    )
    object_id = forms.IntegerField(
        label="Item number",
        required=False,
        min_value=1,
        help_text="With an item type: views of the item and the lists and searches that showed it.",
    )
    action = forms.ChoiceField(label="Action", required=False, choices=[("", "Any action"), *AccessAction.choices])
    date_from = _date_field("From")
    date_to = _date_field("To")

    def __init__(self, *args, agency, our_records=False, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = [(str(pk), name) for pk, name in Agency.objects.order_by("name").values_list("pk", "name")]
        users_of, anyone = agency, "Anyone in your agency"
        if our_records:
            # Readers from any agency: the users of the agency chosen (a list of everyone would be too long).
            self.fields["agency"].label = "Reader's agency"
            self.fields["agency"].choices = [("", "Any agency"), *agencies]
            chosen = (self.data.get("agency") or "").strip()
            users_of = int(chosen) if chosen in dict(agencies) else None
            anyone = "Anyone in that agency" if users_of else "Anyone (choose an agency to list its users)"
        else:
            self.fields["agency"].choices = [("", "Any agency"), *agencies]
            self.fields["agency"].help_text = "Entries that showed records this agency owns."
        users = User.objects.filter(agency=users_of).order_by("full_name", "pk").values_list("pk", "full_name", "email")
        self.fields["user"].choices = [
            ("", anyone),
            *((str(pk), f"{name} ({email})") for pk, name, email in (users if users_of else ())),
        ]
        self.fields["object_id"].widget.attrs["class"] += " govuk-input--width-10"
