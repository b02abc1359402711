from __future__ import annotations

import pytest

from amends_desktop.domain.enums import EntryKind
from amends_desktop.domain.prompts import (
    BUILTIN_PROMPTS,
    BUILTIN_TEMPLATES,
    OwnPrompt,
    choices_for,
    clean_prompt_text,
)


@pytest.mark.parametrize("kind", list(EntryKind))
def test_every_kind_has_at_least_five_distinct_prompts(kind: EntryKind) -> None:
    prompts = BUILTIN_PROMPTS[kind]
    assert len(prompts) >= 5
    assert len({p.casefold() for p in prompts}) == len(prompts)
    assert all(p.strip() == p and p for p in prompts)


@pytest.mark.parametrize("kind", list(EntryKind))
def test_every_kind_has_a_template_entry(kind: EntryKind) -> None:
    assert kind in BUILTIN_TEMPLATES


def test_prompts_are_gentle_not_preachy() -> None:
    words = ("must", "should have", "failure", "shame on", "you always")
    for prompts in BUILTIN_PROMPTS.values():
        for text in prompts:
            assert not any(w in text.lower() for w in words), text


def test_own_prompts_come_after_builtin_without_duplicates_or_other_kinds() -> None:
    own = [
        OwnPrompt(1, EntryKind.GRATITUDE, "What made me smile?", False),
        OwnPrompt(2, EntryKind.GRATITUDE, "  " + BUILTIN_PROMPTS[EntryKind.GRATITUDE][0].upper(), False),
        OwnPrompt(3, EntryKind.FREE, "Not for gratitude", False),
        OwnPrompt(4, EntryKind.GRATITUDE, "Good things:\n-\n-", True),
    ]
    choices = choices_for(EntryKind.GRATITUDE, own)
    assert [c.text for c in choices[: len(BUILTIN_PROMPTS[EntryKind.GRATITUDE])]] == list(BUILTIN_PROMPTS[EntryKind.GRATITUDE])
    assert all(c.builtin for c in choices[:-1])
    assert choices[-1].text == "What made me smile?" and choices[-1].prompt_id == 1
    templates = choices_for(EntryKind.GRATITUDE, own, templates=True)
    assert templates[-1].prompt_id == 4 and templates[-1].is_template
    assert all(t.is_template for t in templates)


def test_empty_free_template_is_not_offered() -> None:
    assert choices_for(EntryKind.FREE, templates=True) == []


def test_clean_prompt_text() -> None:
    assert clean_prompt_text("  What now?  ") == "What now?"
    with pytest.raises(ValueError, match="Write a few words"):
        clean_prompt_text("   \n")
    with pytest.raises(ValueError):
        clean_prompt_text("x" * 2001)
