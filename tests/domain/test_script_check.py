from __future__ import annotations

import statistics
import time

import pytest

from amends_desktop.domain.script_check import (
    ALL_KINDS,
    EXPLANATIONS,
    KIND_LABELS,
    MISSING_KINDS,
    PROBLEM_KINDS,
    Finding,
    check_script,
    missing_findings,
    problem_findings,
)

# (sentence, the exact set of problem kinds it must give)
SENTENCES: list[tuple[str, set[str]]] = [
    # Sound sentences: no problem at all.
    ("I was wrong to take the money.", set()),
    ("When I was using, I stole from your purse.", set()),
    ("While I was high I crashed your car.", set()),
    ("I'm not asking you to forgive me.", set()),
    ("I don't expect you to forgive me.", set()),
    ("I hope one day you can forgive me, but that is your choice.", set()),
    ("Whether you forgive me or not is up to you.", set()),
    ("I took $500 from your wallet and lied about it.", set()),
    ("I'd like to hear how it affected you.", set()),
    ("There is no excuse for what I did.", set()),
    ("I had a choice, and I chose to lie.", set()),
    ("You shouldn't have had to deal with that.", set()),
    ("If you'd like to talk, I'm listening.", set()),
    ("If you don't want to talk today, I understand.", set()),
    ("It was my fault, not yours.", set()),
    ("I missed your graduation because I chose to get high.", set()),
    ("You pushed me to get help, and I'm grateful.", set()),
    ("I was sick of lying to you, so I'm here.", set()),
    ("From now on I will call you every Sunday.", set()),
    ("I pawned Grandma's ring and told you it was lost.", set()),
    ("I\u2019m sorry I yelled at you in front of the kids.", set()),
    ("How can I make it right?", set()),
    ("That's on me, nobody else.", set()),
    # Excuses.
    ("I'm sorry, but you have to understand I was sick.", {"excuse"}),
    ("It was the drugs talking, not me.", {"excuse"}),
    ("I was high, so I don't remember much.", {"excuse"}),
    ("I had no choice.", {"excuse"}),
    ("I didn\u2019t have a choice back then.", {"excuse"}),
    ("It wasn't my fault, the addiction made me do it.", {"excuse"}),
    ("I never meant to hurt you.", {"excuse"}),
    ("It\u2019s not my fault, honestly.", {"excuse"}),
    ("I am sorry for lying, but I was scared.", {"excuse"}),
    # Blame.
    ("If you hadn't kicked me out, I wouldn't have relapsed.", {"blame"}),
    ("You made me so angry that I hit the wall.", {"blame"}),
    ("You pushed me too far that night.", {"blame"}),
    ("Honestly, you weren't perfect either.", {"blame"}),
    ("If you had listened, none of this would have happened.", {"blame"}),
    # Conditional apologies.
    ("I'm sorry if I hurt you.", {"conditional"}),
    ("I\u2019m sorry if I\u2019ve upset you.", {"conditional"}),
    ("I apologise if you were offended.", {"conditional"}),
    ("If my drinking hurt you, I'm sorry.", {"conditional"}),
    ("I apologize for any pain I may have caused.", {"conditional"}),
    # Catch-alls.
    ("I'm sorry for everything.", {"catch_all"}),
    ("I apologise for all the stupid things I did.", {"catch_all"}),
    ("I want to make amends for everything I've done.", {"catch_all"}),
    # Forgiveness.
    ("You have to forgive me.", {"demand_forgiveness"}),
    ("Please forgive me.", {"demand_forgiveness"}),
    ("Will you forgive me?", {"demand_forgiveness"}),
    ("Can we just move on now?", {"demand_forgiveness"}),
    ("I need your forgiveness to move forward.", {"demand_forgiveness"}),
    # Centring oneself.
    ("It was hard for me too, you know.", {"self_centred"}),
    ("You can't imagine what I went through.", {"self_centred"}),
    ("I've suffered enough for this.", {"self_centred"}),
    # Several at once.
    ("Please forgive me for whatever I did.", {"demand_forgiveness", "catch_all"}),
    ("You have to forgive me, I suffered too.", {"demand_forgiveness", "self_centred"}),
    ("I had no choice, you pushed me.", {"excuse", "blame"}),
    ("Sorry for everything, but you pushed me to it.", {"catch_all", "excuse", "blame"}),
    ("Forgive me. I was high.", {"demand_forgiveness", "excuse"}),
    ("I'm sorry if you were hurt, but it was hard on me as well.", {"conditional", "excuse", "self_centred"}),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES, ids=[s for s, _ in SENTENCES])
def test_problem_kinds(sentence: str, expected: set[str]) -> None:
    kinds = {f.kind for f in check_script(sentence) if f.kind in PROBLEM_KINDS}
    assert kinds == expected


def test_table_is_big_enough() -> None:
    assert len(SENTENCES) >= 40
    assert sum(1 for _, kinds in SENTENCES if not kinds) >= 15


# (text, kind, the phrase that must be highlighted)
SPANS: list[tuple[str, str, str]] = [
    ("Look, I'm sorry, but you know how it was.", "excuse", "sorry, but"),
    ("Honestly, it was the drugs.", "excuse", "it was the drugs"),
    ("Sorry , but that is how it was.", "excuse", "Sorry , but"),
    ("Back then I was using and I lied.", "excuse", "I was using"),
    ("I'm sorry if I hurt you.", "conditional", "if I hurt"),
    ("We fought. If you hadn't called the police, I'd have stayed.", "blame", "If you hadn't"),
    ("I know you made me\nfeel small, but", "blame", "you made me"),
    ("I\u2019m sorry for everything, Dad.", "catch_all", "sorry for everything"),
    ("Mum. Forgive me.", "demand_forgiveness", "Forgive me"),
    ("And please forgive me!", "demand_forgiveness", "please forgive me"),
    ("It was hard for me too.", "self_centred", "It was hard for me too"),
    ("I\u2019m sorry if I\u2019ve upset you", "conditional", "if I\u2019ve upset"),
]


@pytest.mark.parametrize(("text", "kind", "phrase"), SPANS)
def test_spans_point_at_the_phrase(text: str, kind: str, phrase: str) -> None:
    hits = [f for f in check_script(text) if f.kind == kind]
    assert len(hits) == 1
    hit = hits[0]
    assert hit.start is not None and hit.end is not None
    assert text[hit.start : hit.end] == phrase


def test_spans_of_several_findings_in_order() -> None:
    text = "Please forgive me. I had no choice. If you hadn't left, I would not have used."
    problems = problem_findings(text)
    assert [(f.kind, text[f.start : f.end]) for f in problems if f.start is not None and f.end is not None] == [
        ("demand_forgiveness", "Please forgive me"),
        ("excuse", "I had no choice"),
        ("blame", "If you hadn't"),
    ]


def test_overlapping_hits_of_one_kind_merge() -> None:
    text = "I'm sorry for whatever I did."
    catch_alls = [f for f in check_script(text) if f.kind == "catch_all"]
    assert len(catch_alls) == 1
    assert catch_alls[0].start is not None and catch_alls[0].end is not None
    assert text[catch_alls[0].start : catch_alls[0].end] == "sorry for whatever I did"


def test_repeated_phrase_found_each_time() -> None:
    text = "Sorry, but... sorry, but."
    assert [f.start for f in check_script(text) if f.kind == "excuse"] == [0, 14]


GOOD_SCRIPT = (
    "Dad, thank you for meeting me. In 2019 I took 400 euros from the tin in your kitchen and "
    "lied to you about it when you asked. I was wrong, and it was my fault alone. I'd like to "
    "pay you back 50 euros a month until it's all repaid. I'd like to hear how it affected you, "
    "and I'm listening. From now on I will be honest with you about money."
)


def test_a_sound_script_has_no_findings() -> None:
    assert check_script(GOOD_SCRIPT) == []


# (script, the exact set of missing_* kinds)
SCRIPTS: list[tuple[str, set[str]]] = [
    (GOOD_SCRIPT, set()),
    (
        "I'm really sorry about how things were between us back then.",
        set(MISSING_KINDS),
    ),
    (
        "I stole your bike and sold it. That was my fault.",
        {"missing_repair_offer", "missing_listening", "missing_commitment"},
    ),
    (
        "I took the money you kept for rent. I take responsibility. What can I do to make it "
        "right? Tell me how it was for you.",
        {"missing_commitment"},
    ),
    (
        "I missed your wedding because I was using. I'm going to be there for the kids every week.",
        {"missing_ownership", "missing_repair_offer", "missing_listening"},
    ),
    (
        "I was there for you always and things just happened, that is life.",
        set(MISSING_KINDS),
    ),
    (
        "The car I wrecked was yours. I own that. I'll pay back the repairs; I want to hear your side.",
        set(),
    ),
    (
        "I never paid you back the loan, and I did that knowingly. I want to make amends by repaying it "
        "starting next month. Is there anything I've missed?",
        set(),
    ),
]


@pytest.mark.parametrize(("script", "expected"), SCRIPTS)
def test_missing_checks_on_whole_scripts(script: str, expected: set[str]) -> None:
    missing = {f.kind for f in check_script(script) if f.kind in MISSING_KINDS}
    assert missing == expected


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "Sorry.", "I was wrong."])
def test_missing_checks_skip_empty_or_tiny_texts(text: str) -> None:
    assert missing_findings(text) == []


def test_missing_findings_have_no_span_and_come_last() -> None:
    findings = check_script("Please forgive me, this is hard to say to you.")
    assert findings[0].kind == "demand_forgiveness"
    missing = [f for f in findings if f.kind in MISSING_KINDS]
    assert missing and all(f.start is None and f.end is None for f in missing)
    assert findings[-len(missing) :] == missing


def test_each_finding_carries_its_explanation() -> None:
    for f in check_script("I'm sorry if I hurt you, but you made me do it. Sorry for everything."):
        assert f.explanation == EXPLANATIONS[f.kind]


def test_labels_and_explanations_cover_every_kind() -> None:
    assert set(KIND_LABELS) == set(ALL_KINDS) == set(EXPLANATIONS)
    assert len(ALL_KINDS) == 11
    assert all(KIND_LABELS[k].strip() and EXPLANATIONS[k].strip() for k in ALL_KINDS)


def test_finding_is_frozen() -> None:
    finding = Finding("excuse", "x", 0, 1)
    with pytest.raises(AttributeError):
        finding.kind = "blame"  # type: ignore[misc]


def test_never_raises_on_odd_input() -> None:
    for text in ["\x00", "()[]{}*+?", "forgive me" * 3, "\u2019\u2018" * 50, "I" * 10_000]:
        check_script(text)


def _long_script(words: int) -> str:
    pieces = [
        "I took the money from your purse and I am sorry, but I was sick back then.",
        "If you hadn't left I would have stayed, and I know that is not fair to say.",
        "I'd like to hear how it affected you and what I can do to make it right.",
        "From now on I will call every Sunday and keep my word to the family.",
    ]
    out: list[str] = []
    count = 0
    i = 0
    while count < words:
        sentence = pieces[i % len(pieces)]
        out.append(sentence)
        count += len(sentence.split())
        i += 1
    return " ".join(out)


def test_fast_on_a_long_script() -> None:
    text = _long_script(5000)
    assert len(text.split()) >= 5000
    timings = []
    for _ in range(5):
        t0 = time.perf_counter()
        findings = check_script(text)
        timings.append(time.perf_counter() - t0)
    assert findings
    assert statistics.median(timings) < 0.1
