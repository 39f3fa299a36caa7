from tests.access.world import *  # noqa: F403 - the register's shared fixtures
