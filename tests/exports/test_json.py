"""JSON: the whole dialogue, schema-versioned; importing it on another machine gives it back."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from exports import FORMAT, SCHEMA_VERSION, ImportProblem, from_json, render, to_json
from exports.json_io import MAX_IMPORT_BYTES
from facilitator_app import harvest_cli
from facilitator_app.harvest_cli import add_subcommands, run
from facilitator_app.store import Store
from rounds import Dialogue

from .story import NAMES, PEOPLE, TEXT, evening

FIXTURES = Path(__file__).parent / "fixtures"
# Those who did not agree to be named, and their labels, in join order (Sanne joined late).
DECLINED = {"nl": {"Ben Jansen": "Bewoner 2", "Chris Bakker": "Professional 1", "Emine Yılmaz": "Zorg/welzijn 1",
                   "Joop": "Bewoner 3", "Sanne Smit": "Bewoner 5"},
            "en": {"Ben Jansen": "Resident 2", "Chris Bakker": "Professional 1", "Emine Yılmaz": "Care/welfare 1",
                   "Joop": "Resident 3", "Sanne Smit": "Resident 5"}}
CONSENTED = [name for _, name, _, _, consent in PEOPLE if consent]


def as_exported(dialogue: Dialogue, lang: str) -> Dialogue:
    """The story's evening as the named export should give it back, written out by hand."""
    labels = DECLINED[lang]
    text = TEXT[lang]
    dialogue.facilitator_key = ""
    for person in dialogue.participants:
        person.token = ""
        person.name = labels.get(person.name, person.name)
    ben, joop = labels["Ben Jansen"], labels["Joop"]
    replaced = {
        text["note_ben"]: text["note_ben"].replace("Ben", f"[{ben}]", 1),
        text["note_joop"]: text["note_joop"].replace("Joop", f"[{joop}]", 1),
        text["notes_r2"]: text["notes_r2"].replace("Joop", f"[{joop}]", 1),  # "Anna" agreed: she stays
        text["exp"][1] + " (Joop)": text["exp"][1] + f" ([{joop}])",
    }
    for rnd in dialogue.rounds:
        rnd.notes = replaced.get(rnd.notes, rnd.notes)
        for turn in rnd.turns:
            turn.note = replaced.get(turn.note, turn.note)
        for card in rnd.cards:
            card.text = replaced.get(card.text, card.text)
    return dialogue


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="wijkdialoog")
    add_subcommands(main.add_subparsers(dest="command"))
    return main


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_export_then_import_gives_the_dialogue_with_consent_applied_and_no_secrets(lang: str) -> None:
    restored = from_json(render(evening(lang), "json"))
    assert restored == as_exported(evening(lang), lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_named_json_holds_no_declined_name_token_or_key(lang: str) -> None:
    dialogue = evening(lang)
    data = render(dialogue, "json")
    secrets = [dialogue.facilitator_key, *(p.token for p in dialogue.participants)]
    assert all(secret and secret.encode() not in data for secret in secrets)
    declined_parts = {part for name in DECLINED[lang] for part in name.split()}
    for part in declined_parts:
        assert part.encode() not in data, part
    for name in CONSENTED:  # those who agreed are still named
        assert name.encode() in data
    envelope = json.loads(data)["dialogue"]
    assert envelope["facilitator_key"] == ""
    assert {p["token"] for p in envelope["participants"]} == {""}
    assert sorted(p["name"] for p in envelope["participants"] if not p["name_in_report"]) == \
        sorted(DECLINED[lang].values())


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "csv", "csv-nl", "json"])
@pytest.mark.parametrize("anonymous", [False, True])
def test_a_dialogue_read_back_from_its_json_gives_the_same_harvest(lang: str, fmt: str, anonymous: bool) -> None:
    """Labels and scrubbed text stay as they are: no "[[Bewoner 2]]", no "Gemeente" taken for a person."""
    original = evening(lang)
    restored = from_json(render(original, "json", anonymous=anonymous))
    assert render(restored, fmt, anonymous=anonymous) == render(original, fmt, anonymous=anonymous)


def test_a_schema_1_file_with_a_key_and_tokens_imports_without_them() -> None:
    """Made by the first version, which wrote the dialogue as stored: real names, key and device tokens."""
    raw = (FIXTURES / "kersentuin-schema1.json").read_bytes()
    envelope = json.loads(raw)
    assert envelope["schema_version"] == 1
    assert envelope["dialogue"]["facilitator_key"] == "fixed-facilitator-key"
    assert all(p["token"].startswith("device-token-") for p in envelope["dialogue"]["participants"])
    restored = from_json(raw)
    assert restored.facilitator_key == ""
    assert [p.token for p in restored.participants] == [""] * 8
    expected = evening("nl")
    expected.facilitator_key = ""
    for person in expected.participants:
        person.token = ""
    assert restored == expected  # everything else as it was


@pytest.mark.parametrize("missing", ["facilitator_key", "token"])
def test_a_file_without_key_or_token_fields_imports_with_empty_ones(missing: str) -> None:
    envelope = json.loads(render(evening("nl"), "json"))
    if missing == "token":
        for person in envelope["dialogue"]["participants"]:
            del person["token"]
    else:
        del envelope["dialogue"]["facilitator_key"]
    restored = from_json(json.dumps(envelope))
    assert restored.facilitator_key == "" and {p.token for p in restored.participants} == {""}


def test_a_key_or_token_written_into_a_new_file_by_hand_is_dropped_too() -> None:
    envelope = json.loads(render(evening("nl"), "json"))
    envelope["dialogue"]["facilitator_key"] = "someone-elses-key"
    envelope["dialogue"]["participants"][0]["token"] = "someone-elses-phone"
    restored = from_json(json.dumps(envelope))
    assert restored.facilitator_key == "" and restored.participants[0].token == ""


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
    assert restored.facilitator_key not in ("", original.facilitator_key)  # a key of its own, not the file's
    restored.slug, restored.join_code, restored.facilitator_key = original.slug, original.join_code, ""
    assert restored == as_exported(original, "nl")  # nothing else changed


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
    # Exit 2 (refused) since issue 9: the file is there but cannot be used; 1 stays for a file that cannot be read.
    assert run(parser().parse_args(["import", str(file), "--data", str(tmp_path / "d")])) == 2
    assert "broken.json" in capsys.readouterr().err
    assert Store(tmp_path / "d").slugs() == []
    assert run(parser().parse_args(["import", str(tmp_path / "missing.json"), "--data", str(tmp_path / "d")])) == 1


def _envelope_with(change) -> str:
    envelope = json.loads(render(evening("nl"), "json"))
    change(envelope["dialogue"])
    return json.dumps(envelope)


@pytest.mark.parametrize("raw", ["[" * 100_000 + "]" * 100_000, '{"format": ' + "{" * 100_000])
def test_deeply_nested_json_is_refused_as_damaged_not_a_recursion_error(raw: str) -> None:
    with pytest.raises(ImportProblem) as problem:
        from_json(raw.encode())
    assert (problem.value.code, problem.value.detail) == ("damaged", "too deeply nested")


@pytest.mark.parametrize(("change", "reason"), [
    (lambda d: d.update(finished_at=float("nan")), "not finite: finished_at"),
    (lambda d: d["rounds"][1]["cards"][0].update(text="x" * 5_000_000), "text too long: rounds[1].cards[0].text"),
    (lambda d: d["rounds"][3]["votes"][0].update(card_id="c999"),
     "vote for a missing card in rounds[3].votes[0].card_id"),
])
def test_an_export_the_app_could_not_draw_or_export_is_refused_by_the_full_check(change, reason: str) -> None:
    with pytest.raises(ImportProblem) as problem:
        from_json(_envelope_with(change))
    assert (problem.value.code, problem.value.detail) == ("damaged", reason)


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed() -> None:
    raw = b" " * MAX_IMPORT_BYTES + b"{}"
    with pytest.raises(ImportProblem) as problem:
        from_json(raw)
    assert problem.value.code == "too_big"


@pytest.mark.parametrize("anonymous", [False, True])
def test_texts_grown_by_labels_still_import(anonymous: bool) -> None:
    """Both exports replace declined names by labels ("Ben" -> "[Bewoner 2]"), so a full card gets longer."""
    dialogue = evening("nl")
    dialogue.rounds[1].cards[0].text = ("Ben " * 125)[:500]
    restored = from_json(render(dialogue, "json", anonymous=anonymous))
    assert restored.rounds[1].cards[0].text.startswith("[Bewoner 2] [Bewoner 2]")


def test_the_cli_import_of_a_too_big_file_is_refused_without_reading_it(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(harvest_cli, "MAX_IMPORT_BYTES", 10)
    file = tmp_path / "groot.json"
    file.write_bytes(render(evening("nl"), "json"))
    assert run(parser().parse_args(["import", str(file), "--data", str(tmp_path / "d")])) == 2
    assert "Dit bestand is te groot (file too big)" in capsys.readouterr().err
    assert Store(tmp_path / "d").slugs() == []
