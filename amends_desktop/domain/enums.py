"""The vocabularies of DOMAIN.md as string enums.

Values are stored in the vault as written here, so never rename a value; add a new one instead.
"""

from __future__ import annotations

from enum import StrEnum


class Choice(StrEnum):
    """A string enum whose members carry a short label for people to read."""

    @property
    def label(self) -> str:
        return _LABELS.get(self, self.value.replace("_", " ").capitalize())


class Relationship(Choice):
    SELF = "self"
    PARENT = "parent"
    PARTNER = "partner"
    CHILD = "child"
    SIBLING = "sibling"
    FRIEND = "friend"
    EMPLOYER = "employer"
    COLLEAGUE = "colleague"
    COMMUNITY = "community"
    OTHER = "other"


class Reachability(Choice):
    REACHABLE = "reachable"
    UNREACHABLE = "unreachable"
    DECEASED = "deceased"
    CONTACT_FORBIDDEN = "contact_forbidden"
    UNKNOWN = "unknown"


class Willingness(Choice):
    WILLING = "willing"
    NOT_YET = "not_yet"
    UNSURE = "unsure"


class HarmCategory(Choice):
    FINANCIAL = "financial"
    TRUST = "trust"
    EMOTIONAL = "emotional"
    LEGAL = "legal"
    PROPERTY = "property"
    NEGLECT = "neglect"
    PHYSICAL_SAFETY = "physical_safety"
    OTHER = "other"


class FormalAmends(Choice):
    YES = "yes"
    NO = "no"
    UNDECIDED = "undecided"


class PlanType(Choice):
    DIRECT = "direct"
    LIVING = "living"
    INDIRECT = "indirect"
    SELF = "self"


class Stage(Choice):
    LISTED = "listed"
    WILLING = "willing"
    PREPARING = "preparing"
    REVIEWED = "reviewed"
    READY = "ready"
    MADE = "made"
    FOLLOWING_UP = "following_up"
    CLOSED = "closed"


class Hold(Choice):
    """Side states a plan can rest in, apart from its stage."""

    PAUSED = "paused"
    DEFERRED = "deferred"
    NOT_POSSIBLE = "not_possible"


class Answer(Choice):
    """An answer to one safety-screen question."""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class SafetyVerdict(Choice):
    UNANSWERED = "unanswered"
    CLEAR = "clear"
    CAUTION = "caution"
    DO_NOT_CONTACT = "do_not_contact"


class PermissionAnswer(Choice):
    YES = "yes"
    DECLINED = "declined"
    NEEDS_TIME = "needs_time"
    NO_RESPONSE = "no_response"


class OutcomeKind(Choice):
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    NOT_READY = "not_ready"
    ANGRY = "angry"
    DOUBTFUL = "doubtful"
    MORE_GRIEVANCES = "more_grievances"
    NO_RESPONSE = "no_response"
    COULD_NOT_REACH = "could_not_reach"


class Cadence(Choice):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class IndirectKind(Choice):
    DONATION = "donation"
    SERVICE = "service"
    UNSENT_LETTER = "unsent_letter"
    COMMUNITY = "community"
    OTHER = "other"


class EntryKind(Choice):
    CHECK_IN = "check_in"
    AFTER_AMENDS = "after_amends"
    AFTER_REJECTION = "after_rejection"
    SELF_FORGIVENESS = "self_forgiveness"
    SELF_AMENDS = "self_amends"
    GRATITUDE = "gratitude"
    FREE = "free"


class ContactChannel(Choice):
    IN_PERSON = "in_person"
    CALL = "call"
    LETTER = "letter"
    MESSAGE = "message"
    THROUGH_SOMEONE = "through_someone"


_LABELS: dict[Choice, str] = {
    Relationship.SELF: "Myself",
    Reachability.CONTACT_FORBIDDEN: "Contact forbidden by an order",
    Willingness.NOT_YET: "Not yet",
    HarmCategory.TRUST: "Trust and honesty",
    HarmCategory.NEGLECT: "Neglect of duty",
    HarmCategory.PHYSICAL_SAFETY: "Physical safety",
    PlanType.SELF: "Amends to myself",
    Stage.REVIEWED: "Reviewed with sponsor",
    Stage.FOLLOWING_UP: "Following up",
    Hold.NOT_POSSIBLE: "Not possible",
    SafetyVerdict.DO_NOT_CONTACT: "Do not contact directly",
    SafetyVerdict.UNANSWERED: "Not answered yet",
    PermissionAnswer.NEEDS_TIME: "Needs time",
    PermissionAnswer.NO_RESPONSE: "No response",
    OutcomeKind.PARTLY_ACCEPTED: "Partly accepted",
    OutcomeKind.NOT_READY: "Not ready",
    OutcomeKind.MORE_GRIEVANCES: "Raised more grievances",
    OutcomeKind.NO_RESPONSE: "No response",
    OutcomeKind.COULD_NOT_REACH: "Could not reach",
    IndirectKind.SERVICE: "Service hours",
    IndirectKind.UNSENT_LETTER: "Unsent letter",
    IndirectKind.COMMUNITY: "Community work",
    EntryKind.CHECK_IN: "Daily check-in",
    EntryKind.AFTER_AMENDS: "After amends",
    EntryKind.AFTER_REJECTION: "After a rejection",
    EntryKind.SELF_FORGIVENESS: "Self-forgiveness",
    EntryKind.SELF_AMENDS: "Self-amends",
    EntryKind.FREE: "Free writing",
    ContactChannel.IN_PERSON: "In person",
    ContactChannel.THROUGH_SOMEONE: "Through someone else",
}

DEFAULT_DEFECTS: tuple[str, ...] = (
    "dishonesty",
    "selfishness",
    "resentment",
    "fear",
    "manipulation",
    "self-pity",
    "pride",
    "impatience",
)
