"""Pages of the agency directory (/agencies/) and the partnership toolkit (/toolkit/)."""

from django.urls import path

from . import views

app_name = "agencies"

urlpatterns = [
    path("agencies/", views.directory, name="directory"),
    path("agencies/<int:pk>/", views.agency_detail, name="agency-detail"),
    path("agencies/<int:pk>/edit/", views.agency_edit, name="agency-edit"),
    path("agencies/<int:pk>/powers/add/", views.power_create, name="power-create"),
    path("agencies/<int:pk>/powers/<int:power_pk>/edit/", views.power_edit, name="power-edit"),
    path("agencies/<int:pk>/powers/<int:power_pk>/delete/", views.power_delete, name="power-delete"),
    path("agencies/<int:pk>/holdings/add/", views.holding_create, name="holding-create"),
    path("agencies/<int:pk>/holdings/<int:holding_pk>/edit/", views.holding_edit, name="holding-edit"),
    path("agencies/<int:pk>/holdings/<int:holding_pk>/delete/", views.holding_delete, name="holding-delete"),
    path("toolkit/", views.toolkit, name="toolkit"),
]
