"""The harvest across dialogues: per theme the dreams, one agenda ranked over all tables, the pledges.

This is what a work session (werkatelier) starts from. It reuses each dialogue's own harvest, so
names follow the same rules: a name only with consent, and none at all in the anonymous version.
Only finished dialogues are combined; the others are listed as left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import tzinfo

from rounds import CardKind, Dialogue, Role, Status
from rounds.agenda import competition_ranks

from . import fmt
from .model import build_harvest
from .people import Naming
from .strings import lang_of, role_label, t, theme_label, theme_labels


@dataclass
class DialogueLine:
    title: str
    place: str
    date: str
    people: int
    residents: int


@dataclass
class Line:
    """A dream, agenda item or pledge, with the dialogue it came from."""

    text: str
    who: str
    dialogue: str
    dots: int = 0
    rank: int = 0
    by_role: dict[str, int] = field(default_factory=dict)


@dataclass
class ThemeHarvest:
    key: str
    label: str
    dialogues: list[DialogueLine]
    people: int
    residents: int
    share_residents: str
    dreams: list[Line]
    agenda: list[Line]
    agenda_roles: list[str]
    pledges: list[Line]


@dataclass
class Across:
    lang: str
    anonymous: bool
    themes: list[ThemeHarvest]
    skipped: list[str]
    dialogue_count: int

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    @property
    def title(self) -> str:
        if self.dialogue_count == 1:
            return self.t("across_title_one")
        return self.t("across_title", n=self.dialogue_count)


def theme_matches(dialogue: Dialogue, wanted: str) -> bool:
    """A theme asked for by its key ("thuis") or by its words in either language."""
    wanted = wanted.strip().casefold()
    labels = {dialogue.theme, *theme_labels(dialogue.theme)}
    return any(wanted == label.casefold() for label in labels if label)


def _theme(key: str, dialogues: list[Dialogue], lang: str, anonymous: bool, tz: tzinfo | None) -> ThemeHarvest:
    lines, dreams, agenda, pledges = [], [], [], []
    roles_used: set[str] = set()
    people = residents = 0
    for dialogue in dialogues:
        h = build_harvest(dialogue, anonymous, tz, lang)
        count = Counter(p.role for p in dialogue.participants)
        people += len(dialogue.participants)
        residents += count[Role.RESIDENT]
        lines.append(DialogueLine(h.title, h.place, h.date, len(dialogue.participants), count[Role.RESIDENT]))
        for rnd in h.rounds:
            for group in rnd.groups:
                if group.kind == CardKind.DREAM:
                    dreams += [Line(c.text, c.author, h.title, c.dots) for c in group.cards]
        for item in h.agenda:
            roles_used.update(label for label, n in item.by_role.items() if n)
            agenda.append(Line(item.text, item.author, h.title, item.dots, by_role=item.by_role))
        pledges += [Line(p.text, p.who, h.title) for p in h.pledges]
    ranked = competition_ranks(agenda, lambda line: line.dots)  # ties keep dialogue order and each table's own
    for rank, line in ranked:
        line.rank = rank
    agenda = [line for _, line in ranked]
    columns = [role_label(lang, role) for role in Role if role_label(lang, role) in roles_used]
    for line in agenda:
        line.by_role = {label: line.by_role.get(label, 0) for label in columns}
    label = theme_label(key, lang) if key else t(lang, "across_no_theme")
    return ThemeHarvest(key, label, lines, people, residents, fmt.share(residents, people), dreams, agenda,
                        columns, pledges)


def combine(dialogues: Iterable[Dialogue], *, theme: str | None = None, lang: str | None = None,
            anonymous: bool = False, tz: tzinfo | None = None) -> Across:
    """Group the finished dialogues by theme. `lang`: the harvest's language, else the first dialogue's."""
    chosen = [d for d in dialogues if not theme or theme_matches(d, theme)]
    language = lang_of(lang or (chosen[0].language if chosen else "nl"))
    finished = [d for d in chosen if d.status == Status.FINISHED]
    skipped = [Naming(d, language, anonymous).scrub(d.title) if anonymous else d.title
               for d in chosen if d.status != Status.FINISHED]
    finished.sort(key=lambda d: (d.started_at or d.created_at, d.slug))
    by_theme: dict[str, list[Dialogue]] = {}
    for dialogue in finished:
        by_theme.setdefault(dialogue.theme, []).append(dialogue)
    themes = [_theme(key, group, language, anonymous, tz) for key, group in by_theme.items()]
    return Across(language, anonymous, themes, skipped, len(finished))
