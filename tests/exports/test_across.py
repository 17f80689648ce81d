"""The harvest across dialogues: per theme, the dreams, one agenda over all tables, the pledges."""

from __future__ import annotations

import argparse
from pathlib import Path

from exports import render
from exports.across import combine, theme_matches
from exports.across_render import render_across
from exports.strings import template_text
from facilitator_app.harvest_cli import add_subcommands, run
from facilitator_app.store import Store
from rounds.preparation import new_dialogue

from .story import TZ, evening


def other_theme():
    dialogue = evening("nl")
    dialogue.slug, dialogue.theme, dialogue.title = "mantelzorg", "mantelzorg", "Mantelzorgcafé"
    return dialogue


def test_dialogues_are_grouped_per_theme_and_unfinished_ones_are_left_out() -> None:
    unfinished = new_dialogue(slug="later", title="Nog bezig", theme="thuis", now=0, texts=template_text)
    across = combine([evening("nl"), other_theme(), unfinished, evening("en")], tz=TZ)
    assert [t.label for t in across.themes] == ["thuis in je buurt, elkaar zien",
                                                "ondersteuning mantelzorgers en dementerenden"]
    assert across.skipped == ["Nog bezig"] and across.dialogue_count == 3
    home = across.themes[0]
    assert [d.title for d in home.dialogues] == ["Wijkdialoog De Kersentuin", "Cherry Garden neighbourhood dialogue"]
    assert (home.people, home.residents, home.share_residents) == (16, 10, "62%")
    assert len(home.dreams) == 6 and len(home.pledges) == 6


def test_the_agenda_is_ranked_over_all_dialogues_with_roles_in_one_language() -> None:
    small = evening("en")
    for rnd in small.rounds:
        rnd.votes = rnd.votes[:3]  # a quieter table: only three dots
    across = combine([small, evening("nl")], lang="nl", tz=TZ)
    agenda = across.themes[0].agenda
    assert (agenda[0].dialogue, agenda[0].dots, agenda[0].rank) == ("Wijkdialoog De Kersentuin", 6, 1)
    assert [a.dots for a in agenda] == sorted((a.dots for a in agenda), reverse=True)
    assert across.themes[0].agenda_roles == ["Bewoner", "Professional", "Gemeente", "Zorg/welzijn"]
    english = [a for a in agenda if a.dialogue.startswith("Cherry")]
    assert sum(sum(a.by_role.values()) for a in english) == 3  # English role labels were counted too
    assert all(w.who.startswith(("Bewoner", "Anna", "مريم", "Zorg", "Daan")) for w in agenda)


def test_a_theme_is_found_by_key_or_by_its_words_in_either_language() -> None:
    dialogue = evening("nl")
    assert theme_matches(dialogue, "thuis")
    assert theme_matches(dialogue, "Thuis in je buurt, elkaar zien")
    assert theme_matches(dialogue, "at home in your neighbourhood, seeing each other")
    assert not theme_matches(dialogue, "mantelzorg")
    assert [t.key for t in combine([evening("nl"), other_theme()], theme="mantelzorg").themes] == ["mantelzorg"]


def test_nothing_finished_says_so() -> None:
    md = render_across(combine([]), "md").decode()
    assert "Er zijn nog geen afgeronde wijkdialogen." in md


def test_the_cli_combines_the_store_and_extra_json_files(tmp_path: Path, capsys) -> None:
    store = Store(tmp_path / "data")
    store.save(evening("nl"))
    store.save(other_theme())
    extra = tmp_path / "elsewhere.json"
    extra.write_bytes(render(evening("en"), "json"))
    main = argparse.ArgumentParser()
    add_subcommands(main.add_subparsers(dest="command"))
    args = main.parse_args(["harvest", str(extra), "--theme", "thuis", "--data", str(tmp_path / "data")])
    assert run(args) == 0
    folder = tmp_path / "data" / "exports" / "oogst"
    assert sorted(p.name for p in folder.iterdir()) == ["oogst-thuis.csv", "oogst-thuis.html", "oogst-thuis.md"]
    md = (folder / "oogst-thuis.md").read_text(encoding="utf-8")
    assert md.startswith("# Oogst van 2 wijkdialogen")
    assert "Cherry Garden neighbourhood dialogue" in md and "Mantelzorgcafé" not in md
    html = (folder / "oogst-thuis.html").read_text(encoding="utf-8")
    assert "@media print" in html and "<script" not in html
