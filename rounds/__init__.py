"""The pure dialogue domain: no UI, no storage, no clock of its own (time is passed in)."""

from .errors import DomainError
from .model import (
    FACILITATOR,
    Card,
    CardKind,
    Dialogue,
    Outcome,
    Participant,
    Removal,
    Role,
    Round,
    RoundState,
    SpeakerState,
    Status,
    Turn,
    Vote,
)

__all__ = [
    "FACILITATOR",
    "Card",
    "CardKind",
    "Dialogue",
    "DomainError",
    "Outcome",
    "Participant",
    "Removal",
    "Role",
    "Round",
    "RoundState",
    "SpeakerState",
    "Status",
    "Turn",
    "Vote",
]
