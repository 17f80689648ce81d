"""The `wijkdialoog` command line, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from facilitator_app.demo import DEMO_TITLE, ensure_demo
from facilitator_app.room import Rooms
from facilitator_app.store import Store

ROOT = Path(__file__).resolve().parents[2]


def wijkdialoog(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "facilitator_app", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


def test_list_shows_each_dialogue_with_its_status(tmp_path):
    slug = ensure_demo(Rooms(Store(tmp_path)))
    result = wijkdialoog("list", "--data", str(tmp_path))
    assert result.returncode == 0
    assert result.stdout.split("\t")[:3] == [slug, "preparing", "2"] and DEMO_TITLE in result.stdout


def test_export_of_an_unfinished_dialogue_is_refused_with_exit_2(tmp_path):
    slug = ensure_demo(Rooms(Store(tmp_path)))
    result = wijkdialoog("export", slug, "--data", str(tmp_path))
    assert result.returncode == 2
    assert "Ronde 1 is nog niet gedaan" in result.stderr
    assert not (tmp_path / "exports").exists()


def test_demo_has_five_rounds_and_someone_without_a_phone(tmp_path):
    dialogue = Store(tmp_path).load(ensure_demo(Rooms(Store(tmp_path))))
    assert len(dialogue.rounds) == 5 and [p.has_phone for p in dialogue.participants] == [True, False]
    assert ensure_demo(Rooms(Store(tmp_path))) == dialogue.slug  # a second start adds no second demo
    assert json.loads(Store(tmp_path).path_for(dialogue.slug).read_text())["_default"]["1"]["schema_version"] == 1
