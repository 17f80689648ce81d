"""The gate: no final harvest until every round is closed, and the facilitator hears exactly why."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from exports import HarvestNotReady, missing_for_harvest, render, write_all
from exports.strings import template_text
from facilitator_app.harvest_cli import add_subcommands, run
from facilitator_app.store import Store
from rounds import FACILITATOR as F
from rounds import Outcome
from rounds.people import join
from rounds.preparation import new_dialogue
from rounds.talking_piece import close_round, end_turn, next_speaker, open_next_round

from .story import evening


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="wijkdialoog")
    main.add_argument("--data")
    add_subcommands(main.add_subparsers(dest="command"))
    return main


def halfway(language: str = "nl"):
    """Rounds 1 and 2 done; round 3 open with Anna heard and Ben and Chris still waiting."""
    dialogue = new_dialogue(slug="halfway", title="Halverwege", theme="thuis", now=0, language=language,
                            texts=template_text)
    for n, name in enumerate(["Anna", "Ben", "Chris"]):
        join(dialogue, name, "resident", n + 1)
    for index in range(3):
        open_next_round(dialogue, F, 10 + index)
        if index < 2:
            close_round(dialogue, F, 20 + index, override_reason="snel verder")
    turn = next_speaker(dialogue, F, 30)
    assert turn.participant_id == dialogue.participants[2].id  # round 3 starts two seats further: Chris
    end_turn(dialogue, F, Outcome.SPOKE, 40)
    return dialogue


def test_an_open_round_says_who_has_not_been_heard() -> None:
    missing = missing_for_harvest(halfway("nl"))
    assert missing == ["Ronde 3: Anna en Ben zijn nog niet gehoord", "Ronde 4 is nog niet gedaan",
                       "Ronde 5 is nog niet gedaan"]


def test_the_same_in_english() -> None:
    missing = missing_for_harvest(halfway("en"))
    assert missing == ["Round 3: Anna and Ben have not been heard yet", "Round 4 has not been done yet",
                       "Round 5 has not been done yet"]


def test_one_person_waiting_is_said_in_the_singular() -> None:
    dialogue = halfway("nl")
    end_turn(dialogue, F, Outcome.SPOKE, next_speaker(dialogue, F, 50).started_at + 5)
    assert missing_for_harvest(dialogue)[0] == "Ronde 3: Ben is nog niet gehoord"


def test_an_open_round_where_everyone_was_heard_still_has_to_be_closed() -> None:
    dialogue = halfway("en")
    for _ in range(2):
        end_turn(dialogue, F, Outcome.SPOKE, next_speaker(dialogue, F, 50).started_at + 5)
    assert missing_for_harvest(dialogue)[0] == "Round 3 is still open"


def test_a_dialogue_that_has_not_started_misses_every_round() -> None:
    dialogue = new_dialogue(slug="x", title="Nog niet", theme="thuis", now=0, texts=template_text)
    assert missing_for_harvest(dialogue) == [f"Ronde {n} is nog niet gedaan" for n in range(1, 6)]
    empty = new_dialogue(slug="y", title="Leeg", theme="", now=0, template="leeg", texts=template_text)
    assert missing_for_harvest(empty) == ["De wijkdialoog heeft nog geen rondes"]


def test_a_finished_dialogue_misses_nothing() -> None:
    assert missing_for_harvest(evening("nl")) == []


def test_render_and_write_all_refuse_an_unfinished_dialogue(tmp_path: Path) -> None:
    dialogue = halfway("nl")
    with pytest.raises(HarvestNotReady) as refusal:
        render(dialogue, "md")
    assert refusal.value.missing[0] == "Ronde 3: Anna en Ben zijn nog niet gehoord"
    with pytest.raises(HarvestNotReady):
        write_all(dialogue, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_cli_refuses_with_exit_status_2_and_says_what_is_missing(tmp_path: Path, capsys) -> None:
    Store(tmp_path).save(halfway("nl"))
    status = run(parser().parse_args(["--data", str(tmp_path), "export", "halfway"]))
    err = capsys.readouterr().err
    assert status == 2
    assert "Het verslag kan nog niet gemaakt worden" in err
    assert "- Ronde 3: Anna en Ben zijn nog niet gehoord" in err
    assert "- Ronde 4 is nog niet gedaan" in err
    assert not (tmp_path / "exports").exists()


def test_the_cli_speaks_the_dialogues_language(tmp_path: Path, capsys) -> None:
    Store(tmp_path).save(halfway("en"))
    assert run(parser().parse_args(["export", "halfway", "--format", "pdf", "--data", str(tmp_path)])) == 2
    assert "- Round 3: Anna and Ben have not been heard yet" in capsys.readouterr().err


def test_the_cli_exports_a_finished_dialogue_into_the_data_folder(tmp_path: Path, capsys) -> None:
    Store(tmp_path).save(evening("nl"))
    assert run(parser().parse_args(["export", "kersentuin", "--data", str(tmp_path)])) == 0
    folder = tmp_path / "exports" / "kersentuin"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["kersentuin-excel.csv", "kersentuin.csv", "kersentuin.docx", "kersentuin.html",
                     "kersentuin.json", "kersentuin.md", "kersentuin.pdf"]
    assert capsys.readouterr().out.splitlines() == [str(folder / n) for n in
                                                     ["kersentuin.md", "kersentuin.html", "kersentuin.docx",
                                                      "kersentuin.pdf", "kersentuin.csv", "kersentuin-excel.csv",
                                                      "kersentuin.json"]]


def test_the_cli_writes_one_anonymous_format_where_it_is_told(tmp_path: Path) -> None:
    Store(tmp_path / "data").save(evening("en"))
    args = ["export", "kersentuin", "--format", "csv-nl", "--anonymous", "--out", str(tmp_path / "out"),
            "--data", str(tmp_path / "data")]
    assert run(parser().parse_args(args)) == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["kersentuin-anonymous-excel.csv"]  # English


def test_the_cli_says_so_when_the_dialogue_does_not_exist(tmp_path: Path, capsys) -> None:
    assert run(parser().parse_args(["export", "nope", "--data", str(tmp_path)])) == 1
    assert "nope" in capsys.readouterr().err
