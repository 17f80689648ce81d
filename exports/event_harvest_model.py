"""The event harvest as the writers see it: counted, worded and stripped of names, for every table at once.

Every writer (Markdown, HTML, Word, PDF, CSV, JSON) lays out this one view, so all formats say the same.
Tables of figures come as (header, rows) from the methods below, worded in the harvest's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .strings import t


@dataclass
class EventCard:
    """A dream, need or pledge as printed: a name only with consent, else "Bewoner 2" of its table."""

    text: str
    kind: str  # a CardKind value
    who: str
    table: str


@dataclass
class Trace:
    """What an agenda item rests on: the experiences its dreams' and needs' writers told at their tables."""

    experiences: int
    tables: int
    people_by_role: dict[str, int]  # role label -> people who wrote those experiences
    sentence: str  # "Dit punt rust op 7 ervaringen van 4 tafels: 5 bewoners, 2 professionals."


@dataclass
class PlenaryItem:
    rank: int
    title: str
    dots: int
    by_role: dict[str, int]  # role label -> dots, for every role in EventHarvest.agenda_roles
    dots_line: str  # "12 stippen: 8 van bewoners, 4 van professionals."
    trace: Trace
    cards: list[EventCard]  # the dreams and needs grouped into this theme (hidden ones never)
    pledges: list[EventCard]


@dataclass
class RankDifference:
    title: str
    resident_rank: int
    professional_rank: int
    resident_dots: int
    professional_dots: int


@dataclass
class TableDreams:
    table: str
    dreams: list[tuple[EventCard, str]]  # the dream and where it is: "in thema X, zonder toezegging"


@dataclass
class RecordLine:
    """Hidden and removed at one table: counts and why, never a text or a name."""

    table: str
    hidden: int  # cards the host hid
    removed_people: int
    removed_cards: int
    removed_dots: int
    why: str


@dataclass
class TableLine:
    name: str
    place: str
    people: int
    status: str  # "Alle 5 rondes afgerond." / "Ronde 4 vroeg gesloten. Reden: ..." / "Afgezegd."


@dataclass
class RoleCount:
    label: str
    people: int
    share: str
    answers: int = 0  # "did you feel heard?": how many in this role answered, over all tables
    felt: str = ""  # and their average ("3,8"; a dash when none did)


@dataclass
class EventHarvest:
    lang: str
    anonymous: bool
    slug: str
    title: str
    theme: str
    date: str
    places: str
    tables_line: str  # "3 tafels gingen door. 1 tafel is afgezegd: Tafel 4."
    people_total: int
    people_line: str  # "21 deelnemers. 2 deelnemers deden mee zonder telefoon."
    roles: list[RoleCount]
    felt_intro: str  # "" when nobody answered "did you feel heard?"
    tables: list[TableLine]
    agenda: list[PlenaryItem]
    agenda_roles: list[str]
    trace_rule: str
    differences: list[RankDifference]
    difference_rule: str
    unpledged: list[TableDreams]
    pledge_rule: str
    record: list[RecordLine]
    record_note: str
    grouping: list[str] = field(default_factory=list)  # how the themes were formed, a few sentences

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    @property
    def report(self) -> str:
        return self.t("event.report")

    def facts(self) -> list[tuple[str, str]]:
        pairs = [(self.t("theme"), self.theme), (self.t("date"), self.date), (self.t("event.places"), self.places),
                 (self.t("event.tables"), self.tables_line), (self.t("people"), str(self.people_total))]
        return [(label, value) for label, value in pairs if value]

    def section(self, key: str) -> str:
        number = SECTIONS.index(key) + 1
        return f"{number}. {self.t(f'event.sec_{key}')}"

    def role_table(self) -> tuple[list[str], list[list[str | int]]]:
        keys = ["col_role", "col_people", "col_share_people"]
        rows: list[list[str | int]] = [[r.label, r.people, r.share] for r in self.roles]
        if self.felt_intro:
            keys += ["col_felt_answers", "col_felt_average"]
            rows = [row + [r.answers, r.felt] for row, r in zip(rows, self.roles, strict=True)]
        return [self.t(key) for key in keys], rows

    def agenda_table(self) -> tuple[list[str], list[list[str | int]]]:
        header = [self.t("col_rank"), self.t("event.col_theme"), self.t("col_dots"), *self.agenda_roles,
                  self.t("event.col_experiences"), self.t("event.col_tables")]
        rows: list[list[str | int]] = [
            [i.rank, i.title, i.dots, *(i.by_role[r] for r in self.agenda_roles), i.trace.experiences, i.trace.tables]
            for i in self.agenda
        ]
        return header, rows

    def difference_table(self) -> tuple[list[str], list[list[str | int]]]:
        header = [self.t("event.col_theme"), self.t("event.col_rank_residents"), self.t("event.col_rank_professionals"),
                  self.t("event.col_dots_residents"), self.t("event.col_dots_professionals")]
        rows: list[list[str | int]] = [[d.title, d.resident_rank, d.professional_rank, d.resident_dots,
                                        d.professional_dots] for d in self.differences]
        return header, rows

    def record_table(self) -> tuple[list[str], list[list[str | int]]]:
        keys = ["event.col_table", "event.col_why", "event.col_hidden", "event.col_removed_people",
                "event.col_removed_cards", "event.col_removed_dots"]
        header = [self.t(key) for key in keys]
        rows: list[list[str | int]] = [[r.table, r.why, r.hidden, r.removed_people, r.removed_cards, r.removed_dots]
                                       for r in self.record]
        return header, rows

    def tables_table(self) -> tuple[list[str], list[list[str | int]]]:
        header = [self.t("event.col_table"), self.t("place"), self.t("event.col_course"), self.t("people")]
        return header, [[line.name, line.place, line.status, line.people] for line in self.tables]


# The report's sections, in order; each writer numbers its headings with EventHarvest.section(key).
SECTIONS = ("day", "agenda", "differences", "unpledged", "record", "grouping", "tables")
