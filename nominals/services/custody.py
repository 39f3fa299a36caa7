"""Writes of custody episodes, transfers, probation supervision and lifetime orders. Each keeps the
nominal's current establishment and is logged on its nominal."""

from django.db import transaction

from ocgshare.models import AccessAction, AccessSurface
from records.services import require_register_staff

from ..constants import CustodyCategory
from ..models import CustodyEpisode, LifetimeOrder, Nominal, ProbationSupervision, Transfer
from .change_log import _changed_fields, _fields_changed, _log_change
from .common import _problems, _raise_if


def _current_location(episode):
    last = episode.transfers.order_by("-transferred_on", "-id").first()
    return last.to_establishment if last else episode.establishment


def _refresh_custody(nominal):
    """Keep `current_establishment` (denormalised for list filters and hotspot counts) true."""
    open_episode = nominal.custody_episodes.filter(released_on=None).select_related("establishment").first()
    establishment = _current_location(open_episode) if open_episode else None
    if nominal.current_establishment_id != (establishment.pk if establishment else None):
        nominal.current_establishment = establishment
        nominal.save(update_fields=["current_establishment", "updated_at"])


@transaction.atomic
def custody_episode_add(
    *,
    actor,
    nominal,
    establishment,
    received_on,
    prison_number="",
    category=CustodyCategory.UNCATEGORISED,
    released_on=None,
    expected_release_date=None,
    licence_end_date=None,
    surface=AccessSurface.PAGE,
):
    require_register_staff(actor, nominal.owning_agency_id, what="nominals")
    nominal = Nominal.objects.select_for_update().get(pk=nominal.pk)
    episode = CustodyEpisode(
        nominal=nominal,
        establishment=establishment,
        received_on=received_on,
        prison_number=prison_number or "",
        category=category,
        released_on=released_on,
        expected_release_date=expected_release_date,
        licence_end_date=licence_end_date,
    )
    errors = _problems(episode)
    if released_on is None and nominal.custody_episodes.filter(released_on=None).exists():
        errors.setdefault("released_on", []).append(
            "This nominal is already in custody: record their release from that episode first"
        )
    _raise_if(errors)
    episode.save()
    what = "custody episode added"
    if episode.prison_number and not nominal.prison_number:
        nominal.prison_number = episode.prison_number
        nominal.save(update_fields=["prison_number", "updated_at"])
        what += "; fields changed: prison_number"
    _refresh_custody(nominal)
    _log_change(actor=actor, action=AccessAction.ALTER, surface=surface, obj=nominal, what=what)
    return episode


@transaction.atomic
def custody_episode_update(*, actor, episode, surface=AccessSurface.PAGE, **changes):
    """Record a release, or correct the dates, category or prison number of an episode. When nothing
    changes, nothing is written."""
    allowed = {"released_on", "expected_release_date", "licence_end_date", "category", "prison_number"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"custody_episode_update cannot change {', '.join(sorted(unknown))}")
    require_register_staff(actor, episode.nominal.owning_agency_id, what="nominals")
    episode = CustodyEpisode.objects.select_for_update().select_related("nominal").get(pk=episode.pk)
    before = {name: getattr(episode, name) for name in changes}
    for name, value in changes.items():
        setattr(episode, name, value)
    errors = _problems(episode)
    if episode.released_on:
        late = episode.transfers.filter(transferred_on__gt=episode.released_on).exists()
        if late:
            errors.setdefault("released_on", []).append("The release date must be after the last transfer")
    _raise_if(errors)
    changed = _changed_fields(episode, before)
    if not changed:
        return episode
    episode.save()
    _refresh_custody(episode.nominal)
    _log_change(
        actor=actor,
        action=AccessAction.ALTER,
        surface=surface,
        obj=episode.nominal,
        what=_fields_changed(changed, prefix="custody episode changed"),
    )
    return episode


@transaction.atomic
def transfer_record(*, actor, custody_episode, to_establishment, transferred_on, reason="", surface=AccessSurface.PAGE):
    """A move from where the nominal is now to `to_establishment`, during an episode."""
    episode = CustodyEpisode.objects.select_for_update().select_related("nominal").get(pk=custody_episode.pk)
    require_register_staff(actor, episode.nominal.owning_agency_id, what="nominals")
    transfer = Transfer(
        custody_episode=episode,
        from_establishment=_current_location(episode),
        to_establishment=to_establishment,
        transferred_on=transferred_on,
        reason=(reason or "").strip(),
    )
    errors = _problems(transfer)
    last = episode.transfers.order_by("-transferred_on").first()
    if last and transferred_on and transferred_on < last.transferred_on and "transferred_on" not in errors:
        errors["transferred_on"] = ["The transfer date must be on or after the previous transfer"]
    _raise_if(errors)
    transfer.save()
    _refresh_custody(episode.nominal)
    _log_change(actor=actor, action=AccessAction.ALTER, surface=surface, obj=episode.nominal, what="transfer recorded")
    return transfer


@transaction.atomic
def supervision_add(
    *,
    actor,
    nominal,
    region,
    starts_on,
    offender_manager="",
    ends_on=None,
    licence_conditions="",
    surface=AccessSurface.PAGE,
):
    require_register_staff(actor, nominal.owning_agency_id, what="nominals")
    supervision = ProbationSupervision(
        nominal=nominal,
        region=region,
        starts_on=starts_on,
        ends_on=ends_on,
        offender_manager=(offender_manager or "").strip(),
        licence_conditions=(licence_conditions or "").strip(),
    )
    _raise_if(_problems(supervision))
    supervision.save()
    _log_change(
        actor=actor, action=AccessAction.ALTER, surface=surface, obj=nominal, what="probation supervision added"
    )
    return supervision


@transaction.atomic
def order_add(*, actor, nominal, kind, conditions, made_on, expires_on=None, surface=AccessSurface.PAGE):
    require_register_staff(actor, nominal.owning_agency_id, what="nominals")
    order = LifetimeOrder(nominal=nominal, kind=kind, conditions=conditions, made_on=made_on, expires_on=expires_on)
    _raise_if(_problems(order))
    order.save()
    _log_change(actor=actor, action=AccessAction.ALTER, surface=surface, obj=nominal, what="order added")
    return order
