"""JSON: the whole dialogue, schema-versioned; importing it on another machine gives it back."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from exports import FORMAT, SCHEMA_VERSION, ImportProblem, from_json, render, to_json
from facilitator_app.harvest_cli import add_subcommands, run
from facilitator_app.store import Store

from .story import NAMES, evening


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="wijkdialoog")
    add_subcommands(main.add_subparsers(dest="command"))
    return main


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_export_then_import_gives_an_equal_dialogue(lang: str) -> None:
    dialogue = evening(lang)
    assert from_json(render(dialogue, "json")) == dialogue


def test_the_file_says_what_it_is_and_which_schema() -> None:
    envelope = json.loads(render(evening("nl"), "json"))
    assert (envelope["format"], envelope["schema_version"], envelope["anonymous"]) == (FORMAT, SCHEMA_VERSION, False)
    assert envelope["dialogue"]["slug"] == "kersentuin"


def test_import_restores_under_a_slug_and_join_code_that_do_not_clash(tmp_path: Path, capsys) -> None:
    original = evening("nl")
    store = Store(tmp_path / "data")
    store.save(original)
    file = tmp_path / "kersentuin.json"
    file.write_bytes(render(original, "json"))
    for expected_slug in ("wijkdialoog-de-kersentuin", "wijkdialoog-de-kersentuin-2"):
        assert run(parser().parse_args(["import", str(file), "--data", str(tmp_path / "data")])) == 0
        assert expected_slug in capsys.readouterr().out
    fresh = Store(tmp_path / "data")
    assert fresh.slugs() == ["kersentuin", "wijkdialoog-de-kersentuin", "wijkdialoog-de-kersentuin-2"]
    copies = [fresh.load(slug) for slug in fresh.slugs()]
    assert len({d.join_code for d in copies}) == 3  # the imported copies got codes of their own
    assert fresh.slug_for_code("KTN42") == "kersentuin"
    restored = copies[1]
    restored.slug, restored.join_code = original.slug, original.join_code
    assert restored == original  # nothing else changed


def test_import_on_an_empty_machine_keeps_the_join_code(tmp_path: Path) -> None:
    file = tmp_path / "x.json"
    file.write_bytes(render(evening("en"), "json"))
    assert run(parser().parse_args(["import", str(file), "--data", str(tmp_path / "d")])) == 0
    store = Store(tmp_path / "d")
    assert store.load(store.slugs()[0]).join_code == "KTN42"


def test_the_anonymous_export_has_no_names_keys_or_tokens_and_can_be_imported(tmp_path: Path) -> None:
    dialogue = evening("nl")
    text = to_json(dialogue, anonymous=True)
    for name in NAMES:
        assert name not in text
    assert "device-token" not in text and dialogue.facilitator_key not in text
    restored = from_json(text)
    assert [p.name for p in restored.participants][:3] == ["Bewoner 1", "Bewoner 2", "Professional 1"]
    assert all(not c.text for r in restored.rounds for c in r.cards if c.hidden)
    file = tmp_path / "anon.json"
    file.write_text(text, encoding="utf-8")
    assert run(parser().parse_args(["import", str(file), "--data", str(tmp_path / "d")])) == 0
    store = Store(tmp_path / "d")
    assert store.load(store.slugs()[0]).facilitator_key  # a fresh key, so the console can open it


@pytest.mark.parametrize(("raw", "code"), [
    (b"not json at all", "not_json"),
    (b'{"format": "something-else", "schema_version": 1, "dialogue": {}}', "not_harvest"),
    (b'[1, 2]', "not_harvest"),
    (b'{"format": "wijkdialoog-harvest", "schema_version": 99, "dialogue": {}}', "newer"),
    (b'{"format": "wijkdialoog-harvest", "schema_version": "1", "dialogue": {}}', "damaged"),
    (b'{"format": "wijkdialoog-harvest", "schema_version": 1, "dialogue": {"slug": "x"}}', "damaged"),
])
def test_a_file_that_is_not_a_usable_export_is_refused(raw: bytes, code: str) -> None:
    with pytest.raises(ImportProblem) as problem:
        from_json(raw)
    assert problem.value.code == code


def test_wrong_types_inside_a_hand_edited_file_are_refused() -> None:
    envelope = json.loads(render(evening("nl"), "json"))
    envelope["dialogue"]["participants"][0]["name"] = 42
    with pytest.raises(ImportProblem, match="Participant.name"):
        from_json(json.dumps(envelope))
    envelope = json.loads(render(evening("nl"), "json"))
    envelope["dialogue"]["rounds"][0]["cards"] = [{"oops": 1}]
    with pytest.raises(ImportProblem):
        from_json(json.dumps(envelope))


def test_the_cli_import_of_a_broken_file_fails_without_touching_the_store(tmp_path: Path, capsys) -> None:
    file = tmp_path / "broken.json"
    file.write_text("{", encoding="utf-8")
    assert run(parser().parse_args(["import", str(file), "--data", str(tmp_path / "d")])) == 1
    assert "broken.json" in capsys.readouterr().err
    assert Store(tmp_path / "d").slugs() == []
    assert run(parser().parse_args(["import", str(tmp_path / "missing.json"), "--data", str(tmp_path / "d")])) == 1
