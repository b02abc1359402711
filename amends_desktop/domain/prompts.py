"""Writing prompts and templates for journal entries, written for this app in our own words.

Each kind of entry has at least five prompts (a question to start from) and one or more templates
(a few lines that become the start of the body). The person can add their own of both; those live
in the vault's ``prompts`` table and are listed after the built-in ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from amends_desktop.domain.enums import EntryKind

BUILTIN_PROMPTS: dict[EntryKind, tuple[str, ...]] = {
    EntryKind.CHECK_IN: (
        "How am I, honestly, right now? One word is a fine start.",
        "What took most of my energy today, and what gave some back?",
        "Did anything today stir up an old habit or an old feeling?",
        "Who did I talk to today, and who would I like to talk to tomorrow?",
        "What is one small thing I did today that my future self will thank me for?",
        "Is there anything I'm carrying tonight that I could put down or share?",
    ),
    EntryKind.AFTER_AMENDS: (
        "What did I say, in my own words, and what did I leave out?",
        "What did I hear from them? Write it down as closely as I remember it.",
        "How does my body feel now, compared with this morning?",
        "What did I promise, and what is the first step to keep that promise?",
        "Is there anything I need to tell my sponsor or counselor about how it went?",
        "What am I proud of in how I showed up, whatever they answered?",
    ),
    EntryKind.AFTER_REJECTION: (
        "What happened, plainly, without judging them or myself?",
        "Which part of their answer is sitting heaviest with me?",
        "What was mine to do, and did I do it?",
        "What would I say to a friend who had just been through this?",
        "Who can I call tonight, so I'm not holding this alone?",
        "Could I keep making this right through how I live, without needing their answer?",
    ),
    EntryKind.SELF_FORGIVENESS: (
        "What am I still blaming myself for, in one honest sentence?",
        "What did I not know, or could not do, back then that I can do now?",
        "What has changed in me since then? Name one real thing.",
        "If someone I love had done what I did and changed as I have, what would I tell them?",
        "What would treating myself with the same patience I give others look like this week?",
        "What can I let go of today, even just a little?",
    ),
    EntryKind.SELF_AMENDS: (
        "Which part of my life did I neglect most when I was using?",
        "What does looking after my health look like this week, in practice?",
        "Is there a skill, a course or a job I gave up on that I could pick up again?",
        "What is one money habit I'd like to build, one step at a time?",
        "Where am I hardest on myself, and what would a kinder word be?",
        "What promise to myself did I keep recently?",
    ),
    EntryKind.GRATITUDE: (
        "Three things from today, however small, that I'm glad about.",
        "Who helped me lately, and have I told them?",
        "What can I do today that I couldn't do a year ago?",
        "What part of my recovery am I thankful for right now?",
        "A moment today when I felt at peace, even for a minute.",
        "Something about where I live or who I live with that I'm grateful for.",
    ),
    EntryKind.FREE: (
        "Whatever is on my mind. No rules.",
        "What keeps coming back to me this week?",
        "A memory that surfaced today, and what it brought with it.",
        "Something I want to remember about this time in my life.",
        "A letter to myself a year from now.",
        "What I'd tell my sponsor if they were sitting here.",
    ),
}

BUILTIN_TEMPLATES: dict[EntryKind, tuple[str, ...]] = {
    EntryKind.CHECK_IN: (
        "How I feel:\nWhat helped today:\nWhat was hard:\nOne thing for tomorrow:\n",
    ),
    EntryKind.AFTER_AMENDS: (
        "Who and when:\nWhat I said:\nWhat I heard:\nWhat I promised:\nHow I feel now:\nNext step:\n",
    ),
    EntryKind.AFTER_REJECTION: (
        "What happened:\nWhat I feel:\nWhat was mine to do:\nWho I'll call:\nOne kind thing to myself:\n",
    ),
    EntryKind.SELF_FORGIVENESS: (
        "What I'm holding against myself:\nWhat I understand now:\nWhat has changed:\nWhat I can let go of:\n",
    ),
    EntryKind.SELF_AMENDS: (
        "The part of my life:\nWhat I neglected:\nWhat I'll do this week:\nHow I'll know it's working:\n",
    ),
    EntryKind.GRATITUDE: (
        "Today I'm grateful for:\n1.\n2.\n3.\n",
    ),
    EntryKind.FREE: (
        "",
    ),
}


@dataclass(frozen=True)
class PromptChoice:
    """A prompt or template to offer: built-in (``prompt_id`` None) or the person's own."""

    kind: EntryKind
    text: str
    is_template: bool = False
    prompt_id: int | None = None

    @property
    def builtin(self) -> bool:
        return self.prompt_id is None


@dataclass(frozen=True)
class OwnPrompt:
    """The fields of a person's own prompt as stored (kept free of the storage layer)."""

    id: int
    kind: EntryKind
    text: str
    is_template: bool


def choices_for(kind: EntryKind, own: Iterable[OwnPrompt] = (), *, templates: bool = False) -> list[PromptChoice]:
    """Built-in prompts (or templates) for ``kind`` first, then the person's own, without duplicates."""
    builtin = BUILTIN_TEMPLATES if templates else BUILTIN_PROMPTS
    result = [PromptChoice(kind, text, templates) for text in builtin.get(kind, ()) if text.strip()]
    seen = {c.text.strip().casefold() for c in result}
    for p in own:
        if p.kind != kind or p.is_template != templates:
            continue
        key = p.text.strip().casefold()
        if not key or key in seen:
            continue
        seen.add(key)
        result.append(PromptChoice(kind, p.text, templates, p.id))
    return result


def clean_prompt_text(text: str) -> str:
    """The text of a new prompt as it will be stored; raises ValueError with a kind message if empty."""
    cleaned = text.strip()
    if not cleaned:
        raise ValueError("Write a few words for the prompt first.")
    if len(cleaned) > 2000:
        raise ValueError("That prompt is very long; a sentence or two works best.")
    return cleaned
