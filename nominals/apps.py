from django.apps import AppConfig


class NominalsConfig(AppConfig):
    name = "nominals"

    def ready(self):
        # Registers the API schema's description of tiered serializers with drf-spectacular.
        from . import schema  # noqa: F401

        register_access_policies()


def register_access_policies():
    """Tell the access engine how to read the register's four kinds: it names no domain model itself."""
    from access.policies import Policy, register

    from .constants import FIELD_TIERS, widest_tier
    from .models import (
        OCG,
        Association,
        Entity,
        Nominal,
        NominalGroupObjectPermission,
        NominalUserObjectPermission,
        OCGGroupObjectPermission,
        OCGUserObjectPermission,
    )

    def policy(kind, model, owner_field, **grants):
        return Policy(
            kind=kind,
            model=model,
            owner_field=owner_field,
            tier_fields=FIELD_TIERS[kind],
            widest_tier=widest_tier(kind),
            **grants,
        )

    register(
        policy(
            "nominal",
            Nominal,
            "owning_agency",
            user_grant_model=NominalUserObjectPermission,
            group_grant_model=NominalGroupObjectPermission,
        )
    )
    register(
        policy(
            "ocg",
            OCG,
            "lead_agency",
            user_grant_model=OCGUserObjectPermission,
            group_grant_model=OCGGroupObjectPermission,
        )
    )
    # Entities and associations take no need-to-know grants: they reach partners with their nominals.
    register(policy("entity", Entity, "owning_agency"))
    register(policy("association", Association, "owning_agency"))
