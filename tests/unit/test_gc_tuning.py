"""The garbage collector is tuned for a room full of phones, and start-up objects are frozen only once."""

from __future__ import annotations

import gc
from types import SimpleNamespace

import pytest

from facilitator_app.app import GC_THRESHOLDS, freeze_start_up_objects, run_kwargs


@pytest.fixture
def collector():
    thresholds = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()  # the rest of the test session collects as usual
    gc.set_threshold(*thresholds)


def test_starting_the_app_sets_the_thresholds_for_a_full_room(collector):
    state = SimpleNamespace(settings=SimpleNamespace(host="127.0.0.1", port=1), secret="s")
    run_kwargs(state)  # type: ignore[arg-type]
    assert gc.get_threshold() == GC_THRESHOLDS


def test_start_up_objects_are_frozen_once_and_later_ones_stay_collectable(collector):
    freeze_start_up_objects()
    frozen = gc.get_freeze_count()
    later = [[n] for n in range(1000)]  # objects of phones that come and go after the start
    freeze_start_up_objects()  # the app started again in the same process (NiceGUI's test fixture)

    assert frozen > 0
    assert gc.get_freeze_count() == frozen
    assert later
