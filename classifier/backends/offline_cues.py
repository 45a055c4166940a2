"""The offline backend's cue groups: general method vocabulary, one group per clause of the taxonomy's
definitions (``../shared/taxonomy/README.md`` in our words). No group names a study, system, benchmark,
dataset or environment: a rule that names a paper scores that paper, not its class.

Each group is a list of regular expressions (case-insensitive; a space also matches a hyphen or no
space at all: "language-model agent", and PDFs that lose their spaces). The engine in ``offline.py`` decides which sentences count and how much.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LM = r"(?:large |pre-?trained |foundation |vision-?language |code |chat )*(?:language models?|LLMs?|LMs?|VLMs?)"


@dataclass(frozen=True)
class CueGroup:
    """Phrases that make one definition clause true, with the clause they encode."""

    clause: str
    phrases: tuple[str, ...]

    def pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(map(_loosen, self.phrases)), re.IGNORECASE)


def _loosen(phrase: str) -> str:
    """A space between words also matches a hyphen or nothing; a skipped word still needs a separator."""
    phrase = phrase.replace("[- ]", " ")
    for group in (r"(?:\w+ )", r"(?:[\w-]+ )", r"(?:[\w'-]+ )"):
        phrase = phrase.replace(group, group[:-2] + r"[\s-]+)")
    return phrase.replace(" ", r"[\s-]*")


GROUPS: dict[str, CueGroup] = {
    # -- does the method combine RL and a language model? -----------------------------------------------
    "rl": CueGroup(
        "reinforcement learning is part of the method (RL algorithms, rewards optimised by a policy)",
        (
            r"reinforcement[- ]learn\w*",
            r"\bRL(?:HF|AIF)?\b",
            r"\bDRL\b",
            r"policy[- ]gradients?",
            r"\bPPO\b",
            r"\bGRPO\b",
            r"proximal policy optimi[sz]ation",
            r"actor[- ]critic",
            r"Q-learning",
            r"reward[- ]weighted regression",
            r"learning from (?:human|AI|artificial intelligence) feedback",
            r"reward maximi[sz]ation",
            r"(?:online|offline) RL",
            r"sequential decision(?:-making)? problem",
            r"policy (?:optimi[sz]ation|updates?)",
            r"group[- ]relative",
            r"(?-i:REINFORCE)\b",
            r"self-play",
            r"(?:contextual |multi-armed )bandits?",
            r"optimi[sz]\w* (?:\w+ ){0,4}against (?:an? |the )?(?:learned )?(?:rewards?|reward models?|verifiers?|checkers?)",
        ),
    ),
    "rl_implied": CueGroup(
        "an RL-trained agent is implied: rewards, policies, value functions, skills learned by an agent",
        (
            r"(?:dense|sparse|intrinsic|shaped|extrinsic) rewards?",
            r"reward (?:functions?|codes?|signals?)",
            r"value functions?",
            r"\bpolic(?:y|ies)\b",
            r"(?:pre-?trained|learned|low-level|basic) skills",
            r"low-level (?:policies|controllers?)",
            r"locomotion controllers?",
            r"autotelic",
            r"goal-conditioned",
            r"trained agents?",
            r"(?:flight |motion |skill )primitives",
            r"(?:is|as) the reward\b",
        ),
    ),
    "llm": CueGroup(
        "a (large) language model takes part",
        (
            _LM,
            r"RLHF",
            r"RLAIF",
            r"prompt(?:s|ing)?\b",
            r"(?:pre-?trained|trained) on (?:\w+ ){0,2}(?:natural[- ]language|text) (?:corpora|data)",
            r"text-pretrained",
            r"(?:AI |chat |dialogue |code |coding |virtual )assistants?",
            r"completions",
            r"summari[sz]ers?",
            r"(?:summari[sz]ation|translation|generation|dialogue|seq2seq|sequence-to-sequence|chat|captioning) models?",
            r"text generators?",
            r"vision-language(?:-action)? (?:models?|backbones?)",
            r"\bVLAs?\b",
            r"reasoning models?",
            r"chains?[- ]of[- ]thought",
            r"\bCoT\b",
            r"language pre-?training",
            r"\b(?:large|off-the-shelf) (?:\w+ )?models?\b",
            r"\bGPT-?\d?\b",
            r"pre-?trained (?:transformers?|sequence models?)",
            r"foundation models?",
            r"language generators?",
            r"multimodal models?",
            r"\bLMMs?\b",
            r"chatbots?",
        ),
    ),
    # -- is the task about language? ------------------------------------------------------------------
    "language_task": CueGroup(
        "the task is a natural-language one (RL4LLM: RL improves the LLM on an NLP task)",
        (
            r"text generation",
            r"language generation",
            r"summari[sz](?:ation|e|es|ing)",
            r"dialog(?:ue)?s?\b",
            r"question answering",
            r"machine translation",
            r"instruction[- ]following",
            r"follow(?:ing)? (?:user )?instructions",
            r"code generation",
            r"program synthesis",
            r"(?:math(?:ematical)?|arithmetic) (?:reasoning|problems?)",
            r"reasoning (?:ability|capabilit(?:y|ies)|tasks?)",
            r"natural language processing",
            r"\bNLP\b",
            r"sentiment",
            r"text classification",
            r"topic classification",
            r"natural language inference",
            r"reading comprehension",
            r"(?:helpful|harmless)(?:ness)?",
            r"(?:AI |chat )?assistants?",
            r"toxic(?:ity)?",
            r"hallucinat\w*",
            r"(?:align(?:ing|ment)?) (?:\w+ ){0,2}(?:language models?|LLMs?|LMs?) (?:with|to) (?:human|user)",
            r"in-context learning",
            r"retrieval-augmented",
            r"(?:harmful|offensive) (?:outputs?|replies|content|behaviou?rs?)",
            r"test cases",
            r"responses?",
            r"sentences?",
            r"competitive programming",
            r"text classifiers?",
            r"classification accuracy",
            r"tool use|use (?:a |external )?tools?|calculator",
            r"stor(?:y|ies)",
            r"negotiation dialog\w*",
        ),
    ),
    "env_task": CueGroup(
        "the task is not about language (LLM4RL, RL+LLM): an agent acting in an environment",
        (
            r"robot(?:s|ic|ics)?\b",
            r"manipulation",
            r"locomotion",
            r"quadruped\w*",
            r"legged",
            r"navigation",
            r"embodied",
            r"games?\b",
            r"(?:interactive|simulated|open-world|textual|rich|large|3D) environments?",
            r"environments?",
            r"control (?:tasks|problems|scenarios|benchmarks)",
            r"continuous control",
            r"(?:RL|reinforcement learning) agents?",
            r"decision[- ]making",
            r"multi-agent",
            r"simulat(?:ed|or|ion)",
            r"household",
            r"open[- ]world",
            r"long-horizon",
            r"exploration",
            r"drones?",
            r"\bflight\b",
            r"vehicles?",
            r"autonomous driving",
            r"manipulators?",
            r"grid ?worlds?",
            r"mazes?",
            r"traffic",
            r"pick-and-place",
            r"tabletop",
            r"rearrangement",
            r"grasp(?:ing)?\b",
            r"goal-conditioned (?:reinforcement learning|RL\b|polic(?:y|ies)|agents?)",
            r"\bworlds?\b",
            r"\b(?:2D|3D)\b",
        ),
    ),
    "agent_word": CueGroup(
        "an 'agent' acts somewhere; weak alone, since language-model agents act on text too",
        (r"\bagents?\b",),
    ),
    # -- RL4LLM: what does RL change? ------------------------------------------------------------------
    "rl_trains_lm": CueGroup(
        "RL updates the language model's own weights (fine-tuning)",
        (
            r"fine-?tun\w* (?:\w+ ){0,5}(?:with|using|via|by|through) (?:\w+ ){0,3}(?:reinforcement|RL\b|policy gradient|PPO)",
            r"(?:reinforcement learning|RL|PPO|policy gradient)\w* (?:\w+ ){0,3}to (?:further )?(?:fine-?tune|train|optimi[sz]e|align|improve|refine|teach) (?:\w+ ){0,3}(?:models?|LLMs?|LMs?|generators?|polic(?:y|ies))",
            r"RLHF",
            r"RLAIF",
            r"learning from (?:human|AI|artificial intelligence|unit test|execution) feedback",
            r"(?:LLM|LM|language model) (?:reinforcement learning|RL)\b",
            r"(?:RL|reinforcement learning) (?:training|fine-?tuning|phase|stage)",
            r"(?:train|optimi[sz]e|update|align)\w* (?:\w+ ){0,4}(?:language models?|LLMs?|LMs?|generators?|polic(?:y|ies)) (?:\w+ ){0,3}(?:with|using|via) (?:\w+ ){0,2}(?:reinforcement|RL\b|PPO|policy)",
            r"(?:LM|LLM|language model)s? (?:as|is) (?:an |the )?actor",
            r"reward models?",
            r"preference models?",
            r"optimi[sz]\w* (?:language generators?|generation) with RL",
            r"(?:reinforcement learning|RL|PPO|policy gradient) (?:\w+ ){0,2}on (?:the |a |an )?(?:[\w-]+ ){0,3}(?:LLMs?|LMs?|language models?)",
            r"reward (?:models?|predictors?)",
            r"(?:parameters|weights) (?:are |were )?(?:updated|optimi[sz]ed|trained) (?:\w+ ){0,2}(?:by|with|using|via) (?:\w+ ){0,2}(?:policy gradients?|RL\b|reinforcement|PPO)",
            r"update[sd]? (?:the )?(?:chat ?bot|assistant|model|summari[sz]er|translator)s? with (?:PPO|RL\b|reinforcement|policy gradient)",
        ),
    ),
    "prompt_policy": CueGroup(
        "the LLM stays frozen and an RL policy writes, edits or selects its prompts (prompt engineering)",
        (
            r"prompts? (?:optimi[sz]ation|editing|rewriting|rewriter|generation|design|selection|search|engineering|space)",
            r"(?:optimi[sz]|edit|rewrit|generat|select|design)\w* (?:\w+ ){0,3}prompts?",
            r"discrete (?:text )?prompts?",
            r"(?:query|queries) rewrit\w*",
            r"rewrit\w* (?:\w+ ){0,2}(?:query|queries)",
            r"(?:example|exemplar|demonstration)s? selection",
            r"select\w* (?:\w+ ){0,2}(?:demonstration |in-context )?(?:examples|exemplars|demonstrations)",
            r"(?:generat|find|writ)\w* (?:\w+ ){0,2}test cases",
            r"frozen (?:\w+ ){0,2}(?:LLMs?|LMs?|language models?|modules?|readers?)",
            r"black-?box (?:\w+ ){0,2}(?:LLMs?|LMs?|language models?|readers?)",
            r"target (?:LM|LLM|language model)",
            r"(?:best|optimal) prompts?",
            r"(?:frozen|black-?box) (?:\w+ ){0,2}models?",
            r"(?:demonstration|example|exemplar)s? (?:selection|choice)",
            r"choice of (?:\w+ ){0,2}(?:demonstrations|examples|exemplars|prompts)",
            r"selection polic(?:y|ies)",
            r"hints?\b",
            r"(?:edit|modif|rewrit|revis)\w* (?:\w+ ){0,3}(?:instructions?|prompts?|verbali[sz]ers?|queries)",
            r"keep (?:\w+ ){0,4}(?:fixed|frozen)",
            r"fixed (?:\w+ ){0,2}(?:LLMs?|language models?)",
            r"(?:parameters|weights) (?:\w+ ){0,2}cannot be (?:changed|updated|modified|fine-?tuned|accessed)",
            r"without (?:\w+ ){0,2}(?:updating|changing|modifying|fine-?tuning|access(?:ing)? to) (?:\w+ ){0,3}(?:weights|parameters|gradients)",
            r"API-only|(?:only )?(?:available|accessible) (?:only )?(?:through|via) (?:an? |its )?API",
            r"(?:instruction|prefix|text|hint)s? (?:\w+ ){0,2}(?:placed|prepended|inserted) (?:before|in front of)",
            r"never (?:modified|updated|changed|fine-?tuned)",
            r"(?:fixed|frozen) (?:\w+ ){0,2}target",
            r"(?:adversarial|attack|jailbreak) prompts?",
            r"produc\w* (?:\w+ ){0,2}prompts?",
        ),
    ),
    # -- RL4LLM fine-tuning: where does the reward come from? -----------------------------------------
    "human_feedback": CueGroup(
        "the reward comes from people's judgements (RLHF)",
        (
            r"human feedback",
            r"human preferences?",
            r"human (?:comparisons?|judge?ments?|ratings?|rankings?|labels?)",
            r"(?:human )?annotators?",
            r"labell?ers?",
            r"raters?",
            r"crowd-?workers?",
            r"RLHF",
            r"preferred by humans",
            r"human[- ]preferred",
            r"rankings of (?:model )?outputs",
            r"(?:users?|customers?|people|experts?|physicians|doctors|clinicians|humans|volunteers)'?s? (?:\w+ ){0,2}(?:compared|ranked|rated|labell?ed|voted|preferred|judged)",
            r"(?:users?|customers?|experts?|people)'? (?:votes?|ratings?|feedback|preferences|comparisons|rankings)",
            r"(?:their|human) comparisons",
            r"thumbs",
            r"crowdsourc\w*",
            r"implicit (?:user |human )?(?:preferences|feedback)",
            r"crowd (?:ratings?|judge?ments?|labels?|annotations?|preferences|workers?)",
            r"(?:user|human)[- ]specific reward",
            r"(?:experienced |expert |professional |trained |volunteer )?(?:tutor|teacher|student|expert|human|people|user|player|reader|reviewer|evaluator|moderator|clinician|physician|doctor|worker|judge|developer|engineer|customer|annotator|rater|labell?er)s? (?:[\w,-]+ ){0,6}(?:pick|chose|choose|select|prefer|rank|rate|compar|judg|mark|vote|label)\w*",
            r"their (?:picks|choices|votes|rankings|ratings|judge?ments)",
            r"(?:writers|workers|judges|participants|developers|annotators|raters|labell?ers) (?:\w+ ){0,4}(?:judged|chose|picked|compared|ranked|rated|preferred)",
            r"preference (?:data(?:set)?s?|pairs)",
        ),
    ),
    "automatic_feedback": CueGroup(
        "the reward comes from an AI critic, a metric, a rule or execution, not from people",
        (
            r"AI feedback",
            r"artificial intelligence feedback",
            r"RLAIF",
            r"AI preferences",
            r"self-critiques?",
            r"unit[- ]tests?",
            r"execution (?:feedback|results?)",
            r"compilers?",
            r"verifiers?",
            r"rule-based",
            r"(?:list of )?(?:rules|principles)",
            r"(?:functional |answer )?correctness",
            r"automatic (?:metrics?|rewards?|feedback|evaluation)",
            r"\bBLEU\b",
            r"\bROUGE\b",
            r"unsupervised",
            r"without (?:any )?human (?:labels|feedback|annotations?)",
            r"classifiers? (?:trained )?to (?:detect|predict)",
            r"reward functions?",
            r"synthetic preferences",
            r"(?:verifiable|outcome|accuracy) rewards?",
        ),
    ),
    # -- LLM4RL: what does the LLM give the RL agent? --------------------------------------------------
    "llm_reward": CueGroup(
        "the LLM writes, shapes or stands in for the agent's reward function",
        (
            r"reward (?:functions?|codes?|design|designer|shaping|signals?|programs?) (?:\w+ ){0,4}(?:generat|design|writ|cod|produc|formulat|shap)\w*",
            r"(?:generat|design|writ|cod|produc|formulat|shap)\w* (?:\w+ ){0,5}rewards?(?: functions?| codes?| programs?)?",
            r"reward design",
            r"(?:dense|proxy|shaped|intrinsic) rewards?",
            r"(?:LLMs?|LMs?|language models?) (?:as|acts? as|serves? as) (?:an? |the )?(?:proxy )?reward",
            r"preferences (?:from|of) (?:an? |the )?(?:LLMs?|language models?)",
            r"(?:LLM|language model)-designed rewards?",
            r"reward (?:function )?designer",
            r"outputs? (?:a |the )?(?:corresponding )?reward signal",
            r"(?:scores?|ratings?|judge?ments?|critiques?|preferences|feedback|evaluations?) (?:\w+ ){0,4}(?:serve|used|act|become)s? as (?:the |a |an )?(?:dense |intrinsic |proxy )?rewards?",
            r"(?:language model|LLM|VLM) critics?",
            r"(?:LLMs?|language models?|VLMs?) (?:as|acting as) (?:\w+ ){0,2}(?:labell?ers?|annotators?|judges?|evaluators?)",
            r"replac\w* (?:the )?human (?:\w+ ){0,3}with (?:an? )?(?:large )?(?:language model|LLM|VLM|vision-language model)",
            r"preference-based (?:reinforcement learning|RL\b)",
            r"(?:synthes|compos|creat|construct|defin|specif|implement)\w* (?:\w+ ){0,6}(?:computes?|returns?|gives?|outputs?) (?:\w+ ){0,2}rewards?",
            r"(?:convert|translat|turn|map)\w* (?:[\w'-]+ ){0,6}into (?:an? )?(?:[\w-]+ ){0,2}rewards?",
            r"us(?:e|es|ed|ing) (?:\w+ ){0,3}as (?:the |a |an )?(?:dense |intrinsic |proxy )?rewards?",
        ),
    ),
    "llm_goal": CueGroup(
        "the LLM proposes goals, sub-goals, tasks or a curriculum that steer exploration",
        (
            r"goals? (?:suggest|propos|generat)\w*",
            r"(?:suggest|propos|generat|imagin)\w* (?:\w+ ){0,3}goals?",
            r"sub-?goals?",
            r"auxiliary tasks?",
            r"curricul(?:um|a)",
            r"autotelic",
            r"goal (?:representations?|spaces?)",
            r"open-ended(?:ness)?",
            r"(?:generat|propos|creat)\w* (?:\w+ ){0,4}(?:learnable |interesting |new |next )tasks",
            r"interestingness",
            r"guid\w* (?:\w+ ){0,2}exploration",
            r"shape exploration",
            r"(?:suggest|propos)\w* (?:what|which) (?:\w+ ){0,3}(?:to (?:do|attempt|try|pursue|practi[cs]e)|next)",
            r"exploration bonus",
            r"bonus for (?:achiev|reach|complet)\w*",
            r"(?:break|decompos|split)\w* (?:\w+ ){0,4}into (?:\w+ )?sub-?(?:tasks|goals)",
            r"sub-?tasks? (?:generation|proposals?|discovery)",
            r"(?:reward|bonus)\w* (?:\w+ ){0,4}for (?:completing|achieving|reaching) (?:them|each|sub)",
            r"steer\w* (?:\w+ ){0,2}exploration",
            r"relabel\w*",
            r"goals? (?:\w+ ){0,4}(?:achieved|reached|attained)",
        ),
    ),
    "llm_policy": CueGroup(
        "the LLM is, initialises, pre-trains or regularises the agent's policy",
        (
            r"(?:LLMs?|LMs?|language models?) (?:as|into) (?:an? |the )?(?:generali[sz]able )?(?:polic(?:y|ies)|agents?|actors?|decision-making agents?)",
            r"polic(?:y|ies) (?:\w+ ){0,3}(?:LLMs?|language models?)",
            r"(?:LLMs?|language models?) (?:\w+ ){0,3}(?:behaviou?r )?polic(?:y|ies)",
            r"prior polic(?:y|ies)",
            r"(?:action|behaviou?r) priors?",
            r"as an? (?:\w+ )?prior\b",
            r"distribution over (?:\w+ ){0,2}actions",
            r"(?:map|maps|mapping) (?:\w+ ){0,5}(?:to|into) (?:\w+ ){0,2}actions",
            r"action head",
            r"KL (?:term|penalty|divergence|regulari[sz]\w*) (?:\w+ ){0,4}(?:toward|towards|to)",
            r"regulari[sz]\w* (?:\w+ ){0,3}(?:RL|objective|polic)",
            r"(?:pre-?trained|language) (?:sequence )?models? (?:\w+ ){0,6}fine-?tuned on (?:\w+ ){0,2}(?:RL|reinforcement|control)",
            r"pre-?train\w* (?:\w+ ){0,3}(?:language|text)",
            r"output actions",
            r"actions? (?:probabilities|likelihoods?)",
            r"adapter",
            r"(?:language|instruction)[- ]conditioned polic",
            r"functional grounding",
            r"grounding (?:\w+ ){0,2}(?:LLMs?|language models?)",
            r"(?:LLMs?|language models?) (?:\w+ ){0,3}(?:interact|act) (?:\w+ ){0,3}environments?",
        ),
    ),
    # -- RL+LLM: an LLM plans over independently trained RL skills --------------------------------------
    "planning": CueGroup(
        "an LLM plans over skills of a separately trained RL agent, neither training the other",
        (
            r"high-level (?:plan\w*|semantic knowledge|instructions)",
            r"planners?",
            r"skill (?:library|graph|planning|search|plans?)",
            r"plan\w* over (?:\w+ ){0,2}skills",
            r"(?:pre-?trained|learned|basic|low-level|fine-grained basic) (?:\w+ ){0,2}skills?",
            r"low-level (?:policies|controllers?|commands|skills)",
            r"locomotion controller",
            r"affordances?",
            r"issue commands",
            r"(?:repertoire|sequence) of skills",
            r"task planning",
            r"librar(?:y|ies) of (?:\w+ ){0,2}skills",
            r"sequences? of (?:\w+ ){0,2}skills",
            r"(?:trained|learned) (?:separately|independently)",
            r"(?:separately|independently)[- ](?:trained|learned)",
            r"(?:motion |flight |skill |behaviou?r )?primitives",
            r"decompos\w* (?:\w+ ){0,5}into (?:\w+ ){0,6}(?:primitives|skills|steps|sub-?tasks)",
            r"(?:chooses|selects|picks) which (?:\w+ ){0,3}skills?",
            r"(?:controllers?|skills?|policies|primitives|behaviou?rs?|maneuvers?|manoeuvres?|gaits?|sub-?tasks?) (?:[\w,]+ ){0,8}(?:trained|learned) (?:\w+ ){0,2}(?:with|by|via|using|through) (?:\w+ ){0,2}(?:reinforcement|RL\b)",
            r"(?:learned|trained|pre-?trained) sub-?tasks",
            r"plan of (?:\w+ ){0,3}(?:behaviou?rs?|skills|primitives|controllers|maneuvers|manoeuvres)",
            r"sequences? of (?:\w+ ){0,2}(?:maneuvers|manoeuvres|behaviou?rs|controllers|gaits)",
            r"(?:order|sequence|assignment) (?:\w+ ){0,4}(?:controllers?|skills?|primitives)",
            r"order in which to (?:invoke|execute|call|run)",
        ),
    ),
    "language_feedback": CueGroup(
        "the loop is closed: observations or success reports reach the LLM as text and it re-plans",
        (
            r"language feedback",
            r"closed[- ]loop",
            r"textual feedback",
            r"feedback (?:\w+ ){0,2}(?:through|in|as|via) natural language",
            r"environment feedback",
            r"reporters?",
            r"scene descriptions?",
            r"success detect\w*",
            r"re-?plan\w*",
            r"inform its next",
            r"reports? (?:\w+ ){0,3}(?:in text|in natural language|as text)",
            r"revis\w* (?:\w+ ){0,2}plans?",
            r"(?:explain|report|summari[sz])\w* (?:[\w-]+ ){0,5}(?:in words|in (?:natural )?language|in text|as text)",
            r"(?:describ|summar|caption)\w* (?:of )?(?:the )?(?:current )?(?:scene|outcome|result|failures?|observations?|table|state)",
            r"text summary",
            r"repair\w* (?:\w+ ){0,2}plans?",
            r"(?:failure|success) (?:explanations?|descriptions?|reports?)",
            r"(?:tells|informs|reports to) (?:\w+ ){0,3}(?:LLM|language model|planner)",
            r"whether (?:\w+ ){0,4}(?:worked|succeeded|failed|succeeds|fails)",
            r"(?:converted|turned|rendered) (?:\w+ ){0,2}(?:to|into|as) text",
            r"(?:given|fed|passed|sent) back to (?:the )?(?:LLM|language model|planner)",
            r"reports? (?:\w+ ){0,4}(?:success|failure)",
            r"(?:as|in) a sentence",
            r"what (?:happened|it sees|it saw|it observed|went wrong)",
        ),
    ),
}

# A negation covers the rest of its clause: "without any reinforcement learning or human preference
# modeling, we ..." says nothing for RL or for human feedback.
NEGATION = re.compile(
    r"(?:\b(?:without|instead of|rather than|free of|no need for|no|alternative to|bypass\w*|avoid\w*|eliminat\w* the need for"
    r"|(?:is|are|was|were) not (?:used|involved|needed|required)"
    r"|(?:does|do|did) not (?:use|rely on|require|need)\w*)\b[^,;.:!?()]*)"
    r"|\b(?:RL|reinforcement[- ]learning)-free\b",
    re.IGNORECASE,
)
# The paper itself speaks: sentences with these count fully.
CLAIM = re.compile(
    r"\b(?:we|our|us)\b|this (?:paper|work|study)|in this (?:paper|work|study)|the proposed|here,",
    re.IGNORECASE,
)
# Sentences about others' work: related work, baselines, comparisons.
BACKGROUND = re.compile(
    r"\b(?:prior|previous|existing|recent|related|traditional|current|standard|conventional) "
    r"(?:\w+ ){0,2}(?:work|works|studies|research|approaches|methods|techniques|paradigm|efforts)\b"
    r"|\bbaselines?\b|\bunlike\b|\bin contrast to\b|\bcompared (?:with|to)\b"
    r"|\bhave (?:been|shown|demonstrated|excelled)\b|\bhas (?:been|shown|made)\b"
    r"|\bwidely used\b|\bcommonly used\b|\bpopular\b|\busually\b|\btypically\b|\bconventionally\b",
    re.IGNORECASE,
)

# When no role cue fires, what the sentences that mention the language model talk about: rewards and
# scores, goals and suggestions, or actions and decisions. A weak reading of "what the LLM gives the agent".
ROLE_WORDS = {
    "reward": re.compile(r"\brewards?\b|\bscor(?:e|es|ed|ing)\b|\bcritic", re.IGNORECASE),
    "goal": re.compile(r"\b(?:sub)?goals?\b|\bsuggest\w*|\bpropos\w*|\bexplor\w*|\bcurricul\w*|\bnext task", re.IGNORECASE),
    "policy": re.compile(r"\bactions?\b|\bpolic(?:y|ies)\b|\bdecisions?\b|\bmoves?\b|\bact(?:s|ing)?\b", re.IGNORECASE),
}

# A survey or review proposes no method of its own: its label is its subject, and a person should check it.
SURVEY = re.compile(r"\b(?:this|our|a) (?:survey|review|position paper)\b|\bwe (?:survey|review)\b|^(?:a )?survey\b", re.IGNORECASE)
