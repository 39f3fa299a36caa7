"""Form helpers shared by every app: GOV.UK Frontend classes on Django widgets."""

import datetime
from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe

WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.DateInput: "govuk-input govuk-input--width-10",
    forms.EmailInput: "govuk-input",
    forms.PasswordInput: "govuk-input govuk-input--width-20",
    forms.NumberInput: "govuk-input govuk-input--width-5",
    forms.TextInput: "govuk-input",
}


class LightSelect(forms.Select):
    """A single select rendered in Python. Django renders each option through a template of its own,
    which for a filter of a hundred agencies and a hundred prisons was most of a list page's time (the
    register benchmark, benchmarks/README.md). Same HTML, flat choices or option groups. Every value and
    label goes through `escape` (the standard library's html.escape, which Django's escaping applies)."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        selected = self.format_value(value)[:1]  # a single select shows one value chosen
        options = []
        for group, choices in self._grouped_choices():
            rendered = "".join(
                f'<option value="{escape(option)}"{" selected" if [option] == selected else ""}>'
                f"{escape(str(label))}</option>"
                for option, label in ((str(v) if v is not None else "", label) for v, label in choices)
            )
            options.append(f'<optgroup label="{escape(str(group))}">{rendered}</optgroup>' if group else rendered)
        return mark_safe(f'<select name="{escape(name)}"{flatatt(final_attrs)}>{"".join(options)}</select>')  # noqa: S308

    def _grouped_choices(self):
        flat = []
        for value, label in self.choices:
            if isinstance(label, list | tuple):
                if flat:
                    yield None, flat
                    flat = []
                yield value, label
            else:
                flat.append((value, label))
        if flat:
            yield None, flat


class GovUKFormMixin:
    """Adds GOV.UK classes to widgets and marks invalid fields, so templates can render
    `{% include "includes/field.html" %}` for any field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field.widget) is forms.Select:
                field.widget = LightSelect(attrs=field.widget.attrs, choices=field.widget.choices)
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue
            for widget_class, css in WIDGET_CLASSES.items():
                if isinstance(widget, widget_class):
                    widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
                    break

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                error_class = {
                    "govuk-select": "govuk-select--error",
                    "govuk-textarea": "govuk-textarea--error",
                }.get(widget.attrs.get("class", "").split(" ")[0], "govuk-input--error")
                if error_class not in widget.attrs.get("class", ""):
                    widget.attrs["class"] = f"{widget.attrs.get('class', '')} {error_class}".strip()


DATE_PARTS = ("day", "month", "year")


class GovUKDateInput(forms.Widget):
    """The GOV.UK date input: day, month and year as three text boxes named `<name>-day`, `<name>-month`
    and `<name>-year` (the browser's date picker shows Chromium users mm/dd/yyyy). A query string or an
    API client may still send the whole date as `<name>=YYYY-MM-DD`, so links made before keep working.
    `error_parts` are the boxes GovUKDateField found wrong; with none named, an error marks all three."""

    template_name = ""  # rendered in Python, as LightSelect
    autocomplete = ""  # "bday" for a date of birth: the browser offers bday-day, bday-month, bday-year

    def __init__(self, attrs=None, *, autocomplete=""):
        super().__init__(attrs)
        self.autocomplete = autocomplete
        self.error_parts = ()

    def value_from_datadict(self, data, files, name):
        if any(f"{name}-{part}" in data for part in DATE_PARTS):
            return {part: data.get(f"{name}-{part}", "") for part in DATE_PARTS}
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and not any(f"{name}-{part}" in data for part in DATE_PARTS)

    def id_for_label(self, id_):
        # The error summary links to the first box in error, the label to the day.
        return f"{id_}-{next(iter(self.error_parts), 'day')}" if id_ else id_

    def format_value(self, value):
        if isinstance(value, dict):
            return {part: str(value.get(part) or "") for part in DATE_PARTS}
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value.strip())
            except ValueError:
                return dict.fromkeys(DATE_PARTS, "")
        if isinstance(value, datetime.date):
            return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
        return dict.fromkeys(DATE_PARTS, "")

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        id_ = final_attrs.get("id") or name
        invalid = final_attrs.get("aria-invalid") == "true"
        wrong = set(self.error_parts) or (set(DATE_PARTS) if invalid else set())
        values = self.format_value(value)
        items = []
        for part in DATE_PARTS:
            css = f"govuk-input govuk-date-input__input govuk-input--width-{4 if part == 'year' else 2}"
            if part in wrong:
                css += " govuk-input--error"
            autocomplete = f' autocomplete="{self.autocomplete}-{part}"' if self.autocomplete else ""
            items.append(
                '<div class="govuk-date-input__item"><div class="govuk-form-group">'
                f'<label class="govuk-label govuk-date-input__label" for="{escape(id_)}-{part}">'
                f"{part.capitalize()}</label>"
                f'<input class="{css}" id="{escape(id_)}-{part}" name="{escape(name)}-{part}" type="text" '
                f'inputmode="numeric"{autocomplete} value="{escape(values[part])}"></div></div>'
            )
        return mark_safe(f'<div class="govuk-date-input" id="{escape(id_)}">{"".join(items)}</div>')  # noqa: S308


class GovUKDateField(forms.Field):
    """A date from GovUKDateInput, with the GOV.UK date input's error messages ("Date of birth must include
    a month", "... must be a real date") and the boxes in error marked. `name` is how messages call the
    date (the label without "(optional)" unless given). Whether a date is plausible (in the past, after
    another) is the model's rule (ocgshare.bounds), so the form shows it with every other problem."""

    widget = GovUKDateInput

    def __init__(self, *, name="", autocomplete="", **kwargs):
        self.required_message = (kwargs.get("error_messages") or {}).get("required")
        super().__init__(**kwargs)
        self.name = name or str(self.label or "Date").removesuffix(" (optional)")
        if autocomplete:
            self.widget.autocomplete = autocomplete

    @property
    def _lower_name(self):
        return f"{self.name[:1].lower()}{self.name[1:]}"

    def _refuse(self, message, parts, code):
        self.widget.error_parts = tuple(parts)
        raise forms.ValidationError(message, code=code)

    def to_python(self, value):
        self.widget.error_parts = ()
        if isinstance(value, datetime.date):
            return value
        if not isinstance(value, dict):
            if value in self.empty_values or not str(value).strip():
                return None
            try:
                return datetime.date.fromisoformat(str(value).strip())
            except ValueError:
                self._refuse(f"{self.name} must be a real date", DATE_PARTS, "invalid")
        given = {part: str(value.get(part) or "").strip() for part in DATE_PARTS}
        if not any(given.values()):
            return None
        missing = [part for part in DATE_PARTS if not given[part]]
        if missing:
            wanted = " and ".join(missing) if len(missing) == 2 else missing[0]
            self._refuse(f"{self.name} must include a {wanted}", missing, "incomplete")
        not_numbers = [part for part in DATE_PARTS if not (given[part].isascii() and given[part].isdigit())]
        if not_numbers:
            self._refuse(f"{self.name} must be a real date", not_numbers, "invalid")
        if len(given["year"]) != 4:
            self._refuse(f"The year of {self._lower_name} must include 4 numbers", ["year"], "invalid")
        day, month, year = (int(given[part]) for part in DATE_PARTS)
        if not 1 <= month <= 12:
            self._refuse(f"{self.name} must be a real date", ["month"], "invalid")
        try:
            return datetime.date(year, month, day)
        except ValueError:
            self._refuse(f"{self.name} must be a real date", ["day"], "invalid")

    def validate(self, value):
        if value is None and self.required:
            self._refuse(self.required_message or f"Enter {self._lower_name}", DATE_PARTS, "required")
