"""Readiness: what is still missing before a plan can be marked ready.

Items, in the order they are shown:

* ``clean_days``: days since ``settings.clean_date`` reach ``settings.min_clean_days``; no clean date
  (or one that cannot be read, or lies in the future) counts as missing.
* ``inventory``: the inventory for this person is marked done and covers at least one harm.
* ``safety``: every safety question answered, and (the plan being direct) the direct type allowed.
* ``sponsor_review``: the plan was reviewed with the sponsor or counselor (``plan.reviewed_on``).
* ``support``: someone to call afterwards (``plan.support_person``).
* ``halt``: a HALT check (hungry, angry, lonely, tired) done today (``plan.halt_checked_on``).
* ``exit_plan``: a way to leave if it goes badly (``plan.exit_plan``).

Which items a plan type needs: the clean-days minimum is set "before direct amends", and the safety
screen, the HALT check and the exit plan belong to the day of a direct conversation. For living,
indirect and self amends these four are shown as *not required* (``required=False``, ``ok=True``).
The inventory, the sponsor review and support afterwards matter for every type: an unsent letter or
a first living-amends step can stir up as much as a conversation.

A plan is ready when every item is ok, or when the user overrides with a written reason. The
override never opens a door that the safety screen closed: the stage rules check that separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from amends_desktop.domain.enums import PlanType, SafetyVerdict
from amends_desktop.domain.models import Plan, Settings
from amends_desktop.domain.safety import direct_allowed, safety_verdict, unanswered


@dataclass(frozen=True)
class ReadinessItem:
    key: str
    label: str
    ok: bool
    detail: str
    required: bool = True


@dataclass(frozen=True)
class Readiness:
    items: list[ReadinessItem]
    override_reason: str = ""

    @property
    def missing(self) -> list[ReadinessItem]:
        """Items not yet in place (never includes items that are not required)."""
        return [item for item in self.items if not item.ok]

    @property
    def all_ok(self) -> bool:
        return not self.missing

    @property
    def overridden(self) -> bool:
        """True when the plan counts as ready only because of the written override."""
        return not self.all_ok and bool(self.override_reason.strip())

    @property
    def ready(self) -> bool:
        return self.all_ok or bool(self.override_reason.strip())

    def item(self, key: str) -> ReadinessItem:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)


LABELS: dict[str, str] = {
    "clean_days": "Clean time",
    "inventory": "Inventory done",
    "safety": "Safety questions",
    "sponsor_review": "Reviewed with sponsor",
    "support": "Support afterwards",
    "halt": "HALT check today",
    "exit_plan": "Exit plan",
}

DIRECT_ONLY: frozenset[str] = frozenset({"clean_days", "safety", "halt", "exit_plan"})
"""Items only a direct plan needs."""


_TYPE_WORDS: dict[PlanType, str] = {
    PlanType.DIRECT: "direct amends",
    PlanType.LIVING: "living amends",
    PlanType.INDIRECT: "indirect amends",
    PlanType.SELF: "amends to yourself",
}


def parse_iso(value: str | None) -> date | None:
    """A ``YYYY-MM-DD`` string as a date; ``None`` for empty or unreadable values."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _clean_days(settings: Settings, today: date) -> tuple[bool, str]:
    clean = parse_iso(settings.clean_date)
    if clean is None:
        return False, "No clean date yet. You can add it in Settings."
    if clean > today:
        return False, "The clean date is in the future; you may want to check it in Settings."
    days = (today - clean).days
    minimum = max(settings.min_clean_days, 0)
    if days >= minimum:
        return True, f"{_days(days)} clean (the minimum you set is {_days(minimum)})."
    return False, f"{_days(days)} clean; the minimum you and your sponsor set is {_days(minimum)}."


def _safety(plan: Plan) -> tuple[bool, str]:
    verdict = safety_verdict(plan)
    open_questions = unanswered(plan)
    if verdict == SafetyVerdict.DO_NOT_CONTACT:
        if direct_allowed(plan):
            return True, "Reviewed with your sponsor or counselor despite the risks; their decision is noted."
        return False, "The answers say direct contact could cause harm. Living or indirect amends are open."
    if open_questions:
        n = len(open_questions)
        return False, f"{n} question{'s' if n != 1 else ''} still to answer."
    if verdict == SafetyVerdict.CAUTION:
        return True, "Answered. Some answers call for care; worth going over with your sponsor."
    return True, "Answered."


def readiness(plan: Plan, settings: Settings, today: date, harms_covered: int) -> Readiness:
    """Work out each readiness item for ``plan`` on ``today``.

    ``harms_covered`` is the number of harms the plan covers (from the inventory).
    """
    direct = plan.type == PlanType.DIRECT
    results: dict[str, tuple[bool, str]] = {}

    results["clean_days"] = _clean_days(settings, today)

    if plan.inventory_done and harms_covered > 0:
        results["inventory"] = (True, f"Done, covering {harms_covered} harm{'s' if harms_covered != 1 else ''}.")
    elif plan.inventory_done:
        results["inventory"] = (False, "Marked done, but no harm is linked to this plan yet.")
    else:
        results["inventory"] = (False, "Not marked done yet.")

    results["safety"] = _safety(plan)

    reviewed = parse_iso(plan.reviewed_on)
    results["sponsor_review"] = (
        (True, f"Reviewed on {reviewed.isoformat()}.")
        if reviewed is not None
        else (False, "Not reviewed with your sponsor or counselor yet.")
    )

    support = plan.support_person.strip()
    results["support"] = (
        (True, f"You'll reach out to {support}.") if support else (False, "Who will you call afterwards?")
    )

    halt = parse_iso(plan.halt_checked_on)
    if halt == today:
        results["halt"] = (True, "Checked today.")
    elif halt is None:
        results["halt"] = (False, "On the day: are you hungry, angry, lonely or tired?")
    else:
        results["halt"] = (False, f"Last checked on {halt.isoformat()}; it needs to be done on the day.")

    results["exit_plan"] = (
        (True, "In place.") if plan.exit_plan.strip() else (False, "How will you leave if it gets too hard?")
    )

    items: list[ReadinessItem] = []
    for key, label in LABELS.items():
        ok, detail = results[key]
        if not direct and key in DIRECT_ONLY:
            items.append(ReadinessItem(key, label, True, f"Not needed for {_TYPE_WORDS[plan.type]}.", False))
        else:
            items.append(ReadinessItem(key, label, ok, detail))
    return Readiness(items, plan.ready_override_reason)
