"""A second process on the same data folder (the CLI while the app runs) never breaks a save in flight."""

from __future__ import annotations

import os
import time

from facilitator_app.store import STALE_TEMP_SECONDS, Store


def test_a_temp_file_being_written_survives_a_second_store_and_an_old_one_is_cleaned(tmp_path):
    Store(tmp_path)
    in_flight = tmp_path / ".linde.json.abc123.tmp"
    left_by_a_crash = tmp_path / ".oost.json.def456.tmp"
    in_flight.write_text("{", encoding="utf-8")
    left_by_a_crash.write_text("{", encoding="utf-8")
    old = time.time() - STALE_TEMP_SECONDS - 5
    os.utime(left_by_a_crash, (old, old))
    Store(tmp_path)  # e.g. `wijkdialoog list` while the app is saving
    assert in_flight.exists()
    assert not left_by_a_crash.exists()
