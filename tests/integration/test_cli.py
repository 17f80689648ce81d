"""The `wijkdialoog` command line, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from exports import render
from facilitator_app.demo import DEMO_TITLE, ensure_demo
from facilitator_app.room import Rooms
from facilitator_app.store import Store
from tests.exports.story import evening

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


def damaged_beside_a_finished_dialogue(data_dir: Path) -> Path:
    """A finished dialogue, and a copy of it whose end time is NaN (the check must stop it, by name)."""
    store = Store(data_dir)
    store.save(evening("nl"))
    record = json.loads(store.path_for("kersentuin").read_text(encoding="utf-8"))
    record["_default"]["1"]["dialogue"]["finished_at"] = float("nan")
    bad = data_dir / "kapot.json"
    bad.write_text(json.dumps(record), encoding="utf-8")
    return bad


def test_import_of_a_deeply_nested_file_says_so_and_exits_2(tmp_path):
    file = tmp_path / "diep.json"
    file.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = wijkdialoog("import", str(file), "--data", str(tmp_path / "d"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Dit bestand kan niet gebruikt worden (cannot use this file)" in result.stderr
    assert "diep.json (too deeply nested)" in result.stderr
    assert Store(tmp_path / "d").slugs() == []


def test_import_of_an_export_with_a_time_that_is_not_a_number_is_refused(tmp_path):
    envelope = json.loads(render(evening("nl"), "json"))
    envelope["dialogue"]["finished_at"] = float("nan")
    file = tmp_path / "nan.json"
    file.write_text(json.dumps(envelope), encoding="utf-8")
    result = wijkdialoog("import", str(file), "--data", str(tmp_path / "d"))
    assert result.returncode == 2
    assert "not finite: finished_at" in result.stderr and "Traceback" not in result.stderr
    assert Store(tmp_path / "d").slugs() == []


def test_harvest_names_a_damaged_file_and_still_harvests_the_others(tmp_path):
    data = tmp_path / "d"
    damaged_beside_a_finished_dialogue(data)
    result = wijkdialoog("harvest", "--format", "md", "--out", str(tmp_path / "out"), "--data", str(data))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "kapot.json (not finite: finished_at)" in result.stderr
    assert "Niet in de oogst (left out of the harvest): kapot.json" in result.stderr
    harvest = next((tmp_path / "out").glob("*.md")).read_text(encoding="utf-8")
    assert "Oogst van 1 wijkdialoog" in harvest and "Wijkdialoog De Kersentuin" in harvest


def test_export_of_a_damaged_dialogue_says_why_and_exits_2_and_the_others_still_export(tmp_path):
    data = tmp_path / "d"
    damaged_beside_a_finished_dialogue(data)
    result = wijkdialoog("export", "kapot", "--format", "md", "--data", str(data))
    assert result.returncode == 2
    assert "Dit bestand kan niet gebruikt worden (cannot use this file)" in result.stderr
    assert "not finite: finished_at" in result.stderr and "Traceback" not in result.stderr
    assert not (data / "exports" / "kapot").exists()
    good = wijkdialoog("export", "kersentuin", "--format", "md", "--data", str(data))
    assert good.returncode == 0 and Path(good.stdout.strip()).exists()
