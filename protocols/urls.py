"""Pages of the central register of information-sharing protocols (/protocols/)."""

from django.urls import path

from . import views

app_name = "protocols"

urlpatterns = [
    path("", views.register, name="register"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/parties/add/", views.party_add, name="party-add"),
    path("<int:pk>/parties/<int:party_pk>/edit/", views.party_edit, name="party-edit"),
    path("<int:pk>/parties/<int:party_pk>/remove/", views.party_remove, name="party-remove"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/return-to-draft/", views.return_to_draft, name="return-to-draft"),
    path("<int:pk>/sign/", views.sign, name="sign"),
    path("<int:pk>/suspend/", views.suspend, name="suspend"),
    path("<int:pk>/reinstate/", views.reinstate, name="reinstate"),
    path("<int:pk>/renew/", views.renew, name="renew"),
    path("<int:pk>/review/", views.review, name="review"),
]
