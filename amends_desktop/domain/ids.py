"""Typed ids, so a person's id is never passed where a plan's is expected."""

from typing import NewType

PersonId = NewType("PersonId", int)
HarmId = NewType("HarmId", int)
TagId = NewType("TagId", int)
PlanId = NewType("PlanId", int)
LedgerId = NewType("LedgerId", int)
CommitmentId = NewType("CommitmentId", int)
EntryId = NewType("EntryId", int)
