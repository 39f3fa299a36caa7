from django import forms

from ocgshare.forms import GovUKFormMixin, LightSelect


class ExampleForm(GovUKFormMixin, forms.Form):
    agency = forms.ChoiceField(
        label="Agency", required=False, help_text="Pick one.", choices=[("", "Any"), ("1", "Smith & Co"), ("2", "<b>")]
    )
    grouped = forms.ChoiceField(label="Grouped", choices=[("Prisons", [("3", "HMP A")]), ("4", "Other")])


def test_plain_selects_become_light_selects_with_govuk_classes():
    form = ExampleForm()
    assert all(isinstance(field.widget, LightSelect) for field in form.fields.values())
    html = str(form["agency"])
    assert html.startswith('<select name="agency" aria-describedby="id_agency_helptext" class="govuk-select"')
    assert '<option value="" selected>Any</option>' in html


def test_light_select_escapes_labels_and_marks_the_chosen_value():
    form = ExampleForm({"agency": "1", "grouped": "3"})
    agency, grouped = str(form["agency"]), str(form["grouped"])
    assert '<option value="1" selected>Smith &amp; Co</option>' in agency
    assert '<option value="2">&lt;b&gt;</option>' in agency
    assert agency.count(" selected") == 1
    assert '<optgroup label="Prisons"><option value="3" selected>HMP A</option></optgroup>' in grouped


def test_an_invalid_choice_marks_the_select_as_in_error():
    form = ExampleForm({"agency": "99", "grouped": "4"})
    assert not form.is_valid()
    assert "govuk-select--error" in str(form["agency"])


def test_light_select_escapes_values_and_group_labels():
    widget = LightSelect(choices=[('"><script>', [('a"b', "A")]), ("c'd", "<i>C</i>")])
    html = widget.render("pick", 'a"b')
    assert '<optgroup label="&quot;&gt;&lt;script&gt;">' in html
    assert '<option value="a&quot;b" selected>A</option>' in html
    assert '<option value="c&#x27;d">&lt;i&gt;C&lt;/i&gt;</option>' in html
    assert "<script>" not in html and "<i>" not in html
