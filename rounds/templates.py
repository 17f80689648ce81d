"""The seed's themes, the ground rules, and the default five-round "Wijkdialoog" template."""

from __future__ import annotations

from dataclasses import dataclass

from .model import CardKind

LANGUAGES = ("nl", "en")

THEMES: dict[str, dict[str, str]] = {
    "gemeenschap": {"nl": "gemeenschap, contact", "en": "community, contact"},
    "thuis": {"nl": "thuis in je buurt, elkaar zien", "en": "at home in your neighbourhood, seeing each other"},
    "verschil": {"nl": "ruimte voor verschil", "en": "room for difference"},
    "ontmoeten": {"nl": "ontmoeten, netwerken, invloed", "en": "meeting, networking, influence"},
    "woonvormen": {
        "nl": "nieuwe woonvormen, dagopvang, wijkplekken",
        "en": "new ways of living, day care, neighbourhood places",
    },
    "mantelzorg": {
        "nl": "ondersteuning mantelzorgers en dementerenden",
        "en": "support for carers and people with dementia",
    },
}

GROUND_RULES: dict[str, list[str]] = {
    "nl": [
        "Iedereen krijgt een beurt. We luisteren naar elkaar.",
        "Je spreekt voor jezelf: \u201cik vind\u201d, niet \u201cmen zegt\u201d.",
        "Geen advies geven en niet reageren met je eigen verhaal.",
        "Stilte mag. Je mag ook passen.",
        "Vraag door als iemand algemeen praat.",
    ],
    "en": [
        "Everyone gets a turn. We listen to each other.",
        "Speak for yourself: \u201cI think\u201d, not \u201cpeople say\u201d.",
        "Give no advice, and don't answer a story with your own.",
        "Silence is fine. You may also pass.",
        "Ask further when someone speaks in general terms.",
    ],
}


def theme_label(theme: str, language: str) -> str:
    """A preset theme in the dialogue's language; free text stays as typed."""
    preset = THEMES.get(theme)
    return preset.get(language, preset["nl"]) if preset else theme


@dataclass(frozen=True)
class RoundTemplate:
    key: str
    card_kind: CardKind
    dot_vote: bool
    titles: dict[str, str]
    questions: dict[str, str]


DEFAULT_TEMPLATE: tuple[RoundTemplate, ...] = (
    RoundTemplate(
        "kennismaken", CardKind.NONE, False,
        {"nl": "Kennismaken", "en": "Getting acquainted"},
        {
            "nl": "Wie ben je, en wat betekent \u2018{theme}\u2019 voor jou?",
            "en": "Who are you, and what does \u2018{theme}\u2019 mean to you?",
        },
    ),
    RoundTemplate(
        "ervaringen", CardKind.EXPERIENCE, False,
        {"nl": "Ervaringen (wat werkt)", "en": "Experiences (what works)"},
        {
            "nl": "Vertel over een moment in onze buurt waarop \u2018{theme}\u2019 goed werkte.",
            "en": "Tell us about a moment in our neighbourhood when \u2018{theme}\u2019 worked well.",
        },
    ),
    RoundTemplate(
        "dromen", CardKind.DREAM, False,
        {"nl": "Dromen", "en": "Dreams"},
        {
            "nl": "Stel: het is over vijf jaar en \u2018{theme}\u2019 is in onze buurt helemaal goed. Wat zie je?",
            "en": "Imagine it is five years from now and \u2018{theme}\u2019 is just right here. What do you see?",
        },
    ),
    RoundTemplate(
        "wijkagenda", CardKind.NEED, True,
        {"nl": "Wijkagenda (wat is nodig, wat eerst)", "en": "Neighbourhood agenda (what is needed, what first)"},
        {
            "nl": "Wat is er nodig om dat te bereiken? Wat moet eerst? Zet je stippen.",
            "en": "What is needed to get there? What comes first? Place your dots.",
        },
    ),
    RoundTemplate(
        "doen", CardKind.PLEDGE, False,
        {"nl": "Doen (mijn stap)", "en": "What I will do (my step)"},
        {
            "nl": "Welke kleine stap zet jij morgen zelf?",
            "en": "What small step will you take yourself tomorrow?",
        },
    ),
)

TEMPLATES = {"wijkdialoog": DEFAULT_TEMPLATE, "leeg": ()}
