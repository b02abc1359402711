"""Plain records for every concept of DOMAIN.md.

Field names match the vault's columns one to one (see storage/migrations), so repositories can map
rows without hand-written glue. Dates are ISO strings (``YYYY-MM-DD``) or ``None``; money is integer
minor units with an ISO currency code beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from amends_desktop.domain.enums import (
    Answer,
    Cadence,
    ContactChannel,
    EntryKind,
    FormalAmends,
    HarmCategory,
    Hold,
    IndirectKind,
    OutcomeKind,
    PermissionAnswer,
    PlanType,
    Reachability,
    Relationship,
    Stage,
    Willingness,
)


@dataclass
class Person:
    name: str
    relationship: Relationship = Relationship.OTHER
    reachability: Reachability = Reachability.UNKNOWN
    willingness: Willingness = Willingness.UNSURE
    revisit_on: str | None = None
    notes: str = ""
    is_self: bool = False
    id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None


@dataclass
class DefectTag:
    name: str
    builtin: bool = False
    id: int | None = None


@dataclass
class Harm:
    person_id: int
    category: HarmCategory = HarmCategory.OTHER
    what_happened: str = ""
    when_text: str = ""
    amount_minor: int | None = None
    currency: str = ""
    root_cause: str = ""
    formal_amends: FormalAmends = FormalAmends.UNDECIDED
    reviewed_on: str | None = None
    notes: str = ""
    id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None


@dataclass
class Plan:
    person_id: int
    type: PlanType = PlanType.DIRECT
    stage: Stage = Stage.LISTED
    hold: Hold | None = None
    hold_reason: str = ""
    hold_since: str | None = None
    priority: int = 0
    # Safety screen: one answer per question, None while unanswered.
    safety_hurt_them: Answer | None = None
    safety_hurt_others: Answer | None = None
    safety_abuse: Answer | None = None
    safety_order_or_legal: Answer | None = None
    safety_crisis: Answer | None = None
    safety_own_guilt: Answer | None = None
    safety_review_by: str = ""
    safety_review_decision: str = ""
    safety_review_on: str | None = None
    # Readiness.
    inventory_done: bool = False
    reviewed_on: str | None = None
    support_person: str = ""
    halt_checked_on: str | None = None
    exit_plan: str = ""
    ready_override_reason: str = ""
    # Approach.
    when_where: str = ""
    first_contact: str = ""
    circumstances: str = ""
    script: str = ""
    commitments_text: str = ""
    follow_up_on: str | None = None
    notes: str = ""
    id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None


@dataclass
class ExpectedResponse:
    plan_id: int
    response: str = ""
    my_answer: str = ""
    position: int = 0
    id: int | None = None


@dataclass
class PermissionRequest:
    plan_id: int
    asked_on: str | None = None
    answer: PermissionAnswer | None = None
    not_before: str | None = None
    note: str = ""
    id: int | None = None


@dataclass
class ContactAttempt:
    plan_id: int
    on_date: str | None = None
    channel: ContactChannel = ContactChannel.IN_PERSON
    note: str = ""
    id: int | None = None


@dataclass
class Ledger:
    plan_id: int
    currency: str = "EUR"
    owed_minor: int = 0
    owed_is_estimate: bool = False
    affordable_minor: int = 0
    creditor_unreachable: bool = False
    redirected_to: str = ""
    id: int | None = None


@dataclass
class Instalment:
    ledger_id: int
    due_on: str
    amount_minor: int
    id: int | None = None


@dataclass
class Payment:
    ledger_id: int
    paid_on: str
    amount_minor: int
    method: str = ""
    note: str = ""
    id: int | None = None


@dataclass
class Commitment:
    plan_id: int
    description: str = ""
    cadence: Cadence = Cadence.WEEKLY
    started_on: str | None = None
    active: bool = True
    id: int | None = None


@dataclass
class CheckIn:
    commitment_id: int
    on_date: str
    kept: bool = True
    note: str = ""
    id: int | None = None


@dataclass
class IndirectAction:
    plan_id: int
    kind: IndirectKind = IndirectKind.OTHER
    on_date: str | None = None
    amount_minor: int | None = None
    currency: str = ""
    hours: float | None = None
    letter_text: str = ""
    notes: str = ""
    id: int | None = None


@dataclass
class Outcome:
    plan_id: int
    kind: OutcomeKind
    on_date: str | None = None
    heard: str = ""
    promised: str = ""
    door_open: bool = True
    next_step: str = ""
    follow_up_on: str | None = None
    id: int | None = None


@dataclass
class Entry:
    written_on: str
    kind: EntryKind = EntryKind.CHECK_IN
    body: str = ""
    mood: int | None = None
    craving: int | None = None
    thoughts_of_using: bool = False
    sc_meeting: bool = False
    sc_meditation: bool = False
    sc_exercise: bool = False
    sc_called_sponsor: bool = False
    sc_ate: bool = False
    sc_slept: bool = False
    person_id: int | None = None
    plan_id: int | None = None
    prompt: str = ""
    id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None


@dataclass
class Prompt:
    kind: EntryKind
    text: str
    is_template: bool = False
    id: int | None = None


@dataclass
class SensitiveDate:
    on_date: str
    label: str = ""
    id: int | None = None


@dataclass
class Contact:
    """A support contact (sponsor, counselor, crisis line) kept inside the vault."""

    name: str = ""
    phone: str = ""
    note: str = ""


@dataclass
class Settings:
    clean_date: str | None = None
    min_clean_days: int = 90
    sponsor: Contact = field(default_factory=Contact)
    counselor: Contact = field(default_factory=Contact)
    crisis_line: Contact = field(default_factory=Contact)
    craving_threshold: int = 7
    auto_lock_minutes: int = 10
    neutral_title: bool = False
    default_currency: str = "EUR"
