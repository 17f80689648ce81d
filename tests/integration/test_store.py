"""The store: one file per dialogue, never half written, never silently empty."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator_app.store import SCHEMA_VERSION, Store, StoreError, data_dir_from
from rounds import FACILITATOR as F
from rounds.cards import add_card
from rounds.people import join
from rounds.talking_piece import close_round, next_speaker, open_next_round
from tests.factories import new_dialogue_in


def test_each_dialogue_is_its_own_file(tmp_path):
    store = Store(tmp_path)
    one = new_dialogue_in(store, title="Wijkdialoog De Linde", theme="thuis", now=1)
    two = new_dialogue_in(store, title="Wijkdialoog De Linde", theme="verschil", now=2)
    assert (one.slug, two.slug) == ("wijkdialoog-de-linde", "wijkdialoog-de-linde-2")
    files = sorted(p.name for p in tmp_path.glob("*.json"))
    assert files == ["wijkdialoog-de-linde-2.json", "wijkdialoog-de-linde.json"]
    assert one.join_code != two.join_code


def test_slugs_stay_unique_across_restarts(tmp_path):
    new_dialogue_in(Store(tmp_path), title="Buurt Oost", theme="", now=1)
    again = new_dialogue_in(Store(tmp_path), title="Buurt Oost", theme="", now=2)
    assert again.slug == "buurt-oost-2"


def test_a_saved_dialogue_loads_equal_in_a_new_store(tmp_path):
    store = Store(tmp_path)
    dialogue = new_dialogue_in(store, title="De Linde", theme="thuis", now=1)
    anna = join(dialogue, "Anna ë 😀", "resident", 2)
    open_next_round(dialogue, F, 3)
    next_speaker(dialogue, F, 4)
    store.save(dialogue)
    assert Store(tmp_path).load(dialogue.slug) == dialogue
    assert Store(tmp_path).load(dialogue.slug).participants[0].name == anna.name


def test_join_code_finds_its_dialogue(tmp_path):
    store = Store(tmp_path)
    dialogue = new_dialogue_in(store, title="De Linde", theme="thuis", now=1)
    assert Store(tmp_path).slug_for_code(dialogue.join_code) == dialogue.slug
    assert store.slug_for_code("ZZZZZ") is None


@pytest.mark.parametrize("content", ["", "{not json", "[1, 2]", '{"_default": {"1": {"x": 1}}}'])
def test_a_damaged_file_is_named_and_kept(tmp_path, content):
    path = tmp_path / "kapot.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError) as err:
        Store(tmp_path).load("kapot")
    assert err.value.path == path and "kapot.json" in str(err.value)
    assert path.read_text(encoding="utf-8") == content


def test_an_unknown_schema_version_is_refused(tmp_path):
    store = Store(tmp_path)
    dialogue = new_dialogue_in(store, title="Toekomst", theme="", now=1)
    path = store.path_for(dialogue.slug)
    data = json.loads(path.read_text())
    data["_default"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(data))
    with pytest.raises(StoreError) as err:
        Store(tmp_path).load(dialogue.slug)
    assert err.value.code == "unknown_schema"
    assert json.loads(path.read_text()) == data


def test_writes_leave_no_temp_files(tmp_path):
    store = Store(tmp_path)
    dialogue = new_dialogue_in(store, title="Schoon", theme="", now=1)
    for n in range(5):
        join(dialogue, f"P{n}", "resident", n)
        store.save(dialogue)
    assert [p.name for p in tmp_path.iterdir()] == ["schoon.json"]


def test_data_dir_comes_from_argument_then_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("WIJKDIALOOG_DATA", str(tmp_path / "env"))
    assert data_dir_from(None) == tmp_path / "env"
    assert data_dir_from(str(tmp_path / "arg")) == tmp_path / "arg"
    monkeypatch.delenv("WIJKDIALOOG_DATA")
    assert str(data_dir_from(None)) == "wijkdialoog-data"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.text(min_size=1, max_size=40), max_size=6), card=st.text(min_size=1, max_size=60))
def test_save_then_load_gives_an_equal_dialogue(tmp_path_factory, names, card):
    store = Store(tmp_path_factory.mktemp("prop"))
    dialogue = new_dialogue_in(store, title="Eigenschap", theme="vrij thema", now=1)
    for n, name in enumerate(names):
        try:
            join(dialogue, name, "resident", n)
        except Exception:
            pass
    open_next_round(dialogue, F, 10)
    if dialogue.participants:
        close_round(dialogue, F, 11, override_reason="kort")
        open_next_round(dialogue, F, 12)
        try:
            add_card(dialogue, F, dialogue.participants[0].id, card, 13)
        except Exception:
            pass
    store.save(dialogue)
    assert Store(store.data_dir).load(dialogue.slug) == dialogue


def test_saving_only_the_touched_round_still_writes_everything(tmp_path):
    store = Store(tmp_path)
    dialogue = new_dialogue_in(store, title="Deels", theme="", now=1)
    anna = join(dialogue, "Anna", "resident", 2)
    open_next_round(dialogue, F, 3)
    store.save(dialogue)
    close_round(dialogue, F, 4, override_reason="door")
    open_next_round(dialogue, F, 5)
    store.save(dialogue, only_rounds={dialogue.rounds[0].id, dialogue.rounds[1].id})
    add_card(dialogue, anna.id, anna.id, "Nieuw kaartje", 6)
    dialogue.participants[0].name = "Anna K"
    store.save(dialogue, only_rounds={dialogue.rounds[1].id})
    assert Store(tmp_path).load(dialogue.slug) == dialogue
