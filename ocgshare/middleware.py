"""Cross-cutting response headers."""

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
