"""Form helpers shared by every app: GOV.UK Frontend classes on Django widgets."""

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
    register benchmark, README "Benchmarks"). Same HTML, flat choices or option groups. Every value and
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
