"""Forms adding associations between nominals and entities linked to a nominal or OCG."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.views.decorators.http import require_http_methods

from records.pages import child_form, reader_required
from records.views import own_record

from ..forms.entities import AssociationForm, EntityLinkForm
from ..models import Nominal
from ..selectors import common as shared_selectors
from ..services import entities as entity_services


@require_http_methods(["GET", "POST"])
@reader_required
def association_add(request, pk):
    nominal = own_record(request, Nominal, pk)

    def save(data):
        data = dict(data)
        # Unknown and unseen numbers both reach the service as None: its refusal names neither.
        other = shared_selectors.visible_or_none(request.user, Nominal, data.pop("other"))
        entity_services.association_add(actor=request.user, nominal_a=nominal, nominal_b=other, **data)

    return child_form(
        request,
        nominal,
        form_class=AssociationForm,
        heading="Record an association",
        success="Association recorded.",
        save=save,
        field_map={"nominal_b": "other", "nominal_a": "other"},
    )


@require_http_methods(["GET", "POST"])
@reader_required
def entity_add(request, pk):
    nominal = own_record(request, Nominal, pk)

    @transaction.atomic
    def save(data):
        # One transaction: a link refused leaves no new entity behind.
        entity_fields = {name: data.pop(name) for name in EntityLinkForm.ENTITY_FIELDS}
        entity = entity_services.entity_create(actor=request.user, **entity_fields)
        entity_services.entity_link(actor=request.user, entity=entity, nominal=nominal, **data)

    return child_form(
        request,
        nominal,
        form_class=EntityLinkForm,
        heading="Link an address, vehicle, phone, business or bank account",
        success="Linked.",
        save=lambda data: save(dict(data)),
        field_map={"nominal": NON_FIELD_ERRORS},
    )
