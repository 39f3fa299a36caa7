from django.apps import AppConfig


class NominalsConfig(AppConfig):
    name = "nominals"

    def ready(self):
        register_access_policies()
        register_record_pages()
        register_work()


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


def register_record_pages():
    """Tell the register kit how the pages name and link nominals and OCGs, and which tab of the
    register's sub-navigation a page belongs to."""
    from records.pages import RecordPages, register_pages, register_sections

    from .models import OCG, Nominal
    from .views.common import section_of

    layout = "nominals/_layout.html"
    register_pages(
        RecordPages(
            model=Nominal,
            url_kind="nominals",
            detail_url_name="nominals:nominal-detail",
            title=lambda nominal: f"Nominal {nominal.pk}",
            caption=lambda nominal: nominal.display_name,
            layout=layout,
        )
    )
    register_pages(
        RecordPages(
            model=OCG,
            url_kind="ocgs",
            detail_url_name="nominals:ocg-detail",
            title=lambda ocg: f"OCG {ocg.reference}",
            caption=str,
            layout=layout,
        )
    )
    register_sections("nominals", section_of)


def register_work():
    """The register's actions and sections of the home work list (nominals.worklist)."""
    from ocgshare.worklist import register_action, register_search, register_section

    from .worklist import add_a_nominal, add_an_ocg, find_a_person, recently_added

    register_action(add_a_nominal, order=10)
    register_action(add_an_ocg, order=20)
    register_section(recently_added, order=60)
    register_search(find_a_person)
