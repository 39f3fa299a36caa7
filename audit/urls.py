"""The access log page. Included at the site's root, without a namespace: its name is `access-log`."""

from django.urls import path

from . import views

urlpatterns = [
    path("access-log/", views.access_log, name="access-log"),
    path("access-log/export.csv", views.access_log_csv, name="access-log-csv"),
]
