"""Forms of nominals: search, and the create and edit form."""

from django import forms

from ocgshare import bounds
from ocgshare.constants import InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from ocgshare.forms import GovUKFormMixin

from ..constants import RISK_CRITERIA, Gender, RiskLevel
from ..selectors.common import MAX_SEARCH_LENGTH
from .common import _date_field, _lines


class SearchForm(GovUKFormMixin, forms.Form):
    q = forms.CharField(
        label="Name, alias, identifier or date of birth",
        max_length=MAX_SEARCH_LENGTH,
        required=False,
        help_text="For example: Smith John, A1234BC, 01/123456X, X123456 or 17/05/1990. Misspelt names are found too.",
    )


class NominalForm(GovUKFormMixin, forms.Form):
    surname = forms.CharField(label="Surname", max_length=100, required=False)
    forenames = forms.CharField(label="Forenames", max_length=150, required=False)
    aliases = forms.CharField(
        label="Aliases (optional)",
        required=False,
        max_length=bounds.DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line, surname first: Smith, John",
    )
    date_of_birth = _date_field("Date of birth (optional)", autocomplete="bday")
    gender = forms.ChoiceField(label="Gender", choices=Gender.choices, initial=Gender.UNKNOWN)
    nationality = forms.CharField(label="Nationality (optional)", max_length=100, required=False)
    pnc_id = forms.CharField(
        label="PNC ID (optional)", max_length=20, required=False, help_text="For example 01/123456X."
    )
    prison_number = forms.CharField(
        label="Prison number (optional)", max_length=20, required=False, help_text="For example A1234BC."
    )
    crn = forms.CharField(
        label="Probation case reference (CRN) (optional)",
        max_length=20,
        required=False,
        help_text="For example X123456.",
    )
    other_identifiers = forms.CharField(
        label="Other identifiers (optional)",
        required=False,
        max_length=bounds.DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line, what it is then the value: National Insurance number: QQ123456C",
    )
    # No level or category is chosen in advance: each is a judgement the person recording must make (the
    # API keeps the model's documented defaults for systems that send neither).
    risk_level = forms.ChoiceField(
        label="Risk level",
        choices=RiskLevel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a risk level"},
    )
    threat_areas = forms.MultipleChoiceField(
        label="Threat areas (optional)",
        required=False,
        choices=ThreatAreaChoice.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    category = forms.ChoiceField(
        label="Category of information",
        choices=InformationCategory.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a category of information"},
        help_text="A partner sees the record only under a protocol covering this category.",
    )
    handling_notes = forms.CharField(
        label="Handling notes (optional)",
        required=False,
        max_length=bounds.NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Tier 0: seen only by your agency's intelligence staff, never shared.",
    )

    # Risk level radios are drawn by the template with each level's criteria as its hint.
    risk_criteria = {level.value: RISK_CRITERIA[level] for level in RiskLevel}

    @classmethod
    def initial_for(cls, nominal):
        return {
            **{name: getattr(nominal, name) for name in cls.base_fields if hasattr(nominal, name)},
            "aliases": "\n".join(
                f"{alias.surname}, {alias.forenames}" if alias.forenames else alias.surname
                for alias in nominal.aliases.all()
            ),
            "other_identifiers": "\n".join(f"{i.kind}: {i.value}" for i in nominal.other_identifiers.all()),
            "threat_areas": [area.code for area in nominal.threat_areas.all()],
        }

    def clean_aliases(self):
        aliases = []
        for line in _lines(self.cleaned_data.get("aliases")):
            surname, _, forenames = line.partition(",")
            aliases.append({"surname": surname.strip(), "forenames": forenames.strip()})
        return aliases

    def clean_other_identifiers(self):
        identifiers = []
        for number, line in enumerate(_lines(self.cleaned_data.get("other_identifiers")), start=1):
            kind, separator, value = line.rpartition(":")
            if not separator or not kind.strip() or not value.strip():
                raise forms.ValidationError(
                    f"Identifier {number}: write what it is, a colon, then the value, like Passport number: 123456789"
                )
            identifiers.append({"kind": kind.strip(), "value": value.strip()})
        return identifiers
