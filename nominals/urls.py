"""Pages of the nominal and OCG register (/register/)."""

from django.urls import path, re_path

from . import views

app_name = "nominals"

urlpatterns = [
    path("", views.nominal_list, name="nominal-list"),
    path("search/", views.search, name="search"),
    path("hotspots/", views.hotspots, name="hotspots"),
    path("nominals/new/", views.nominal_create, name="nominal-create"),
    path("nominals/<int:pk>/", views.nominal_detail, name="nominal-detail"),
    path("nominals/<int:pk>/edit/", views.nominal_edit, name="nominal-edit"),
    path("nominals/<int:pk>/custody/add/", views.custody_add, name="custody-add"),
    path("nominals/<int:pk>/custody/release/", views.custody_release, name="custody-release"),
    path("nominals/<int:pk>/transfers/add/", views.transfer_add, name="transfer-add"),
    path("nominals/<int:pk>/supervision/add/", views.supervision_add, name="supervision-add"),
    path("nominals/<int:pk>/orders/add/", views.order_add, name="order-add"),
    path("nominals/<int:pk>/associations/add/", views.association_add, name="association-add"),
    path("nominals/<int:pk>/entities/add/", views.entity_add, name="entity-add"),
    path("ocgs/", views.ocg_list, name="ocg-list"),
    path("ocgs/new/", views.ocg_create, name="ocg-create"),
    path("ocgs/<int:pk>/", views.ocg_detail, name="ocg-detail"),
    path("ocgs/<int:pk>/edit/", views.ocg_edit, name="ocg-edit"),
    path("ocgs/<int:pk>/members/add/", views.membership_add, name="membership-add"),
    path("ocgs/<int:pk>/members/<int:membership_pk>/end/", views.membership_end, name="membership-end"),
    # Need-to-know grants on nominals and OCGs alike.
    re_path(r"^(?P<kind>nominals|ocgs)/(?P<pk>[0-9]+)/grants/add/$", views.grant_add, name="grant-add"),
    re_path(
        r"^(?P<kind>nominals|ocgs)/(?P<pk>[0-9]+)/grants/(?P<holder>user|agency)/(?P<grant_pk>[0-9]+)/revoke/$",
        views.grant_revoke,
        name="grant-revoke",
    ),
]
