import gc
import importlib

import pytest

from ocgshare import gctuning


@pytest.fixture
def restore_gc():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_tune_freezes_what_is_loaded_and_raises_the_first_threshold(restore_gc):
    _, gen1, gen2 = gc.get_threshold()
    gctuning.tune()
    # Everything alive at start-up (Django, the URLconf, templates) is out of later collections.
    assert gc.get_freeze_count() > 10_000
    assert gc.get_threshold() == (gctuning.GEN0_THRESHOLD, gen1, gen2)


def test_the_wsgi_application_tunes_the_collector(restore_gc):
    import ocgshare.wsgi

    gc.set_threshold(700, 10, 10)
    importlib.reload(ocgshare.wsgi)  # as gunicorn loads it in a new worker
    assert gc.get_threshold()[0] == gctuning.GEN0_THRESHOLD
