"""Cross-cutting middleware: response headers, and requests refused before any view reads them."""

from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers


class NoStoreMiddleware:
    """Every page and API response says `Cache-Control: no-store`.

    Nearly every response names people or is a signed-in user's page, and one that does not today
    (a sign-in form with its CSRF token, an error page) may tomorrow, so the rule is kept simple: nothing
    the application renders may be kept by a browser, its back/forward cache or a proxy. Static files are
    served by whitenoise above this middleware and stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response


NUL_MESSAGE = "The request contains the NUL character (%00), which no field accepts."


def _has_nul(querydict):
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in querydict.lists())


class RefuseNulMiddleware:
    """Refuses, with a 400, a request whose query string or form body contains the NUL character.

    PostgreSQL cannot store or compare text containing NUL: a `?q=a%00b` reached a query and failed with a
    500. No page or API parameter has a use for it, so it is refused once, here, before any view reads a
    parameter (JSON bodies are checked by ocgshare.parsers.JSONParser). Django's form fields refuse NUL too,
    but many parameters (search text, filters, sort, page) are read without a form.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # request.POST only parses form bodies (urlencoded, multipart); a JSON body leaves it empty.
        if _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": NUL_MESSAGE}, status=400)
            raise BadRequest(NUL_MESSAGE)
        return self.get_response(request)
