"""Issue 9 item 4: the store trusts the file name, and checks everything it reads.

A copied file is a dialogue of its own with a join code of its own; a file that is too deep, not finite,
too long or too big is refused by name, and the other dialogues keep working.
"""

from __future__ import annotations

import json
import logging
import shutil

import pytest

from exports import from_json, render
from facilitator_app import store as store_module
from facilitator_app.room import Damaged, Room, Rooms
from facilitator_app.store import Store, StoreError
from rounds import FACILITATOR as F
from tests.exports.story import evening
from tests.factories import new_dialogue_in


def record_of(store: Store, slug: str) -> dict:
    return json.loads(store.path_for(slug).read_text(encoding="utf-8"))


def write_record(store: Store, slug: str, data: dict) -> None:
    store.path_for(slug).write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("copy", ["aa-kopie", "zz-kopie"])  # before and after the original by name
async def test_a_copied_file_is_a_dialogue_of_its_own_with_a_fresh_join_code(tmp_path, caplog, copy):
    original = new_dialogue_in(Store(tmp_path), title="De Linde", theme="thuis", now=1)
    shutil.copy(tmp_path / "de-linde.json", tmp_path / f"{copy}.json")
    before = (tmp_path / "de-linde.json").read_bytes()

    rooms = Rooms(Store(tmp_path))  # as after a restart
    with caplog.at_level(logging.WARNING, logger="facilitator_app.room.rooms"):
        kopie = rooms.get(copy)
    await kopie.add_person_without_phone(F, "Anna", "resident")

    assert (tmp_path / "de-linde.json").read_bytes() == before  # the action in the copy never touched X
    assert [p.name for p in Store(tmp_path).load(copy).participants] == ["Anna"]
    assert Store(tmp_path).load("de-linde").participants == []
    codes = {slug: Store(tmp_path).load(slug).join_code for slug in ("de-linde", copy)}
    assert codes["de-linde"] == original.join_code  # the original keeps its printed code
    assert codes[copy] != original.join_code and codes[copy] == kopie.dialogue.join_code
    assert rooms.by_code(original.join_code).slug == "de-linde"  # phones with the printed code reach X
    assert rooms.by_code(codes[copy]).slug == copy
    assert Rooms(Store(tmp_path)).by_code(original.join_code).slug == "de-linde"  # and after a restart
    said = [r.getMessage() for r in caplog.records]
    assert any(copy in m and original.join_code in m and codes[copy] in m for m in said), said


def test_the_original_keeps_its_code_when_it_is_opened_first(tmp_path):
    original = new_dialogue_in(Store(tmp_path), title="De Linde", theme="thuis", now=1)
    shutil.copy(tmp_path / "de-linde.json", tmp_path / "aa-kopie.json")
    rooms = Rooms(Store(tmp_path))
    assert rooms.get("de-linde").dialogue.join_code == original.join_code
    assert rooms.get("aa-kopie").dialogue.join_code != original.join_code
    assert len({room.dialogue.join_code for room in rooms.all()}) == 2


def nested(depth: int) -> str:
    return '{"_default": ' + "[" * depth + "]" * depth + "}"


def test_a_deeply_nested_file_is_damaged_not_a_crash(tmp_path):
    (tmp_path / "diep.json").write_text(nested(200_000), encoding="utf-8")
    with pytest.raises(StoreError) as err:
        Store(tmp_path).load("diep")
    assert err.value.code == "damaged" and "nested" in err.value.detail


@pytest.mark.parametrize(("change", "reason"), [
    (lambda d: d.update(finished_at=float("nan")), "not finite: finished_at"),
    (lambda d: d["rounds"][0].update(opened_at=float("inf")), "not finite: rounds[0].opened_at"),
    (lambda d: d.update(title="x" * 5_000_000), "text too long: title"),
    (lambda d: d.update(join_code="../..", facilitator_key="k"), "join code format"),
])
def test_a_file_the_app_could_not_use_is_refused_by_its_full_check(tmp_path, change, reason):
    store = Store(tmp_path)
    dialogue = new_dialogue_in(store, title="Kapot", theme="", now=1)
    data = record_of(store, dialogue.slug)
    change(data["_default"]["1"]["dialogue"])
    write_record(store, dialogue.slug, data)
    raw = store.path_for(dialogue.slug).read_bytes()
    with pytest.raises(StoreError) as err:
        Store(tmp_path).load(dialogue.slug)
    assert (err.value.code, err.value.detail) == ("damaged", reason)
    assert store.path_for(dialogue.slug).read_bytes() == raw  # left exactly as it was


def test_a_file_that_is_too_big_is_refused_before_it_is_read(tmp_path, monkeypatch):
    store = Store(tmp_path)
    dialogue = new_dialogue_in(store, title="Groot", theme="", now=1)
    monkeypatch.setattr(store_module, "MAX_FILE_BYTES", 100)
    with pytest.raises(StoreError, match="larger than"):
        Store(tmp_path).load(dialogue.slug)


def test_a_file_name_that_cannot_be_a_slug_is_damaged(tmp_path):
    new_dialogue_in(Store(tmp_path), title="Linde", theme="", now=1)
    shutil.copy(tmp_path / "linde.json", tmp_path / "linde (kopie).json")
    with pytest.raises(StoreError, match="file name"):
        Store(tmp_path).load("linde (kopie)")


def test_one_bad_file_is_listed_with_its_reason_and_the_others_keep_working(tmp_path):
    store = Store(tmp_path)
    good = new_dialogue_in(store, title="Goed", theme="", now=1)
    bad = new_dialogue_in(store, title="Slecht", theme="", now=1)
    data = record_of(store, bad.slug)
    data["_default"]["1"]["dialogue"]["finished_at"] = float("nan")
    write_record(store, bad.slug, data)
    rooms = Rooms(Store(tmp_path))
    listed = rooms.all()
    assert Damaged("slecht", "not finite: finished_at") in listed
    assert [r.slug for r in listed if isinstance(r, Room)] == ["goed"]
    assert rooms.by_code(good.join_code).slug == "goed" and rooms.by_code(bad.join_code) is None


def test_an_imported_export_with_labels_in_long_texts_still_opens_after_a_restart(tmp_path):
    """Exports replace declined names by longer labels; the store must not call that copy damaged later."""
    dialogue = evening("nl")
    dialogue.rounds[1].cards[0].text = ("Ben " * 125)[:500]  # Ben declined: every "Ben" becomes "[Bewoner 2]"
    for anonymous in (False, True):
        room = Rooms(Store(tmp_path)).import_dialogue(from_json(render(dialogue, "json", anonymous=anonymous)))
        assert len(room.dialogue.rounds[1].cards[0].text) > 500
        assert Store(tmp_path).load(room.slug) == room.dialogue
    assert all(record_of(Store(tmp_path), slug)["_default"]["1"]["imported"] is True
               for slug in Store(tmp_path).slugs())
