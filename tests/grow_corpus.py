"""A made-up corpus for ``rltaxo taxonomy grow``: papers that sit well in the bundled tree's leaves, and a
planted family (language models that propose goals or subgoals for an RL agent's exploration) described
in varied words, whose leaf (``llm4rl/goal``) a copy of the tree lacks."""

from __future__ import annotations

import copy
from typing import Any

from .trees import bundled_copy

PLANTED_LEAF = "llm4rl/goal"

PLANTED = [
    ("Dreaming up objectives", "A pretrained language model suggests which objectives a household robot should "
     "pursue next, and the robot's reinforcement learning policy practises those objectives."),
    ("Subgoal proposals from text priors", "We prompt a large language model to list plausible subgoals in a "
     "crafting game; an RL agent is rewarded for reaching each proposed subgoal, which speeds exploration."),
    ("Curious agents guided by chat models", "Exploration in open-ended worlds is hard. A chat model proposes "
     "intermediate targets from the agent's observations described in text, and the agent learns to reach them."),
    ("Goal suggestion for sparse-reward navigation", "An LLM reads a caption of the maze and proposes waypoints as "
     "goals; a goal-conditioned policy trained with reinforcement learning pursues the suggested waypoints."),
    ("What should I try next?", "Our agent asks a language model what to attempt next in a sandbox; the suggested "
     "tasks become goals for its goal-conditioned reinforcement learning, giving broad skill coverage."),
    ("Language priors for autotelic exploration", "Autotelic agents set their own goals. We let a large language "
     "model invent diverse, achievable goals described in words, and an RL learner masters them one by one."),
    ("Planning milestones with a foundation model", "A foundation model decomposes a long-horizon manipulation "
     "task into milestones that serve as goals for a reinforcement learning controller."),
    ("Semantic exploration bonuses", "Instead of novelty counts, we reward the agent for achieving goals that a "
     "language model judges interesting and proposes from a text description of the scene."),
    ("Self-proposed tasks in Minecraft-like worlds", "A language model proposes the next goal to pursue given "
     "the inventory; a reinforcement learning agent then trains to accomplish each proposed goal."),
    ("LLM-written goal lists for multi-task RL", "Hand-written task lists limit multi-task agents. We generate "
     "goal lists with a language model and train a goal-conditioned RL policy across the generated goals."),
    ("Commonsense goals for robot exploration", "Robots explore better with sensible targets: a large language "
     "model proposes commonsense goals such as opening drawers, which the RL policy learns to reach."),
    ("Guiding exploration with suggested subgoals", "We study exploration in text-described environments where "
     "a language model suggests subgoals and the reinforcement learning agent is rewarded for completing them."),
]  # fmt: skip

OTHERS = {
    "rl4llm/fine-tuning/with-human-feedback": [
        ("Aligning assistants with rater preferences", "We collect human preference rankings of chatbot replies, "
         "fit a reward model, and fine-tune the language model with PPO against it."),
        ("Helpful and harmless via human comparisons", "Crowdworkers compare pairs of answers; a reward model "
         "trained on their choices guides reinforcement learning fine-tuning of the assistant."),
        ("Summaries people prefer", "Annotators rate summaries; we train a reward model on the ratings and "
         "optimise the summariser with policy gradients to produce preferred summaries."),
        ("Instruction following from feedback", "Labelers rank model outputs for instructions, and RLHF with a "
         "learned reward model makes the language model follow instructions better."),
        ("Safer dialogue with human judgements", "Human judges flag unsafe replies; a preference model trained on "
         "their labels rewards safe answers during PPO fine-tuning of the dialogue model."),
    ],
    "rl4llm/fine-tuning/without-human-feedback": [
        ("Verifiable rewards for math reasoning", "We fine-tune a language model with reinforcement learning "
         "where the reward checks the final answer of math problems automatically."),
        ("Unit tests as rewards for code models", "Generated programs are run against unit tests; passing tests "
         "give the reward for policy-gradient fine-tuning of the code model."),
        ("Toxicity classifier rewards", "A toxicity classifier scores generations, and RL fine-tuning of the "
         "language model lowers toxicity without any human labels."),
        ("Group relative optimisation for reasoning", "GRPO fine-tunes a reasoning model with rule-based "
         "correctness rewards, improving accuracy on competition problems."),
        ("Self-rewarding translation", "An automatic metric rewards translations and reinforcement learning "
         "updates the translation model's weights."),
    ],
    "rl4llm/prompt-engineering": [
        ("Learning to pick prompts", "An RL policy selects discrete prompt tokens for a frozen language model, "
         "rewarded by downstream accuracy; the model weights never change."),
        ("Prompt rewriting with policy gradients", "A small policy rewrites user prompts so that a frozen LLM "
         "answers better, trained with reinforcement learning from task reward."),
        ("Bandits for in-context examples", "We choose in-context examples for a frozen language model with a "
         "reinforcement learning agent that maximises answer quality."),
        ("Soft prompts by RL search", "A reinforcement learning search edits prompt templates for a black-box "
         "model accessed through an API."),
        ("Optimising instructions for frozen models", "Instructions given to a frozen LLM are optimised by an RL "
         "agent whose reward is the model's score on held-out tasks."),
    ],
    "llm4rl/reward": [
        ("Reward code written by LLMs", "A language model writes reward function code for dexterous manipulation, "
         "and the agent is trained with reinforcement learning on those rewards."),
        ("Language-model reward shaping", "We ask an LLM to score trajectories; its scores shape the reward of a "
         "reinforcement learning agent in control tasks."),
        ("Preference rewards from a VLM", "A vision-language model compares pairs of frames and its preferences "
         "become the reward signal for training a robot policy with RL."),
        ("Iterative reward design", "An LLM drafts reward functions, reads training statistics and revises them, "
         "improving RL agents on locomotion benchmarks."),
        ("Text-specified rewards", "Users describe desired behaviour in words; a language model turns it into a "
         "dense reward for reinforcement learning agents."),
    ],
    "llm4rl/policy": [
        ("Language models as policies", "We fine-tune a language model to act directly as the policy of an agent "
         "in text games with reinforcement learning."),
        ("Action priors from LLMs", "An LLM proposes candidate actions that regularise the RL policy, improving "
         "sample efficiency in household environments."),
        ("Offline RL with a pretrained transformer", "A pretrained language model initialises the policy network "
         "for offline reinforcement learning on control datasets."),
        ("Decision making with LLM policies", "The agent's policy is a language model prompted with observations; "
         "we train it with PPO on environment returns."),
        ("Behaviour priors from text", "Knowledge in a language model provides a prior over actions that guides the "
         "reinforcement learning agent's policy."),
    ],
    "rl+llm/without-language-feedback": [
        ("Planning over learned skills", "An LLM plans a sequence of skills that were trained separately with "
         "reinforcement learning; the planner never sees the skills' outcomes."),
        ("Task decomposition for robot skills", "A language model decomposes instructions into steps executed by "
         "independently trained RL skills."),
        ("Scripted plans with RL controllers", "A language model writes a plan that calls pretrained RL "
         "controllers in order, without feedback from execution."),
        ("Open-loop skill sequencing", "We sequence RL-trained primitives with a language model planner in an "
         "open loop for tabletop rearrangement."),
        ("Instruction to skills", "An LLM maps instructions to a fixed library of RL-learned skills and orders them."),
    ],
    "rl+llm/with-language-feedback": [
        ("Closed-loop planning with feedback", "Skills trained with RL report success in words to a language model "
         "planner, which replans after every step."),
        ("Replanning from textual observations", "An LLM planner receives textual descriptions of what the RL "
         "skills achieved and adapts its plan."),
        ("Inner dialogue for robots", "Success detectors describe outcomes in language to the planner, which "
         "re-plans over RL-trained skills."),
        ("Feedback-driven task planning", "Our planner reads language feedback from independently trained agents "
         "and corrects the plan."),
        ("Language feedback loops", "RL agents execute steps and a language model reads their textual reports to "
         "decide the next step."),
    ],
    "out-of-scope": [
        ("Sorting socks with heuristics", "A laundry heuristic pairs socks by colour; no learning is involved."),
        ("Direct preference optimisation revisited", "We align a language model with a classification loss on "
         "preference pairs, without reinforcement learning."),
        ("Supervised fine-tuning for translation", "We fine-tune a translation model on parallel data with "
         "cross-entropy only."),
        ("Classical control of pendulums", "An LQR controller balances a pendulum; no language model is used."),
        ("Prompting alone for QA", "Chain-of-thought prompting improves question answering without any training."),
    ],
}  # fmt: skip

# others that also fit poorly (a doubtful label), so the clustering has to keep them out
DOUBTFUL = {("rl4llm/prompt-engineering", 3), ("llm4rl/policy", 2), ("out-of-scope", 4), ("llm4rl/reward", 1)}

PLANTED_GUESSES = ["llm4rl/reward", "llm4rl/policy", "rl+llm/without-language-feedback", "out-of-scope"]


def records(tree_label: str = "x") -> list[dict[str, Any]]:
    """A batch's results file, as a classifier unsure of the planted family would have written it
    (``tree_label``: the results' tree, "name (short hash)")."""
    out: list[dict[str, Any]] = []

    def add(i: int, title: str, abstract: str, leaf: str, conf: float, review: bool, second: str | None) -> None:
        out.append({"item": f"title:{i:04d}", "source": title, "status": "ok", "result": {
            "title": title, "abstract": abstract, "leaf": leaf, "top_class": leaf.split("/")[0],
            "confidence": conf, "needs_review": review, "runner_up": second,
            "runner_up_confidence": round(1 - conf - 0.05, 3) if second else None, "input": "abstract",
            "backend": "scripted", "model": "script", "prompt_version": "t", "taxonomy": tree_label}})  # fmt: skip

    n = 0
    for leaf, texts in OTHERS.items():
        for j, (title, abstract) in enumerate(texts):
            doubtful = (leaf, j) in DOUBTFUL
            add(n, title, abstract, leaf, 0.45 if doubtful else 0.9, doubtful, "llm4rl/reward" if doubtful else None)
            n += 1
    for j, (title, abstract) in enumerate(PLANTED):
        add(n, title, abstract, PLANTED_GUESSES[j % 4], 0.42 + 0.01 * j, True, PLANTED_GUESSES[(j + 1) % 4])
        n += 1
    return out


def tree_without_planted_leaf() -> dict[str, Any]:
    """The bundled tree with ``llm4rl/goal`` gone (its node and the rules that reached it)."""
    tree = copy.deepcopy(bundled_copy())
    tree["nodes"] = [n for n in tree["nodes"] if n["id"] != PLANTED_LEAF]
    tree["rules"] = [r for r in tree["rules"] if r["leaf"] != PLANTED_LEAF]
    return tree
