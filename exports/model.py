"""The harvest as the writers see it: what to print, already counted, worded and stripped of names.

Every writer lays out this one view, so Markdown, HTML, Word, PDF and CSV always say the same.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import tzinfo

from rounds import CardKind, Dialogue, Outcome, Role, Round, RoundState
from rounds.agenda import dots_per_card, ranked_agenda
from rounds.cards import dot_counts_by_role
from rounds.feedback import answers_by_role
from rounds.talking_piece import heard

from . import fmt
from .felt_heard import FeltHeardView, average, felt_heard_view
from .people import Naming
from .strings import ground_rules, join_names, kind_heading, lang_of, role_label, t, theme_label


@dataclass
class CardItem:
    text: str
    kind: str  # a CardKind value
    author: str
    role: str  # role label
    dots: int = 0
    hidden: bool = False  # a hidden card is only counted: no text, no author


@dataclass
class KindGroup:
    kind: str
    heading: str
    cards: list[CardItem]


@dataclass
class TurnNote:
    who: str
    text: str


@dataclass
class RoundItem:
    number: int
    title: str
    question: str
    closed: bool
    collects_cards: bool
    spoke: int
    passed: int
    away: int
    everyone_heard: bool
    override_reason: str
    not_heard: list[str]
    groups: list[KindGroup]
    cards: list[CardItem]  # every card in writing order, hidden ones included without text
    hidden: int
    notes: str
    turn_notes: list[TurnNote]
    opened: str
    closed_at: str
    duration: str
    turns: int
    over_time: int
    talk: str
    status: list[str] = field(default_factory=list)  # spoke and passed; everyone heard, or who was not and why


@dataclass
class AgendaItem:
    rank: int
    text: str
    author: str
    dots: int
    by_role: dict[str, int]  # role label -> dots, for every role in Harvest.agenda_roles


@dataclass
class Pledge:
    text: str
    who: str
    role: str


@dataclass
class RoleRow:
    label: str
    people: int
    share_people: str
    talk: str
    share_talk: str
    answers: int = 0  # "did you feel heard?": how many in this role answered
    felt: str = ""  # and their average score, "3,8" (a dash when none did)


@dataclass
class PersonTalk:
    name: str
    role: str
    turns: int
    talk: str


@dataclass
class Event:
    clock: str
    text: str


@dataclass
class Harvest:
    lang: str
    anonymous: bool
    slug: str
    title: str
    theme: str
    place: str
    date: str
    time_span: str
    facilitator: str
    duration: str
    people_total: int
    no_phone: int
    people_line: str  # "8 deelnemers. 1 deelnemer deed mee zonder telefoon." (and who was taken out, uncounted)
    roles: list[RoleRow]
    named: list[tuple[str, str]]  # (name, role label) of those who consented
    label_example: str
    ground_rules: list[str]
    rounds: list[RoundItem]
    agenda: list[AgendaItem]
    agenda_roles: list[str]
    pledges: list[Pledge]
    person_talk: list[PersonTalk]
    timeline: list[Event]
    felt_heard: FeltHeardView | None = None  # None: nobody answered, and the writers leave it out

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    def role_table(self) -> tuple[list[str], list[list[str | int]]]:
        """Talk time per role and, beside it, the answers to "did you feel heard?" (when anyone answered)."""
        keys = ["col_role", "col_people", "col_share_people", "col_talk", "col_share_talk"]
        rows: list[list[str | int]] = [[r.label, r.people, r.share_people, r.talk, r.share_talk] for r in self.roles]
        if self.felt_heard is not None:
            keys += ["col_felt_answers", "col_felt_average"]
            rows = [row + [r.answers, r.felt] for row, r in zip(rows, self.roles, strict=True)]
        return [self.t(key) for key in keys], rows


def _talk_seconds(rnd: Round) -> Counter[str]:
    talk: Counter[str] = Counter()
    for turn in rnd.turns:
        if turn.outcome == Outcome.SPOKE and turn.ended_at is not None:
            talk[turn.participant_id] += turn.ended_at - turn.started_at
    return talk


def _dots_by_role(dialogue: Dialogue) -> dict[str, Counter[Role]]:
    by_role: dict[str, Counter[Role]] = {}
    for rnd in dialogue.rounds:
        if rnd.dot_vote:
            for card_id, roles in dot_counts_by_role(dialogue, rnd).items():
                by_role.setdefault(card_id, Counter()).update(roles)
    return by_role


def _round_item(dialogue: Dialogue, rnd: Round, number: int, names: Naming, dots: Counter[str],
                tz: tzinfo | None) -> RoundItem:
    lang, scrub = names.lang, names.scrub
    go_around = [turn for turn in rnd.turns if not turn.open_conversation]
    tally = heard(rnd)
    spoke, passed = tally.spoke, tally.passed
    not_heard = list(rnd.override.not_heard) if rnd.override else []
    had_turn = {turn.participant_id for turn in go_around}
    away = [pid for pid in rnd.order if pid not in had_turn and pid not in not_heard]
    cards = [
        CardItem("", c.kind, "", "", 0, hidden=True) if c.hidden
        else CardItem(scrub(c.text), c.kind, names.who(c.author_id), names.role_text(c.author_id), dots[c.id])
        for c in rnd.cards
    ]
    groups = []
    for kind in CardKind:
        items = [c for c in cards if c.kind == kind and not c.hidden]
        if items:
            groups.append(KindGroup(kind, kind_heading(lang, kind), items))
    closed = rnd.state == RoundState.CLOSED
    duration = (rnd.closed_at - rnd.opened_at) if rnd.opened_at is not None and rnd.closed_at is not None else None
    item = RoundItem(
        number=number, title=scrub(rnd.title), question=scrub(rnd.question), closed=closed,
        collects_cards=rnd.card_kind != CardKind.NONE,
        spoke=len(spoke), passed=len(passed), away=len(away),
        everyone_heard=closed and rnd.override is None,
        override_reason=scrub(rnd.override.reason) if rnd.override else "",
        not_heard=[names.who(pid) for pid in not_heard],
        groups=groups, cards=cards, hidden=sum(1 for c in cards if c.hidden), notes=scrub(rnd.notes),
        turn_notes=[TurnNote(names.who(turn.participant_id), scrub(turn.note)) for turn in rnd.turns if turn.note],
        opened=fmt.clock(rnd.opened_at, tz), closed_at=fmt.clock(rnd.closed_at, tz),
        duration=fmt.duration(duration, lang), turns=len(rnd.turns),
        over_time=sum(1 for turn in rnd.turns if turn.over_time),
        talk=fmt.duration(sum(_talk_seconds(rnd).values()), lang),
    )
    item.status = _status(lang, item)
    return item


def _status(lang: str, item: RoundItem) -> list[str]:
    lines = [t(lang, "spoke_passed", spoke=item.spoke, passed=item.passed)]
    if item.away:
        lines.append(t(lang, "away", n=item.away))
    if item.everyone_heard:
        lines.append(t(lang, "everyone_heard"))
    elif item.closed:
        lines += [t(lang, "override", reason=item.override_reason),
                  t(lang, "not_heard", names=join_names(lang, item.not_heard))]
    else:
        lines.append(t(lang, "round_not_closed"))
    return lines


def _agenda(dialogue: Dialogue, names: Naming, by_role: dict[str, Counter[Role]]) -> tuple[list[AgendaItem], list[str]]:
    lang = names.lang
    voted_roles = {role for roles in by_role.values() for role, n in roles.items() if n}
    columns = [role for role in Role if role in voted_roles]
    items: list[AgendaItem] = []
    for entry in ranked_agenda(dialogue):
        roles = by_role.get(entry.card.id, Counter())
        items.append(AgendaItem(
            entry.rank, names.scrub(entry.card.text), names.who(entry.card.author_id), entry.dots,
            {role_label(lang, role): roles[role] for role in columns},
        ))
    return items, [role_label(lang, role) for role in columns]


def _roles(dialogue: Dialogue, lang: str, talk: Counter[str]) -> list[RoleRow]:
    people = Counter(p.role for p in dialogue.participants)
    talk_by_role: Counter[Role] = Counter()
    roles = {p.id: p.role for p in dialogue.participants}
    for pid, seconds in talk.items():
        talk_by_role[roles.get(pid, Role.OTHER)] += seconds
    total_people, total_talk = sum(people.values()), sum(talk_by_role.values())
    felt = answers_by_role(dialogue)
    return [
        RoleRow(role_label(lang, role), people[role], fmt.share(people[role], total_people),
                fmt.duration(talk_by_role[role], lang), fmt.share(talk_by_role[role], total_talk),
                felt[role].answers, average(felt[role].average, lang))
        for role in Role if people[role] or talk_by_role[role]
    ]


def _timeline(dialogue: Dialogue, rounds: list[RoundItem], lang: str, tz: tzinfo | None) -> list[Event]:
    events: list[tuple[float, int, str]] = []
    if dialogue.started_at is not None:
        events.append((dialogue.started_at, 0, t(lang, "ev_start")))
    for rnd, item in zip(dialogue.rounds, rounds, strict=True):
        if rnd.opened_at is not None:
            events.append((rnd.opened_at, 1, t(lang, "ev_open", n=item.number, title=item.title)))
        if rnd.closed_at is not None and rnd.override is not None:
            names = join_names(lang, item.not_heard)
            reason = item.override_reason.rstrip(". ")
            events.append((rnd.closed_at, 2, t(lang, "ev_override", n=item.number, reason=reason, names=names)))
        elif rnd.closed_at is not None:
            events.append((rnd.closed_at, 2, t(lang, "ev_close", n=item.number)))
    if dialogue.finished_at is not None:
        events.append((dialogue.finished_at, 3, t(lang, "ev_finish")))
    events.sort(key=lambda e: (e[0], e[1]))
    return [Event(fmt.clock(at, tz), text) for at, _, text in events]


def _people_line(dialogue: Dialogue, lang: str) -> str:
    total, no_phone = len(dialogue.participants), sum(1 for p in dialogue.participants if not p.has_phone)
    line = t(lang, "people_total_one") if total == 1 else t(lang, "people_total", n=total)
    if no_phone:
        line += " " + (t(lang, "no_phone_one") if no_phone == 1 else t(lang, "no_phone", n=no_phone))
    removed = dialogue.removals
    if removed:
        cards, dots = sum(r.cards for r in removed), sum(r.dots for r in removed)
        line += " " + t(lang, "removed_one" if len(removed) == 1 else "removed", n=len(removed), cards=cards,
                        dots=dots)
    return line


def build_harvest(dialogue: Dialogue, anonymous: bool = False, tz: tzinfo | None = None,
                  lang: str | None = None) -> Harvest:
    """Everything the harvest says, in the dialogue's language (or `lang`). `tz` None: this machine's zone."""
    lang = lang_of(lang or dialogue.language)
    names = Naming(dialogue, lang, anonymous)
    dots, by_role = dots_per_card(dialogue), _dots_by_role(dialogue)
    rounds = [_round_item(dialogue, rnd, n, names, dots, tz) for n, rnd in enumerate(dialogue.rounds, start=1)]
    agenda, agenda_roles = _agenda(dialogue, names, by_role)
    talk: Counter[str] = Counter()
    turns: Counter[str] = Counter()
    for rnd in dialogue.rounds:
        talk.update(_talk_seconds(rnd))
        turns.update(turn.participant_id for turn in rnd.turns if turn.outcome == Outcome.SPOKE)
    joined = sorted(dialogue.participants, key=lambda p: p.joined_at)
    named = [p for p in joined if p.id in names.named]
    span = None
    if dialogue.started_at is not None and dialogue.finished_at is not None:
        span = dialogue.finished_at - dialogue.started_at
    first_role = joined[0].role if joined else Role.RESIDENT
    return Harvest(
        lang=lang, anonymous=anonymous, slug=dialogue.slug, title=names.scrub(dialogue.title),
        theme=names.scrub(theme_label(dialogue.theme, lang)), place=names.scrub(dialogue.place),
        date=names.scrub(dialogue.date) or fmt.long_date(dialogue.started_at, lang, tz),
        time_span="\u2013".join(x for x in (fmt.clock(dialogue.started_at, tz), fmt.clock(dialogue.finished_at, tz))
                                if x),
        facilitator="" if anonymous else dialogue.facilitator_name, duration=fmt.duration(span, lang),
        people_total=len(dialogue.participants), no_phone=sum(1 for p in dialogue.participants if not p.has_phone),
        people_line=_people_line(dialogue, lang),
        roles=_roles(dialogue, lang, talk), named=[(p.name, role_label(lang, p.role)) for p in named],
        label_example=f"{role_label(lang, first_role)} 1", ground_rules=ground_rules(lang),
        rounds=rounds, agenda=agenda, agenda_roles=agenda_roles,
        pledges=[Pledge(c.text, c.author, c.role) for item in rounds for g in item.groups if g.kind == CardKind.PLEDGE
                 for c in g.cards],
        person_talk=[PersonTalk(p.name, role_label(lang, p.role), turns[p.id], fmt.minutes_seconds(talk[p.id]))
                     for p in named],
        timeline=_timeline(dialogue, rounds, lang, tz),
        felt_heard=felt_heard_view(dialogue, names),
    )
