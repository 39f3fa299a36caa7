"""Forms adding to a nominal's custody, supervision and orders."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from records.pages import child_form, reader_required
from records.views import own_record

from ..forms.custody import CustodyEpisodeForm, OrderForm, ReleaseForm, SupervisionForm, TransferForm
from ..models import Nominal
from ..services import custody as custody_services


@require_http_methods(["GET", "POST"])
@reader_required
def custody_add(request, pk):
    nominal = own_record(request, Nominal, pk)
    return child_form(
        request,
        nominal,
        form_class=CustodyEpisodeForm,
        heading="Record a custody episode",
        success="Custody episode recorded.",
        save=lambda data: custody_services.custody_episode_add(actor=request.user, nominal=nominal, **data),
    )


def _open_episode(nominal):
    return nominal.custody_episodes.filter(released_on=None).select_related("nominal").first()


@require_http_methods(["GET", "POST"])
@reader_required
def custody_release(request, pk):
    nominal = own_record(request, Nominal, pk)
    episode = _open_episode(nominal)
    if episode is None:
        messages.info(request, "This nominal is not in custody.")
        return redirect("nominals:nominal-detail", pk=pk)
    return child_form(
        request,
        nominal,
        form_class=ReleaseForm,
        heading="Record a release",
        success="Release recorded.",
        save=lambda data: custody_services.custody_episode_update(actor=request.user, episode=episode, **data),
    )


@require_http_methods(["GET", "POST"])
@reader_required
def transfer_add(request, pk):
    nominal = own_record(request, Nominal, pk)
    episode = _open_episode(nominal)
    if episode is None:
        messages.info(request, "Record a custody episode first: this nominal is not in custody.")
        return redirect("nominals:nominal-detail", pk=pk)
    return child_form(
        request,
        nominal,
        form_class=TransferForm,
        heading="Record a transfer",
        success="Transfer recorded.",
        save=lambda data: custody_services.transfer_record(actor=request.user, custody_episode=episode, **data),
    )


@require_http_methods(["GET", "POST"])
@reader_required
def supervision_add(request, pk):
    nominal = own_record(request, Nominal, pk)
    return child_form(
        request,
        nominal,
        form_class=SupervisionForm,
        heading="Record probation supervision",
        success="Supervision recorded.",
        save=lambda data: custody_services.supervision_add(actor=request.user, nominal=nominal, **data),
    )


@require_http_methods(["GET", "POST"])
@reader_required
def order_add(request, pk):
    nominal = own_record(request, Nominal, pk)
    return child_form(
        request,
        nominal,
        form_class=OrderForm,
        heading="Record a lifetime-management order",
        success="Order recorded.",
        save=lambda data: custody_services.order_add(actor=request.user, nominal=nominal, **data),
    )
