"""Fixtures shared by every test module: the owner / partner / outsider people of two agencies."""

import pytest

from accounts.models import Role

from .factories import TEST_PASSWORD, AgencyFactory, UserFactory


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test (a flush empties every table), put back the rows the migrations made.

    Django restores them at the start of the next serialized_rollback test only, and relies on running
    every transactional test after the others; pytest-xdist's --dist loadscope runs a module whole, so a
    worker may go on to other modules' tests after one. Reloading here leaves the database as it found it.
    """
    result = yield
    marker = item.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or "transactional_db" in getattr(
        item, "fixturenames", ()
    )
    # After the last test the session's fixtures are gone with the test database: nothing to put back.
    if transactional and nextitem is not None:
        from django.core.management import call_command
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all():
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    # Empty first: a flush that was not told to skip post_migrate has made content types
                    # and permissions afresh, under other ids than the ones reloaded.
                    call_command(
                        "flush", verbosity=0, interactive=False, database=connection.alias, inhibit_post_migrate=True
                    )
                    connection.creation.deserialize_db_from_string(contents)
    return result


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Tests render pages without running collectstatic.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _celery_tasks_run_eagerly(settings):
    # With REDIS_URL set (CI's PostgreSQL run) Celery would queue tasks for a worker no test started.
    # Every test runs tasks in-process; tests of real delivery reconfigure the app inside this.
    from ocgshare.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = True
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Every factory user gets a password and many tests sign in: the production hasher's deliberate
    # slowness would dominate the run time, and it is not what any test is about.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def police(db):
    return AgencyFactory(name="Northshire Police", short_name="NP")


@pytest.fixture
def prison(db):
    from .factories import PrisonFactory

    return PrisonFactory(name="HMP Northshire", short_name="HMP N")


@pytest.fixture
def council(db):
    from agencies.models import AgencyKind

    return AgencyFactory(name="Northshire City Council", short_name="NCC", kind=AgencyKind.CSP_PARTNER)


@pytest.fixture
def analyst(police):
    return UserFactory(email="analyst@northshire.police.uk", agency=police, roles=[Role.ANALYST])


@pytest.fixture
def police_admin(police):
    return UserFactory(email="admin@northshire.police.uk", agency=police, roles=[Role.AGENCY_ADMIN])


@pytest.fixture
def council_admin(council):
    return UserFactory(email="admin@northshire.gov.uk", agency=council, roles=[Role.AGENCY_ADMIN])


@pytest.fixture
def council_spoc(council):
    return UserFactory(email="spoc@northshire.gov.uk", agency=council, roles=[Role.SPOC])


@pytest.fixture
def password():
    return TEST_PASSWORD
