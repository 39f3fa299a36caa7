"""Pages of the nominal and OCG register (/register/)."""

from django.urls import path

from records.urls import grant_urlpatterns

from .views.custody import custody_add, custody_release, order_add, supervision_add, transfer_add
from .views.entities import association_add, entity_add
from .views.hotspots import hotspots
from .views.nominals import nominal_create, nominal_detail, nominal_edit, nominal_list, search
from .views.ocgs import membership_add, membership_end, ocg_create, ocg_detail, ocg_edit, ocg_list

app_name = "nominals"

urlpatterns = [
    path("", nominal_list, name="nominal-list"),
    path("search/", search, name="search"),
    path("hotspots/", hotspots, name="hotspots"),
    path("nominals/new/", nominal_create, name="nominal-create"),
    path("nominals/<int:pk>/", nominal_detail, name="nominal-detail"),
    path("nominals/<int:pk>/edit/", nominal_edit, name="nominal-edit"),
    path("nominals/<int:pk>/custody/add/", custody_add, name="custody-add"),
    path("nominals/<int:pk>/custody/release/", custody_release, name="custody-release"),
    path("nominals/<int:pk>/transfers/add/", transfer_add, name="transfer-add"),
    path("nominals/<int:pk>/supervision/add/", supervision_add, name="supervision-add"),
    path("nominals/<int:pk>/orders/add/", order_add, name="order-add"),
    path("nominals/<int:pk>/associations/add/", association_add, name="association-add"),
    path("nominals/<int:pk>/entities/add/", entity_add, name="entity-add"),
    path("ocgs/", ocg_list, name="ocg-list"),
    path("ocgs/new/", ocg_create, name="ocg-create"),
    path("ocgs/<int:pk>/", ocg_detail, name="ocg-detail"),
    path("ocgs/<int:pk>/edit/", ocg_edit, name="ocg-edit"),
    path("ocgs/<int:pk>/members/add/", membership_add, name="membership-add"),
    path("ocgs/<int:pk>/members/<int:membership_pk>/end/", membership_end, name="membership-end"),
    # Need-to-know grants on nominals and OCGs alike (the register kit's pages).
    *grant_urlpatterns(["nominals", "ocgs"]),
]
