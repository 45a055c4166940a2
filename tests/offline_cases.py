"""Made-up title + abstract pairs for the offline backend's failure classes (issue: offline backend that
generalizes). Two per class, the second without the class's headline term; plus negation, mention-only
and RL-free cases. None is taken from a real paper."""

CASES: list[tuple[str, str, str, str]] = [
    # (case id, expected leaf, title, abstract)
    # 1. RL on the LLM with automatic rewards (unit tests, execution, verifiers, answer correctness, rules)
    ("auto-reward-code", "rl4llm/fine-tuning/without-human-feedback",
     "Compiler Signals as Rewards for Code Language Models",
     "We train a code language model with proximal policy optimization, where the reward comes from compiling "
     "the generated program and running its unit tests. Failed tests give a negative reward and passing all "
     "tests a positive one. The fine-tuned model solves more programming problems than supervised baselines."),
    ("auto-reward-math", "rl4llm/fine-tuning/without-human-feedback",
     "Verifiable Answers Make Better Math Reasoners",
     "We improve the mathematical reasoning of a pretrained LLM by optimizing it against a rule-based checker "
     "that compares its final answer with the reference answer. Group-relative policy updates push the model "
     "toward chains of thought that end in correct answers, with no learned reward model and no human rater."),
    # 2. An LLM writes reward code, turns (V)LM preferences into reward, or gives evaluative feedback as reward
    ("llm-reward-code", "llm4rl/reward",
     "Reward Programs Written by Language Models for Dexterous Hands",
     "We ask a large language model to write Python reward functions from a task description and the "
     "simulator's observation space. Agents are trained with reinforcement learning on each candidate, and "
     "training statistics are returned to the model to revise its code. Hand controllers trained this way "
     "beat hand-written rewards."),
    ("llm-reward-pref", "llm4rl/reward",
     "Preferences of a Vision-Language Model as a Training Signal for Agents",
     "An agent in a 3D maze receives no task reward. Instead, a pretrained vision-language model compares "
     "pairs of rendered frames and says which shows more progress toward a written goal; a scoring function "
     "distilled from these comparisons gives the agent dense rewards, and a policy is learned with PPO."),
    # 3. An LLM proposes tasks, subgoals or a curriculum
    ("llm-goal-subgoals", "llm4rl/goal",
     "Language Models Propose Subgoals for Sparse-Reward Exploration",
     "Agents exploring a crafting environment with sparse rewards rarely find useful behaviour. We query a "
     "large language model with a text description of the agent's surroundings; it proposes subgoals, and the "
     "reinforcement learning agent earns a bonus for achieving them, which guides its exploration."),
    ("llm-goal-curriculum", "llm4rl/goal",
     "Open-Ended Task Generation with Foundation Models",
     "We study open-ended learning, where an agent must keep facing new challenges. A foundation model "
     "writes the next training task, in code, judging which tasks are interesting and learnable given what "
     "the agent has mastered so far. The deep RL agent trains on this ever-growing curriculum in a "
     "physics simulator."),
    # 4. The LLM is the policy trained with RL (adapters, LoRA actor-critic on a frozen LLM)
    ("llm-policy-lora", "llm4rl/policy",
     "Fine-Tuning Language Model Agents in Text Games with Reinforcement Learning",
     "We use a large language model as the policy of an agent in interactive text-based games. Its action "
     "probabilities over valid commands define the behaviour policy, and low-rank adapters on the frozen "
     "model are trained with an actor-critic method from the game's rewards."),
    ("llm-policy-init", "llm4rl/policy",
     "Sequence Models Pretrained on Text Transfer to Offline Control",
     "We initialise a decision transformer with the weights of a model pretrained on natural-language "
     "corpora and fine-tune it on offline reinforcement learning datasets for locomotion control. The "
     "text-pretrained initialisation converges faster and reaches higher returns than training from scratch."),
    # 5. An LLM plans over separately RL-trained skills
    ("rl+llm-open-loop", "rl+llm/without-language-feedback",
     "Language Models Sequence Learned Robot Skills",
     "A robot has a library of manipulation skills, each trained separately with reinforcement learning. A "
     "large language model turns a user's instruction into a sequence of these skills, and each skill's "
     "value function scores whether it can succeed in the current state. The language model is never "
     "trained, and the skills are never changed."),
    ("rl+llm-closed-loop", "rl+llm/with-language-feedback",
     "Re-planning from Textual Scene Reports",
     "We combine a pretrained LLM planner with low-level policies learned by reinforcement learning in a "
     "household simulator. After every step, a captioning module describes the scene and reports whether "
     "the last step succeeded, in natural language, and the planner re-plans from this feedback."),
    # 6. A small RL-trained model writes hints, rewrites queries or picks in-context examples for a frozen LLM
    ("prompt-hints", "rl4llm/prompt-engineering",
     "Learning to Give Hints to a Frozen Language Model",
     "A small policy network, trained with reinforcement learning, writes a short hint that is prepended to "
     "each question before it is sent to a frozen large language model. The reward is the frozen model's "
     "accuracy on the answer; its weights are never updated."),
    ("prompt-examples", "rl4llm/prompt-engineering",
     "Choosing Demonstrations for In-Context Learning by Trial and Error",
     "In-context learning depends heavily on which demonstrations are shown to a language model. We cast the "
     "choice of demonstrations as a sequential decision problem and learn a selection policy with Q-learning, "
     "rewarded by the black-box model's accuracy on held-out queries."),
    # 7. Papers that only mention RL; RL-free preference optimisation written in reward language
    ("mention-only", "out-of-scope",
     "Instruction Tuning with Synthetic Data at Small Scale",
     "Large language models are usually aligned by instruction tuning followed by reinforcement learning from "
     "human feedback. In this work we show that supervised fine-tuning on a small set of synthetic "
     "instructions is competitive. Our models outperform RLHF-trained baselines of the same size."),
    ("rl-free-preference", "out-of-scope",
     "A Margin-Based Preference Loss without a Reference Model",
     "Direct preference optimization is a widely used offline alternative that reparameterizes the reward of "
     "RLHF. We propose a simpler loss that uses the length-normalised likelihood as an implicit reward and "
     "adds a margin between preferred and rejected responses. It needs no reward model and no sampling."),
    # 8. RL from AI feedback
    ("rlaif", "rl4llm/fine-tuning/without-human-feedback",
     "Self-Supervised Harmlessness via AI Critiques",
     "We train a harmless assistant without any human labels of harmful outputs. A language model critiques "
     "and ranks pairs of responses according to a short list of principles; a preference model trained on "
     "these AI judgements provides the reward for reinforcement learning of the assistant."),
    ("rlaif-2", "rl4llm/fine-tuning/without-human-feedback",
     "Scoring Summaries with a Larger Model to Train a Smaller One",
     "Instead of collecting human preference data, we ask a large off-the-shelf model to rate summaries "
     "written by a smaller model. Those ratings train a reward model, and the smaller summarizer is "
     "optimized with policy gradient against it."),
    # RLHF, one without the acronym
    ("rlhf", "rl4llm/fine-tuning/with-human-feedback",
     "Safer Chat Responses from Crowdworker Rankings",
     "Crowdworkers ranked several responses of a chat model to each prompt. We fit a reward model to these "
     "rankings and fine-tune the chat model with reinforcement learning to maximise it, which makes answers "
     "more helpful and less harmful in human evaluations."),
    # Neither RL nor an LLM method of the paper's own
    ("no-rl", "out-of-scope",
     "Retrieval Improves Factuality of Small Language Models",
     "We add a retrieval step to a small language model and train it with standard supervised learning. "
     "Factual accuracy rises on open-domain question answering."),
    ("no-llm", "out-of-scope",
     "Faster Value Estimation for Continuous Control",
     "We propose a critic ensemble for off-policy reinforcement learning on continuous control tasks. The "
     "method reduces overestimation bias and improves sample efficiency on locomotion benchmarks."),
]
