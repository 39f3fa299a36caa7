"""Writes of protocols: creation from the template, local edits, parties, the signature and status
lifecycle, the django-guardian grants an active protocol holds, agency groups, and reminders.

Lifecycle: draft → awaiting signatures → active → suspended or expired. A protocol becomes active
when the last party signs and today is within its dates (or, if its start date is still to come,
when `protocol_refresh_status` runs on that date). Suspension is reversed by reinstatement; an
expired protocol is renewed by giving it new dates, which returns it to draft so the parties sign
the new term.

Grants: while a protocol is active, each party agency's group holds one
`receive_tier<N>_<category>` permission on the protocol per category the party may receive
(ProtocolGroupObjectPermission rows). Activating or stopping a protocol therefore writes or deletes
exactly parties × categories rows, however many records are released under it.
"""

import calendar
import datetime

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from notifications.models import EventType
from notifications.services import notification_actions_done, notify
from ocgshare import bounds
from ocgshare.constants import InformationCategory

from .constants import RECEIVE_PERMISSIONS, REMINDER_DAYS, ProtocolStatus, highest_tier_for_kind, receive_codename
from .models import (
    Protocol,
    ProtocolGroupObjectPermission,
    ProtocolParty,
    ProtocolPartyCategory,
    ProtocolTemplate,
)
from .permissions import can_sign_for, require_create, require_edit, require_manage, require_signatory
from .sections import SECTION_FIELDS, changed_section_keys

AGENCY_GROUP_PREFIX = "agency:"
EDITABLE_FIELDS = frozenset({"reference", "title", "start_date", "end_date", "review_date", *SECTION_FIELDS})


# Agency groups ---------------------------------------------------------------------------------


def agency_group_name(agency_id):
    return f"{AGENCY_GROUP_PREFIX}{agency_id}"


def agency_id_of_group(name):
    """The agency id an agency group's name stands for, or None for any other group."""
    agency_id = name.removeprefix(AGENCY_GROUP_PREFIX) if name.startswith(AGENCY_GROUP_PREFIX) else ""
    return int(agency_id) if agency_id.isascii() and agency_id.isdigit() else None


def agency_group(agency):
    """The Django group standing for an agency: protocol grants go to it, and every user of the
    agency is a member (kept so by `agency_group_membership_sync`)."""
    group, _ = Group.objects.get_or_create(name=agency_group_name(agency.pk))
    return group


def agency_group_membership_sync(*, user):
    """Make `user` a member of their agency's group and of no other agency's group.

    Called by the post_save signal on User (protocols/signals.py), so users created or moved to
    another agency by any code path are right; the protocols data migration did the same for
    users that existed before it.
    """
    group, _ = Group.objects.get_or_create(name=agency_group_name(user.agency_id))
    stale = user.groups.filter(name__startswith=AGENCY_GROUP_PREFIX).exclude(pk=group.pk)
    if stale:
        user.groups.remove(*stale)
    user.groups.add(group)  # a no-op when already a member
    user.forget_loaded_roles_and_groups()


# Helpers -----------------------------------------------------------------------------------------


def add_months(day, months):
    """`day` plus `months` calendar months, the last day of a shorter month if need be; date.max past
    the calendar's end (the validation of the dates then explains what is wrong with them)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if year > datetime.MAXYEAR:
        return datetime.date.max
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _require_status(protocol, statuses, message):
    if protocol.status not in statuses:
        raise ValidationError({NON_FIELD_ERRORS: [message]})


def _locked(protocol):
    """The protocol re-read under a row lock, so two concurrent transitions cannot both apply."""
    return Protocol.objects.select_for_update().get(pk=protocol.pk)


def _parties(protocol):
    return list(
        protocol.parties.select_related("agency", "agency__spoc", "signatory").prefetch_related(
            Prefetch("categories", queryset=ProtocolPartyCategory.objects.order_by("category"))
        )
    )


def _set_status(protocol, status):
    protocol.status = status
    protocol.status_changed_at = timezone.now()


def _detail_url(protocol):
    return reverse("protocols:detail", kwargs={"pk": protocol.pk})


def _contacts(parties):
    """Who hears about a protocol's lifecycle: each party's signatory and single point of contact."""
    people = {}
    for party in parties:
        for person in (party.signatory, party.agency.spoc):
            if person is not None and person.is_active:
                people.setdefault(person.pk, person)
    return list(people.values())


def _notify_all(recipients, *, event_type, protocol, title, body="", dedupe_key="", action_key=""):
    for recipient in recipients:
        notify(
            recipient=recipient,
            event_type=event_type,
            title=title,
            body=body,
            url=_detail_url(protocol),
            dedupe_key=dedupe_key,
            action_key=action_key,
        )


# The actions notifications ask for: a request stays open until the service doing the action (or
# ending the need for it) marks it done, in the same transaction.


def sign_action_key(protocol, agency_id):
    """The action of signing `protocol` for one party agency (whoever of that agency may sign)."""
    return f"protocol:{protocol.pk}:sign:{agency_id}"


def review_action_key(protocol):
    """The action of recording a review of `protocol` (whichever review date was reminded of)."""
    return f"protocol:{protocol.pk}:review"


def _signature_requests_done(protocol, parties, outcome):
    notification_actions_done(
        action_keys=[sign_action_key(protocol, party.agency_id) for party in parties], outcome=outcome
    )


def _check_dates_ahead(protocol, errors):
    today = timezone.localdate()
    if protocol.end_date and protocol.end_date < today and "end_date" not in errors:
        errors["end_date"] = "The end date must be today or in the future"


# Grants ------------------------------------------------------------------------------------------


def _receive_permissions():
    content_type = ContentType.objects.get_for_model(Protocol)
    return {
        p.codename: p
        for p in Permission.objects.filter(content_type=content_type, codename__in=list(RECEIVE_PERMISSIONS))
    }


def _grants_apply(protocol, parties):
    """Give each party agency's group its receive permissions on the protocol; returns rows written."""
    _grants_revoke(protocol)
    permissions = _receive_permissions()
    rows = []
    for party in parties:
        group = agency_group(party.agency)
        for party_category in party.categories.all():
            rows.append(
                ProtocolGroupObjectPermission(
                    group=group,
                    content_object=protocol,
                    permission=permissions[receive_codename(party.max_tier, party_category.category)],
                    tier=party.max_tier,
                    category=party_category.category,
                )
            )
    ProtocolGroupObjectPermission.objects.bulk_create(rows)
    return len(rows)


def grants_write(protocol):
    """(Re)write the grant rows of an ACTIVE protocol from its parties, exactly as activation does; returns
    the rows written. For loaders that create protocols already active (manage.py generate_dataset)."""
    if protocol.status != ProtocolStatus.ACTIVE:
        raise ValueError(f"Only an active protocol holds grants; {protocol.reference} is {protocol.status}")
    return _grants_apply(protocol, _parties(protocol))


def _grants_revoke(protocol):
    """Remove every grant the protocol holds; returns rows deleted."""
    deleted, _ = ProtocolGroupObjectPermission.objects.filter(content_object=protocol).delete()
    return deleted


def _activate(protocol, parties):
    _set_status(protocol, ProtocolStatus.ACTIVE)
    protocol.suspension_reason = ""
    protocol.save(update_fields=["status", "status_changed_at", "suspension_reason", "updated_at"])
    _grants_apply(protocol, parties)
    _notify_all(
        _contacts(parties),
        event_type=EventType.PROTOCOL_ACTIVATED,
        protocol=protocol,
        title=f"Protocol {protocol.reference} is now active",
        body=f"Every party has signed “{protocol.title}”. Information is now shared under it until "
        f"{protocol.end_date:%-d %B %Y}.",
    )


def _activate_if_ready(protocol, parties, today):
    if all(party.is_signed for party in parties) and protocol.is_within_dates(today):
        _activate(protocol, parties)
        return True
    return False


def _stop(protocol, parties, *, status):
    was_awaiting = protocol.status == ProtocolStatus.AWAITING_SIGNATURES
    _set_status(protocol, status)
    protocol.save(update_fields=["status", "status_changed_at", "suspension_reason", "updated_at"])
    _grants_revoke(protocol)
    if was_awaiting:
        _signature_requests_done(protocol, parties, "No longer needed: the protocol expired before every party signed")
    if status == ProtocolStatus.EXPIRED:
        # A suspended protocol is still reviewed; an expired one is renewed instead.
        notification_actions_done(
            action_keys=[review_action_key(protocol)], outcome="No longer needed: the protocol expired"
        )


# Creation and local edits ---------------------------------------------------------------------


def template_current():
    return ProtocolTemplate.objects.filter(is_current=True).first()


@transaction.atomic
def protocol_create_from_template(*, actor, reference, title, start_date, end_date, review_date=None, template=None):
    """A new draft protocol led by the actor's agency, with every section copied from the template
    and the lead agency as its first party."""
    require_create(actor)
    template = template or template_current()
    if template is None:
        raise ValidationError({"template": ["There is no protocol template to start from"]})
    protocol = Protocol(
        template=template,
        reference=(reference or "").strip(),
        title=(title or "").strip(),
        lead_agency=actor.agency,
        start_date=start_date,
        end_date=end_date,
        review_date=review_date,
        created_by=actor,
        **{name: getattr(template, name) for name in SECTION_FIELDS},
    )
    if protocol.review_date is None and start_date and end_date:
        protocol.review_date = min(add_months(start_date, template.review_interval_months), end_date)
    errors = {}
    try:
        protocol.full_clean(validate_constraints=False)
    except ValidationError as exc:
        errors = exc.message_dict
    _check_dates_ahead(protocol, errors)
    if errors:
        raise ValidationError(errors)
    protocol.save()
    lead = ProtocolParty.objects.create(
        protocol=protocol,
        agency=actor.agency,
        max_tier=highest_tier_for_kind(actor.agency.kind),
        signatory=actor if actor.has_role(Role.AGENCY_ADMIN) else None,
    )
    ProtocolPartyCategory.objects.bulk_create(
        ProtocolPartyCategory(party=lead, category=category) for category in protocol.data_categories
    )
    return protocol


@transaction.atomic
def protocol_update(*, actor, protocol, **changes):
    """Change a draft's sections, title, reference or dates; records which sections now differ
    from the template."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"protocol_update cannot change {', '.join(sorted(unknown))}")
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.DRAFT}, "Only a draft protocol can be changed.")
    for name, value in changes.items():
        setattr(protocol, name, value.strip() if isinstance(value, str) else value)
    errors = {}
    try:
        protocol.full_clean(validate_constraints=False)
    except ValidationError as exc:
        errors = exc.message_dict
    _check_dates_ahead(protocol, errors)
    if "data_categories" not in errors:
        dropped = set(InformationCategory.values) - set(protocol.data_categories)
        receiving = (
            ProtocolPartyCategory.objects.filter(party__protocol=protocol, category__in=dropped)
            .select_related("party__agency")
            .order_by("party__agency__name", "category")
        )
        problems = [f"{row.party.agency.name} receives {row.get_category_display().lower()}" for row in receiving]
        if problems:
            errors["data_categories"] = [
                f"Remove these from the parties before taking the category out of the protocol: {'; '.join(problems)}"
            ]
    if errors:
        raise ValidationError(errors)
    protocol.changed_sections = changed_section_keys(protocol, protocol.template)
    protocol.save()
    return protocol


# Parties -------------------------------------------------------------------------------------------


def _party_errors(party, *, categories, signatory):
    errors = dict(party.tier_errors())
    categories = list(dict.fromkeys(categories or []))
    unknown = set(categories) - set(InformationCategory.values)
    outside = [c for c in categories if c not in party.protocol.data_categories and c not in unknown]
    if not categories:
        errors["categories"] = "Choose at least one category of information this party may receive"
    elif unknown:
        errors["categories"] = "Choose categories from the list"
    elif outside:
        labels = ", ".join(InformationCategory(c).label.lower() for c in outside)
        errors["categories"] = f"The protocol does not cover {labels}; add it to the protocol's categories first"
    if signatory is not None and not (
        signatory.agency_id == party.agency_id and signatory.is_active and signatory.has_role(Role.AGENCY_ADMIN)
    ):
        errors["signatory"] = f"Choose an active agency administrator of {party.agency.name} to sign"
    return errors, categories


def _set_categories(party, categories):
    party.categories.exclude(category__in=categories).delete()
    existing = set(party.categories.values_list("category", flat=True))
    ProtocolPartyCategory.objects.bulk_create(
        ProtocolPartyCategory(party=party, category=c) for c in categories if c not in existing
    )


@transaction.atomic
def party_add(*, actor, protocol, agency, max_tier, categories, signatory=None):
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.DRAFT}, "Parties can only be changed while the protocol is a draft.")
    party = ProtocolParty(protocol=protocol, agency=agency, max_tier=max_tier, signatory=signatory)
    errors, categories = _party_errors(party, categories=categories, signatory=signatory)
    if protocol.parties.filter(agency=agency).exists():
        errors["agency"] = f"{agency.name} is already a party to this protocol"
    if errors:
        raise ValidationError(errors)
    party.save()
    _set_categories(party, categories)
    return party


@transaction.atomic
def party_update(*, actor, party, max_tier, categories, signatory=None):
    protocol = party.protocol
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.DRAFT}, "Parties can only be changed while the protocol is a draft.")
    party.protocol = protocol
    party.max_tier = max_tier
    party.signatory = signatory
    errors, categories = _party_errors(party, categories=categories, signatory=signatory)
    if errors:
        raise ValidationError(errors)
    party.save(update_fields=["max_tier", "signatory"])
    _set_categories(party, categories)
    return party


@transaction.atomic
def party_remove(*, actor, party):
    protocol = party.protocol
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.DRAFT}, "Parties can only be changed while the protocol is a draft.")
    if party.agency_id == protocol.lead_agency_id:
        raise ValidationError({NON_FIELD_ERRORS: ["The lead agency cannot be removed from its own protocol."]})
    party.delete()


# Signatures and lifecycle ------------------------------------------------------------------------


@transaction.atomic
def protocol_submit_for_signature(*, actor, protocol):
    """Draft → awaiting signatures; asks each party's signatory to sign."""
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.DRAFT}, "Only a draft protocol can be sent for signature.")
    parties = _parties(protocol)
    problems = []
    if len(parties) < 2:
        problems.append("Add at least one other agency as a party")
    for party in parties:
        if party.signatory is None:
            problems.append(f"Choose who signs for {party.agency.name}")
        elif not can_sign_for(party.signatory, party):
            problems.append(f"{party.signatory.full_name} can no longer sign for {party.agency.name}; choose another")
        if not party.categories.all():
            problems.append(f"Choose the categories {party.agency.name} may receive")
        problems.extend(party.tier_errors().values())
    if protocol.end_date < timezone.localdate():
        problems.append("The end date has passed; change the dates first")
    if problems:
        raise ValidationError({NON_FIELD_ERRORS: problems})
    _set_status(protocol, ProtocolStatus.AWAITING_SIGNATURES)
    protocol.signature_round += 1
    protocol.save(update_fields=["status", "status_changed_at", "signature_round", "updated_at"])
    for party in parties:
        notify(
            recipient=party.signatory,
            event_type=EventType.SIGNATURE_REQUESTED,
            title=f"Sign protocol {protocol.reference} for {party.agency.name}",
            body=f"{protocol.lead_agency.name} asks you to sign “{protocol.title}” on behalf of {party.agency.name}.",
            url=_detail_url(protocol),
            dedupe_key=f"protocol-{protocol.pk}-sign-{protocol.signature_round}",
            action_key=sign_action_key(protocol, party.agency_id),
        )
    return protocol


@transaction.atomic
def protocol_return_to_draft(*, actor, protocol):
    """Awaiting signatures → draft, to amend it; signatures already given are withdrawn, and the
    requests to sign are closed (sending it for signature again asks afresh)."""
    require_edit(actor, protocol)
    protocol = _locked(protocol)
    _require_status(
        protocol, {ProtocolStatus.AWAITING_SIGNATURES}, "Only a protocol awaiting signatures can return to draft."
    )
    _signature_requests_done(
        protocol,
        protocol.parties.all(),
        f"No longer needed: {actor.agency.name} took the protocol back to draft; it will be sent for signature again",
    )
    protocol.parties.update(signed_at=None, signed_by=None)
    _set_status(protocol, ProtocolStatus.DRAFT)
    protocol.save(update_fields=["status", "status_changed_at", "updated_at"])
    return protocol


@transaction.atomic
def protocol_sign(*, actor, protocol):
    """Sign for the actor's agency. The last signature activates the protocol if today is within
    its dates. Every request to sign for that agency is marked done."""
    protocol = _locked(protocol)
    parties = _parties(protocol)
    party = require_signatory(actor, parties)
    _require_status(protocol, {ProtocolStatus.AWAITING_SIGNATURES}, "This protocol is not awaiting signatures.")
    if party.is_signed:
        raise ValidationError({NON_FIELD_ERRORS: [f"{party.agency.name} has already signed this protocol."]})
    party.signed_at = timezone.now()
    party.signed_by = actor
    party.save(update_fields=["signed_at", "signed_by"])
    notification_actions_done(
        action_keys=[sign_action_key(protocol, party.agency_id)],
        outcome=f"Signed for {party.agency.name} by {actor.full_name}",
    )
    _activate_if_ready(protocol, parties, timezone.localdate())
    return protocol


@transaction.atomic
def protocol_suspend(*, actor, protocol, reason):
    """Active → suspended: its grants are removed, so nothing is shared under it from the next request."""
    require_manage(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.ACTIVE}, "Only an active protocol can be suspended.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ["Enter why the protocol is being suspended"]})
    if errors := bounds.field_errors(Protocol, suspension_reason=reason):
        raise ValidationError({"reason": errors["suspension_reason"]})
    protocol.suspension_reason = reason
    parties = _parties(protocol)
    _stop(protocol, parties, status=ProtocolStatus.SUSPENDED)
    _notify_all(
        _contacts(parties),
        event_type=EventType.PROTOCOL_SUSPENDED,
        protocol=protocol,
        title=f"Protocol {protocol.reference} is suspended",
        body=f"{actor.agency.name} suspended “{protocol.title}”: {reason}. Nothing is shared under it until it "
        f"is reinstated.",
    )
    return protocol


@transaction.atomic
def protocol_reinstate(*, actor, protocol):
    """Suspended → active again, if it has not reached its end date."""
    require_manage(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.SUSPENDED}, "Only a suspended protocol can be reinstated.")
    today = timezone.localdate()
    if protocol.end_date < today:
        raise ValidationError(
            {NON_FIELD_ERRORS: [f"This protocol ended on {protocol.end_date:%-d %B %Y}; renew it instead."]}
        )
    parties = _parties(protocol)
    if not _activate_if_ready(protocol, parties, today):
        raise ValidationError({NON_FIELD_ERRORS: ["Every party must have signed before the protocol is reinstated."]})
    return protocol


@transaction.atomic
def protocol_renew(*, actor, protocol, end_date, review_date=None):
    """An expired protocol gets a new term and returns to draft, so that the parties sign again."""
    require_manage(actor, protocol)
    protocol = _locked(protocol)
    _require_status(protocol, {ProtocolStatus.EXPIRED}, "Only an expired protocol can be renewed.")
    today = timezone.localdate()
    errors = {}
    if end_date is None or end_date <= today:
        errors["end_date"] = ["The new end date must be in the future"]
    else:
        errors.update(bounds.field_errors(Protocol, end_date=end_date))
    if review_date is None and not errors:
        review_date = min(add_months(today, protocol.review_interval_months), end_date)
    if not errors and not (today <= review_date <= end_date):
        errors["review_date"] = ["The review date must be between today and the new end date"]
    if errors:
        raise ValidationError(errors)
    protocol.end_date = end_date
    protocol.review_date = review_date
    protocol.suspension_reason = ""
    protocol.parties.update(signed_at=None, signed_by=None)
    _set_status(protocol, ProtocolStatus.DRAFT)
    protocol.save()
    return protocol


@transaction.atomic
def protocol_review_record(*, actor, protocol, next_review_date):
    """Record that the parties reviewed the protocol, and when they will next."""
    require_manage(actor, protocol)
    protocol = _locked(protocol)
    _require_status(
        protocol,
        {ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED},
        "Only an active or suspended protocol is reviewed.",
    )
    today = timezone.localdate()
    if next_review_date is None or not (today < next_review_date <= protocol.end_date):
        raise ValidationError(
            {"next_review_date": [f"The next review must be after today and by {protocol.end_date:%-d %B %Y}"]}
        )
    protocol.last_reviewed_on = today
    protocol.review_date = next_review_date
    protocol.save(update_fields=["last_reviewed_on", "review_date", "updated_at"])
    notification_actions_done(
        action_keys=[review_action_key(protocol)],
        outcome=f"Review recorded by {actor.full_name}; next review by {next_review_date:%-d %B %Y}",
    )
    return protocol


@transaction.atomic
def protocol_refresh_status(*, protocol, today=None):
    """Apply the calendar: activate a fully signed protocol whose start date has come, and expire a
    protocol past its end date. Returns the new status, or None when nothing changed."""
    today = today or timezone.localdate()
    protocol = _locked(protocol)
    live = {ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED, ProtocolStatus.AWAITING_SIGNATURES}
    if protocol.status in live and protocol.end_date < today:
        parties = _parties(protocol)
        was_in_force = protocol.status != ProtocolStatus.AWAITING_SIGNATURES
        _stop(protocol, parties, status=ProtocolStatus.EXPIRED)
        _notify_all(
            _contacts(parties) if was_in_force else [],
            event_type=EventType.PROTOCOL_EXPIRED,
            protocol=protocol,
            title=f"Protocol {protocol.reference} has expired",
            body=f"“{protocol.title}” ended on {protocol.end_date:%-d %B %Y}. Nothing is shared under it "
            f"until {protocol.lead_agency.name} renews it and the parties sign again.",
            dedupe_key=f"protocol-{protocol.pk}-expired-{protocol.end_date.isoformat()}",
        )
        return protocol.status
    if protocol.status == ProtocolStatus.AWAITING_SIGNATURES and _activate_if_ready(
        protocol, _parties(protocol), today
    ):
        return protocol.status
    return None


def protocols_due_for_refresh(*, today):
    return Protocol.objects.filter(
        Q(
            status__in=[ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED, ProtocolStatus.AWAITING_SIGNATURES],
            end_date__lt=today,
        )
        | Q(status=ProtocolStatus.AWAITING_SIGNATURES, start_date__lte=today, end_date__gte=today)
    ).order_by("pk")


def protocol_send_reminders(*, today=None):
    """Remind each protocol's contacts 30 and 7 days before its review date and its end date.

    A reminder is due once its date is within the window, so a day the task did not run is caught
    up the next day; the dedupe key (protocol, which date, the date itself, the window) makes each
    reminder once per recipient however often the task runs, and a new review or end date starts
    new reminders. Returns the number of notifications recorded.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=max(REMINDER_DAYS))
    candidates = Protocol.objects.filter(
        Q(review_date__range=(today, horizon)) | Q(end_date__range=(today, horizon)),
        status__in=[ProtocolStatus.ACTIVE, ProtocolStatus.SUSPENDED],
    ).order_by("pk")
    sent = 0
    for protocol in candidates:
        with transaction.atomic():
            parties = None
            for kind, due in (("review", protocol.review_date), ("end", protocol.end_date)):
                days_left = (due - today).days
                windows = [days for days in sorted(REMINDER_DAYS) if 0 <= days_left <= days]
                if not windows:
                    continue
                window = windows[0]
                parties = parties if parties is not None else _parties(protocol)
                for recipient in _contacts(parties):
                    sent += _remind(protocol, recipient, kind=kind, due=due, window=window, days_left=days_left)
    return sent


def _remind(protocol, recipient, *, kind, due, window, days_left):
    when = "today" if days_left == 0 else f"in {days_left} day{'s' if days_left != 1 else ''}"
    if kind == "review":
        event_type = EventType.PROTOCOL_REVIEW_DUE
        title = f"Protocol {protocol.reference} is due for review {when}"
        body = (
            f"“{protocol.title}” is due for review on {due:%-d %B %Y}. {protocol.lead_agency.name} records the review."
        )
    else:
        event_type = EventType.PROTOCOL_EXPIRED
        title = f"Protocol {protocol.reference} ends {when}"
        body = (
            f"“{protocol.title}” ends on {due:%-d %B %Y}; after that nothing is shared under it until it is "
            f"renewed and signed again."
        )
    notification = notify(
        recipient=recipient,
        event_type=event_type,
        title=title,
        body=body,
        url=_detail_url(protocol),
        dedupe_key=f"protocol-{protocol.pk}-{kind}-{due.isoformat()}-{window}d",
        # The end-date reminder only informs: nothing can be done about an end date but renew after it.
        action_key=review_action_key(protocol) if kind == "review" else "",
    )
    return 1 if notification is not None else 0
