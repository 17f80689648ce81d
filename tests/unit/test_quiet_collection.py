"""The quiet collector makes a full collection only when one is due and the server has been quiet."""

from __future__ import annotations

import gc
import weakref

from facilitator_app.quiet_collection import MAX_WAIT, QUIET_SECONDS, QuietCollector, collect_and_freeze


class Machine:
    """A clock and a CPU meter the test moves by hand, and a collector that only counts."""

    def __init__(self) -> None:
        self.now, self.cpu_used, self.collections = 0.0, 0.0, 0

    def second(self, busy_share: float) -> None:
        self.now += 1.0
        self.cpu_used += busy_share

    def collect(self) -> None:
        self.collections += 1


def collector(machine: Machine) -> QuietCollector:
    return QuietCollector(clock=lambda: machine.now, cpu=lambda: machine.cpu_used, collect=machine.collect)


def middle_collection(quiet: QuietCollector) -> None:
    quiet.on_collection("start", {"generation": 1})
    quiet.on_collection("stop", {"generation": 1, "collected": 10, "uncollectable": 0})


def test_nothing_is_collected_while_nothing_is_due():
    machine = Machine()
    quiet = collector(machine)
    for _ in range(10):
        machine.second(0.0)
        assert not quiet.step()
    assert machine.collections == 0


def test_a_due_collection_waits_for_a_quiet_moment_and_is_made_once():
    machine = Machine()
    quiet = collector(machine)
    middle_collection(quiet)
    for _ in range(5):  # phones joining: the server is busy
        machine.second(0.9)
        assert not quiet.step()
    steps = 0
    while not quiet.step():
        machine.second(0.02)
        steps += 1
        assert steps <= QUIET_SECONDS + 2
    assert machine.collections == 1
    for _ in range(10):  # done: nothing more until the next one is due
        machine.second(0.0)
        quiet.step()
    assert machine.collections == 1


def test_one_busy_second_starts_the_quiet_time_again():
    machine = Machine()
    quiet = collector(machine)
    middle_collection(quiet)
    machine.second(0.0)
    quiet.step()
    machine.second(0.5)  # a round opens
    assert not quiet.step()
    machine.second(0.0)
    assert not quiet.step()  # one quiet second is not yet a quiet moment
    machine.second(0.0)
    machine.second(0.0)
    assert quiet.step()


def test_pythons_own_full_collection_does_not_count_it_leaves_the_frozen_pages_alone():
    machine = Machine()
    quiet = collector(machine)
    middle_collection(quiet)
    quiet.on_collection("stop", {"generation": 2, "collected": 0, "uncollectable": 0})
    for _ in range(3):
        machine.second(0.0)
        quiet.step()
    assert machine.collections == 1


def test_a_room_that_is_never_quiet_still_gets_one_after_the_longest_wait():
    machine = Machine()
    quiet = collector(machine)
    middle_collection(quiet)
    for _ in range(int(MAX_WAIT) - 1):
        machine.second(0.9)
        assert not quiet.step()
    machine.second(0.9)
    assert quiet.step()


def test_a_page_that_closed_after_a_freeze_is_collected_by_the_next_quiet_collection():
    class Page:  # a closed page: parent and child point at each other, so only the collector frees them
        pass

    gc.collect()
    before = gc.get_freeze_count()
    page = Page()
    page.child = Page()
    page.child.parent = page
    alive = weakref.ref(page)
    gc.freeze()  # as an earlier quiet collection did, while the page was open
    del page
    gc.collect()
    assert alive() is not None  # frozen: Python's own collections leave it alone
    collect_and_freeze()
    assert alive() is None
    assert gc.get_freeze_count() >= before  # what is alive is frozen again
    gc.unfreeze()
