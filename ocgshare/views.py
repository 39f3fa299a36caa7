"""Cross-cutting pages: the home page, health, and the error pages."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from .health import OK, health_report, liveness_report
from .worklist import work_for


@login_required
def home(request):
    """Each user's work list ("what needs you"): what the apps registered with ocgshare.worklist."""
    return render(request, "home.html", {"work": work_for(request.user)})


def _health_response(report):
    return JsonResponse(report, status=200 if report["status"] == OK else 503)


@require_safe
@never_cache
def healthz(request):
    return _health_response(health_report())


@require_safe
@never_cache
def healthz_live(request):
    return _health_response(liveness_report())


def bad_request(request, exception=None):
    # Only BadRequest carries a message written for the user; a SuspiciousOperation's is for the log.
    message = str(exception) if type(exception) is BadRequest else ""
    return render(request, "errors/400.html", {"message": message}, status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    # An API URL that names nothing (`/api/nominals/abc/` matches no route) answers as the API does.
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return render(request, "errors/404.html", status=404)


@csrf_exempt
def api_not_found(request):
    """A path under /api/ that no API route matches: the API's JSON 404, not an HTML page (nor a CSRF
    refusal: it changes nothing, whatever the method)."""
    return JsonResponse({"detail": "Not found."}, status=404)


def server_error(request):
    # No request context: the database or a context processor may be what failed.
    body = loader.get_template("errors/500.html").render(
        {"service_name": settings.SERVICE_NAME, "security_marking": settings.DEFAULT_SECURITY_MARKING}
    )
    return HttpResponseServerError(body)
