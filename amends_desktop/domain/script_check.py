"""Offline script check: reads an amends script and points out, gently, what may get in the way.

The check guides; it never blocks. It looks for two kinds of thing:

* problems in the words themselves (a span of the text is highlighted): excuses, blame,
  conditional apologies, catch-alls, asking for or pressing for forgiveness, and centring oneself;
* parts that seem to be missing from the script as a whole (no span): naming the specific harm,
  owning it, offering to repair it, leaving room to listen, and a concrete commitment.

All matching is case-insensitive, on word boundaries, and treats curly apostrophes like straight
ones. Every regular expression is compiled once at import time and each runs in one linear pass,
so a long script is checked in a few milliseconds.

About forgiveness: DOMAIN.md says forgiveness is the other person's choice, never the goal. So the
check flags *demands* ("you have to forgive me") and also *direct requests* ("please forgive me",
"will you forgive me?", a sentence that opens with "Forgive me"), because a request on the spot
still asks the other person to do something for us in the moment we came to give. It does not flag
a quiet hope ("I hope one day you can forgive me") or an explicit release ("I'm not asking you to
forgive me", "I don't expect you to forgive me"): those leave the choice with them.

About "I was using": said as the reason ("because I was using", "I was high, so ...") it works as
an excuse and is flagged; said as a time ("when I was using, I stole from you") it is context, not
an excuse, and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

EXCUSE = "excuse"
BLAME = "blame"
CONDITIONAL = "conditional"
CATCH_ALL = "catch_all"
DEMAND_FORGIVENESS = "demand_forgiveness"
SELF_CENTRED = "self_centred"
MISSING_SPECIFIC_HARM = "missing_specific_harm"
MISSING_OWNERSHIP = "missing_ownership"
MISSING_REPAIR_OFFER = "missing_repair_offer"
MISSING_LISTENING = "missing_listening"
MISSING_COMMITMENT = "missing_commitment"

PROBLEM_KINDS: tuple[str, ...] = (
    EXCUSE,
    BLAME,
    CONDITIONAL,
    CATCH_ALL,
    DEMAND_FORGIVENESS,
    SELF_CENTRED,
)
MISSING_KINDS: tuple[str, ...] = (
    MISSING_SPECIFIC_HARM,
    MISSING_OWNERSHIP,
    MISSING_REPAIR_OFFER,
    MISSING_LISTENING,
    MISSING_COMMITMENT,
)
ALL_KINDS: tuple[str, ...] = PROBLEM_KINDS + MISSING_KINDS

KIND_LABELS: dict[str, str] = {
    EXCUSE: "Sounds like an excuse",
    BLAME: "Points at them",
    CONDITIONAL: "An \u201cif\u201d apology",
    CATCH_ALL: "Too general",
    DEMAND_FORGIVENESS: "Asks for forgiveness",
    SELF_CENTRED: "About me, not them",
    MISSING_SPECIFIC_HARM: "Name what happened",
    MISSING_OWNERSHIP: "Own it",
    MISSING_REPAIR_OFFER: "Offer to repair",
    MISSING_LISTENING: "Make room to listen",
    MISSING_COMMITMENT: "Say what will change",
}

EXPLANATIONS: dict[str, str] = {
    EXCUSE: (
        "These words give a reason for what happened, and the reason can drown out the apology. "
        "You might try leaving the reason out and letting your ownership stand on its own."
    ),
    BLAME: (
        "This part can sound as if some of it was their doing. Amends are only about our side of "
        "the street, so you might keep the focus on what you did."
    ),
    CONDITIONAL: (
        "An \u201cif\u201d can sound as though the harm might not have happened, or depends on how "
        "they took it. Saying plainly what you did lets them know you see it."
    ),
    CATCH_ALL: (
        "Covering everything at once can feel vague to the person hearing it. Naming the specific "
        "things you did shows you have really looked at them."
    ),
    DEMAND_FORGIVENESS: (
        "Forgiveness is theirs to give, in their own time, or not at all. Asking for it in the "
        "moment can put them on the spot; you could leave that door for them to open."
    ),
    SELF_CENTRED: (
        "Your pain is real and it matters, and it may be better shared with your sponsor. In this "
        "conversation you might keep the light on them and how it was for them."
    ),
    MISSING_SPECIFIC_HARM: (
        "The script doesn't seem to name a specific thing you did yet (for example \u201cI took "
        "the money from your purse\u201d). Concrete words help them feel seen."
    ),
    MISSING_OWNERSHIP: (
        "There doesn't seem to be a plain line of ownership yet, such as \u201cI was wrong\u201d "
        "or \u201cthat was my fault\u201d. A simple sentence like that can carry a lot."
    ),
    MISSING_REPAIR_OFFER: (
        "You might add an offer to put things right, such as paying something back or asking "
        "\u201cWhat can I do to make this right?\u201d"
    ),
    MISSING_LISTENING: (
        "You might leave room for them to speak, for example \u201cI'd like to hear how it "
        "affected you.\u201d Listening is part of the amends."
    ),
    MISSING_COMMITMENT: (
        "You might say what will be different from now on, as concretely as you can "
        "(\u201cI'll call you every Sunday\u201d)."
    ),
}

MIN_WORDS_FOR_MISSING = 5
"""Scripts shorter than this many words are too short to judge as a whole."""


@dataclass(frozen=True)
class Finding:
    """One thing the check noticed. ``start``/``end`` index into the text (end exclusive);
    they are ``None`` for the ``missing_*`` kinds, which concern the script as a whole."""

    kind: str
    explanation: str
    start: int | None = None
    end: int | None = None


_APOSTROPHES = {0x2019: "'", 0x2018: "'", 0x02BC: "'", 0x2032: "'", 0xFF07: "'"}


class _Rule(NamedTuple):
    """A pattern and the words it cannot match without (it only runs on sentences holding one)."""

    pattern: re.Pattern[str]
    triggers: frozenset[str]


def _r(triggers: str | set[str], pattern: str, flags: int = 0) -> _Rule:
    """Compile one rule. A literal space in the pattern stands for any run of whitespace.

    ``triggers`` are lower-case words (space separated, or a set); the pattern must be unable to
    match a sentence that holds none of them. This keeps the check linear and fast on long texts.
    """
    words = frozenset(triggers.split()) if isinstance(triggers, str) else frozenset(triggers)
    return _Rule(re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE | flags), words)


# --- Problems ---------------------------------------------------------------------------------
# A rule may mark the part to highlight with a group named ``hit``; otherwise the whole match is.

_SUBSTANCE_WORDS = (
    "drug drugs drink drinking alcohol booze heroin dope pills smack gear addiction disease illness using"
)
_SUBSTANCE = "(?:" + "|".join(_SUBSTANCE_WORDS.split()) + ")"

_PROBLEM_RULES: tuple[tuple[str, tuple[_Rule, ...]], ...] = (
    (
        EXCUSE,
        (
            _r("but", r"\b(?:sorry|apologi[sz]e|my apologies)\s*,?\s*but\b"),
            _r("but", r"\b(?:sorry|apologi[sz]e) (?:about|for|if|that)(?: [\w']+){1,6}?\s*,\s*but\b"),
            _r(
                _SUBSTANCE_WORDS,
                r"\b(?:it|that) (?:was|were) (?:just |only |all |really )?(?:the |my )?"
                + _SUBSTANCE
                + r"(?: talking)?\b",
            ),
            _r("made", r"\b(?:the |my )?" + _SUBSTANCE + r" made me\b"),
            _r(
                "sick ill using high drunk wasted loaded stoned dope dopesick strung out not",
                r"(?<!\bwhen\s)(?<!\bwhile\s)(?<!\bsince\s)\bI was (?:so |just |really |very )?"
                r"(?:sick|ill|using|high|drunk|wasted|loaded|stoned|dope ?sick|strung out"
                r"|out of it|out of my mind|not myself|not in my right mind)\b"
                r"(?! of\b)(?! and tired\b)",
            ),
            _r(
                "choice",
                r"\bI (?:had no|didn't have a|did not have a|didn't have any|did not have any)"
                r" (?:other )?choice\b",
            ),
            _r("help", r"\bI (?:couldn't|could not|can't|cannot) help (?:it|myself)\b"),
            _r("fault", r"\b(?:it|that)(?: wasn't| was not| isn't| is not|'s not) (?:really |all )?my fault\b"),
            _r("mean", r"\bI (?:didn't|did not) mean (?:to|it)\b"),
            _r("meant", r"\bI never meant (?:to|it)\b"),
            _r("myself", r"\bI (?:wasn't|was not) (?:really )?myself\b"),
            _r("wasn't not", r"\bthat (?:wasn't|was not) (?:really |the real )?me\b"),
            _r("everyone", r"\beveryone (?:else )?(?:was doing|did) it\b"),
        ),
    ),
    (
        BLAME,
        (
            _r(
                "if",
                r"\bif you(?: hadn't| had not| didn't| did not| wouldn't| would not| weren't| were not"
                r"| had only|'d only| had just|'d just| had ever|'d ever)\b",
            ),
            _r(
                "if",
                r"\bif you(?:'d| had) (?:actually )?(?:listened|been|let|given|trusted|stayed"
                r"|helped|understood|cared|supported|believed|left)\b",
            ),
            _r(
                "made forced pushed drove provoked",
                r"\byou (?:made|forced|pushed|drove|provoked) me\b"
                r"(?! (?:to (?:get|seek|find) (?:help|treatment)|into (?:treatment|rehab|recovery)"
                r"|to get (?:clean|sober)|to go to (?:rehab|treatment|meetings)))",
            ),
            _r("choice", r"\byou left me no (?:other )?choice\b"),
            _r("fault", r"\b(?:it|that)(?: was| is|'s) (?:all |partly |really )?your fault\b"),
            _r("started", r"\byou started it\b"),
            _r(
                "should shouldn't",
                r"\byou should(?:n't| not)? have (?!had to\b)(?:known|trusted|lent|given|let|left"
                r"|said|done|stopped|listened)\b",
            ),
            _r(
                "perfect innocent angel saint",
                r"\byou(?: weren't| were not| aren't| are not|'re not) (?:exactly )?"
                r"(?:perfect|innocent|an angel|a saint)(?: either)?\b",
            ),
            _r("angel saint", r"\byou were no (?:angel|saint)\b"),
            _r("takes", r"\bit takes two\b"),
            _r("blame", r"\bwe were both to blame\b"),
            _r("both", r"\bwe both (?:made mistakes|did things|were wrong)\b"),
        ),
    ),
    (
        CONDITIONAL,
        (
            _r(
                "if",
                r"\bif (?:I|anything I (?:did|said)|what I did|my(?: \w+){1,2}?)"
                r"(?:'ve|'d|(?: (?:ever|may|might|have|had|somehow|in any way))*) "
                r"(?:hurt|upset|offended|harmed|wronged|bothered|disappointed|caused)\b",
            ),
            _r("if", r"\bif I(?: did| said| have done|'ve done| had done) anything\b"),
            _r(
                "if",
                r"\bif you(?: were| felt| feel| got| are| have been|'ve been|'re| was) (?:at all |in any way"
                r" |ever |somehow )?(?:offended|hurt|upset|bothered|wronged|let down)\b",
            ),
            _r(
                "may might",
                r"\b(?:any|whatever) (?:hurt|pain|harm|offen[cs]e|upset|damage|trouble) (?:that )?"
                r"I (?:may|might) have (?:caused|done)\b",
            ),
            _r("may might", r"\bI (?:may|might) have (?:hurt|upset|offended|caused|harmed|wronged)\b"),
            _r("if", r"\bif (?:that's|that is) how you (?:feel|felt|see it|saw it)\b"),
            _r("if", r"\bif you (?:feel|felt|think|thought) (?:that )?I (?:hurt|wronged|did)\b"),
            _r("extent", r"\bto the extent (?:that )?(?:I|you)\b"),
        ),
    ),
    (
        CATCH_ALL,
        (
            _r(
                "everything it all that this anything whatever",
                r"\b(?:sorry|apologi[sz]e|apologies|amends) (?:about|for) (?:absolutely )?"
                r"(?:everything|it all|all of it|all that|all this|anything|whatever)\b",
            ),
            _r(
                "whatever anything",
                r"\b(?:for|about) (?:whatever|anything) (?:that )?I(?: did| may have done"
                r"| might have done| have done|'ve done| said| did wrong)\b",
            ),
            _r("everything", r"\beverything I(?:'ve| have)? (?:ever )?(?:did|done)\b"),
            _r(
                "things stuff",
                r"\ball the (?:bad |wrong |stupid |awful )?(?:things|stuff) I(?:'ve| have)? "
                r"(?:ever )?(?:did|done|said)\b",
            ),
        ),
    ),
    (
        DEMAND_FORGIVENESS,
        (
            _r(
                "forgive",
                r"\byou(?:'ve| have)? (?:got|have|need|must|should|ought)(?: to)? "
                r"(?:just )?forgive me\b",
            ),
            _r("need", r"\bI need (?:you to forgive me|your forgiveness|to be forgiven)\b"),
            _r(
                "deserve expect",
                r"\bI (?:deserve|expect) (?:your forgiveness|to be forgiven|you to forgive me)\b",
            ),
            _r("please", r"\bplease\s*,? (?:just )?forgive me\b"),
            _r("please", r"\bforgive me\s*,? please\b"),
            _r(
                "forgive",
                r"\b(?:will|can|could|would|won't) you (?:please |ever |just |ever just )?forgive me\b",
            ),
            _r(
                "forgive",
                r"(?:^|(?<=[.!?;:\"(\u201c])|(?<=[.!?;:\"(\u201c]\s)|(?<=[.!?;:\"(\u201c]\s\s))"
                r"(?P<hit>forgive me)\b",
                re.MULTILINE,
            ),
            _r("forget", r"\bforgive and forget\b"),
            _r(
                "move behind forget",
                r"\b(?:can we|could we|let's|let us|we should|we need to) (?:just )?"
                r"(?:move on|put (?:it|this|that|all this|all that|everything) behind us"
                r"|forget (?:about )?(?:it|this|that))\b",
            ),
        ),
    ),
    (
        SELF_CENTRED,
        (
            _r(
                "too well",
                r"\bI (?:suffered|was suffering|was hurting|hurt|was in pain|had it (?:hard|rough"
                r"|tough)|struggled|was struggling|went through (?:a lot|hell)|paid a price"
                r"|lost (?:a lot|everything)) (?:too|as well)\b",
            ),
            _r(
                "too well",
                r"\b(?:it|this|that|things|life)(?: was| were| has been| have been|'s been| is) "
                r"(?:really |so |very |just as |also )?(?:hard|tough|difficult|painful|rough|awful"
                r"|terrible|hell) (?:for|on) me\s*,? (?:too|as well)\b",
            ),
            _r("too well", r"\bit hurt me (?:too|as well)\b"),
            _r(
                "know imagine understand",
                r"\byou(?: don't| do not| can't| cannot| could never|'ll never| will never) "
                r"(?:know|imagine|understand) (?:what I(?:'ve| have)? (?:went|gone|been) through"
                r"|how (?:hard|much|bad) (?:it was|it's been|it has been|this was|this has been)"
                r" for me|how much I (?:suffered|struggled|hurt))\b",
            ),
            _r("enough", r"\bI(?:'ve| have) (?:suffered|been punished|paid|been through) enough\b"),
            _r("through", r"\bI(?:'ve| have) been through (?:so much|a lot|hell)\b"),
            _r("about", r"\bwhat about me\b"),
            _r("poor", r"\bpoor me\b"),
            _r("think", r"\bthink (?:about |of )?how I (?:felt|feel)\b"),
            _r("victim", r"\bI(?:'m| am| was) (?:the real |a |the )victim(?: too| here)?\b"),
        ),
    ),
)

# --- What a whole script should contain --------------------------------------------------------

# (base, past, past participle, -ing) forms of concrete verbs of wrongdoing.
_HARM_VERBS: tuple[tuple[str, str, str, str], ...] = (
    ("take", "took", "taken", "taking"),
    ("steal", "stole", "stolen", "stealing"),
    ("lie", "lied", "lied", "lying"),
    ("miss", "missed", "missed", "missing"),
    ("break", "broke", "broken", "breaking"),
    ("borrow", "borrowed", "borrowed", "borrowing"),
    ("hit", "hit", "hit", "hitting"),
    ("yell", "yelled", "yelled", "yelling"),
    ("scream", "screamed", "screamed", "screaming"),
    ("shout", "shouted", "shouted", "shouting"),
    ("cheat", "cheated", "cheated", "cheating"),
    ("pawn", "pawned", "pawned", "pawning"),
    ("sell", "sold", "sold", "selling"),
    ("wreck", "wrecked", "wrecked", "wrecking"),
    ("crash", "crashed", "crashed", "crashing"),
    ("damage", "damaged", "damaged", "damaging"),
    ("destroy", "destroyed", "destroyed", "destroying"),
    ("ruin", "ruined", "ruined", "ruining"),
    ("forge", "forged", "forged", "forging"),
    ("spend", "spent", "spent", "spending"),
    ("betray", "betrayed", "betrayed", "betraying"),
    ("abandon", "abandoned", "abandoned", "abandoning"),
    ("neglect", "neglected", "neglected", "neglecting"),
    ("insult", "insulted", "insulted", "insulting"),
    ("humiliate", "humiliated", "humiliated", "humiliating"),
    ("belittle", "belittled", "belittled", "belittling"),
    ("threaten", "threatened", "threatened", "threatening"),
    ("manipulate", "manipulated", "manipulated", "manipulating"),
    ("deceive", "deceived", "deceived", "deceiving"),
    ("ignore", "ignored", "ignored", "ignoring"),
    ("push", "pushed", "pushed", "pushing"),
    ("shove", "shoved", "shoved", "shoving"),
    ("slap", "slapped", "slapped", "slapping"),
    ("punch", "punched", "punched", "punching"),
    ("kick", "kicked", "kicked", "kicking"),
    ("curse", "cursed", "cursed", "cursing"),
    ("swear", "swore", "sworn", "swearing"),
    ("use", "used", "used", "using"),
    ("empty", "emptied", "emptied", "emptying"),
    ("skip", "skipped", "skipped", "skipping"),
    ("forget", "forgot", "forgotten", "forgetting"),
    ("leave", "left", "left", "leaving"),
    ("abuse", "abused", "abused", "abusing"),
    ("embarrass", "embarrassed", "embarrassed", "embarrassing"),
    ("blame", "blamed", "blamed", "blaming"),
    ("owe", "owed", "owed", "owing"),
    ("drive", "drove", "driven", "driving"),
    ("scare", "scared", "scared", "scaring"),
    ("frighten", "frightened", "frightened", "frightening"),
)


def _alt(words: set[str]) -> str:
    # Longest first so that "stolen" is preferred over "stole".
    return "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + ")"


_BASE_WORDS = {v[0] for v in _HARM_VERBS}
_PAST_WORDS = {v[1] for v in _HARM_VERBS} | {v[2] for v in _HARM_VERBS}
_ING_WORDS = {v[3] for v in _HARM_VERBS}
_DUTY_WORDS = {
    "pay", "paid", "return", "returned", "show", "showed", "come", "came", "call", "called",
    "visit", "visited", "keep", "kept", "tell", "told", "repay", "repaid", "give", "gave",
    "turn", "turned", "help", "helped",
}  # fmt: skip
_ADVERB = (
    r"(?:also|even|often|repeatedly|once|then|just|always|sometimes|constantly|regularly"
    r"|secretly|really|deliberately|knowingly)"
)
_OBJECT = r"\s+[\w$\u20ac\u00a3]"  # something follows: an object, "to you", "from you"...

_SPECIFIC_HARM: tuple[_Rule, ...] = (
    _r(
        _PAST_WORDS,
        r"\bI(?:'ve|'d| have| had)?(?: " + _ADVERB + r")? " + _alt(_PAST_WORDS) + r"\b(?!(?<=used) to\b)" + _OBJECT,
    ),
    _r(
        _DUTY_WORDS,
        r"\bI (?:didn't|did not|never|failed to|wouldn't|would not|refused to) " + _alt(_DUTY_WORDS) + r"\b" + _OBJECT,
    ),
    _r("there", r"\bI (?:wasn't|was not|was never) there (?:for|when|at|on)\b"),
    _r(
        _BASE_WORDS,
        r"\b(?:wrong|selfish|cruel|dishonest|unfair) (?:of me )?to " + _alt(_BASE_WORDS) + r"\b" + _OBJECT,
    ),
    _r(_ING_WORDS, r"\b(?:for|about|regret|by) " + _alt(_ING_WORDS) + r"\b" + _OBJECT),
    _r(
        _PAST_WORDS,
        r"\b(?:the|your|that|those|his|her|their|our|all the) \w+(?: \w+)? (?:that |which )?"
        r"I(?:'d| had| have)? " + _alt(_PAST_WORDS) + r"\b",
    ),
)

_OWNERSHIP: tuple[_Rule, ...] = (
    _r("wrong", r"\bI was wrong\b"),
    _r(
        "responsible accountable",
        r"\bI(?:'m| am) (?:truly |fully |completely |solely )?(?:responsible|accountable)\b",
    ),
    _r("responsibility", r"\bI take (?:full |complete |total )?responsibility\b"),
    _r("fault", r"(?<!\bnot\s)(?<!n't\s)(?<!\bnever\s)\bmy (?:own )?fault\b"),
    _r(
        "me doing",  # "on me", "my doing"
        r"\b(?:it|that|this)(?: was| is|'s) (?:all |entirely |completely )?(?:on me|my doing)\b",
    ),
    _r("did", r"\bI did (?:it|that|this|those things|wrong)\b"),
    _r("wronged", r"\bI wronged\b"),
    _r("own", r"\bI own (?:it|that|this|what I did|my part)\b"),
    _r("chose", r"\bI chose to\b"),
    _r("excuse", r"\bno excuse\b"),
    _r("did", r"\bwhat I did (?:to you )?was (?:wrong|selfish|cruel|unfair|dishonest)\b"),
    _r(
        "selfish dishonest cruel unfair careless thoughtless unkind",
        r"\bI was (?:selfish|dishonest|cruel|unfair|careless|thoughtless|unkind)\b",
    ),
)

_REPAIR: tuple[_Rule, ...] = (
    _r("do", r"\bwhat can I do\b"),
    _r("do", r"\bis there (?:anything|something) (?:else )?I can do\b"),
    _r("make repair fix put set", r"\bhow (?:can|could|might) I (?:make|repair|fix|put|set)\b"),
    _r("right", r"\b(?:make|put|set) (?:it|this|that|things) right\b"),
    _r("up", r"\bmake (?:it |this |that )?up (?:to you|for)\b"),
    _r("back", r"\bpay(?:ing)? (?:\w+ ){0,3}?back\b"),
    _r("repay repaying repaid repayment repayments", r"\brepa(?:y|ying|id|yment|yments)\b"),
    _r(
        "replace replacing return returning fix fixing repair repairing",
        r"\b(?:replace|replacing|return|returning|fix|fixing|repair|repairing) (?:the|your|it|what)\b",
    ),
    _r("amends", r"\bmak(?:e|ing) amends\b"),
    _r("restitution", r"\brestitution\b"),
    _r("back", r"\bgiv(?:e|ing) (?:\w+ ){0,2}?back\b"),
)

_LISTENING: tuple[_Rule, ...] = (
    _r("hear", r"\bI(?:'d| would) (?:really |also )?(?:like|love) to hear\b"),
    _r("hear", r"\bI(?: want| need| am ready|'m ready) to hear\b"),
    _r(
        "affected hurt impacted changed",
        r"\bhow (?:it|this|that|all this|all that|what I did|my \w+) (?:has |have )?"
        r"(?:affected|hurt|impacted|changed) you\b",
    ),
    _r("like did meant", r"\bwhat (?:it|this|that) (?:was like|did to you|meant) for you\b"),
    _r("like did", r"\bwhat (?:it|this|that) did to you\b"),
    _r("listen listening", r"\bI(?:'m| am) (?:here to |ready to |happy to )?listen(?:ing)?\b"),
    _r("listen", r"\bI(?:'ll| will) (?:just )?listen\b"),
    _r(
        "anything",
        r"\banything (?:else )?you(?: want| need| would like|'d like| wish) to (?:say|tell me|ask"
        r"|share)\b",
    ),
    _r("side", r"\byour side\b"),
    _r("feel felt feeling", r"\bhow you (?:feel|felt|are feeling|have been feeling)\b"),
    _r("tell", r"\btell me (?:how|what|more|about)\b"),
    _r("missed", r"\bhave I missed anything\b"),
    _r("missed left", r"\bis there anything (?:else )?I(?:'ve| have) (?:missed|left out)\b"),
)

_PERIOD_WORDS = (
    "day morning evening night week weekend month year monday tuesday wednesday thursday friday saturday sunday payday"
)
_PERIOD = "(?:" + "|".join(_PERIOD_WORDS.split()) + ")"

_COMMITMENT: tuple[_Rule, ...] = (
    _r("from", r"\bfrom (?:now|today|this day|here) on\b"),
    _r("forward", r"\bgoing forward\b"),
    _r("i'll will shall", r"\bI(?:'ll| will| shall)\b(?! (?:just )?listen\b)"),
    _r("going", r"\bI(?:'m| am) going to\b"),
    _r("every each", r"\b(?:every|each) (?:single |other )?" + _PERIOD + r"s?\b"),
    _r("commit promise pledge", r"\bI (?:commit|promise|pledge) to\b"),
    _r("starting", r"\bstarting (?:today|tomorrow|now|this|next|on)\b"),
    _r("started begun set been", r"\bI(?:'ve| have) (?:started|begun|set up|been going)\b"),
    _r("end", r"\bby the end of (?:the |this |next )?(?:week|month|year)\b"),
)

_MISSING_RULES: tuple[tuple[str, tuple[_Rule, ...]], ...] = (
    (MISSING_SPECIFIC_HARM, _SPECIFIC_HARM),
    (MISSING_OWNERSHIP, _OWNERSHIP),
    (MISSING_REPAIR_OFFER, _REPAIR),
    (MISSING_LISTENING, _LISTENING),
    (MISSING_COMMITMENT, _COMMITMENT),
)

# A sentence ends at . ! ? or a line break; rules only ever match inside one sentence.
_SENTENCE = re.compile(r"[^.!?\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


class _Index:
    """The text cut into sentences, with which sentences hold which (lower-case) words."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = []
        self.by_word: dict[str, list[int]] = {}
        self.words = 0
        for sentence in _SENTENCE.finditer(text):
            index = len(self.spans)
            self.spans.append(sentence.span())
            seen: set[str] = set()
            for word in _WORD.findall(sentence.group().lower()):
                self.words += 1
                if word not in seen:
                    seen.add(word)
                    self.by_word.setdefault(word, []).append(index)

    def candidates(self, rule: _Rule) -> list[int]:
        found: set[int] = set()
        for word in rule.triggers:
            found.update(self.by_word.get(word, ()))
        return sorted(found)

    def finditer(self, rule: _Rule) -> Iterator[re.Match[str]]:
        for index in self.candidates(rule):
            start, end = self.spans[index]
            yield from rule.pattern.finditer(self.text, start, end)

    def contains(self, rules: tuple[_Rule, ...]) -> bool:
        return any(next(self.finditer(rule), None) is not None for rule in rules)


def _normalise(text: str) -> str:
    """Curly apostrophes become straight ones; the length never changes, so spans still fit."""
    return text.translate(_APOSTROPHES)


def _span(match: re.Match[str]) -> tuple[int, int]:
    if "hit" in match.re.groupindex and match.group("hit") is not None:
        return match.span("hit")
    return match.span()


def _problems(index: _Index) -> list[Finding]:
    found: list[Finding] = []
    for kind, rules in _PROBLEM_RULES:
        spans = sorted(_span(m) for rule in rules for m in index.finditer(rule))
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        found.extend(Finding(kind, EXPLANATIONS[kind], start, end) for start, end in merged)
    order = {kind: i for i, kind in enumerate(PROBLEM_KINDS)}
    found.sort(key=lambda f: (f.start or 0, order[f.kind]))
    return found


def _missing(index: _Index) -> list[Finding]:
    if index.words < MIN_WORDS_FOR_MISSING:
        return []
    return [Finding(kind, EXPLANATIONS[kind]) for kind, rules in _MISSING_RULES if not index.contains(rules)]


def problem_findings(text: str) -> list[Finding]:
    """Only the highlighted problems, sorted by position. Overlapping hits of one kind merge."""
    return _problems(_Index(_normalise(text)))


def missing_findings(text: str) -> list[Finding]:
    """What seems to be missing from the script as a whole; empty for very short texts."""
    return _missing(_Index(_normalise(text)))


def check_script(text: str) -> list[Finding]:
    """Check an amends script: problems first (in text order, with spans), then what is missing.

    Never raises for any string, and never blocks anything: the findings are suggestions.
    """
    index = _Index(_normalise(text))
    return _problems(index) + _missing(index)
