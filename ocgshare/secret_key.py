"""Which SECRET_KEY values production refuses.

A key that has been published (in this repository, its examples or its history) signs sessions,
password-reset links and CSRF tokens that anyone could forge, so with DEBUG off such a key stops the
process as surely as a missing one. tests/ocgshare/test_secret_key.py scans the repository for
SECRET_KEY assignments and checks each is refused here, so a key added to the repository later
cannot slip through.
"""

MINIMUM_LENGTH = 50
MINIMUM_UNIQUE_CHARACTERS = 5  # as Django's own check --deploy (security.W009)

DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-never-use-in-production"  # noqa: S105

# Every key that appears in the repository, the .env.example placeholder first.
PUBLISHED_SECRET_KEYS = frozenset(
    {
        "replace-with-at-least-50-random-characters-for-example-from-python-secrets",
        DEVELOPMENT_SECRET_KEY,
        # The key collectstatic used at image build time before the Dockerfile generated one per build.
        "collectstatic-only-build-time-key-not-used-at-run-time-0123456789",
        # The deployment-checklist test's key before it generated one per run.
        "p7Qz-3vLx9!kR2mW8sT4yB6nH1cJ5fG0dA_eU+iO-test-only-secret",
    }
)


def secret_key_problem(key):
    """Why `key` must not sign anything in production, or None when it may."""
    key = key or ""
    if key.strip() in PUBLISHED_SECRET_KEYS:
        return "it is published in the OCG Share repository; generate a new one"
    if key.startswith("django-insecure"):
        return "it is a development key"
    if len(key) < MINIMUM_LENGTH or len(set(key)) < MINIMUM_UNIQUE_CHARACTERS:
        return f"it must be a random value of at least {MINIMUM_LENGTH} characters"
    return None
