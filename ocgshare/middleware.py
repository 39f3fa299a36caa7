"""Refuses, with a 400, a request whose query string or form body contains the NUL character.

PostgreSQL cannot store or compare text containing NUL: a `?q=a%00b` reached a query and failed with a
500. No page or API parameter has a use for it, so it is refused once, here, before any view reads a
parameter (JSON bodies are checked by ocgshare.parsers.JSONParser). Django's form fields refuse NUL too,
but many parameters (search text, filters, sort, page) are read without a form.
"""

from django.core.exceptions import BadRequest
from django.http import JsonResponse

MESSAGE = "The request contains the NUL character (%00), which no field accepts."


def _has_nul(querydict):
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in querydict.lists())


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # request.POST only parses form bodies (urlencoded, multipart); a JSON body leaves it empty.
        if _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": MESSAGE}, status=400)
            raise BadRequest(MESSAGE)
        return self.get_response(request)
