"""Schemathesis hooks for .ci/apicheck.py (loaded through SCHEMATHESIS_HOOKS).

The check signs in as a few demo users and keeps their tokens for the whole run. A generated write that
would change one of those accounts (disable it, take its roles, expire its vetting, revoke its tokens)
would turn the rest of the run into a string of 401/403 answers that test nothing. Such a request is sent
to a stand-in instead: another demo user of the administrator's agency whom the check does not sign in as
(so an administrator's generated change of a user is still carried out and checked). Writes to every other
account are generated as usual.
"""

import os

import schemathesis

PROTECTED_USER_IDS = frozenset(os.environ.get("APICHECK_PROTECTED_USER_IDS", "").split(","))
STAND_IN_USER_ID = int(os.environ.get("APICHECK_STAND_IN_USER_ID", 2**31 - 1))
USER_PATH = "/api/users/{id}/"


@schemathesis.hook
def before_call(context, case, kwargs):
    if case.method.upper() == "GET" or not case.path.startswith(USER_PATH):
        return
    if str(case.path_parameters.get("id")) in PROTECTED_USER_IDS:
        case.path_parameters["id"] = STAND_IN_USER_ID
