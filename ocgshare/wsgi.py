"""WSGI entry point (gunicorn ocgshare.wsgi). Gunicorn imports it in each worker process, after the fork,
so the collector is tuned per worker."""

import os

from django.core.wsgi import get_wsgi_application

from ocgshare import gctuning

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocgshare.settings")
application = get_wsgi_application()
gctuning.tune()
