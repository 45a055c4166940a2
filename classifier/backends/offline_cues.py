"""The offline engine's tree-independent language: how a paper speaks, not what it is about.

Which sentences are the authors' own claims, which describe others' work, what a negation covers and
whether the paper is a review: general English, true of any taxonomy. The tree-specific vocabulary
(cue groups, one per definition clause) lives in the tree file, e.g. ``classifier/taxonomy.json``.
Phrases are regular expressions (case-insensitive); a space in them also matches a hyphen or no space
at all ("language-model agent", and PDFs that lose their spaces).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for a list of phrases."""
    return re.compile("|".join(loosened(phrases)), re.IGNORECASE)


def loosened(phrases: Iterable[str]) -> list[str]:
    """Each phrase as the regular expression the engine runs: see ``_loosen``."""
    return [_loosen(p) for p in phrases]


# a skipped word: "(?:\w+ )" or "(?:[\w,-]+ )", any class of word characters followed by a space
_SKIPPED_WORD = re.compile(r"\(\?:(\\w|\[[^\]\s]*\])\+ \)")


def _loosen(phrase: str) -> str:
    r"""A space between words also matches a hyphen or nothing; a skipped word still needs a separator
    (without one, ``(?:[\w,]+ ){0,8}`` could split a word anywhere and backtracked through every split)."""
    phrase = phrase.replace("[- ]", " ")
    phrase = _SKIPPED_WORD.sub(lambda m: f"(?:{m.group(1)}+[\\s-]+)", phrase)
    return phrase.replace(" ", r"[\s-]*")


# A negation covers the rest of its clause: "without any reinforcement learning or human preference
# modeling, we ..." says nothing for RL or for human feedback. A list goes on across commas up to its
# "or": "requires no labels, additional training or reinforcement learning".
NEGATION = re.compile(
    r"(?:\b(?:without|instead of|rather than|free of|no need for|no|alternative to|bypass\w*|avoid\w*|eliminat\w* the need for"
    r"|(?:is|are|was|were) not (?:used|involved|needed|required)"
    r"|(?:does|do|did) not (?:use|rely on|require|need)\w*)\b"
    r"(?:(?:[^,;.:!?()]{1,40},(?!\s*(?:we|our|it|they|this|the \w+ is)\b)\s*){1,4}[^,;.:!?()]*?\b(?:or|nor)\b"  # "no X, Y or Z"
    r"[^,;.:!?()]*|[^,;.:!?()]*))"
    r"|\b(?:RL|reinforcement[- ]learning)-free\b",
    re.IGNORECASE,
)
# What a method is measured against, or set against, is not the method: "... and outperforms PPO-based
# RLHF" or "in contrast to recent work that lets an LLM write the reward" says nothing of this paper. A
# comparison covers the rest of its clause up to a preposition that sets the scene ("more effective than
# X for training language models"), and counts for nothing.
COMPARISON = re.compile(
    r"\b(?:outperform\w*|surpass\w*|rival\w*|(?:match\w*|exceed\w*) or (?:exceed|outperform|surpass)\w*|better than"
    r"|(?:more|less|fewer) \w+ (?:[\w-]+ ){0,5}?than|comparable to|on par with|competitive with"
    r"|unlike (?:\w+ ){0,2}(?:prior|previous|existing|recent|earlier|other|past)|in contrast to|contrary to)\b"
    r"[^,;.:!?()]*?(?=\b(?:for|in|on|across|at|while|whereas|when)\b|[,;.:!?()]|$)",
    re.IGNORECASE,
)
# How results were judged is not how the model was trained: "summaries judged more faithful by human
# raters" is an evaluation, not human feedback. Stripped like a comparison, but only from sentences that
# say nothing of training, so "a reward model trained on judgements by human raters" keeps its evidence.
EVALUATION = re.compile(
    r"\b(?:judged|rated|ranked|preferred|found|considered|perceived|scored)\s+(?:[\w-]+\s+){0,4}by\s+(?:[\w-]+\s+){0,2}"
    r"(?:raters|evaluators|judges|annotators|humans|people|experts|users|participants|readers|listeners|viewers"
    r"|crowd-?workers)\b"
    r"|\b(?:human|user|expert)[- ](?:evaluations?|evaluators?|studies|study|assessments?)\b"
    r"|\b(?:evaluators|judges)\s+(?:[\w-]+\s+){0,3}(?:prefer|rate|judge|find|favou?r)\w*",
    re.IGNORECASE,
)
TRAINING = re.compile(r"\b(?:rewards?|train\w*|fine-?tun\w*|feedback|optimi[sz]\w*|learn\w*|align\w*)\b", re.IGNORECASE)


# The paper itself speaks: sentences with these count fully.
CLAIM = re.compile(
    r"\b(?:we|our|us)\b|this (?:paper|work|study)|in this (?:paper|work|study)|the proposed|here,",
    re.IGNORECASE,
)
# Sentences about others' work: related work, baselines, comparisons (not RL's variance-reducing baseline).
# Every branch starts at a word boundary and the baseline branch looks ahead before it looks behind: the
# look-behinds at every position had made this the engine's costliest pattern (4x slower, same matches).
BACKGROUND = re.compile(
    r"\b(?:prior|previous|existing|recent|related|traditional|current|standard|conventional) "
    r"(?:\w+ ){0,2}(?:work|works|studies|research|approaches|methods|techniques|paradigms?|efforts"
    r"|agents|systems|models|algorithms|solutions|pipelines)\b"
    r"|\b(?=baseline)(?<!estimates\sthe\s)(?<!estimate\sthe\s)(?<!estimating\sthe\s)baselines?\b"
    r"(?![\s-]+(?:from|functions?|terms?|estimat\w*|to reduce))|\bunlike\b|\bin contrast to\b|\bcompared (?:with|to)\b"
    r"|\b(?:methods|approaches|techniques|algorithms|pipelines|frameworks) such as\b"
    r"|\bhave (?:been|shown|demonstrated|excelled)\b|\bhas (?:been|shown|made)\b"
    r"|\b(?:pose|poses|posed|present|presents|remain|remains) (?:\w+ ){0,2}challenges?\b|\bha(?:s|ve) long been\b"
    r"|\ba (?:common|standard|popular|dominant|prevalent|widely used) (?:\w+ ){0,2}(?:method|approach|technique"
    r"|paradigm|practice|choice|way|recipe)\b"
    r"|\bunderpin(?:s|ned|ning)?\b|\b(?:is|are) (?:central|key|crucial|essential|fundamental) to\b"
    r"|\bwidely used\b|\bcommonly\b|\bpopular\b|\busually\b|\btypically\b|\bconventionally\b"
    r"|\bover (?:[\w-]+ ){0,3}(?:models|baselines|systems|methods|approaches|counterparts)\b",
    re.IGNORECASE,
)

# Work the paper leaves for later is not work it did: "an RL approach to data selection is left for future
# work" counts for nothing.
FUTURE = re.compile(
    r"\b(?:future (?:work|research|directions?|studies)|in (?:the )?future\b|we plan to|left (?:open |as )?(?:for|to) "
    r"(?:future|later)|leave (?:\w+ ){0,6}(?:for|to) (?:future|later)|remains? to be (?:explored|seen|studied))",
    re.IGNORECASE,
)

# A survey or review proposes no method of its own: its label is its subject, and a person should check it.
SURVEY = re.compile(
    r"\b(?:this|our|a) (?:survey|review|position paper)\b|\bwe (?:survey|review)\b|^(?:a )?survey\b", re.IGNORECASE
)
