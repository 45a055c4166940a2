"""Made-up title + abstract pairs for the offline backend's failure classes (issue: offline backend that
generalizes). Two per class, the second without the class's headline term; plus negation, mention-only
and RL-free cases. None is taken from a real paper."""

CASES: list[tuple[str, str, str, str]] = [
    # (case id, expected leaf, title, abstract)
    # 1. RL on the LLM with automatic rewards (unit tests, execution, verifiers, answer correctness, rules)
    (
        "auto-reward-code",
        "rl4llm/fine-tuning/without-human-feedback",
        "Compiler Signals as Rewards for Code Language Models",
        "We train a code language model with proximal policy optimization, where the reward comes from compiling "
        "the generated program and running its unit tests. Failed tests give a negative reward and passing all "
        "tests a positive one. The fine-tuned model solves more programming problems than supervised baselines.",
    ),
    (
        "auto-reward-math",
        "rl4llm/fine-tuning/without-human-feedback",
        "Verifiable Answers Make Better Math Reasoners",
        "We improve the mathematical reasoning of a pretrained LLM by optimizing it against a rule-based checker "
        "that compares its final answer with the reference answer. Group-relative policy updates push the model "
        "toward chains of thought that end in correct answers, with no learned reward model and no human rater.",
    ),
    # 2. An LLM writes reward code, turns (V)LM preferences into reward, or gives evaluative feedback as reward
    (
        "llm-reward-code",
        "llm4rl/reward",
        "Reward Programs Written by Language Models for Dexterous Hands",
        "We ask a large language model to write Python reward functions from a task description and the "
        "simulator's observation space. Agents are trained with reinforcement learning on each candidate, and "
        "training statistics are returned to the model to revise its code. Hand controllers trained this way "
        "beat hand-written rewards.",
    ),
    (
        "llm-reward-pref",
        "llm4rl/reward",
        "Preferences of a Vision-Language Model as a Training Signal for Agents",
        "An agent in a 3D maze receives no task reward. Instead, a pretrained vision-language model compares "
        "pairs of rendered frames and says which shows more progress toward a written goal; a scoring function "
        "distilled from these comparisons gives the agent dense rewards, and a policy is learned with PPO.",
    ),
    # 3. An LLM proposes tasks, subgoals or a curriculum
    (
        "llm-goal-subgoals",
        "llm4rl/goal",
        "Language Models Propose Subgoals for Sparse-Reward Exploration",
        "Agents exploring a crafting environment with sparse rewards rarely find useful behaviour. We query a "
        "large language model with a text description of the agent's surroundings; it proposes subgoals, and the "
        "reinforcement learning agent earns a bonus for achieving them, which guides its exploration.",
    ),
    (
        "llm-goal-curriculum",
        "llm4rl/goal",
        "Open-Ended Task Generation with Foundation Models",
        "We study open-ended learning, where an agent must keep facing new challenges. A foundation model "
        "writes the next training task, in code, judging which tasks are interesting and learnable given what "
        "the agent has mastered so far. The deep RL agent trains on this ever-growing curriculum in a "
        "physics simulator.",
    ),
    # 4. The LLM is the policy trained with RL (adapters, LoRA actor-critic on a frozen LLM)
    (
        "llm-policy-lora",
        "llm4rl/policy",
        "Fine-Tuning Language Model Agents in Text Games with Reinforcement Learning",
        "We use a large language model as the policy of an agent in interactive text-based games. Its action "
        "probabilities over valid commands define the behaviour policy, and low-rank adapters on the frozen "
        "model are trained with an actor-critic method from the game's rewards.",
    ),
    (
        "llm-policy-init",
        "llm4rl/policy",
        "Sequence Models Pretrained on Text Transfer to Offline Control",
        "We initialise a decision transformer with the weights of a model pretrained on natural-language "
        "corpora and fine-tune it on offline reinforcement learning datasets for locomotion control. The "
        "text-pretrained initialisation converges faster and reaches higher returns than training from scratch.",
    ),
    # 5. An LLM plans over separately RL-trained skills
    (
        "rl+llm-open-loop",
        "rl+llm/without-language-feedback",
        "Language Models Sequence Learned Robot Skills",
        "A robot has a library of manipulation skills, each trained separately with reinforcement learning. A "
        "large language model turns a user's instruction into a sequence of these skills, and each skill's "
        "value function scores whether it can succeed in the current state. The language model is never "
        "trained, and the skills are never changed.",
    ),
    (
        "rl+llm-closed-loop",
        "rl+llm/with-language-feedback",
        "Re-planning from Textual Scene Reports",
        "We combine a pretrained LLM planner with low-level policies learned by reinforcement learning in a "
        "household simulator. After every step, a captioning module describes the scene and reports whether "
        "the last step succeeded, in natural language, and the planner re-plans from this feedback.",
    ),
    # 6. A small RL-trained model writes hints, rewrites queries or picks in-context examples for a frozen LLM
    (
        "prompt-hints",
        "rl4llm/prompt-engineering",
        "Learning to Give Hints to a Frozen Language Model",
        "A small policy network, trained with reinforcement learning, writes a short hint that is prepended to "
        "each question before it is sent to a frozen large language model. The reward is the frozen model's "
        "accuracy on the answer; its weights are never updated.",
    ),
    (
        "prompt-examples",
        "rl4llm/prompt-engineering",
        "Choosing Demonstrations for In-Context Learning by Trial and Error",
        "In-context learning depends heavily on which demonstrations are shown to a language model. We cast the "
        "choice of demonstrations as a sequential decision problem and learn a selection policy with Q-learning, "
        "rewarded by the black-box model's accuracy on held-out queries.",
    ),
    # 7. Papers that only mention RL; RL-free preference optimisation written in reward language
    (
        "mention-only",
        "out-of-scope",
        "Instruction Tuning with Synthetic Data at Small Scale",
        "Large language models are usually aligned by instruction tuning followed by reinforcement learning from "
        "human feedback. In this work we show that supervised fine-tuning on a small set of synthetic "
        "instructions is competitive. Our models outperform RLHF-trained baselines of the same size.",
    ),
    (
        "rl-free-preference",
        "out-of-scope",
        "A Margin-Based Preference Loss without a Reference Model",
        "Direct preference optimization is a widely used offline alternative that reparameterizes the reward of "
        "RLHF. We propose a simpler loss that uses the length-normalised likelihood as an implicit reward and "
        "adds a margin between preferred and rejected responses. It needs no reward model and no sampling.",
    ),
    # 8. RL from AI feedback
    (
        "rlaif",
        "rl4llm/fine-tuning/without-human-feedback",
        "Self-Supervised Harmlessness via AI Critiques",
        "We train a harmless assistant without any human labels of harmful outputs. A language model critiques "
        "and ranks pairs of responses according to a short list of principles; a preference model trained on "
        "these AI judgements provides the reward for reinforcement learning of the assistant.",
    ),
    (
        "rlaif-2",
        "rl4llm/fine-tuning/without-human-feedback",
        "Scoring Summaries with a Larger Model to Train a Smaller One",
        "Instead of collecting human preference data, we ask a large off-the-shelf model to rate summaries "
        "written by a smaller model. Those ratings train a reward model, and the smaller summarizer is "
        "optimized with policy gradient against it.",
    ),
    # RLHF, one without the acronym
    (
        "rlhf",
        "rl4llm/fine-tuning/with-human-feedback",
        "Safer Chat Responses from Crowdworker Rankings",
        "Crowdworkers ranked several responses of a chat model to each prompt. We fit a reward model to these "
        "rankings and fine-tune the chat model with reinforcement learning to maximise it, which makes answers "
        "more helpful and less harmful in human evaluations.",
    ),
    # Neither RL nor an LLM method of the paper's own
    (
        "no-rl",
        "out-of-scope",
        "Retrieval Improves Factuality of Small Language Models",
        "We add a retrieval step to a small language model and train it with standard supervised learning. "
        "Factual accuracy rises on open-domain question answering.",
    ),
    (
        "no-llm",
        "out-of-scope",
        "Faster Value Estimation for Continuous Control",
        "We propose a critic ensemble for off-policy reinforcement learning on continuous control tasks. The "
        "method reduces overestimation bias and improves sample efficiency on locomotion benchmarks.",
    ),
]


# Later made-up sets: each was first run as unseen text (figures in the README), then kept here.
HELD_OUT: list[tuple[str, str, str, str]] = [
    (
        "set1-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Learning Chat Policies from Thumbs-Up Signals",
        "Users of a deployed chatbot leave thumbs-up and thumbs-down votes on its replies. We convert these votes into a preference dataset, learn a reward model from them, and update the chatbot with PPO. Online A/B tests show users prefer the updated assistant.",
    ),
    (
        "set1-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Translation Models Tuned Toward a Quality Estimator",
        "We optimize a neural machine translation language model with reinforcement learning, using a reference-free quality estimation model as the reward. The approach improves quality scores and BLEU on four language pairs without any additional human annotation.",
    ),
    (
        "set1-2",
        "rl4llm/fine-tuning/without-human-feedback",
        "Teaching Small Models to Use a Calculator through Trial and Error",
        "A 1B-parameter language model learns when to call a calculator tool. Each episode is rewarded when the final numeric answer is right, and the model's parameters are updated by policy gradient.",
    ),
    (
        "set1-3",
        "rl4llm/prompt-engineering",
        "An Agent that Edits Instructions for Text Classifiers Built on LLMs",
        "We keep a large language model fixed and train a lightweight editing agent with reinforcement learning to modify the task instruction and the verbalizer words in its prompt. The reward is the downstream classification accuracy.",
    ),
    (
        "set1-4",
        "llm4rl/reward",
        "Scoring Robot Trajectories with Language Model Critics",
        "A large language model reads a textual summary of each robot trajectory and returns a score for how well it follows the user's request. These scores serve as the reward for training a manipulation policy with soft actor-critic.",
    ),
    (
        "set1-5",
        "llm4rl/goal",
        "Commonsense Goal Proposals for Household Agents",
        "An embodied agent in a simulated home learns many behaviours from few interactions. A language model, prompted with the objects in view, proposes plausible goals such as opening the fridge; the agent practices them with goal-conditioned reinforcement learning.",
    ),
    (
        "set1-6",
        "llm4rl/policy",
        "Language Priors Regularize Multi-Agent Coordination",
        "We use a pretrained language model to produce a prior over actions from a natural-language description of the desired convention, and add a KL penalty toward this prior to the multi-agent RL objective. Agents learn conventions that humans find easier to coordinate with.",
    ),
    (
        "set1-7",
        "rl+llm/without-language-feedback",
        "Instruction-Following Drones via LLM Task Decomposition",
        "Flight primitives such as take-off, follow-wall and land are trained beforehand with deep reinforcement learning. A language model decomposes a spoken mission into an ordered list of these primitives, executed once without further interaction.",
    ),
    (
        "set1-8",
        "rl+llm/with-language-feedback",
        "Interactive Planning with Execution Reports",
        "A large language model chooses which pre-trained RL skill a mobile manipulator executes next. After each skill, a detector reports in text which objects moved and whether the skill failed, and the model revises its plan accordingly.",
    ),
    (
        "set1-9",
        "out-of-scope",
        "Scaling Laws for Code Language Models",
        "We train code language models from 100M to 16B parameters on permissively licensed code and fit scaling laws for loss and pass rates.",
    ),
    (
        "set1-10",
        "out-of-scope",
        "Model-Based Exploration with Ensembles of Dynamics Models",
        "We propose an exploration bonus from the disagreement of learned dynamics models for deep reinforcement learning agents in sparse-reward robotic tasks.",
    ),
    (
        "set1-11",
        "out-of-scope",
        "Chain-of-Thought Prompting for Table Reasoning",
        "We prompt large language models to reason step by step over tables. Without any training, our prompts improve accuracy on three table question answering benchmarks.",
    ),
    (
        "set1-12",
        "out-of-scope",
        "Agents That Write Their Own Tools",
        "An LLM agent writes Python functions as reusable tools while solving tasks and stores them in a library. It relies only on in-context learning with a frozen model and requires no gradient updates or reinforcement learning.",
    ),
    (
        "set1-13",
        "rl4llm/fine-tuning/with-human-feedback",
        "Expert Physicians Rank Medical Answers to Align a Clinical LLM",
        "Licensed physicians compared pairs of answers produced by a clinical language model. A reward model trained on their comparisons guides reinforcement learning of the model, which reduces unsafe advice.",
    ),
    (
        "set2-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Iterated Preference Collection for Safer Story Generation",
        "Writers on a crowdsourcing platform judged which of two story continuations was more appropriate for children. We train a reward predictor on their choices and run reinforcement learning on the story-generation LLM, repeating the collection every week.",
    ),
    (
        "set2-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Self-Play Improves Negotiation Dialogue Models",
        "Two copies of a dialogue language model negotiate with each other; the agreed deal's value is the reward. We fine-tune the model with REINFORCE on these self-play games and evaluate it against humans.",
    ),
    (
        "set2-2",
        "rl4llm/fine-tuning/without-human-feedback",
        "Retrieval Rewards for Query Generation",
        "We train a sequence-to-sequence language model to generate search queries with reinforcement learning, rewarding queries by the recall of the documents a fixed retriever returns. The model's weights are optimized end to end.",
    ),
    (
        "set2-3",
        "rl4llm/prompt-engineering",
        "Bandit Search over Prompt Templates",
        "We treat the choice among candidate prompt templates for a frozen LLM as a contextual bandit problem and learn a template-selection policy with reinforcement learning that maximizes answer accuracy per input.",
    ),
    (
        "set2-4",
        "llm4rl/reward",
        "Natural-Language Rewards for Autonomous Driving Agents",
        "A language model converts a passenger's spoken preferences into a numerical reward function that trains a driving policy with deep RL in a traffic simulator.",
    ),
    (
        "set2-5",
        "llm4rl/goal",
        "Language-Model Curricula for Multi-Task Robot Learning",
        "A language model orders and proposes new manipulation tasks of increasing difficulty for a robot arm, forming a curriculum; the robot learns each task with reinforcement learning in simulation.",
    ),
    (
        "set2-6",
        "llm4rl/policy",
        "Transformers Pretrained on Text as Initialization for Atari-Like Control",
        "We initialize the policy network of an RL agent with a GPT-style language model and fine-tune it with PPO on a suite of video games, observing better sample efficiency.",
    ),
    (
        "set2-7",
        "rl+llm/without-language-feedback",
        "LLM Task Planners over RL Locomotion Skills for Legged Robots",
        "Walking, turning and climbing skills are learned independently with RL. An LLM maps a natural-language command to a fixed sequence of these skills before execution, with no feedback during execution.",
    ),
    (
        "set2-8",
        "rl+llm/with-language-feedback",
        "Dialog Between a Planner and Its Agent",
        "A large language model planner sends subtasks to an RL-trained agent in a grid world; the agent answers in natural language with what it observed and whether the subtask succeeded, and the planner replans.",
    ),
    (
        "set2-9",
        "out-of-scope",
        "Evaluating Hallucination in Summarization Models",
        "We build a benchmark of annotated summaries and measure hallucination rates of twelve pretrained summarization language models.",
    ),
    (
        "set2-10",
        "out-of-scope",
        "Offline Reinforcement Learning with Conservative Critics",
        "We propose a conservative value estimate that prevents overestimation of out-of-distribution actions in offline RL, improving results on continuous control datasets.",
    ),
    (
        "set2-11",
        "out-of-scope",
        "Prompting Language Models to Plan Household Tasks",
        "We show that large language models, prompted with a few examples, can produce step-by-step plans for household tasks without any learning, and we analyse their errors.",
    ),
    (
        "set2-12",
        "out-of-scope",
        "Contrastive Preference Learning for Summarization without Reinforcement Learning",
        "We replace RLHF with a contrastive loss over human-preferred and rejected summaries, which trains the summarizer directly by supervised learning.",
    ),
    (
        "set2-13",
        "rl4llm/fine-tuning/with-human-feedback",
        "Aligning Code Assistants with Developer Preferences",
        "Professional developers rated completions from a code assistant. From these ratings we learn a reward model and fine-tune the assistant with reinforcement learning from human feedback.",
    ),
    (
        "set2-14",
        "llm4rl/reward",
        "Vision-Language Similarity as Reward for Zero-Shot Robot Tasks",
        "We compute the similarity between a camera image and a text description of the goal with a pretrained vision-language model and use it as the reward for training robot policies with reinforcement learning.",
    ),
    (
        "set3-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Learning from Pairwise Judgements of Tutors to Improve Math Explanations",
        "Experienced tutors were shown two explanations generated by a language model and picked the clearer one. We distill their picks into a reward model and optimize the explanation generator with PPO, yielding explanations students rate higher.",
    ),
    (
        "set3-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Reinforcement Learning with Retrieval-Grounded Rewards Reduces Hallucination",
        "We penalize unsupported claims in a question-answering LLM: an entailment model checks each generated sentence against retrieved passages, and the resulting factuality score is the reward for reinforcement learning fine-tuning of the LLM.",
    ),
    (
        "set3-2",
        "rl4llm/prompt-engineering",
        "Reinforcement-Learned Soft Instructions for API-Only Language Models",
        "The target model is only available through an API, so its parameters cannot be changed. We learn, with a policy-gradient method, a policy that composes the instruction text placed before each input, maximizing the API model's task score.",
    ),
    (
        "set3-3",
        "llm4rl/reward",
        "Language-Specified Objectives for Legged Robots via Code Synthesis",
        "Given a natural-language description of a desired gait, an LLM synthesizes a Python function that computes the reward from the robot's state. Policies for several gaits are then trained in simulation with reinforcement learning and deployed on hardware.",
    ),
    (
        "set3-4",
        "llm4rl/goal",
        "LLM-Driven Exploration in Procedurally Generated Worlds",
        "Deep RL agents struggle to explore large procedurally generated worlds. We let a large language model read the agent's inventory and recent observations and suggest what to attempt next; achieving a suggestion gives the agent an exploration bonus.",
    ),
    (
        "set3-5",
        "llm4rl/policy",
        "Acting with Language Model Priors in Card Games",
        "We represent game states as text and let a frozen large language model score candidate moves; these scores form a prior policy that regularizes a reinforcement learning agent, which learns to play faster and closer to human style.",
    ),
    (
        "set3-6",
        "rl+llm/with-language-feedback",
        "Self-Correcting Robot Plans from Failure Explanations",
        "A language model planner assigns pick-and-place skills, each trained beforehand with reinforcement learning, to a robot. When a skill fails, a vision module explains the failure in words to the planner, which then repairs its plan.",
    ),
    (
        "set3-7",
        "rl+llm/without-language-feedback",
        "Compositional Navigation from Language with Pretrained Locomotion Policies",
        "A language model converts a route description into a sequence of calls to navigation primitives whose policies were trained with RL; the sequence is executed open loop.",
    ),
    (
        "set3-8",
        "out-of-scope",
        "Distilling Chain-of-Thought into Small Language Models",
        "We fine-tune small language models on reasoning traces produced by a larger model using standard cross-entropy; no reinforcement learning is involved.",
    ),
    (
        "set3-9",
        "out-of-scope",
        "Curiosity-Driven Exploration for Robotic Grasping",
        "We propose an intrinsic reward based on prediction error to improve exploration in deep reinforcement learning for robotic grasping in clutter.",
    ),
    (
        "set3-10",
        "out-of-scope",
        "A Survey of Evaluation Metrics for Dialogue Systems",
        "We review automatic and human evaluation metrics for open-domain dialogue systems and discuss their correlation with human judgements.",
    ),
    (
        "set3-11",  # relabelled: an LM agent fine-tuned with RL in an interactive environment is the RL
        # agent's policy, as for the gold study that grounds an LM in a text world and the dev papers on LM
        # agents in household simulators (was rl4llm/fine-tuning/without-human-feedback)
        "llm4rl/policy",
        "Training Web Agents with Outcome Rewards",
        "A language-model agent browses websites to complete user requests. We fine-tune the model with online reinforcement learning where the only reward is whether the final page satisfies an automatic checker.",
    ),
    (
        "set4-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Steering Summaries toward Reader Intent",
        "Abstractive summarizers trained on reference summaries often miss what readers care about. We gathered 40,000 judgments in which readers chose between two summaries of the same article. A preference predictor learned from these judgments scores new summaries, and we optimize the summarization model against it with a KL-regularized policy optimization objective. In blind evaluations, readers prefer our summaries over those of a model ten times larger. We release the judgments and analysis of when the predictor is exploited.",
    ),
    (
        "set4-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Formal Proof Search with Language Models and Proof-Checker Rewards",
        "Theorem proving requires long chains of exact steps. We train a language model to generate proof steps in a formal system and use the proof checker's verdict as the only training signal. Starting from a supervised model, we apply an on-policy reinforcement learning algorithm to update the model's weights. The resulting prover closes 12% more theorems on a standard benchmark, and its improvements transfer to unseen domains.",
    ),
    (
        "set4-2",
        "rl4llm/prompt-engineering",
        "Automatic Jailbreak Discovery with a Learned Attacker",
        "Safety evaluations of chat models depend on finding inputs that elicit harmful answers. We train an attacker policy with reinforcement learning to produce adversarial prompts for a fixed target model; the reward is a harmfulness classifier's score on the target's reply plus a diversity bonus. The target model is never modified. Our attacker finds more diverse failures than manual red-teaming and gradient-based search.",
    ),
    (
        "set4-3",
        "llm4rl/reward",
        "Language Feedback as Dense Rewards for Sparse-Reward Manipulation",
        "Manipulation tasks with sparse success signals are hard for reinforcement learning. We prompt a large language model with a description of the task and the robot's recent trajectory and ask it to rate progress from 0 to 10. These ratings are converted into a shaped reward that supplements the environment's sparse reward. On twelve simulated manipulation tasks, agents trained with the language-model ratings learn two to five times faster.",
    ),
    (
        "set4-4",
        "llm4rl/goal",
        "Goal Imagination with Language Models for Open-Ended Agents",
        "Agents that learn without external objectives must choose their own goals. We use a pretrained language model to imagine new goals by recombining descriptions of what the agent has already achieved. The agent then trains a goal-conditioned policy with reinforcement learning to reach these imagined goals in a text-rendered 2D world. This leads to a broader repertoire of skills than sampling goals uniformly.",
    ),
    (
        "set4-5",
        "llm4rl/policy",
        "Pretrained Language Models Improve Sample Efficiency in Text-Based Games",
        "Interactive fiction games require both language understanding and sequential decision making. We fine-tune a pretrained language model as the actor of an actor-critic agent, with the game score as reward. The language model proposes actions from the textual observation, and its parameters are updated online. Compared with agents trained from scratch, our agent reaches higher scores with far fewer interactions.",
    ),
    (
        "set4-6",
        "rl+llm/without-language-feedback",
        "Long-Horizon Assembly by Sequencing Reinforcement-Learned Skills with LLMs",
        "We address long-horizon assembly with a two-level system. At the lower level, insertion, screwing and grasping skills are each trained with reinforcement learning in simulation and transferred to a real robot. At the upper level, a large language model reads the assembly manual and outputs the order in which to invoke the skills. The plan is generated once, before execution. The system assembles unseen furniture kits with 70% success.",
    ),
    (
        "set4-7",
        "rl+llm/with-language-feedback",
        "Closing the Loop between Language Planners and Learned Controllers",
        "Language models can propose plans but cannot see whether they succeed. We connect an LLM planner to controllers trained with reinforcement learning and, after every step, convert the robot's perception into a short textual report of the scene and of whether the step succeeded. The LLM uses these reports to decide the next step or to replan. This closed-loop system recovers from most execution failures in kitchen tasks.",
    ),
    (
        "set4-8",
        "out-of-scope",
        "Efficient Long-Context Attention for Language Models",
        "We propose a linear-time attention mechanism for language models that processes documents of a million tokens. Our kernel reduces memory use by 8x and matches full attention on long-document question answering and summarization benchmarks.",
    ),
    (
        "set4-9",
        "out-of-scope",
        "Sample-Efficient Model-Based Reinforcement Learning for Legged Locomotion",
        "We learn a dynamics model of a quadruped from a few minutes of data and use it to train locomotion policies with reinforcement learning. The policies transfer to the real robot without fine-tuning.",
    ),
    (
        "set4-10",
        "out-of-scope",
        "Self-Instruct Data Generation for Instruction Tuning",
        "We generate instruction-following data with a language model and fine-tune it on its own outputs with supervised learning. No reward model or reinforcement learning is used, and the approach improves instruction following on held-out tasks.",
    ),
    (
        "set5-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Aligning Dialogue Agents to Community Norms from Moderator Feedback",
        "Online communities differ in what replies they consider acceptable. We ask volunteer moderators from three forums to rank candidate replies produced by an open dialogue model. A reward model is trained per community on these rankings, and the dialogue model is then optimized with proximal policy optimization for each community. Replies from the tuned models violate community rules 60% less often in held-out moderator evaluations.",
    ),
    (
        "set5-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Learning to Write SQL from Execution Results",
        "Text-to-SQL models are usually trained to imitate reference queries, although many different queries return the same answer. We instead fine-tune a pretrained sequence-to-sequence model with reinforcement learning, rewarding a generated query when executing it on the database returns the reference result. This execution-based reward improves accuracy on two benchmarks and generalizes better to unseen databases.",
    ),
    (
        "set5-2",
        "rl4llm/fine-tuning/without-human-feedback",
        "Self-Rewarding Critique Improves Long-Form Answers",
        "We let a large language model grade its own long-form answers against a rubric it is given, and use the grades as rewards. The same model is then updated by reinforcement learning on these self-assigned rewards over several rounds. Without any human preference data, answer quality improves according to both automatic metrics and blind human ratings.",
    ),
    (
        "set5-3",
        "rl4llm/prompt-engineering",
        "Learning Which Tools to Mention in the Prompt",
        "Large language models that can call tools perform best when the prompt lists only the relevant tools. We train a small selector with reinforcement learning that decides which tool descriptions to include in the prompt of a frozen LLM for each query; the reward is task success minus a cost for prompt length. The selector improves success while shortening prompts by half.",
    ),
    (
        "set5-4",
        "llm4rl/reward",
        "Eliciting Rewards for Household Robots from Language Model Comparisons",
        "Specifying rewards for household tasks is tedious. We show pairs of short video clips, described in text, to a large language model and ask which clip makes more progress on a written instruction. A reward model trained on the language model's answers then drives reinforcement learning of robot policies in a simulated apartment, matching policies trained on hand-designed rewards.",
    ),
    (
        "set5-5",
        "llm4rl/goal",
        "Language Models as Curriculum Designers for Multi-Agent Games",
        "Training agents for team games requires a sequence of increasingly hard scenarios. We prompt a large language model with the agents' recent win rates and the game rules and ask it to write the next scenario as a configuration file. Agents are trained with multi-agent reinforcement learning on the generated curriculum and outperform agents trained on random or hand-designed scenarios.",
    ),
    (
        "set5-6",
        "llm4rl/policy",
        "Distilling Language Model Advice into Navigation Policies",
        "An instruction-following navigation agent learns slowly from sparse rewards. We query a large language model for action suggestions at each step during early training and add a distillation loss that pulls the agent's policy toward these suggestions, annealed over time. The agent learns three times faster in photo-realistic indoor environments and keeps its advantage after the advice is removed.",
    ),
    (
        "set5-7",
        "rl+llm/without-language-feedback",
        "Task Plans from Language for a Fleet of Warehouse Robots",
        "Each warehouse robot has picking, placing and docking controllers trained with reinforcement learning. A large language model translates an operator's order into an assignment of these controllers to robots and an execution order, computed once before the shift begins. The system handles orders it was never trained on.",
    ),
    (
        "set5-8",
        "rl+llm/with-language-feedback",
        "Interactive Replanning for Mobile Manipulation with Language Model Planners",
        "We pair a language model planner with manipulation skills learned by reinforcement learning. During execution, an object detector and a success classifier produce sentences describing the current scene and whether the last skill succeeded; the planner reads them and decides how to continue or revise the plan. This feedback loop doubles success on long tasks.",
    ),
    (
        "set5-9",
        "out-of-scope",
        "Mixture-of-Experts Language Models at Low Cost",
        "We train sparse mixture-of-experts language models with an improved routing loss and show that they match dense models with a third of the compute on language modeling and downstream tasks.",
    ),
    (
        "set5-10",
        "out-of-scope",
        "Offline Policy Evaluation for Recommender Systems",
        "We propose a doubly robust estimator for evaluating recommendation policies from logged data and analyze its variance; experiments on two large datasets show lower error than importance sampling.",
    ),
    (
        "set5-11",
        "out-of-scope",
        "Retrieval-Augmented Generation for Clinical Notes",
        "We retrieve relevant passages from a medical knowledge base and condition a language model on them to summarize clinical notes. The model is trained with standard supervised fine-tuning and improves factual consistency.",
    ),
    (
        "set6-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Personalized Writing Assistants from Implicit User Edits",
        "Users of a writing assistant often edit its suggestions before accepting them. We treat each edit as a signal of which of two texts the user prefers, learn a user-specific reward model from these implicit preferences, and fine-tune the assistant's language model with reinforcement learning. In a two-month deployment, users accepted 23% more suggestions without editing.",
    ),
    (
        "set6-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Curriculum Reinforcement Learning for Multi-Step Reasoning in Small Models",
        "Small language models struggle with problems that need many reasoning steps. We train them with a policy-gradient method where the reward is 1 if the final answer matches the ground truth, and order training problems from short to long. The resulting 1.5B model rivals much larger models on grade-school math.",
    ),
    (
        "set6-2",
        "rl4llm/prompt-engineering",
        "Optimizing Retrieval Queries for a Black-Box Question Answerer",
        "Retrieval-augmented systems depend on the queries sent to the search engine. A lightweight policy, trained with reinforcement learning, reformulates the user's question into search queries; the downstream black-box LLM that reads the results is never changed, and its answer accuracy is the reward.",
    ),
    (
        "set6-3",
        "llm4rl/reward",
        "Zero-Shot Reward Specification with Vision-Language Models for Agile Flight",
        "We use a vision-language model to compare a drone's onboard camera frames with a text description of the desired maneuver; its similarity score becomes the reward for training a flight controller with reinforcement learning in simulation, without any hand-crafted reward.",
    ),
    (
        "set6-4",
        "llm4rl/goal",
        "Exploration through Language-Model Questions in 3D Worlds",
        "An agent exploring a 3D world asks a language model what would be interesting to try given what it has seen. The language model's proposals become goals for a goal-conditioned reinforcement learning policy, leading to broader state coverage than novelty-based exploration.",
    ),
    (
        "set6-5",
        "llm4rl/policy",
        "Language Models as Action Priors for Sample-Efficient Robot Learning",
        "We query a large language model for a distribution over high-level actions given a task description and current observation, and use it as a prior that guides the exploration of a reinforcement learning policy through a KL term. On six manipulation tasks the agent needs five times fewer episodes.",
    ),
    (
        "set6-6",
        "rl+llm/without-language-feedback",
        "From Recipes to Robot Actions with Frozen Language Models and Learned Skills",
        "A frozen language model parses a cooking recipe into a sequence of skill calls such as cut, stir and pour, each implemented by a policy trained separately with reinforcement learning. The sequence is produced before cooking starts and executed as is.",
    ),
    (
        "set6-7",
        "rl+llm/with-language-feedback",
        "Dialogue-Driven Task Execution for Assistive Robots",
        "An assistive robot executes skills trained with deep reinforcement learning as chosen by a large language model. After every skill, the robot tells the language model in a sentence what it sees and whether the action worked, and the model decides the next skill.",
    ),
    (
        "set6-8",
        "out-of-scope",
        "Speculative Decoding for Faster Language Model Inference",
        "We draft tokens with a small model and verify them with a large language model in parallel, doubling generation speed with identical outputs.",
    ),
    (
        "set6-9",
        "out-of-scope",
        "Hierarchical Reinforcement Learning with Learned Options for Navigation",
        "We learn temporally extended options with an option-critic architecture and show faster learning on long-horizon navigation tasks in 3D mazes.",
    ),
    (
        "set6-10",
        "out-of-scope",
        "Evaluating Language Model Agents on Web Tasks",
        "We introduce a benchmark of 800 realistic web tasks and evaluate prompting-based language model agents, finding that the best agent completes 14% of tasks.",
    ),
    (
        "set6-11",
        "rl4llm/fine-tuning/without-human-feedback",
        "Training Translation Models with Round-Trip Consistency Rewards",
        "We improve a low-resource machine translation model by translating sentences to the target language and back, and using the similarity between the original and round-trip sentence as a reward for reinforcement learning of the translation model. No parallel data or human labels are required.",
    ),
    (
        "set7-0",
        "out-of-scope",
        "Decision Transformers Trained from Scratch on Robot Data",
        "Sequence models have recently been applied to offline reinforcement learning. We study transformer policies trained from scratch on large robot datasets and analyze how context length affects performance. We find that longer contexts help on long-horizon tasks, and we release our training code.",
    ),
    (
        "set7-1",
        "out-of-scope",
        "Policy Compliance Checking for Enterprise Chatbots",
        "Enterprises need chatbots that follow internal policies. We build a retrieval pipeline that checks a large language model's draft reply against company policy documents before it is sent, reducing violations by 40% without any model training.",
    ),
    (
        "set7-3",
        "rl4llm/fine-tuning/with-human-feedback",
        "Fewer Comparisons, Better Rewards: Active Preference Collection for RLHF",
        "Reinforcement learning from human feedback needs many costly human comparisons. We select which pairs of responses to show annotators by the reward model's uncertainty. With the same annotation budget, the policy fine-tuned with PPO on our reward model wins 58% of head-to-head comparisons against standard collection.",
    ),
    (
        "set7-4",
        "rl4llm/fine-tuning/without-human-feedback",
        "Constitution-Free Self-Alignment through Debate",
        "Two instances of a language model debate whether a response is harmful, and a third instance judges the debate. The judge's verdicts train a reward model, and the policy model is optimized against it with reinforcement learning. No human labels are used at any stage.",
    ),
    (
        "set7-5",
        "llm4rl/reward",
        "Learning Dexterous Skills from Language-Model-Written Reward Sketches",
        "Designing dense rewards for dexterous manipulation requires expertise. We ask a large language model to write a reward sketch in Python for each task, refine it with simulation rollouts, and train a multi-fingered hand with PPO on the resulting rewards. Our method matches expert rewards on 14 of 20 tasks.",
    ),
    (
        "set7-6",
        "llm4rl/goal",
        "Commonsense Subtask Generation for Sparse-Reward Minigames",
        "In sparse-reward games, reinforcement learning agents rarely stumble on the sequence of steps needed to win. We use a language model to break the objective into subtasks and reward the agent for completing them, which steers exploration. Agents finish 3x more games than with count-based exploration.",
    ),
    (
        "set7-7",
        "llm4rl/policy",
        "Fine-Tuning Vision-Language-Action Models with Online Reinforcement Learning",
        "Vision-language-action models map images and instructions directly to robot actions but are trained only by imitation. We fine-tune such a model with online reinforcement learning in simulation, updating the pretrained vision-language backbone together with its action head, and improve success on manipulation tasks by 25 points.",
    ),
    (
        "set7-8",
        "rl+llm/without-language-feedback",
        "Open-Loop Mission Planning with Language Models for Underwater Vehicles",
        "An underwater vehicle has station-keeping, survey and docking behaviours, each learned with reinforcement learning. A language model turns a scientist's mission description into an ordered plan of these behaviours before the dive; no information is sent back to the language model during the dive.",
    ),
    (
        "set7-9",
        "rl+llm/with-language-feedback",
        "Language Planners that Listen: Closed-Loop Control with Learned Skills",
        "A large language model sequences manipulation skills trained with reinforcement learning. After each skill, a captioning model describes the outcome in natural language and the planner uses the description to choose the next skill, recovering from failures.",
    ),
    (
        "set7-10",
        "rl4llm/prompt-engineering",
        "Reinforced Demonstration Ordering for In-Context Learning",
        "The order of in-context demonstrations strongly affects a language model's predictions. We learn an ordering policy with reinforcement learning that permutes the demonstrations in the prompt of a fixed language model, rewarded by validation accuracy. Reordering alone improves accuracy by 4 points on average across 10 classification tasks.",
    ),
    (
        "set7-11",
        "rl4llm/fine-tuning/without-human-feedback",
        "Learning to Summarize with Entailment Rewards",
        "Summaries often contain claims unsupported by the source. We fine-tune a summarization model with reinforcement learning using a natural language inference model's entailment probability as the reward, improving faithfulness with little loss in informativeness.",
    ),
    (
        "set8-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Safe Reinforcement Learning from Human Feedback with Separate Helpfulness and Harmlessness Rewards",
        "We decouple human preferences about helpfulness and harmlessness by collecting separate annotations for each, training two reward models, and optimizing the language model with a constrained PPO objective that maximizes helpfulness subject to a harmlessness cost. The resulting assistant is both more helpful and safer than single-reward baselines.",
    ),
    (
        "set8-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Teaching Language Models to Ask Clarifying Questions with Simulated Users",
        "Assistants often answer ambiguous requests without asking for clarification. We simulate users with another language model and reward the assistant when its dialogue leads the simulated user to a successful outcome. Training the assistant with multi-turn reinforcement learning doubles the rate of useful clarifying questions.",
    ),
    (
        "set8-2",
        "rl4llm/prompt-engineering",
        "Evolving Instructions with a Learned Mutation Policy",
        "We search for better task instructions for a frozen large language model. A mutation policy, trained with reinforcement learning, proposes edits to the current best instruction, and the reward is the language model's accuracy on a development set. Our method finds instructions that outperform human-written ones on 8 of 10 tasks.",
    ),
    (
        "set8-3",
        "llm4rl/reward",
        "Language Model Critiques as Shaping Rewards in Sparse Navigation Tasks",
        "Navigation agents in large maps receive reward only at the goal. We periodically describe the agent's trajectory to a language model and ask whether it is getting closer to the described destination; its yes/no answers are turned into a shaping term added to the reward. Agents trained with PPO reach goals 40% more often.",
    ),
    (
        "set8-4",
        "llm4rl/goal",
        "Automatic Goal Curricula from Game Manuals",
        "We parse a game's manual with a large language model to extract a list of intermediate objectives, which serve as a curriculum of goals for a reinforcement learning agent. The agent is rewarded for achieving each objective in turn and learns to finish the game far more often than without the curriculum.",
    ),
    (
        "set8-5",
        "llm4rl/policy",
        "Reinforcement Learning Fine-Tuning of Language Agents for Embodied Household Tasks",
        "We treat a large language model as the policy of an embodied agent that outputs high-level actions in a simulated household. The model is fine-tuned with PPO from task rewards, with a value head added on top of the language model. The fine-tuned agent completes 30% more tasks than prompting alone.",
    ),
    (
        "set8-6",
        "rl+llm/without-language-feedback",
        "Composing Learned Locomotion Skills with Language for Quadruped Parkour",
        "A quadruped robot has a library of parkour skills such as jumping, climbing and crawling, each trained in simulation with reinforcement learning. Given a course described in natural language, a large language model outputs the sequence of skills to execute; the robot then runs the sequence without further consultation.",
    ),
    (
        "set8-7",
        "rl+llm/with-language-feedback",
        "Self-Reflective Planning for Tabletop Rearrangement",
        "A language model plans which pick-and-place skill, learned by reinforcement learning, to execute next. After each attempt, a vision-language model produces a text summary of the table and of any failure, which the planner reflects on before choosing the next step.",
    ),
    (
        "set8-8",
        "out-of-scope",
        "Direct Preference Optimization with Ranked Lists",
        "We extend direct preference optimization from pairs to ranked lists of responses, deriving a listwise loss that trains the language model directly from human rankings without a reward model or reinforcement learning.",
    ),
    (
        "set8-9",
        "out-of-scope",
        "World Models for Sample-Efficient Atari-Style Games",
        "We learn a latent world model from pixels and train an actor-critic agent entirely in imagination, reaching human-level scores on a suite of arcade games with two hours of play.",
    ),
    (
        "set8-10",
        "out-of-scope",
        "Instruction-Tuned Language Models for Legal Document Classification",
        "We instruction-tune an open language model on 30 legal classification tasks and show that it outperforms task-specific fine-tuning on held-out tasks.",
    ),
    (
        "set8-11",
        "rl4llm/fine-tuning/without-human-feedback",
        "Reinforcement Learning with Compiler Feedback for Secure Code Generation",
        "Code language models often produce insecure code. We fine-tune a code model with reinforcement learning in which a static analyzer and a compiler provide the rewards: compilable code without detected vulnerabilities earns a high reward. The approach halves the vulnerability rate with no loss in functional correctness.",
    ),
    (
        "set9-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Learning from Expert Demonstrations and Rankings for Medical Question Answering",
        "We first fine-tune a language model on answers written by physicians, then collect physicians' rankings of sampled answers, fit a reward model to them, and continue training the model with reinforcement learning. The final model is preferred by physicians over the supervised model in 71% of comparisons.",
    ),
    (
        "set9-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Length-Controlled Reinforcement Learning for Concise Reasoning",
        "Reasoning models trained with reinforcement learning tend to produce ever longer chains of thought. We add a length penalty to the correctness reward and train the model with group-relative policy optimization, cutting response length by 45% while keeping accuracy on math benchmarks.",
    ),
    (
        "set9-2",
        "rl4llm/prompt-engineering",
        "A Bandit Approach to System Prompt Selection",
        "Which system prompt works best varies across user queries. We learn a contextual bandit policy that picks one of twenty system prompts for a frozen chat model per query, using automatic quality scores as the reward, and improve win rates by 6 points.",
    ),
    (
        "set9-3",
        "llm4rl/reward",
        "Grounding Rewards in Language for Multi-Task Manipulation",
        "Each manipulation task in our benchmark is described by a sentence. A large language model converts the sentence into a reward function over object poses, and a single multi-task policy is trained with reinforcement learning on all the generated rewards.",
    ),
    (
        "set9-4",
        "llm4rl/goal",
        "Hindsight Relabeling with Language Model Goals",
        "After each episode, a large language model describes in text which goals the agent's trajectory actually achieved. These goals are used to relabel the episode for goal-conditioned reinforcement learning, so that failed attempts still teach the agent something useful.",
    ),
    (
        "set9-5",
        "llm4rl/policy",
        "Initializing Game-Playing Agents from Code Language Models",
        "We initialize the policy of a reinforcement learning agent that plays programming puzzles in a sandbox with the weights of a pretrained code language model, then train it with PPO. Initialization from the language model speeds up learning tenfold compared with random initialization.",
    ),
    (
        "set9-6",
        "rl+llm/without-language-feedback",
        "Zero-Shot Assembly Plans with Language Models and Learned Insertion Skills",
        "Peg insertion, screwing and alignment skills are learned with deep reinforcement learning. Given an assembly goal, a large language model produces the complete sequence of skill invocations in advance, and the robot executes it blindly.",
    ),
    (
        "set9-7",
        "rl+llm/with-language-feedback",
        "Conversational Replanning for Household Robots",
        "Our household robot runs navigation and manipulation skills trained with reinforcement learning, sequenced by a large language model. When a skill fails, the robot reports the failure and what it observes in natural language, and the language model revises the remaining plan.",
    ),
    (
        "set9-8",
        "out-of-scope",
        "Quantization-Aware Training for Large Language Models",
        "We propose a quantization-aware training recipe that brings 4-bit large language models within 1% of full precision on reasoning and coding benchmarks.",
    ),
    (
        "set9-9",
        "out-of-scope",
        "Reinforcement Learning for Chip Floorplanning",
        "We train a graph neural network policy with reinforcement learning to place macros on a chip canvas, producing floorplans comparable to human experts in hours instead of weeks.",
    ),
    (
        "set9-10",
        "out-of-scope",
        "Prompt Compression for Long-Context Question Answering",
        "We compress long prompts by dropping low-information tokens chosen by a small language model, which cuts inference cost in half without any training of the large model and with little loss in accuracy.",
    ),
    (
        "set9-11",
        "rl4llm/fine-tuning/without-human-feedback",
        "Factual Alignment of Language Models via Retrieval-Based Rewards",
        "We reduce factual errors in long-form generation by rewarding each claim that can be verified against retrieved evidence and penalizing unverifiable ones. The language model is optimized with reinforcement learning on these automatically computed rewards, improving factual precision by 20%.",
    ),
    (
        "set10-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Aligning Code Review Comments with Developer Feedback",
        "Automated code review tools generate many comments that developers ignore. Large language models can write fluent review comments, but fluency is not usefulness. We log which generated comments developers resolve, dismiss or mark as helpful, learn a reward model from these reactions, and fine-tune the comment generator with reinforcement learning. Deployed for three months, the tuned model's comments were resolved twice as often.",
    ),
    (
        "set10-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Learning to Cite: Reinforcement Learning for Attributed Question Answering",
        "Language models often answer questions without supporting citations, or cite sources that do not support their claims. We reward a model when an automatic attribution checker confirms that each cited passage supports the sentence it is attached to, and train the model with proximal policy optimization. Citation precision rises from 61% to 85%.",
    ),
    (
        "set10-2",
        "rl4llm/prompt-engineering",
        "Meta-Prompt Optimization with Reinforcement Learning for Text-to-Image Models",
        "Text-to-image models are sensitive to prompt wording. We train a small language model with reinforcement learning to rewrite user prompts into prompts that a frozen image generator renders more faithfully, rewarding the rewriter with an aesthetic and alignment score of the generated image.",
    ),
    (
        "set10-3",
        "llm4rl/reward",
        "Preference-Based Reinforcement Learning with Language Model Labelers",
        "Preference-based reinforcement learning usually needs a human to compare pairs of trajectories. We replace the human with a large language model that reads textual summaries of the two trajectories and states which better satisfies the task description. The learned reward trains locomotion and manipulation policies that match those trained with human labels.",
    ),
    (
        "set10-4",
        "llm4rl/goal",
        "Language Models Propose Exploration Targets for Autonomous Driving Agents",
        "Autonomous driving agents trained with reinforcement learning rarely encounter rare but important situations. We ask a language model to propose challenging scenarios, such as a pedestrian stepping out behind a bus, which are instantiated in the simulator as training targets. Agents trained on the proposed scenarios crash 35% less often in held-out rare events.",
    ),
    (
        "set10-5",
        "out-of-scope",
        "Soft Prompt Tuning for Domain Adaptation of Clinical Language Models",
        "We learn continuous soft prompts by gradient descent while keeping the language model frozen, adapting it to clinical text classification with 0.1% of the parameters.",
    ),
    (
        "set10-6",
        "out-of-scope",
        "Multi-Agent Reinforcement Learning for Traffic Signal Control",
        "We coordinate traffic lights across a city with multi-agent reinforcement learning, using graph attention to share information between neighbouring intersections, and reduce average travel time by 18%.",
    ),
    (
        "set10-7",
        "rl+llm/with-language-feedback",
        "Planning with Verbal Feedback for Minecraft-like Crafting Agents",
        "A large language model plans sequences of crafting and gathering skills that were learned beforehand with reinforcement learning. After each skill, the environment's inventory and any error message are converted to text and given back to the language model, which adjusts the plan.",
    ),
    (
        "set10-8",
        "llm4rl/policy",
        "Language-Conditioned Policies Initialized from Instruction-Tuned Models",
        "We initialize an instruction-following agent's policy network with an instruction-tuned language model and fine-tune it with reinforcement learning in a 3D environment, outperforming policies trained from scratch on unseen instructions.",
    ),
    (
        "set10-9",
        "rl+llm/without-language-feedback",
        "LLM-Orchestrated Skill Chaining for Legged Manipulators",
        "A legged manipulator uses walking, reaching and grasping skills trained separately with reinforcement learning. A large language model maps an operator's request to a fixed chain of skills that is executed open loop.",
    ),
    (
        "set11-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Human Preference Fine-Tuning for Machine Translation",
        "Automatic metrics correlate poorly with translation quality as judged by people. We collect professional translators' pairwise preferences between candidate translations, train a preference model, and use it as the reward for reinforcement learning of a multilingual translation model. Human evaluators prefer the resulting translations in 9 of 10 language pairs.",
    ),
    (
        "set11-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Optimizing Dialogue Policies of Language Models for Task Success",
        "Task-oriented dialogue systems built on language models must complete user goals such as booking a table. We fine-tune the dialogue model with offline reinforcement learning on logged conversations, using task completion as the reward, and improve success rates by 12 points over supervised fine-tuning.",
    ),
    (
        "set11-2",
        "rl4llm/prompt-engineering",
        "Learning Chain-of-Thought Exemplar Selection with Reinforcement Learning",
        "Few-shot chain-of-thought prompting depends on which worked examples are included. A retriever trained with policy gradient picks exemplars for each test question to maximize the frozen model's answer accuracy; the language model itself is never fine-tuned.",
    ),
    (
        "set11-3",
        "llm4rl/reward",
        "Language Models Design Intrinsic Rewards for Exploration in Text-Free Environments",
        "We ask a large language model to write intrinsic reward functions, as code over state features, that encourage a reinforcement learning agent to explore a continuous-control environment. The generated bonuses outperform curiosity-based exploration on five sparse-reward tasks.",
    ),
    (
        "set11-4",
        "llm4rl/policy",
        "Bootstrapping Robot Policies from Language Model Plans",
        "We convert the step-by-step plans a large language model writes for a task into a prior over the robot's actions and fine-tune the robot's reinforcement learning policy starting from this prior, which makes early exploration far more effective.",
    ),
    (
        "set11-5",
        "rl+llm/without-language-feedback",
        "Language-Driven Sequencing of Learned Drone Maneuvers",
        "Aggressive drone maneuvers such as flips and rolls are learned with reinforcement learning in simulation. A language model turns a choreography written in natural language into a timed sequence of these maneuvers, which the drone then flies without replanning.",
    ),
    (
        "set11-6",
        "out-of-scope",
        "Benchmarking Tool-Using Language Agents in Spreadsheets",
        "We present a benchmark of 1,200 spreadsheet tasks and evaluate language model agents that call spreadsheet functions through prompting. Even the strongest agent fails on half of the multi-step tasks.",
    ),
    (
        "set11-7",
        "out-of-scope",
        "Safe Exploration in Reinforcement Learning with Learned Constraints",
        "We learn safety constraints from a few demonstrations of unsafe behaviour and use them to restrict exploration in model-free reinforcement learning for robot navigation.",
    ),
    (
        "set11-8",
        "llm4rl/goal",
        "Language Model Task Proposals for Open-Ended Robot Play",
        "A robot learns by playing with objects on a table. A language model looks at a description of the scene and proposes the next task to practice, like stacking the red block on the green one; the robot learns each proposed task with reinforcement learning.",
    ),
    (
        "set11-9",
        "rl+llm/with-language-feedback",
        "Asking for Help: Language Model Planners that Query Their Skills",
        "A language model planner coordinates navigation and manipulation skills learned with reinforcement learning. Each skill reports its success or failure and the objects it detects as a sentence; when a report signals a problem, the planner asks follow-up questions and changes the plan.",
    ),
    (
        "set12-0",
        "rl4llm/fine-tuning/without-human-feedback",
        "Reinforcement Learning from Search Engine Feedback for Query-Focused Summarization",
        "We train a summarization language model whose summaries are scored by how well a search engine retrieves the source document when given the summary as a query. This retrieval score serves as the reward in policy-gradient fine-tuning, producing more informative summaries without human annotation.",
    ),
    (
        "set12-1",
        "rl4llm/fine-tuning/with-human-feedback",
        "Learning from Crowd Ratings to Reduce Sycophancy",
        "Chat assistants often agree with users even when users are wrong. We gather crowd ratings of assistant replies for honesty, learn a reward model from them, and run reinforcement learning on the assistant, which then contradicts incorrect user claims three times more often.",
    ),
    (
        "set12-2",
        "llm4rl/reward",
        "LLM-Generated Reward Machines for Long-Horizon Robot Tasks",
        "We prompt a language model to translate a task description into a reward machine, an automaton whose transitions emit rewards for completing stages of the task. Reinforcement learning agents trained with these reward machines solve long-horizon manipulation tasks that sparse-reward agents never solve.",
    ),
    (
        "set12-3",
        "llm4rl/goal",
        "Language Models Suggest Intermediate Goals for Maze Navigation",
        "We ask a language model, given a textual map of a maze, to suggest a sequence of intermediate waypoints. A reinforcement learning agent receives bonus rewards for reaching them, which shortens training by an order of magnitude.",
    ),
    (
        "set12-4",
        "llm4rl/policy",
        "Language Model Policies for Text Adventure Games Trained with Q-Learning",
        "We fine-tune a pretrained language model to score candidate actions in text adventure games, treating its scores as Q-values and training it with deep Q-learning from game rewards. The agent beats previous learning agents on 20 of 33 games.",
    ),
    (
        "set12-5",
        "rl+llm/without-language-feedback",
        "Task Decomposition with LLMs for Surgical Robot Subtasks",
        "Surgical subtasks such as needle passing and knot tying are learned with reinforcement learning in simulation. A language model decomposes a procedure description into an ordered list of these learned subtasks, executed without interaction with the model.",
    ),
    (
        "set12-6",
        "rl+llm/with-language-feedback",
        "Closed-Loop Language Planning for Agricultural Robots",
        "An agricultural robot has harvesting and navigation skills trained with reinforcement learning. A large language model chooses the next skill; after each skill, a perception module reports in text what was harvested and what went wrong, and the language model replans.",
    ),
    (
        "set12-7",
        "rl4llm/prompt-engineering",
        "Adversarial Prompt Generation for Robustness Testing of Classifiers Built on LLMs",
        "We train an attacker model with reinforcement learning to write paraphrased prompts that flip the predictions of a fixed LLM-based classifier, rewarding successful flips that preserve meaning. The attacker reveals failure cases that manual testing missed.",
    ),
    (
        "set12-8",
        "out-of-scope",
        "Scaling Instruction Data with Self-Generated Tasks",
        "A language model writes new instructions and answers for itself, which are filtered and used for supervised fine-tuning. No human labels or reinforcement learning are involved.",
    ),
    (
        "set12-9",
        "out-of-scope",
        "Learning to Walk in Minutes with Massively Parallel Reinforcement Learning",
        "We train legged robot locomotion policies with thousands of simulated robots in parallel on one GPU, reaching robust walking in minutes of training.",
    ),
    (
        "set13-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Nash Learning from Human Feedback for Chat Models",
        "Instead of fitting a scalar reward model, we learn a pairwise preference model from human comparisons and fine-tune a chat language model toward the Nash equilibrium of the induced preference game with a mirror-descent policy optimization algorithm. The resulting model is preferred over a PPO baseline in human evaluations.",
    ),
    (
        "set13-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Reinforcement Learning with Unit Tests Generated by the Model Itself",
        "We let a code language model write both solutions and unit tests; solutions are rewarded by the fraction of the model's own tests they pass, after filtering unreliable tests. Reinforcement learning on this self-generated signal improves pass@1 on three benchmarks without any human-written tests.",
    ),
    (
        "set13-2",
        "rl4llm/prompt-engineering",
        "Learning to Select Retrieval Demonstrations with Reinforcement Learning for Frozen Code Models",
        "A policy network chooses which code examples from a repository to place in the context of a frozen code language model. It is trained with reinforcement learning using the unit-test pass rate of the generated code as reward.",
    ),
    (
        "set13-3",
        "llm4rl/reward",
        "Vision-Language Model Feedback as Reward for Deformable Object Manipulation",
        "Reward functions for cloth folding are hard to write. We query a vision-language model with pairs of images of the cloth and a text goal, turn its preferences into a learned reward, and train folding policies with reinforcement learning, outperforming rewards from image similarity.",
    ),
    (
        "set13-4",
        "llm4rl/goal",
        "Open-Ended Skill Discovery Guided by Language Model Interestingness",
        "An agent in a procedurally generated world must decide what to learn next. A language model rates which candidate goals are interesting and novel given the agent's history, and the agent trains a goal-conditioned policy with reinforcement learning on the highest-rated goals.",
    ),
    (
        "set13-5",
        "llm4rl/policy",
        "Large Language Models as Zero-Shot Policies Refined by Reinforcement Learning",
        "We start from a large language model that maps observations described in text to actions, and refine it with reinforcement learning through low-rank adaptation while interacting with a simulated warehouse environment. The refined model solves 2x more tasks than the zero-shot model.",
    ),
    (
        "set13-6",
        "rl+llm/without-language-feedback",
        "Language Models Choose Among Pretrained RL Controllers for Building Energy Management",
        "A set of controllers for heating, cooling and ventilation modes is trained with reinforcement learning. Each morning a language model reads the weather forecast and occupancy schedule and selects which controller runs in each zone for the day, without further interaction.",
    ),
    (
        "set13-7",
        "rl+llm/with-language-feedback",
        "Feedback-Driven Replanning for Multi-Robot Exploration",
        "A language model assigns exploration and mapping skills, learned with reinforcement learning, to a team of robots. Every few minutes the robots' progress is summarized in natural language for the model, which reassigns the skills accordingly.",
    ),
    (
        "set13-8",
        "out-of-scope",
        "Reinforcement Learning for Portfolio Optimization with Transformers",
        "We model market histories with a transformer encoder and learn trading policies with proximal policy optimization, outperforming classical portfolio strategies on three markets.",
    ),
    (
        "set13-9",
        "out-of-scope",
        "Aligning Language Models with Rejection Sampling Fine-Tuning",
        "We sample many responses per prompt, keep those that a reward model scores highest, and fine-tune the language model on them with a standard supervised loss; no reinforcement learning algorithm is used.",
    ),
    (
        "set14-0",
        "rl4llm/fine-tuning/with-human-feedback",
        "Reward Model Ensembles Reduce Overoptimization in RLHF",
        "When a language model is optimized against a single reward model trained on human preference labels, it learns to exploit the reward model's errors. We train an ensemble of reward models on the same human comparisons and optimize the policy against a conservative ensemble estimate with PPO, which delays overoptimization and improves true preference win rates.",
    ),
    (
        "set14-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Grammar-Constrained Reinforcement Learning for Structured Output Generation",
        "We fine-tune a language model to produce valid JSON that follows a given schema, rewarding outputs that parse and validate against the schema and penalizing missing fields. Reinforcement learning with this rule-based reward raises schema compliance from 71% to 98%.",
    ),
    (
        "set14-2",
        "rl4llm/prompt-engineering",
        "Query-Specific Instruction Generation for Black-Box Translation Models",
        "A small generator trained with reinforcement learning writes an instruction tailored to each source sentence, which is prepended before the sentence is sent to a black-box LLM translator. The reward is a translation-quality estimate; the translator is never modified.",
    ),
    (
        "set14-3",
        "llm4rl/reward",
        "Learning Rewards from Language Model Rankings of Trajectories",
        "We collect trajectories of a robot arm, describe each in text, and ask a language model to rank them by how well they accomplish a stated goal. A reward function fit to these rankings is then used to train the arm with reinforcement learning.",
    ),
    (
        "set14-4",
        "llm4rl/goal",
        "Language-Guided Curriculum Generation for Multi-Goal Robot Learning",
        "A language model orders candidate manipulation goals from easy to hard and proposes new goals when the robot masters the current ones. A goal-conditioned policy is trained with reinforcement learning on this evolving curriculum.",
    ),
    (
        "set14-5",
        "llm4rl/policy",
        "Decision Transformers Initialized from Pretrained Language Models for Robotic Control",
        "We initialize a decision transformer with the weights of a pretrained language model and fine-tune it with offline reinforcement learning on robot datasets, improving success on long-horizon tasks.",
    ),
    (
        "set14-6",
        "rl+llm/without-language-feedback",
        "LLM Task Allocation for Heterogeneous Robot Teams with Learned Skills",
        "Robots in a team each have navigation and manipulation skills learned with reinforcement learning. A large language model reads the mission and produces a complete allocation of skills to robots in advance; the plan is then executed without consulting the model again.",
    ),
    (
        "set14-7",
        "rl+llm/with-language-feedback",
        "Iterative Plan Refinement from Execution Narratives",
        "A language model sequences reinforcement-learned skills for a mobile manipulator. After each step, a narrator module describes in natural language what happened, and the model uses the narrative to refine the rest of its plan.",
    ),
    (
        "set14-8",
        "out-of-scope",
        "Direct Alignment from Preferences without Reward Models",
        "We align a language model directly on human preference pairs with a classification-style loss, avoiding both an explicit reward model and reinforcement learning.",
    ),
    (
        "set14-9",
        "out-of-scope",
        "Model Predictive Control for Quadruped Locomotion on Rough Terrain",
        "We propose a contact-aware model predictive controller that lets a quadruped robot traverse rough terrain, validated in simulation and on hardware.",
    ),
]


# Sets 15 to 22, written fresh and scored before any change they caused: 12/12, 6/10, 8/10, 8/10, 7/10, 8/10,
# 7/10, 8/10.
LATER: list[tuple[str, str, str, str]] = [
    (
        "s15-rlhf-dialogue",
        "rl4llm/fine-tuning/with-human-feedback",
        "Aligning Customer-Support Assistants with Annotator Rankings",
        "Support chatbots built on large language models often give answers that are technically correct but unhelpful. We collect rankings from trained annotators who compare pairs of candidate replies, fit a preference model to those rankings, and then optimize the assistant against it with proximal policy optimization. A KL penalty keeps the tuned model close to the supervised starting point. Human evaluators prefer the tuned assistant in 71% of head-to-head comparisons.",
    ),
    (
        "s15-rlaif-summ",
        "rl4llm/fine-tuning/without-human-feedback",
        "Critic Models as Cheap Teachers for Abstractive Summarization",
        "We fine-tune a summarization language model with reinforcement learning where the reward is produced by a second, larger model that scores factual consistency between the source document and the summary. No human preference labels are collected at any point. The policy model learns to avoid hallucinated entities, reducing unsupported claims by a third on news and dialogue summarization benchmarks.",
    ),
    (
        "s15-prompt-rl",
        "rl4llm/prompt-engineering",
        "Learning to Rewrite Instructions for a Frozen Model",
        "Small changes to an instruction can swing a language model's accuracy by many points. We train a lightweight policy network with reinforcement learning to edit task instructions, word by word, for a black-box language model whose parameters are never changed. The reward is the frozen model's accuracy on a handful of labeled examples. Rewritten instructions transfer across model sizes and improve few-shot classification by 6 points.",
    ),
    (
        "s15-reward-vlm",
        "llm4rl/reward",
        "Language-Specified Success Detectors for Robot Learning",
        "Hand-designing reward functions for manipulation is brittle. We instead describe each task in a sentence and use a vision-language model to judge, from camera images, whether the described outcome has been achieved; this judgment is converted into a dense reward. A reinforcement learning agent trained on these rewards learns drawer opening, block stacking and cable routing without any engineered reward terms.",
    ),
    (
        "s15-goal-curriculum",
        "llm4rl/goal",
        "Foundation Models Propose What to Practice Next",
        "Open-ended environments contain far more possible tasks than an agent can attempt. We prompt a large language model with a text summary of the agent's current abilities and ask it to propose the next task to practice, favouring tasks that are novel but achievable. The reinforcement learning agent is trained on the proposed tasks as goals. This automatic curriculum doubles the number of distinct skills acquired in a crafting game compared with random task sampling.",
    ),
    (
        "s15-policy-init",
        "llm4rl/policy",
        "Pretrained Transformers as Initial Policies for Offline Control",
        "We initialize the policy network of an offline reinforcement learning agent with the weights of a language model pretrained on web text, then train it on logged trajectories from locomotion and manipulation tasks. Despite never having seen control data, the language pretraining speeds up convergence and improves returns in low-data regimes. We analyze which layers carry over useful structure.",
    ),
    (
        "s15-plan-open",
        "rl+llm/without-language-feedback",
        "Composing Learned Motor Skills with a Language Planner",
        "We pair a library of motor skills, each trained separately with reinforcement learning, with a large language model that breaks a spoken household request into an ordered sequence of those skills. The plan is produced once, before execution, and the skills are executed in order without the planner receiving any further input. Neither component is retrained. The system completes 63% of long-horizon kitchen requests.",
    ),
    (
        "s15-plan-closed",
        "rl+llm/with-language-feedback",
        "Replanning from Narrated Outcomes",
        "Robots executing multi-step plans fail when the world does not behave as expected. Our language model planner selects among pretrained reinforcement learning skills, and after every step a captioning module describes in words what changed in the scene and whether the step succeeded. The planner reads these descriptions and revises the remaining plan. Closing the loop this way recovers from 58% of execution failures.",
    ),
    (
        "s15-oos-sft",
        "out-of-scope",
        "Distilling Reasoning Traces into Small Language Models",
        "We generate step-by-step solutions with a large teacher model and fine-tune a small student model on them with a standard cross-entropy objective. Filtering the traces by final-answer correctness before training is the key ingredient. The distilled student outperforms models ten times its size on grade-school math, showing that careful supervised distillation is a strong alternative to more complex training pipelines.",
    ),
    (
        "s15-oos-rl-only",
        "out-of-scope",
        "Sample-Efficient Exploration with Ensemble Disagreement",
        "We propose an exploration bonus for deep reinforcement learning based on the disagreement of an ensemble of learned dynamics models. The agent is rewarded for visiting states where the models disagree, which concentrates exploration on poorly understood parts of the environment. On sparse-reward continuous control tasks, our method reaches the goal in half the environment steps of count-based baselines.",
    ),
    (
        "s15-oos-retrieval",
        "out-of-scope",
        "Retrieval-Augmented Generation for Legal Question Answering",
        "Legal questions demand answers grounded in statutes and case law. We build a retrieval-augmented pipeline in which a dense retriever selects relevant passages and a large language model composes an answer citing them. We introduce a benchmark of 2,000 questions written by practising lawyers and show that retrieval reduces unsupported statements by 40%, while citation accuracy remains the main failure mode.",
    ),
    (
        "s15-rlhf-code-tests",
        "rl4llm/fine-tuning/without-human-feedback",
        "Execution Feedback Makes Better Program Synthesizers",
        "We improve a code-generating language model by sampling programs, running them against unit tests, and using the pass rate as the reward for policy-gradient updates of the model. Because the reward comes entirely from execution, the method scales without annotators. The tuned model solves 12% more competition problems and produces fewer programs that fail to compile.",
    ),
    (
        "s16-intrinsic",
        "llm4rl/reward",
        "Curiosity Guided by Common Sense",
        "Agents exploring sparse-reward worlds waste effort on states that are new but meaningless. We query a pretrained language model about whether a textual description of each newly reached state is an interesting milestone, and add its answer as an intrinsic bonus to the environment return. The resulting agent discovers long item-crafting chains that count-based exploration misses.",
    ),
    (
        "s16-prior-kl",
        "llm4rl/policy",
        "Language Priors Regularize Deep Q-Learning",
        "We derive an action prior from a large language model that reads a text rendering of the state and suggests likely actions. During training, the agent's policy is regularized toward this prior with a KL term whose weight decays over time, so the agent eventually relies on its own value estimates. On text-rendered grid worlds and a household simulator, learning is three times faster.",
    ),
    (
        "s16-oos-chip",
        "out-of-scope",
        "Graph Policies for Macro Placement",
        "We cast macro placement in chip design as a sequential decision problem and train a graph neural network policy with reinforcement learning to place blocks one at a time, rewarding low wirelength and congestion. The policy generalizes to unseen netlists after pretraining and produces placements competitive with expert tools in hours rather than weeks.",
    ),
    (
        "s16-oos-lm-eval",
        "out-of-scope",
        "How Well Do Language Models Plan? An Evaluation",
        "We evaluate several large language models on classical planning problems written in natural language and find that they rarely produce valid plans without external verification. Performance drops sharply as problem size grows. We release the problems and an automatic validator to support future evaluation.",
    ),
    (
        "s16-hier-feedback",
        "rl+llm/with-language-feedback",
        "Talking Robots Through Failures",
        "Our system couples a language model that chooses which low-level controller to run next with a set of controllers that were each trained in simulation with deep RL. After a controller finishes, a vision-language model answers questions about the scene, and these answers are appended to the language model's context before it decides again. Neither model updates the other.",
    ),
    (
        "s16-rl-ranker-prompts",
        "rl4llm/prompt-engineering",
        "Choosing Demonstrations with a Bandit",
        "Which examples appear in a prompt strongly affects in-context learning. We treat demonstration selection as a contextual bandit: for each test input, a learned policy picks a handful of examples from a pool, and the accuracy of the unchanged language model's prediction serves as the reward. The selector improves accuracy on eight classification tasks and transfers to larger models.",
    ),
    (
        "s16-rlhf-safety",
        "rl4llm/fine-tuning/with-human-feedback",
        "Harmlessness Without Evasiveness",
        "Assistants trained to refuse harmful requests often refuse benign ones too. We gather crowd-worker judgments that separately rate helpfulness and harmlessness of model responses, train two reward models, and fine-tune the assistant with reinforcement learning on a combination of both. The tuned model refuses 40% fewer benign requests while keeping harmful completions rare.",
    ),
    (
        "s16-goal-subgoals-robot",
        "llm4rl/goal",
        "Sub-Goal Suggestions for Long-Horizon Manipulation",
        "Long-horizon manipulation rarely yields reward early in training. We ask a language model to decompose each task into intermediate sub-goals, which are given to a goal-conditioned reinforcement learning agent as targets during exploration. The agent, not the language model, decides how to act. Sub-goal guidance improves success on multi-stage assembly tasks from 12% to 54%.",
    ),
    (
        "s16-oos-rl-nlp-mention",
        "out-of-scope",
        "Contrastive Decoding Improves Factuality",
        "Methods such as reinforcement learning from human feedback are expensive. We propose a decoding-time method that contrasts the token probabilities of a large and a small language model, favouring tokens the large model prefers much more. Without any training, contrastive decoding reduces factual errors in open-ended generation across four model families.",
    ),
    (
        "s17-vlm-prefs-reward",
        "llm4rl/reward",
        "Learning Dexterous Skills from Model Feedback",
        "Specifying what a good grasp looks like is harder than recognizing one. Our method renders pairs of short rollouts, asks a vision-language model which of the two better matches the instruction, and fits a reward model to these comparisons. The agent is then trained with soft actor-critic on the learned reward. Across twelve dexterous tasks the approach matches hand-engineered rewards on nine.",
    ),
    (
        "s17-llm-agent-rl-text",
        "llm4rl/policy",
        "Grounding a Language Model Agent Through Interaction",
        "Language models know many facts about the world but act poorly when placed in an interactive environment. We use the language model itself as the agent's policy in a simulated household, choosing actions from the model's output probabilities, and fine-tune it online with PPO on the environment's reward. After training, the agent completes tasks with unseen objects, showing that interaction grounds its knowledge.",
    ),
    (
        "s17-rlhf-pairwise-math",
        "rl4llm/fine-tuning/with-human-feedback",
        "Step-Level Human Judgments for Mathematical Reasoning",
        "Final-answer rewards ignore whether the reasoning is sound. We ask expert annotators to mark each step of model-written solutions as correct or flawed, train a process reward model on these labels, and use it to optimize the language model with reinforcement learning. Step-level supervision from people yields larger gains than outcome-only rewards on competition mathematics.",
    ),
    (
        "s17-oos-dpo-free",
        "out-of-scope",
        "Self-Training with Verified Solutions",
        "We improve a language model's reasoning by repeatedly sampling solutions, keeping those whose final answer matches the reference, and fine-tuning on the kept samples with maximum likelihood. No reward model and no policy-gradient step is involved. Three rounds of this procedure improve accuracy on arithmetic word problems by 11 points.",
    ),
    (
        "s17-prompt-optim-attack",
        "rl4llm/prompt-engineering",
        "Automated Discovery of Failure-Inducing Prompts",
        "Finding inputs that make a chatbot misbehave usually requires manual effort. We train an attacker language model with reinforcement learning to write prompts, rewarding it when a fixed target chatbot produces an unsafe reply as judged by a classifier. The target is never updated. The attacker uncovers diverse failure cases several times faster than manual red-teaming.",
    ),
    (
        "s17-goal-exploration-text",
        "llm4rl/goal",
        "Suggesting Goals from Commonsense",
        "In environments with many objects, random exploration rarely stumbles onto meaningful outcomes. At each episode start, we describe the scene to a large language model and ask what a person might plausibly want to achieve there. These suggestions become goals for a goal-conditioned agent trained with reinforcement learning, which is rewarded for reaching them.",
    ),
    (
        "s17-plan-nav-open",
        "rl+llm/without-language-feedback",
        "Instruction Following with Pretrained Navigation Skills",
        "We translate long navigation instructions into sequences of waypoint-reaching skills using a large language model. Each skill is a policy trained beforehand with reinforcement learning in simulation; the language model only selects and orders them. The full sequence is generated up front and executed without consulting the language model again.",
    ),
    (
        "s17-oos-bandit-recsys",
        "out-of-scope",
        "Contextual Bandits for News Recommendation",
        "We frame article recommendation as a contextual bandit problem and propose an exploration strategy based on posterior sampling over user embeddings. Deployed on a news platform, it increases click-through rate by 4% over an epsilon-greedy policy while reducing regret in offline replay experiments.",
    ),
    (
        "s17-rlaif-harmless",
        "rl4llm/fine-tuning/without-human-feedback",
        "Principles Instead of Preference Labels",
        "We replace human preference data with judgments from an AI model that compares responses against a short list of written principles. A reward model trained on these AI judgments is used to fine-tune the assistant with reinforcement learning. The resulting assistant is rated as harmless as one trained on human labels, at a fraction of the annotation cost.",
    ),
    (
        "s17-closed-loop-code",
        "rl+llm/with-language-feedback",
        "Interactive Task Planning with Execution Reports",
        "A language model writes a plan as calls to a set of robot skills learned beforehand through reinforcement learning. While the plan runs, each skill returns a short text report describing what it achieved or why it failed, and the language model uses these reports to modify the remaining calls. The combination solves rearrangement tasks that require recovering from dropped objects.",
    ),
    (
        "s18-oos-bench-agents",
        "out-of-scope",
        "A Benchmark for Language Model Agents in Web Environments",
        "Autonomous agents built on large language models are increasingly deployed to complete tasks on websites. We present a benchmark of 800 realistic web tasks across shopping, travel and forums, with automatic success checks. Evaluating nine prompting-based agents, we find that the best succeeds on only 31% of tasks, and we analyze common failure modes such as losing track of the goal.",
    ),
    (
        "s18-oos-world-model",
        "out-of-scope",
        "Video Prediction Models as World Simulators",
        "We train a large video generation model on millions of clips of robots and people interacting with objects and show that it can simulate the visual consequences of actions. Conditioned on a first frame and an action sequence, the model predicts plausible futures that respect object permanence. We evaluate prediction quality with human raters and automatic metrics.",
    ),
    (
        "s18-rl-llm-recommend",
        "rl4llm/fine-tuning/without-human-feedback",
        "Optimizing Generated Product Descriptions for Engagement",
        "We fine-tune a text generation model to write product descriptions and treat click-through rate, predicted by a learned engagement model, as a reward. The generator is updated with a policy-gradient method and a penalty that keeps its language fluent. In an online A/B test, tuned descriptions raise clicks by 3.2% with no increase in complaints.",
    ),
    (
        "s18-llm-reward-code-iter",
        "llm4rl/reward",
        "Iterative Reward Programming with Training Statistics",
        "We let a large language model author the reward program for each locomotion task, train a policy with that program, and then show the model summary statistics of the training run so it can improve the program. Over five rounds, the generated rewards surpass expert-written ones on most tasks. The language model never acts in the environment itself.",
    ),
    (
        "s18-llm-policy-distill",
        "llm4rl/policy",
        "Distilling Language Model Decisions into Fast Controllers",
        "Querying a large language model at every step is too slow for real-time control. We first let the language model act as the teacher policy in a driving simulator, then train a small student network with reinforcement learning, adding a loss that keeps the student's action distribution close to the teacher's. The student drives 200 times faster while keeping most of the teacher's safety.",
    ),
    (
        "s18-goal-lm-subtasks-mc",
        "llm4rl/goal",
        "Language-Proposed Subtasks Speed Up Sparse-Reward Learning",
        "Tasks that require long chains of actions give almost no reward to an untrained agent. A pretrained language model reads the task description and lists the intermediate achievements that usually precede success. Our agent receives these achievements as auxiliary objectives and is trained with reinforcement learning to reach them, which shortens the time to first success by an order of magnitude.",
    ),
    (
        "s18-plan-drones-open",
        "rl+llm/without-language-feedback",
        "Mission Planning for Drone Teams from Natural Language",
        "An operator describes a mission in plain English; a large language model turns it into an assignment of flight maneuvers to each drone. The maneuvers themselves are controllers trained with reinforcement learning in simulation. The plan is fixed once issued, and the language model receives no information during the mission.",
    ),
    (
        "s18-rlhf-summary-pref",
        "rl4llm/fine-tuning/with-human-feedback",
        "Learning to Summarize Meetings from Participant Preferences",
        "Meeting summaries should reflect what participants consider important. We ask meeting participants to choose the better of two summaries for their own meetings, train a reward model on 30,000 such choices, and fine-tune a summarization model against it with reinforcement learning. Participants preferred the tuned summaries over reference summaries written by professionals.",
    ),
    (
        "s18-prompt-rl-retrieval",
        "rl4llm/prompt-engineering",
        "Query Rewriting with Reinforcement Learning for Frozen Readers",
        "Retrieval-augmented systems depend on the query sent to the retriever. We train a small rewriter model with reinforcement learning to reformulate user questions, using the answer accuracy of a frozen large language model reader as the reward. Only the rewriter is trained. Rewritten queries improve open-domain question answering by 4 to 7 points.",
    ),
    (
        "s18-oos-lm-rl-theory",
        "out-of-scope",
        "On the Sample Complexity of Reward-Free Exploration",
        "We study reward-free exploration in tabular Markov decision processes, where an agent first explores without rewards and is later given a reward function to optimize. We prove a new upper bound on the number of episodes needed that matches the lower bound up to logarithmic factors, and we discuss implications for learning in large state spaces.",
    ),
    (
        "s16-survey",
        "llm4rl/reward",
        "A Survey of Language Models as Reward Designers",
        "Reward specification remains a central obstacle in reinforcement learning. This survey reviews methods in which large language models write reward code, score trajectories, or translate instructions into reward signals for agents. We organize the literature by the form of the reward and discuss open problems in reward hacking and evaluation.",
    ),
    (
        "s19-tutor-rl",
        "rl4llm/fine-tuning/without-human-feedback",
        "Training Math Tutors with Simulated Students",
        "A good tutor guides rather than gives away answers. We optimize a language-model tutor with reinforcement learning in conversations with simulated students, rewarding dialogues in which the student later solves a held-out problem on their own and penalizing leaked solutions. Rewards are computed automatically from the simulated student's performance. The tuned tutor leaks answers 70% less often while improving student outcomes.",
    ),
    (
        "s19-clinic-rlhf",
        "rl4llm/fine-tuning/with-human-feedback",
        "Physician-Preferred Answers to Patient Questions",
        "We collect comparisons from licensed physicians, who choose which of two model answers to a patient question is safer and more useful. A preference model trained on these comparisons provides the reward for fine-tuning a medical question-answering model with PPO. Physicians rate the tuned model's answers higher on safety and completeness than those of the supervised model.",
    ),
    (
        "s19-game-llm-reward",
        "llm4rl/reward",
        "Scoring Gameplay with Language Descriptions of Fun",
        "Designers describe in prose what makes a level enjoyable. We have a language model read short textual logs of play sessions and score them against the designer's description; these scores are used as the reward for a reinforcement learning agent that learns to play in a way the designer intended. The agent's behaviour shifts as the description is edited, without any change to the game's built-in score.",
    ),
    (
        "s19-oos-prompting",
        "out-of-scope",
        "Least-to-Most Decomposition for Compositional Questions",
        "We show that prompting a large language model to first break a complex question into simpler sub-questions and then answer them in order improves compositional generalization. The method needs no training and no reward. It outperforms chain-of-thought prompting on symbolic manipulation and multi-hop question answering.",
    ),
    (
        "s19-oos-robot-bc",
        "out-of-scope",
        "Diffusion Policies for Visuomotor Control",
        "We represent a robot's visuomotor policy as a conditional denoising diffusion process trained by imitation from human demonstrations. The approach handles multimodal action distributions and high-dimensional action spaces gracefully. On fifteen manipulation tasks it improves success over prior behaviour cloning methods by 46% on average.",
    ),
    (
        "s19-goal-llm-explore-minigrid",
        "llm4rl/goal",
        "What Would a Person Try? Language Models as Exploration Advisors",
        "When a reinforcement learning agent gets stuck, we describe its situation in text and ask a language model what a person would try next. The model's suggestion is converted into a target state that the agent is rewarded for reaching, after which normal training resumes. Advice is requested only when progress stalls, so the language model is queried rarely.",
    ),
    (
        "s19-policy-vla",
        "llm4rl/policy",
        "Reinforcement Fine-Tuning of Vision-Language-Action Models",
        "Vision-language-action models inherit broad knowledge from web-scale pretraining but are usually trained only by imitation. We continue training such a model with reinforcement learning directly on a real robot, using task success as the reward. The model's own network is the policy throughout, and online fine-tuning raises success on unseen objects from 48% to 79%.",
    ),
    (
        "s19-plan-skill-feedback",
        "rl+llm/with-language-feedback",
        "Household Task Execution with Inner Dialogue",
        "A language model decomposes household instructions into calls to pick, place and open skills that were learned with reinforcement learning. After each call, object detectors and a success classifier produce a sentence about the new state of the room, which is fed back to the language model so it can decide what to do next. The loop continues until the instruction is satisfied.",
    ),
    (
        "s19-prompt-rl-image",
        "rl4llm/prompt-engineering",
        "Learning to Prompt Text-to-Image Models",
        "Users write short prompts that image generators interpret poorly. We train a prompt-rewriting language model with reinforcement learning so that the images generated from its rewrites score higher on aesthetic and relevance measures, while the image generator itself stays fixed. Rewritten prompts are preferred by users in 68% of comparisons.",
    ),
    (
        "s19-oos-survey-lm",
        "out-of-scope",
        "A Survey of Parameter-Efficient Fine-Tuning",
        "This survey reviews parameter-efficient methods for adapting large language models, including adapters, low-rank updates and prompt tuning. We compare their memory use and accuracy across tasks and discuss when each is preferable. We close with open problems in combining several methods.",
    ),
    (
        "s20-code-review-rl",
        "rl4llm/fine-tuning/without-human-feedback",
        "Static Analysis Signals for Safer Code Generation",
        "Code models often produce programs with security weaknesses. We run a static analyzer on each generated program and turn its warnings into a scalar penalty, which, together with a test-pass bonus, forms the reward for fine-tuning the model with proximal policy optimization. Generated code has 45% fewer flagged vulnerabilities with unchanged functional correctness.",
    ),
    (
        "s20-translation-prefs",
        "rl4llm/fine-tuning/with-human-feedback",
        "Professional Translators in the Loop",
        "We ask professional translators to rank several machine translations of the same sentence. A reward model trained on their rankings scores new translations, and the translation model is optimized to maximize this score with reinforcement learning. The tuned system's outputs are preferred by held-out translators and reduce post-editing time by 18%.",
    ),
    (
        "s20-prompt-evolve",
        "rl4llm/prompt-engineering",
        "Agents That Write Better System Prompts",
        "We frame the search for a system prompt as a sequential decision problem: a policy proposes edits to the current prompt, the edited prompt is given to a frozen chat model on a batch of tasks, and the policy is rewarded by the improvement in task score. Trained with reinforcement learning, the editing policy finds prompts that beat hand-written ones on reasoning and coding tasks.",
    ),
    (
        "s20-drone-reward-lm",
        "llm4rl/reward",
        "Natural-Language Objectives for Aerial Robots",
        "Operators state what a drone should do in a sentence, such as keeping a steady distance from a moving person. A language model turns the sentence into a reward expression over the drone's state variables, and a control policy is trained with reinforcement learning in simulation against that expression before deployment on hardware.",
    ),
    (
        "s20-atari-lm-goals",
        "llm4rl/goal",
        "Instruction Hints for Hard-Exploration Games",
        "In games with very sparse rewards, agents rarely discover the sequence of events that leads to progress. We prompt a language model with the game manual and ask it to list hints such as 'get the key before opening the door'. Each hint becomes a goal for which the agent receives a bonus when it is achieved, and the agent is trained with deep reinforcement learning on the game score plus these bonuses.",
    ),
    (
        "s20-lm-as-agent-policy-games",
        "llm4rl/policy",
        "Transformers Pretrained on Text Learn Games Faster",
        "We fine-tune a language-pretrained transformer with reinforcement learning to act as the agent in procedurally generated platform games, feeding it the game screen as patches. Compared with the same architecture trained from scratch, the text-pretrained network reaches the same score with five times fewer environment interactions.",
    ),
    (
        "s20-plan-warehouse-open",
        "rl+llm/without-language-feedback",
        "Warehouse Robots Directed by a Language Planner",
        "A language model converts natural-language orders into sequences of primitive operations (move to shelf, pick item, place in bin), each executed by a controller trained with reinforcement learning. The planner is called once per order; execution then proceeds without further calls. We report throughput on 500 simulated orders.",
    ),
    (
        "s20-oos-alignment-sft",
        "out-of-scope",
        "Less Is More for Instruction Tuning",
        "We show that fine-tuning a pretrained language model on a thousand carefully curated instruction-response pairs, with ordinary supervised learning, yields an assistant competitive with models trained on far larger datasets. No preference data or reinforcement learning is used. Our results suggest that most knowledge is acquired in pretraining.",
    ),
    (
        "s20-oos-marl",
        "out-of-scope",
        "Communication-Efficient Multi-Agent Reinforcement Learning",
        "Agents that share observations coordinate better but communication is costly. We learn when to communicate with a gating network trained jointly with the agents' policies, reducing messages by 80% on cooperative navigation and traffic benchmarks without loss of team reward.",
    ),
    (
        "s20-closed-loop-vlm",
        "rl+llm/with-language-feedback",
        "Vision-Language Feedback for Robust Task Execution",
        "Our planner, a large language model, sequences skills that a robot learned with reinforcement learning. A vision-language model inspects the scene after each skill and tells the planner in a sentence whether the intended effect occurred; if not, the planner retries or chooses a different skill. This feedback loop doubles success under disturbances.",
    ),
    (
        "s21-rl-llm-search-agent",
        "rl4llm/fine-tuning/without-human-feedback",
        "Teaching Language Models to Search Before Answering",
        "We train a large language model to interleave web-search calls with its reasoning. The model is rewarded only for the correctness of its final answer, and its parameters are updated with group-relative policy optimization; no supervised traces of search behaviour are used. The trained model learns when to search and how to phrase queries, improving multi-hop question answering by 15 points.",
    ),
    (
        "s21-rlhf-creative",
        "rl4llm/fine-tuning/with-human-feedback",
        "Readers' Choices Shape a Story Generator",
        "We recruit readers to pick which of two story continuations they enjoyed more. After training a reward model on 50,000 of these picks, we fine-tune the story generator with reinforcement learning to maximize predicted enjoyment, with a penalty for drifting from the original model. Readers rate the tuned generator's stories as more engaging and coherent.",
    ),
    (
        "s21-llm-reward-eval-traj",
        "llm4rl/reward",
        "Trajectory Critiques from Language Models",
        "We show a language model short text summaries of an agent's trajectories in a navigation environment and ask it to rate how well each one follows a written safety guideline. These ratings are added to the task reward, steering the reinforcement learning agent toward safe routes without a hand-written cost function.",
    ),
    (
        "s21-lm-goal-minecraft-like",
        "llm4rl/goal",
        "Commonsense Milestones for Open-World Agents",
        "An agent in an open-world crafting game must discover many intermediate items before reaching its objective. We ask a language model to propose the milestones an experienced player would aim for next, given the agent's inventory. The agent is rewarded for reaching each proposed milestone and learns with PPO, collecting rare items far sooner than agents exploring on their own.",
    ),
    (
        "s21-oos-llm-planner-classic",
        "out-of-scope",
        "Language Models Write PDDL for Classical Planners",
        "We translate natural-language task descriptions into formal planning problems with a large language model and solve them with an off-the-shelf symbolic planner. The planner guarantees valid plans when the translation is correct. On household and logistics domains, translation accuracy is the main bottleneck, which we improve with self-verification.",
    ),
    (
        "s21-oos-offline-rl",
        "out-of-scope",
        "Conservative Value Estimates for Offline Reinforcement Learning",
        "Offline reinforcement learning suffers from overestimation of values for actions absent from the dataset. We add a penalty that lowers value estimates for out-of-distribution actions and prove that the learned policy improves on the behaviour policy. Experiments on locomotion and navigation datasets show consistent gains.",
    ),
    (
        "s21-policy-lm-kl-robot",
        "llm4rl/policy",
        "Language Model Action Proposals as a Behaviour Prior",
        "Exploration from scratch is slow for a mobile manipulator. We use a large language model to propose likely next actions from a text description of the scene, and train the robot's policy with reinforcement learning while penalizing divergence from these proposals early in training. The learned policy outperforms both the language model alone and reinforcement learning without the prior.",
    ),
    (
        "s21-plan-nofeedback-assembly",
        "rl+llm/without-language-feedback",
        "From Assembly Manuals to Robot Skill Sequences",
        "We use a large language model to read an assembly manual and produce an ordered list of skill invocations, such as insert peg or tighten screw. Each skill is a policy learned with reinforcement learning in simulation. The sequence is executed as written; the language model does not observe the execution.",
    ),
    (
        "s21-prompt-rl-jailbreak-defense",
        "rl4llm/prompt-engineering",
        "Learned Safety Prefixes for Frozen Chat Models",
        "We train a small policy with reinforcement learning to generate a safety prefix that is prepended to each user request before it reaches a frozen chat model. The reward favours prefixes under which the model refuses harmful requests and answers benign ones. The chat model's weights are never modified, so the method applies to models behind an API.",
    ),
    (
        "s21-closed-loop-nav",
        "rl+llm/with-language-feedback",
        "Conversational Correction for Navigation Robots",
        "A language model chooses among navigation behaviours that were each trained with reinforcement learning. When the robot stops, a captioning model describes what blocks its path, and the description is passed to the language model, which then picks a different behaviour or asks the user for help.",
    ),
    (
        "s22-verifier-grpo",
        "rl4llm/fine-tuning/without-human-feedback",
        "Rewarding Proofs a Checker Accepts",
        "We fine-tune a theorem-proving language model by sampling candidate proofs and rewarding those that a formal proof checker accepts. Updates use a group-normalized policy gradient over samples of the same statement. The tuned prover closes 9% more competition problems than the supervised starting model, and its proofs are shorter.",
    ),
    (
        "s22-human-ratings-voice",
        "rl4llm/fine-tuning/with-human-feedback",
        "Tuning Spoken Assistants on Listener Ratings",
        "Listeners rated thousands of spoken responses from a voice assistant for naturalness and helpfulness. We fit a reward model to these ratings and update the assistant's language model with reinforcement learning to maximize it. In blind tests, listeners prefer the tuned assistant's responses 64% of the time.",
    ),
    (
        "s22-prompt-selection-rl-vqa",
        "rl4llm/prompt-engineering",
        "Selecting Visual Prompts with a Learned Policy",
        "We train a policy with reinforcement learning to choose, for each image question, which of several prompt templates to send to a frozen vision-language model. The reward is whether the model's answer is correct. The selector improves accuracy on visual question answering without touching the vision-language model's weights.",
    ),
    (
        "s22-reward-shaping-llm-traffic",
        "llm4rl/reward",
        "Language Models Shape Rewards for Traffic Signal Control",
        "Traffic engineers describe desired intersection behaviour in plain language. We have a language model translate these descriptions into shaping terms added to the delay-based reward of a reinforcement learning signal controller. Controllers trained with the shaped reward better respect pedestrian priorities while keeping delays low.",
    ),
    (
        "s22-goal-llm-robot-play",
        "llm4rl/goal",
        "Language-Guided Play for Robot Pretraining",
        "Before learning specific tasks, our robot practices during a play phase in which a language model suggests short objectives, such as 'push the red block to the left', based on a description of the table. A goal-conditioned policy is trained with reinforcement learning to accomplish these objectives. Play guided this way produces skills that transfer to downstream tasks better than random play.",
    ),
    (
        "s22-policy-decision-transformer-lm",
        "llm4rl/policy",
        "Language-Initialized Sequence Models for Offline Control",
        "We start from a pretrained language model, add input and output layers for states and actions, and train it as a sequence model on offline trajectories to predict actions conditioned on returns. Language initialization improves performance on sparse-reward tasks and when few trajectories are available.",
    ),
    (
        "s22-oos-speech",
        "out-of-scope",
        "Self-Supervised Speech Representations at Scale",
        "We pretrain a speech encoder on one million hours of unlabelled audio with a masked prediction objective and fine-tune it for recognition in 100 languages. The model reduces word error rates substantially for low-resource languages. We analyze how representations change across layers.",
    ),
    (
        "s22-oos-rl-games-no-lm",
        "out-of-scope",
        "Population-Based Training for Team Games",
        "We train teams of agents with deep reinforcement learning through self-play against a population of past versions. Diversity in the population prevents strategy collapse, and the resulting agents beat strong human teams in a real-time strategy game. We study which population sizes and matchmaking schemes matter most.",
    ),
    (
        "s22-plan-open-lm-drone",
        "rl+llm/without-language-feedback",
        "Language Task Decomposition for Quadrotor Inspection",
        "A language model decomposes an inspection request into a fixed sequence of flight behaviours, each a controller trained with reinforcement learning. The decomposition is computed before takeoff and executed without replanning. We inspect bridges and wind turbines in simulation.",
    ),
    (
        "s22-closed-loop-game",
        "rl+llm/with-language-feedback",
        "Narrated Game States for a Language Planner",
        "In a strategy game, a language model decides which of several trained reinforcement learning sub-policies to activate. Every few seconds, the game state is summarized in a paragraph of text and given to the language model, which may switch to another sub-policy in response. This setup wins more matches than any fixed sub-policy.",
    ),
    # set 23: longer abstracts in arXiv style, four out of scope (10/12 before its fixes)
    (
        "s23-oos-web-agent-reflection",
        "out-of-scope",
        "Reflect-then-Act: Self-Critiquing Language Agents for Web Navigation",
        "Large language models (LLMs) are increasingly deployed as autonomous agents that browse websites to complete user requests. However, such agents often repeat failed actions and lose track of long-horizon goals. In this work, we propose Reflect-then-Act, a prompting framework in which the agent writes a short critique of its previous trajectory and conditions its next attempt on this critique. No gradient updates are performed; the critique is stored in an episodic memory that persists across attempts. On three web-navigation benchmarks, Reflect-then-Act improves task success by 11 points over chain-of-thought prompting, and ablations show that memory of past critiques matters more than their length.",
    ),
    (
        "s23-oos-chip-placement",
        "out-of-scope",
        "Graph Policies for Macro Placement in Chip Design",
        "Macro placement is a critical and time-consuming stage of physical design. We formulate placement as a sequential decision process in which an agent places one macro at a time on a chip canvas, and we train a graph neural network policy with deep reinforcement learning to minimize a weighted sum of wirelength, congestion and density. The policy is pre-trained on a corpus of netlists and fine-tuned on new designs in a few hours. Our placements match or exceed those of commercial tools on modern accelerator blocks.",
    ),
    (
        "s23-oos-planning-benchmark",
        "out-of-scope",
        "Can Language Models Plan? A Benchmark of Classical Planning Problems in Natural Language",
        "Recent claims that large language models can plan have relied on anecdotal evidence. We introduce a benchmark of 4,000 planning problems from classical domains, rendered in natural language, with automatic plan validation. We evaluate twelve open and proprietary LLMs under zero-shot, few-shot and chain-of-thought prompting. Even the strongest models solve fewer than a third of the problems, and performance drops sharply as plan length grows. We discuss implications for using LLMs as planners and release the benchmark.",
    ),
    (
        "s23-oos-sft-rlhf-comparison",
        "out-of-scope",
        "Curated Demonstrations Rival Preference Optimization for Small Models",
        "Aligning language models with human intent is commonly achieved by reinforcement learning from human feedback (RLHF), which is costly and unstable. We ask whether careful curation of supervised demonstrations can close the gap. We fine-tune 1B to 7B parameter models on 20,000 filtered instruction-response pairs using standard supervised learning, with no reward model and no reinforcement learning. Human evaluators prefer our models over RLHF-tuned models of the same size in 46% of comparisons, suggesting that data quality explains much of the reported benefit of RLHF.",
    ),
    (
        "s23-rlaif-harmless",
        "rl4llm/fine-tuning/without-human-feedback",
        "Self-Critique as a Reward Signal for Harmless Assistants",
        "Collecting human labels of harmful outputs is expensive and exposes annotators to disturbing content. We present a method in which a language model critiques and ranks its own candidate responses against a short list of written principles. These AI-generated rankings train a preference model, which then serves as the reward for fine-tuning the assistant with proximal policy optimization. Without any human harmlessness labels, the resulting assistant is rated as less harmful than one trained on human labels, with a small loss in helpfulness.",
    ),
    (
        "s23-rlhf-summaries-multilingual",
        "rl4llm/fine-tuning/with-human-feedback",
        "Learning to Summarize in Many Languages from Reader Preferences",
        "Abstractive summarization models for low-resource languages lag far behind their English counterparts. We collect 60,000 pairwise comparisons between summaries in nine languages from native-speaker annotators, train a multilingual reward model on these comparisons, and optimize a multilingual summarizer against it with reinforcement learning. Summaries from the optimized policy are preferred by annotators over the supervised baseline in all nine languages, and the reward model transfers to two languages without any comparisons.",
    ),
    (
        "s23-prompt-rewriter-rl",
        "rl4llm/prompt-engineering",
        "Query Rewriting with Reinforcement Learning for Frozen Retrieval-Augmented Readers",
        "Retrieval-augmented generation depends heavily on the query sent to the retriever, yet users' questions are often underspecified. We train a small rewriter model with reinforcement learning to reformulate each question before retrieval; the reward is the F1 of the answer that a frozen large reader model produces from the retrieved passages. Because only the rewriter is trained, the approach works with black-box readers accessible through an API. Rewriting improves open-domain question answering accuracy by 4 to 7 points across three datasets.",
    ),
    (
        "s23-vlm-reward-manip",
        "llm4rl/reward",
        "Zero-Shot Rewards from Vision-Language Similarity for Robot Manipulation",
        "Specifying rewards for robot manipulation typically requires engineering effort or demonstrations. We instead compute rewards directly from a pretrained vision-language model: at every step, the reward is the cosine similarity between the embedding of the current camera image and the embedding of a natural-language description of the goal, normalized against a baseline prompt. Policies trained with soft actor-critic on these rewards learn drawer opening, button pressing and object pushing without any hand-designed reward, reaching 70% of the performance obtained with ground-truth rewards.",
    ),
    (
        "s23-llm-curriculum-crafting",
        "llm4rl/goal",
        "Interestingness from Language Models Guides Open-Ended Exploration",
        "Open-ended environments contain far more tasks than an agent can practice, most of them trivial or impossible. We use a large language model as a model of human notions of interestingness: given the list of tasks the agent has already mastered, the model proposes which task to attempt next. The agent, trained with reinforcement learning on a task-conditioned policy, follows the resulting curriculum in a 2D crafting world with hundreds of possible tasks. Compared with uniform task sampling and learning-progress baselines, the language-guided curriculum masters substantially more tasks.",
    ),
    (
        "s23-lm-policy-text-env",
        "llm4rl/policy",
        "Grounding Language Model Agents through Online Reinforcement Learning in Interactive Worlds",
        "Large language models encode knowledge about the world but their actions are often misaligned with the environment's dynamics. We use a pretrained language model directly as the agent's policy in a textual gridworld: at each step the model scores every admissible action given a text description of the observation, and its parameters are updated online with proximal policy optimization from the environment's reward. Functional grounding obtained this way improves sample efficiency and generalization to new objects compared with a randomly initialized policy and with zero-shot prompting.",
    ),
    (
        "s23-llm-skill-scoring-open-loop",
        "rl+llm/without-language-feedback",
        "Grounded Skill Selection: Combining Language Priors with Learned Affordances",
        "Language models can decompose high-level instructions into steps but have no notion of what a robot can physically do in its current situation. We combine a frozen large language model with a library of manipulation skills trained beforehand with reinforcement learning. For each candidate skill, the language model scores how useful it would be for the instruction, and the skill's learned value function scores how likely it is to succeed from the current state; the product determines which skill to execute next. On a mobile manipulator, this combination completes 74% of long-horizon kitchen instructions.",
    ),
    (
        "s23-closed-loop-scene-feedback",
        "rl+llm/with-language-feedback",
        "Talking Back to the Planner: Scene Descriptions Close the Loop for Robot Task Planning",
        "When robots execute plans generated by language models, unexpected failures go unnoticed because the planner never hears about them. We propose a framework in which a language model plans over a set of low-level policies trained with reinforcement learning, and after each step a scene describer and a success detector report the outcome to the planner in natural language. The planner revises its remaining steps based on these reports. Closing the loop in this way raises completion rates on long-horizon tabletop rearrangement and handles human interventions that change the goal mid-task.",
    ),
    # set 24: tool use, implicit feedback, coordinators, four out of scope (11/12 before its fixes)
    (
        "s24-implicit-user-feedback",
        "rl4llm/fine-tuning/with-human-feedback",
        "Learning from Thumbs: Improving a Deployed Chat Assistant with Implicit User Signals",
        "Deployed conversational assistants receive millions of lightweight signals from their users, such as thumbs-up and thumbs-down reactions, retries and early abandonment. We show that these signals, though noisy, can replace costly annotation. We aggregate them into a reward model of user satisfaction and fine-tune the assistant's language model with a KL-regularized policy-gradient objective to maximize predicted satisfaction. In an online A/B test, the tuned assistant increased positive reactions by 9% without degrading safety metrics.",
    ),
    (
        "s24-search-tool-rl",
        "rl4llm/fine-tuning/without-human-feedback",
        "Learning When to Search: Outcome-Rewarded Tool Use for Open-Domain Question Answering",
        "Language models that can call a search engine answer knowledge-intensive questions better, but teaching them when and how to search usually requires annotated tool-use traces. We instead let the model interleave reasoning with search calls and optimize it with reinforcement learning, using only the exact-match correctness of the final answer as the reward. The model learns to issue multiple targeted queries and to stop searching once evidence suffices, outperforming retrieval-augmented prompting by 12 points on multi-hop benchmarks.",
    ),
    (
        "s24-trajectory-pref-atari",
        "llm4rl/reward",
        "Language Models as Preference Annotators for Reward Learning in Video Games",
        "Preference-based reinforcement learning learns a reward function from comparisons between pairs of trajectory segments, but collecting these comparisons from people is slow. We convert trajectory segments from video games into short textual summaries of events and ask a large language model which segment better achieves the stated objective. A reward model trained on these synthetic comparisons is then used to train agents with deep Q-learning. On eight games, agents reach 85% of the score obtained with human comparisons at a fraction of the cost.",
    ),
    (
        "s24-subgoals-hrl",
        "llm4rl/goal",
        "Language-Decomposed Subgoals for Hierarchical Agents in Open Worlds",
        "Long-horizon tasks in open-world games, such as crafting an iron tool, require many intermediate steps that sparse rewards rarely reveal. We prompt a large language model with the game's recipe book to decompose each task into an ordered list of subgoals. A low-level agent is trained with reinforcement learning to achieve each subgoal, receiving a bonus when it does, while a high-level controller tracks progress through the list. The subgoal decomposition doubles the success rate on the hardest crafting tasks compared with flat agents.",
    ),
    (
        "s24-llm-prior-household",
        "llm4rl/policy",
        "Language Model Priors for Efficient Exploration in Household Tasks",
        "Reinforcement learning agents in household simulators waste most of their experience on implausible actions. We query a large language model for a distribution over admissible actions given the task and a text rendering of the observation, and regularize the agent's policy toward this distribution with a KL penalty that decays over training. The agent thus starts from common-sense behaviour but can still surpass the language model. The approach improves sample efficiency threefold on rearrangement tasks.",
    ),
    (
        "s24-legged-skills-open-loop",
        "rl+llm/without-language-feedback",
        "From Instructions to Gaits: Language Planning over Learned Legged Skills",
        "Legged robots can now learn agile skills such as trotting, climbing stairs and jumping through reinforcement learning in simulation. We let a language model translate a user's instruction into a sequence of calls to these pretrained skills, with parameters such as distance and direction. The sequence is generated once and executed without further consultation of the language model. Across 50 instructions on a quadruped robot, the system executes 82% correctly.",
    ),
    (
        "s24-multiagent-coordinator-feedback",
        "rl+llm/with-language-feedback",
        "A Language Model Coordinator for Teams of Learned Agents",
        "Teams of agents trained with multi-agent reinforcement learning perform well on the tasks they were trained for but cannot adapt their division of labour to new objectives. We place a language model above a team of such pretrained agents as a coordinator that assigns each agent a role. After each phase, every agent's status is summarized in natural language and sent back to the coordinator, which reassigns roles accordingly. The coordinated team handles new objectives in a search-and-rescue simulation without retraining.",
    ),
    (
        "s24-oos-offline-rl-recsys",
        "out-of-scope",
        "Conservative Offline Reinforcement Learning for Long-Term User Engagement in Recommender Systems",
        "Recommender systems are typically optimized for immediate clicks, which can harm long-term engagement. We cast recommendation as a Markov decision process and learn a policy from logged interactions with conservative Q-learning, which penalizes value estimates for actions unseen in the logs. On a large industrial dataset and in an online experiment, our policy increases 30-day retention by 2.1% relative to a supervised ranking model.",
    ),
    (
        "s24-oos-code-unit-tests",
        "out-of-scope",
        "Test-Driven Prompting: Improving Code Generation with Self-Generated Unit Tests",
        "Large language models frequently produce code that looks plausible but fails on edge cases. We propose test-driven prompting: the model first writes unit tests from the problem description, then generates several candidate programs, executes them against its own tests, and returns the candidate that passes most tests. This selection procedure requires no training and works with any code model. It improves pass@1 by 8 to 15 points across four benchmarks.",
    ),
    (
        "s24-oos-world-model-transformer",
        "out-of-scope",
        "Transformers as Sample-Efficient World Models for Atari",
        "Model-based reinforcement learning agents learn a model of the environment and train their policy in imagination. We replace the recurrent world model of prior agents with a transformer trained on sequences of discrete image tokens, actions and rewards. The policy is trained entirely inside the learned world model with an actor-critic method. With only two hours of gameplay, the agent achieves superhuman performance on ten games.",
    ),
    (
        "s24-oos-distillation",
        "out-of-scope",
        "Distilling Step-by-Step Reasoning into Small Language Models",
        "Large language models reason well when prompted to think step by step, but they are expensive to deploy. We generate rationales with a large teacher model and train small student models to produce both the answer and the rationale in a multi-task supervised setup. Students with 770M parameters outperform few-shot prompted models 700 times larger on several reasoning benchmarks, using less training data than standard fine-tuning.",
    ),
    (
        "s24-prompt-demo-selection",
        "rl4llm/prompt-engineering",
        "Learning to Select In-Context Demonstrations with a Bandit Policy",
        "The choice of in-context demonstrations strongly affects the accuracy of large language models, yet is usually made at random or by similarity. We frame demonstration selection as a sequential decision problem and train a lightweight policy with reinforcement learning to pick, one at a time, which labeled examples to include in the prompt; the reward is the frozen model's accuracy on held-out queries. Learned selections transfer across tasks and improve few-shot accuracy of models up to 70B parameters without updating them.",
    ),
    # set 25: GPT-style models trained from scratch, suggested objectives, metric rewards (10/12 before its fixes)
    (
        "s25-oos-dt-scratch",
        "out-of-scope",
        "Sequence Modeling for Offline Reinforcement Learning with Causal Transformers",
        "We cast offline reinforcement learning as conditional sequence modeling. A causal transformer with a GPT-style architecture, trained from scratch on logged trajectories, predicts the next action given past states, actions and the desired return. Despite its simplicity, the model matches or exceeds state-of-the-art model-free offline RL methods on continuous control and Atari benchmarks, and it handles sparse and delayed rewards gracefully.",
    ),
    (
        "s25-oos-prover-search",
        "out-of-scope",
        "Best-First Proof Search with Learned Value Estimates",
        "We present a theorem prover that couples a language model, which proposes proof steps, with a best-first search guided by a learned estimate of how close a proof state is to completion. Both components are trained by supervised learning on proofs extracted from a formal mathematics library. The prover closes 41% of held-out theorems, and we analyze the contribution of search budget and model size.",
    ),
    (
        "s25-mt-comet-reward",
        "rl4llm/fine-tuning/without-human-feedback",
        "Metric-Driven Reinforcement Learning for Neural Machine Translation",
        "Neural machine translation models are trained with maximum likelihood but evaluated with sequence-level metrics. We fine-tune a pretrained multilingual translation model with reinforcement learning, using a learned quality-estimation metric as the reward and a KL penalty toward the initial model. We find that the choice of metric matters: optimizing a neural metric improves human judgments of adequacy, while optimizing BLEU alone leads to reward hacking. Gains hold across six language pairs.",
    ),
    (
        "s25-safe-rlhf-cost",
        "rl4llm/fine-tuning/with-human-feedback",
        "Balancing Helpfulness and Harmlessness with Constrained Preference Learning",
        "Optimizing a single reward for both helpfulness and harmlessness conflates two objectives that annotators judge differently. We collect separate human preference labels for helpfulness and for harmlessness, train a reward model and a cost model on them, and fine-tune the language model with a Lagrangian version of PPO that maximizes reward subject to a bound on expected cost. The resulting assistant is both more helpful and less harmful than models tuned on a single combined preference.",
    ),
    (
        "s25-prompt-edit-policy",
        "rl4llm/prompt-engineering",
        "Edit-Based Prompt Optimization with Policy Gradients",
        "Hand-written instructions for large language models are brittle, and gradient-based prompt tuning requires access to model weights. We learn a policy that improves an instruction through a sequence of discrete edits, such as adding, deleting, swapping or paraphrasing phrases. The policy is trained with policy gradients using the task accuracy of a frozen black-box model as the reward. Optimized instructions improve accuracy on eight text classification tasks and remain readable.",
    ),
    (
        "s25-potential-shaping-llm",
        "llm4rl/reward",
        "Potential-Based Shaping from Language Model Spatial Reasoning",
        "Sparse rewards make navigation in large environments slow to learn. We prompt a language model with a textual map of the environment and ask it to assign each region a score reflecting how promising it is for reaching the target. These scores define a potential function whose differences are added to the environment reward, which preserves the optimal policy. Agents trained with the shaped reward reach the target in half as many episodes.",
    ),
    (
        "s25-ellm-like-goals",
        "llm4rl/goal",
        "Guiding Pretraining in Reinforcement Learning with Language-Suggested Objectives",
        "Exploration without a task reward tends to produce behaviours that are novel but useless. We describe the agent's current state in text and ask a large language model to suggest plausible things to do next, such as 'chop a tree' or 'drink water'. The agent receives an intrinsic reward when a caption of its transition matches one of the suggestions, and a goal-conditioned policy is trained with reinforcement learning on these rewards. Pretraining this way covers more useful behaviours and speeds up learning of downstream tasks.",
    ),
    (
        "s25-driving-lm-policy",
        "llm4rl/policy",
        "Fine-Tuning Language Models as Driving Policies with Reinforcement Learning",
        "We investigate whether the world knowledge of large language models can be turned into competent driving behaviour. The scene around the ego vehicle is serialized into text, and a pretrained language model outputs a high-level driving action at every step. Starting from the pretrained weights, the model is fine-tuned with reinforcement learning in a driving simulator, with rewards for progress and penalties for collisions. The fine-tuned model handles unseen intersections better than policies trained from scratch.",
    ),
    (
        "s25-pddl-open-loop",
        "rl+llm/without-language-feedback",
        "Symbolic Plans from Language Models for Learned Manipulation Skills",
        "We translate natural-language goals into symbolic task plans using a language model prompted with a domain description, and execute each plan step with a manipulation skill trained by reinforcement learning. Planning happens once, before execution, and the language model receives no information about how execution went. The approach solves 68% of tabletop assembly goals specified by users.",
    ),
    (
        "s25-question-asking-planner",
        "rl+llm/with-language-feedback",
        "Planners That Ask: Interactive Question Answering for Embodied Task Planning",
        "A language model planning for an embodied agent often lacks information about the environment. We allow the planner to ask questions, such as whether a drawer is open, which are answered in text by a perception module, before choosing the next skill for an agent whose skills were trained with reinforcement learning. Answers are added to the planner's prompt and it adjusts its plan accordingly. Asking questions raises success on household tasks from 48% to 71%.",
    ),
    (
        "s25-oos-rag-eval",
        "out-of-scope",
        "Measuring Faithfulness in Retrieval-Augmented Generation",
        "Retrieval-augmented generation promises grounded answers, yet models still state unsupported facts. We define a faithfulness score based on natural language inference between answer sentences and retrieved passages, validate it against human annotations, and use it to evaluate fifteen systems. We find that larger retrievers improve faithfulness more than larger generators, and we release an evaluation toolkit.",
    ),
    (
        "s25-oos-marl-comm",
        "out-of-scope",
        "Emergent Communication in Multi-Agent Reinforcement Learning with Discrete Channels",
        "We study how agents trained with multi-agent reinforcement learning develop a shared protocol when they can exchange discrete symbols. Agents must cooperate in referential games and navigation tasks with partial observability. We find that protocols become more compositional when the channel capacity is limited and when agents are periodically replaced, and we relate these findings to properties of human language.",
    ),
    # set 27: made-up analogues of what paraphrases of real papers missed (1/5 before its fixes)
    (
        "s27-oos-prompting-beats-rl",
        "out-of-scope",
        "Think, Then Act: Interleaved Reasoning Prompts for Interactive Tasks",
        "We prompt a language model to alternate between short reasoning notes and actions in text-based household and shopping tasks. With two in-context examples and no training, the prompted model outperforms imitation learning and reinforcement learning agents trained on thousands of episodes. Reasoning notes make the model's failures easier to diagnose.",
    ),
    (
        "s27-oos-closed-form-preference",
        "out-of-scope",
        "Preference Alignment in Closed Form",
        "Aligning a language model with human preferences usually means fitting a reward model and running RLHF. We show that the optimal policy of the KL-constrained reward maximization problem can be written in closed form, which turns alignment into a simple binary classification loss on preference pairs. The method matches or exceeds PPO-based RLHF on summarization and dialogue while training three times faster.",
    ),
    (
        "s27-vlm-zero-shot-reward",
        "llm4rl/reward",
        "Multimodal Models Are Zero-Shot Reward Models for Locomotion",
        "We specify locomotion tasks for a simulated quadruped with a single sentence. A pretrained multimodal model scores each rendered frame against the sentence, and this score is the only reward the agent receives while it learns with PPO. The agent learns to trot, turn and sit, and reward quality grows with the size of the multimodal model.",
    ),
    (
        "s27-reinforced-finetuning-classifier",
        "rl4llm/fine-tuning/without-human-feedback",
        "Reinforced Fine-Tuning Against a Toxicity Classifier",
        "We reduce toxic continuations of a pretrained language model by rewarding samples according to an automatic toxicity classifier and updating the model on high-reward samples while a KL term keeps it close to the original. Toxicity drops by half with little loss in fluency.",
    ),
    (
        "s27-oos-policy-code",
        "out-of-scope",
        "Writing Robot Policy Code from Instructions",
        "Given an instruction and a few examples, a code-generating language model writes policy code that calls perception and motion APIs of a mobile robot. The generated programs use loops and conditionals to handle new objects and layouts. No training is involved, and the robot completes 80% of new instructions.",
    ),
    # set 29: made-up analogues of what a second set of real-paper paraphrases missed (1/5 before its fixes)
    (
        "s29-video-lm-alignment-reward",
        "llm4rl/reward",
        "Caption Agreement as a Pretraining Signal for Robot Agents",
        "We pretrain a manipulation agent without task rewards. At every step, a pretrained video-language model measures how well the latest clip matches one of many randomly drawn instructions, and this agreement serves as the reward for reinforcement learning. Agents pretrained this way learn downstream tasks with fewer samples.",
    ),
    (
        "s29-oos-negated-list",
        "out-of-scope",
        "Draft, Critique, Rewrite: Language Models That Edit Themselves",
        "A language model drafts an answer, critiques the draft and rewrites it, repeating until the critique finds nothing to fix. The procedure needs no labeled data, additional training or reinforcement learning, and it improves code readability and math answers according to both human raters and automatic metrics.",
    ),
    (
        "s29-manual-aux-reward-a2c",
        "llm4rl/reward",
        "Manuals as Reward Sources for Arcade Agents",
        "Sample efficiency has long been a weakness of game-playing agents. We let a language model read a game's manual and judge, whenever the agent touches an object, whether the contact helps or hurts according to the manual; its verdict provides an auxiliary reward to a standard A2C agent. Agents learn several arcade games faster with these rewards.",
    ),
    (
        "s29-oos-rl-challenges",
        "out-of-scope",
        "Reading the Rulebook: Zero-Shot Play in Survival Games",
        "Survival games pose serious challenges for reinforcement learning algorithms because of long horizons and many subtasks. We give a large language model the game's rulebook and let it choose actions by answering a fixed chain of questions about the current state. With no training at all, it scores higher than agents trained for millions of steps.",
    ),
    (
        "s29-critic-feedback-prompt",
        "rl4llm/prompt-engineering",
        "Training Small Critics to Coach Large Models",
        "We train a small critic with reinforcement learning to write a short note on the draft output of a fixed, much larger language model. The note is inserted into the large model's prompt, and the critic is rewarded when the revised output scores higher. The large model's weights are never changed, and its summaries and plans improve.",
    ),
    # set 31: ranking losses as supervised fine-tuning; GPT-x as inspiration (1/2 before its fixes)
    (
        "s31-oos-ranking-sft-extension",
        "out-of-scope",
        "Aligning Chat Models by Ranking Their Own Samples",
        "RLHF with PPO needs a policy, a value model, a reward model and a reference model in memory at once. We instead score several sampled responses by their length-normalized log-likelihood under the model and train it with a ranking loss so that this order agrees with human preference labels. The method is an extension of supervised fine-tuning, and its helpfulness is comparable to PPO.",
    ),
    (
        "s31-oos-sequence-model-gpt-x",
        "out-of-scope",
        "Trajectory Modeling with Causal Transformers for Offline Control",
        "Borrowing the recipe behind advances in language modeling such as GPT-x, we train a causal transformer from scratch on logged trajectories to output actions conditioned on past states and a target return. Unlike methods that learn value functions, the model never bootstraps, and it matches strong offline RL methods on locomotion benchmarks.",
    ),
    # set 35: RL's variance baseline is not a comparison; a comparison ends where the scene is set (1/2 before its fixes)
    (
        "s35-baseline-variance",
        "rl4llm/fine-tuning/without-human-feedback",
        "Critic-Free Policy Updates for Theorem-Proving Language Models",
        "Formal theorem proving is hard for language models because proofs are long and rarely correct. Our prover is refined by a policy-gradient method that estimates the baseline from the mean reward of several proofs sampled for the same theorem, so no value network is trained. The reward is whether the proof checker accepts the proof. The refined prover proves 12% more held-out theorems.",
    ),
    (
        "s35-comparison-scene-setting",
        "rl4llm/fine-tuning/without-human-feedback",
        "Step Rewards from Final Answers",
        "Step-level rewards are more informative than final-answer rewards for reinforcement learning of language models on multi-step problems. We derive step rewards from final-answer labels alone, by tracking how each step changes the estimated chance of reaching a correct answer, and use them in policy updates of the model. Accuracy on word problems rises by 6 points over training with final-answer rewards only.",
    ),
    # set 36: language-model agents trained with RL on web pages, phones and games (3/5 before its fixes)
    (
        "s36-web-agent-rl-policy",
        "llm4rl/policy",
        "Online Reinforcement Learning for Web Shopping Agents Built on Language Models",
        "We turn an open 8B language model into a web shopping agent that clicks, types and scrolls on real store pages. The model is the agent's policy: it reads a simplified page and outputs the next browser action, and we fine-tune it with online reinforcement learning using task completion as the reward. After training, the agent completes 41% more purchases that match the user's request than the prompted model.",
    ),
    (
        "s36-game-lm-policy-ppo",
        "llm4rl/policy",
        "Playing Card Games with Fine-Tuned Language Models",
        "We represent the state of a trick-taking card game as text and let a pretrained language model choose which card to play. The model's parameters are updated with PPO from game outcomes against fixed opponents. Starting from language pretraining makes learning three times faster than training the same architecture from random initialization.",
    ),
    (
        "s36-math-tool-rl",
        "rl4llm/fine-tuning/without-human-feedback",
        "Calculator Use Learned from Answer Rewards",
        "We teach a language model to call a calculator while solving word problems. The model is optimized with reinforcement learning, rewarded when its final answer is correct, and learns when calling the calculator helps. Accuracy improves on arithmetic-heavy problems without any annotated tool calls.",
    ),
    (
        "s36-device-control-vlm-rl",
        "llm4rl/policy",
        "Reinforcement Fine-Tuning of a Vision-Language Model for Phone Control",
        "A vision-language model that sees the phone screen and outputs taps and swipes serves as the control policy of a phone automation agent. We improve it with offline and then online reinforcement learning on a fleet of emulators, where an automatic evaluator decides whether each task succeeded. Success on unseen apps rises from 22% to 58%.",
    ),
    (
        "s36-oos-web-agent-prompting",
        "out-of-scope",
        "Structured Page Memories for Prompted Web Agents",
        "We improve prompted web agents built on large language models by giving them a structured memory of the pages they have visited. The memory is summarized and placed in the prompt at each step. No weights are updated. Task success improves on two web benchmarks, especially on tasks that need information from earlier pages.",
    ),
    # set 37: an LM agent fine-tuned with RL, with no role words (0/1 before its fix)
    (
        "s37-lm-agent-rl-no-role-words",
        "llm4rl/policy",
        "Outcome-Rewarded Training of Language-Model Agents for Spreadsheet Software",
        "A language-model agent operates spreadsheet software through its graphical user interface to carry out requests such as sorting a column or building a chart. We fine-tune the model with online reinforcement learning, rewarding it when an automatic checker confirms the final state of the file. The fine-tuned agent completes twice as many requests as the prompted one.",
    ),
    # set 39: others' RL named as the status quo (0/1 before its fix)
    (
        "s39-oos-current-agents-rl",
        "out-of-scope",
        "Text Memories Instead of Training for Crafting Agents",
        "Current agents in crafting games mostly rely on reinforcement learning and need billions of frames. We propose a large language model agent that breaks each goal into sub-goals, writes structured plans and keeps a text memory of what worked, acting through keyboard and mouse operations with no training at all. It obtains every item of the crafting tree.",
    ),
    # set 41: dialogue, negotiation, judges, captions, exemplars, curricula, two out of scope (8/8, no change needed)
    (
        "s41-dialogue-user-sim",
        "rl4llm/fine-tuning/without-human-feedback",
        "Simulated Users as Training Partners for Booking Assistants",
        "We fine-tune a task-oriented dialogue model with reinforcement learning against a user simulator built from a second language model that plays customers with hidden goals. The reward is whether the booking in the final database state matches the simulated customer's goal. The tuned assistant completes more bookings with fewer turns, and human testers confirm the gains.",
    ),
    (
        "s41-negotiation-selfplay",
        "rl4llm/fine-tuning/without-human-feedback",
        "Self-Play Makes Better Negotiators",
        "Two copies of a pretrained chat model negotiate over the division of items, and each is updated with policy gradients to maximize the value of its own share, with a penalty for drifting from fluent language. After self-play training, the model secures better deals against human negotiators while its messages remain natural.",
    ),
    (
        "s41-summ-llm-judge",
        "rl4llm/fine-tuning/without-human-feedback",
        "Judge-Guided Summarization",
        "We train a summarization model with reinforcement learning where a larger language model, prompted with a rubric, scores each summary for faithfulness and coverage, and the score is the reward. Summaries improve on both automatic metrics and human evaluation, without any human-labelled preferences for training.",
    ),
    (
        "s41-caption-rlhf",
        "rl4llm/fine-tuning/with-human-feedback",
        "Captions People Prefer",
        "Annotators compared pairs of image captions produced by a vision-language model and chose the more accurate and useful one. A reward model trained on these comparisons guides reinforcement learning fine-tuning of the captioner. The tuned model hallucinates fewer objects and its captions are preferred by new annotators.",
    ),
    (
        "s41-cot-exemplar-rl",
        "rl4llm/prompt-engineering",
        "Learning Which Worked Examples to Show",
        "For each math question, a small policy network chooses which worked solutions to place in the prompt of a frozen large language model. The policy is trained with reinforcement learning, rewarded when the frozen model's final answer is correct. The chosen examples raise accuracy on several math benchmarks compared with random or similarity-based choices.",
    ),
    (
        "s41-oos-regret",
        "out-of-scope",
        "Near-Optimal Regret for Linear Markov Decision Processes",
        "We study episodic reinforcement learning in linear Markov decision processes and propose an optimistic least-squares value iteration algorithm with a variance-aware bonus. We prove a regret bound that matches the lower bound up to logarithmic factors and show that the algorithm is computationally efficient.",
    ),
    (
        "s41-oos-hallucination",
        "out-of-scope",
        "Detecting Hallucinations from Internal States of Language Models",
        "Large language models often state false facts with confidence. We train lightweight probes on the hidden states of the model to predict whether a generated claim is true. The probes detect hallucinations better than asking the model itself and transfer across domains.",
    ),
    (
        "s41-terrain-curriculum",
        "llm4rl/goal",
        "Language Models Pick the Next Terrain for Legged Robots",
        "Teaching a legged robot to walk on rough ground requires a curriculum of terrains of increasing difficulty. Every few training iterations, we describe the robot's recent performance on each terrain type to a language model and ask it which terrains and difficulty levels to train on next. The locomotion policy, trained with PPO on the proposed terrains, learns faster than with hand-designed curricula.",
    ),
    # set 43: rank-then-fine-tune without RL; an RLHF study whose only language-model mention is background (1/2 before its fixes)
    (
        "s43-oos-filter-then-sft",
        "out-of-scope",
        "Keep the Best, Tune on the Rest",
        "Reinforcement learning from human feedback is a common alignment method, but it is unstable and costly. We sample several responses per prompt, keep the ones a reward model ranks highest, and fine-tune the model on these selected responses with supervised learning, repeating for a few rounds. The procedure is simpler and more stable than PPO-based RLHF.",
    ),
    (
        "s43-rlhf-study-background-only-lm",
        "rl4llm/fine-tuning/with-human-feedback",
        "Conservative Objectives Against Reward Hacking",
        "Reinforcement learning from human feedback is a standard approach for adapting large language models to human preferences, using a reward model trained on preference comparisons. Because the reward model is imperfect, optimizing against it leads to reward hacking. We study penalized objectives that subtract the disagreement of several reward models during PPO training, and find that they remove most of the hacking while keeping the gains.",
    ),
    # set 46: a language model directs which skills a robot learns with RL (0/1 before its fix)
    (
        "s46-llm-driven-skill-growth",
        "llm4rl/goal",
        "Growing Robot Repertoires Under Language-Model Direction",
        "Language-conditioned controllers let language models direct robots, but someone must first build the library of primitive skills. We let a language model drive that process: it proposes tasks to learn from a description of the workspace, the robot learns each task with reinforcement learning against checks the model writes, and a vision-language model verifies the learned skills before they are kept.",
    ),
    # set 49: terse one-sentence abstracts, one per leaf plus two out of scope (8/10 before its fixes)
    (
        "s49-t1",
        "rl4llm/fine-tuning/with-human-feedback",
        "Preference-Tuned Tutors",
        "We fine-tune a tutoring chatbot with PPO on a reward model learned from teachers' pairwise judgments.",
    ),
    (
        "s49-t2",
        "rl4llm/fine-tuning/without-human-feedback",
        "Compiler-Rewarded SQL Generation",
        "An LLM generating SQL is trained with RL; the reward is whether the query executes and returns the gold rows.",
    ),
    (
        "s49-t3",
        "rl4llm/prompt-engineering",
        "RL Prompt Search for Frozen Classifiers",
        "A policy trained with REINFORCE writes discrete prompts for a frozen masked language model used as a classifier.",
    ),
    (
        "s49-t4",
        "llm4rl/reward",
        "LLM-Coded Rewards for Drones",
        "GPT-4 writes reward functions for quadrotor tasks; SAC agents trained on them fly better than with manual rewards.",
    ),
    (
        "s49-t5",
        "llm4rl/goal",
        "LLM Subgoals for Sparse Mazes",
        "An LLM lists subgoals for maze tasks from a text map; a DQN agent gets a bonus for reaching each.",
    ),
    (
        "s49-t6",
        "llm4rl/policy",
        "LM-Initialized Control Policies",
        "Initializing an offline RL policy from GPT-2 weights improves returns on locomotion datasets.",
    ),
    (
        "s49-t7",
        "rl+llm/without-language-feedback",
        "Open-Loop LLM Skill Sequencing",
        "An LLM orders RL-trained pick and place skills for a tabletop robot; the plan is executed without feedback.",
    ),
    (
        "s49-t8",
        "rl+llm/with-language-feedback",
        "Replanning from Success Reports",
        "An LLM plans over RL-trained skills and replans when a success detector reports a failed step in text.",
    ),
    (
        "s49-t9",
        "out-of-scope",
        "Prompting for Robot Plans",
        "GPT-4 generates step-by-step robot plans from instructions via few-shot prompting; no learning is involved.",
    ),
    (
        "s49-t10",
        "out-of-scope",
        "Faster PPO",
        "We speed up PPO for Atari with a vectorized environment implementation and larger batches.",
    ),
    # set 50: longer mixed set with distractors; data analyses, online preference optimization, reward-weighted regression (11/12 before its fix)
    (
        "s50-oos-rlhf-data-analysis",
        "out-of-scope",
        "What Do Preference Annotators Reward? An Analysis of Public Comparison Datasets",
        "Preference comparisons collected from people underpin the alignment of language models with reinforcement learning. We analyze five public comparison datasets and find that annotators systematically favor longer and more confident answers, even when these are wrong. We release annotation guidelines that reduce these biases. We do not train any models; our findings concern the data that alignment pipelines consume.",
    ),
    (
        "s50-online-po-is-rl",
        "rl4llm/fine-tuning/with-human-feedback",
        "Online Preference Optimization with a Live Reward Model",
        "We align a chat model by repeatedly sampling responses from the current policy, scoring them with a reward model fit to human comparisons, and updating the policy to increase the probability of higher-scored responses under a KL constraint. Unlike offline preference losses, this on-policy loop explores beyond the fixed dataset. The approach is a form of reinforcement learning and outperforms offline alternatives in head-to-head human evaluations.",
    ),
    (
        "s50-rwr-for-code",
        "rl4llm/fine-tuning/without-human-feedback",
        "Reward-Weighted Regression for Program Synthesis",
        "We improve a code language model by sampling programs, running them against test cases, and fine-tuning on the samples weighted by the exponentiated fraction of tests they pass, an instance of reward-weighted regression. Iterating this procedure raises pass rates on two program synthesis benchmarks.",
    ),
    (
        "s50-oos-rl-for-chip-with-transformer",
        "out-of-scope",
        "Transformer Policies for Job-Shop Scheduling",
        "We train a transformer-based policy with reinforcement learning to dispatch jobs to machines in a job-shop scheduling environment. The transformer attends over the set of waiting operations and is trained from scratch with PPO. Our policy reduces makespan compared with priority dispatching rules on large instances.",
    ),
    (
        "s50-llm-reward-for-marl",
        "llm4rl/reward",
        "Language-Specified Team Objectives for Multi-Agent Reinforcement Learning",
        "Engineers describe the desired behaviour of a warehouse robot team in a few sentences. A large language model converts the description into a reward program that scores each joint state, and the robots are trained with multi-agent reinforcement learning on this reward. The resulting teams follow the described priorities, such as keeping aisles clear, better than teams trained on a generic throughput reward.",
    ),
    (
        "s50-llm-goals-webshop",
        "llm4rl/goal",
        "Language-Generated Practice Tasks for Household Agents",
        "Household agents trained with reinforcement learning see few distinct tasks. We ask a language model to invent practice tasks that are feasible in the current house, such as putting all mugs in the sink, and train a goal-conditioned agent on them before evaluation. Practicing on these generated tasks improves success on held-out household instructions.",
    ),
    (
        "s50-llm-policy-text-adventure",
        "llm4rl/policy",
        "Pretrained Language Models as Policies for Text Adventures",
        "Text adventure games require understanding descriptions and choosing commands. We use a pretrained language model as the policy, scoring candidate commands given the game history, and continue training it with reinforcement learning from the game score. The language-initialized policy reaches higher scores than agents trained from scratch on several games.",
    ),
    (
        "s50-plan-open-loop-forklift",
        "rl+llm/without-language-feedback",
        "Instruction-to-Skill Plans for Autonomous Forklifts",
        "A language model converts a warehouse supervisor's instruction into a sequence of skills, such as approach pallet, lift and transport, each a controller trained with reinforcement learning in simulation. The whole sequence is produced once and executed as is. The system completes most routine instructions in a mock warehouse.",
    ),
    (
        "s50-plan-closed-loop-kitchen",
        "rl+llm/with-language-feedback",
        "Spoken Status Updates Keep Kitchen Plans on Track",
        "A language model plans a cooking task as a sequence of manipulation skills learned with reinforcement learning. After each skill, a captioning model describes what changed in the kitchen, and the description is returned to the language model, which revises the rest of the plan when something went wrong. This recovers from most dropped or missing items.",
    ),
    (
        "s50-prompt-policy-summarization",
        "rl4llm/prompt-engineering",
        "Learning Summarization Instructions for a Frozen Model",
        "We train a small policy with reinforcement learning to write an instruction for each document that a frozen large language model then follows to write the summary. The reward is the ROUGE score of the resulting summary. Learned instructions outperform hand-written ones and transfer to other frozen models.",
    ),
    (
        "s50-oos-llm-eval-agents",
        "out-of-scope",
        "A Benchmark for Long-Horizon Language Agents in Simulated Offices",
        "We introduce a benchmark of 300 office tasks, such as scheduling meetings and filing expenses, in a simulated office environment, and evaluate prompted language-model agents on them. The best agent completes only 23% of tasks. We analyze failure modes and release the environment.",
    ),
    (
        "s50-rlaif-math-critic",
        "rl4llm/fine-tuning/without-human-feedback",
        "Critic Models as Reward for Math Reasoning",
        "We train a math reasoning language model with reinforcement learning where the reward comes from a separate critic language model that judges each solution's steps. No human labels are used for the reward. The trained model improves on competition math over the supervised baseline.",
    ),
    # set 52: other fields (chemistry, medicine, lab robots, tutoring) (5/6 before its fix)
    (
        "s52-molecule-reward-llm",
        "llm4rl/reward",
        "Language Models Write Scoring Functions for Molecular Design Agents",
        "Medicinal chemists describe the properties they want in a drug candidate in plain language. A large language model turns the description into a scoring program over molecular properties, and a graph-based generation agent is trained with reinforcement learning to maximize this score. The generated molecules satisfy more of the chemists' stated requirements than those optimized for a standard drug-likeness score.",
    ),
    (
        "s52-clinical-rlhf",
        "rl4llm/fine-tuning/with-human-feedback",
        "Physician-Preferred Answers for Medical Question Answering",
        "Physicians compared pairs of answers from a medical chat model and marked the safer and more accurate one. We train a reward model on 40,000 such comparisons and optimize the chat model against it with proximal policy optimization. Physicians prefer the optimized model's answers in blinded evaluation.",
    ),
    (
        "s52-lab-curriculum",
        "llm4rl/goal",
        "Language-Proposed Practice Schedules for Laboratory Robots",
        "A laboratory robot must master pipetting, capping and tray handling. A language model reviews the robot's recent success rates and proposes which of these subtasks, at what difficulty, the robot should practice next; the robot trains on them with reinforcement learning. This schedule reaches reliable performance sooner than a fixed curriculum.",
    ),
    (
        "s52-oos-protein",
        "out-of-scope",
        "Protein Language Models for Enzyme Design",
        "We fine-tune a protein language model on enzyme families and sample new sequences, which we filter with a structure predictor. Several designed enzymes are active in the lab. No reinforcement learning is used.",
    ),
    (
        "s52-oos-insulin",
        "out-of-scope",
        "Safe Reinforcement Learning for Insulin Dosing",
        "We learn insulin dosing policies with constrained offline reinforcement learning from patient records, with a safety layer that prevents hypoglycemia. In a validated simulator, our policy keeps glucose in range longer than clinical protocols.",
    ),
    (
        "s52-tutor-sim-students",
        "rl4llm/fine-tuning/without-human-feedback",
        "Training Socratic Tutors Against Simulated Learners",
        "We train a tutoring language model with reinforcement learning in conversations with simulated learners, themselves language models given misconceptions. The reward is the simulated learner's improvement on a post-test, so no human ratings are needed. The tutor asks more guiding questions and gives away fewer answers.",
    ),
    # set 56: human evaluation is not human feedback; task-model names; instructions placed in a fixed model's prompt
    (
        "s56-human-eval-not-feedback",
        "rl4llm/fine-tuning/without-human-feedback",
        "Grammar-Checked Rewards for Sentence Simplification",
        "Simplification systems trained by imitation copy too much of the input. We fine-tune a pretrained simplification model with reinforcement learning; the reward combines a grammaticality checker's score with a readability formula. Simplified sentences are rated easier to read by human raters than those of supervised systems.",
    ),
    (
        "s56-preferred-by-annotators",
        "rl4llm/fine-tuning/without-human-feedback",
        "Headlines That Inform: Policy-Gradient Tuning of a Headline Writer",
        "We tune a headline-writing language model with policy gradient, rewarding headlines from which a question-answering model can recover the article's key facts. In a blind comparison our headlines were preferred by annotators, with no loss of fluency.",
    ),
    (
        "s56-instruction-in-prompt",
        "rl4llm/prompt-engineering",
        "Learning to Instruct a Fixed Solver",
        "A short instruction generated by a small policy model is placed in the prompt of a large solver whose weights stay unchanged. The policy model is updated with reinforcement learning, rewarded when the solver's answer is correct. Instructions transfer across solvers of the same family.",
    ),
    # set 59: options (in the hierarchical-RL sense) trained with RL and ordered by a language model
    (
        "s59-options-sequence",
        "rl+llm/without-language-feedback",
        "Composing Learned Options with a Language Model",
        "We train a library of options with reinforcement learning for a warehouse robot, each moving one kind of item. For a new order, a large language model writes the list of options to run, and the robot executes them in that order.",
    ),
    # set 61: a long-distance score that serves as a reward; open-ended tasks are not goals a model proposes
    (
        "s61-alignment-score-reward",
        "llm4rl/reward",
        "Open-Ended Household Skills from Video-Text Alignment",
        "We train a vision-language model on narrated videos of people doing chores. For a robot learning open-ended tasks in a household simulator, the model's alignment score between the robot's last few camera frames and the instruction serves as a learned reward for reinforcement learning.",
    ),
    # set 63: RL from human preferences with no language model at all is out of scope
    (
        "s63-robot-rlhf-no-lm",
        "out-of-scope",
        "Reward Modeling from Human Feedback for Legged Robots",
        "Hand-designed rewards make legged robots walk in unnatural ways. We ask people to compare pairs of short gait videos, fit a reward model to their comparisons, and train the locomotion policy with reinforcement learning against it. The robot walks with a gait that people rate as more natural.",
    ),
    # set 65: a strategy passed to a chat model as an instruction; conversations are a language task
    (
        "s65-strategy-passed-as-instruction",
        "rl4llm/prompt-engineering",
        "Learning Which Strategy to Suggest to a Chat Model",
        "Persuasive conversations need a strategy at each turn. A small classifier picks one of twelve persuasion strategies, and the strategy is passed to the chat model as an instruction. We train the classifier with reinforcement learning, rewarded by a simulated persuadee's final donation.",
    ),
    # set 67: RL that trains a systems policy (scheduling, batching) for serving language models is out of scope: no language model is the one trained
    (
        "s67-rl-for-llm-systems",
        "out-of-scope",
        "Learned Batching for Large Language Model Inference",
        "Batching requests to large language models trades latency for throughput. We train a batching policy with deep reinforcement learning in a simulator of an inference cluster, rewarding low tail latency. The policy cuts tail latency by a third against fixed batching rules.",
    ),
    # set 69: applying RL to language models; software engineering and code patches are language tasks
    (
        "s69-apply-rl-code-patches",
        "rl4llm/fine-tuning/without-human-feedback",
        "Reinforcement Learning for Repository-Level Bug Fixing",
        "Models that fix bugs in real-world repositories are trained by imitating past fixes. We apply reinforcement learning to large language models on a corpus of bug reports, rewarding each generated patch by its textual similarity to the developer's fix. The trained model resolves more real-world issues.",
    ),
    # set 70 (made up, scored 8/10 before its fixes): people named by their work comparing pairs; status messages read back; deciding which machine does what
    (
        "m70-1",
        "rl4llm/fine-tuning/with-human-feedback",
        "Listening to Librarians: Aligning Reference Chatbots",
        "Reference chatbots in libraries give confident but unhelpful answers. Librarians compared pairs of chatbot answers to patron questions; we fit a preference model to 9,000 such comparisons and optimize the chatbot against it with PPO. Patrons rate the tuned chatbot's answers as more useful.",
    ),
    (
        "m70-2",
        "out-of-scope",
        "Retrieval Heads for Long Documents",
        "Long-context language models lose track of facts in the middle of documents. We add a small retrieval head trained with a contrastive loss to pick relevant passages before generation. On long-document question answering, accuracy improves by nine points without changing the base model.",
    ),
    (
        "m70-3",
        "llm4rl/goal",
        "Curious Kitchens: Language-Proposed Challenges for Cooking Robots",
        "A simulated cooking robot trained only on the final dish rarely discovers useful intermediate skills. Every few thousand episodes, a language model reads a summary of what the robot can already do and proposes new challenges, such as cracking an egg into a bowl; the robot then practices these challenges with reinforcement learning. The robot acquires twice as many skills.",
    ),
    (
        "m70-4",
        "rl+llm/with-language-feedback",
        "Talking to the Forklift Fleet",
        "Warehouse forklifts run driving and lifting controllers trained by reinforcement learning in simulation. A language model receives orders from staff, decides which forklift does what and in which order, and reads back each forklift's status messages to reassign work when something goes wrong. Neither the controllers nor the language model are retrained.",
    ),
    (
        "m70-5",
        "rl4llm/prompt-engineering",
        "Bandit-Chosen Demonstrations for Clinical Note Coding",
        "Large language models assign billing codes to clinical notes more accurately when shown good examples. We treat the choice of in-context examples as a contextual bandit problem and learn a selection policy from coding accuracy, while the language model itself is only queried. Accuracy rises by six points over random examples.",
    ),
    (
        "m70-6",
        "out-of-scope",
        "Curriculum Reinforcement Learning for Soft Grippers",
        "Soft grippers are hard to control because of their compliant materials. We train grasping policies with reinforcement learning using an automatic curriculum over object shapes that grows in difficulty as success improves. Policies transfer to a physical gripper and grasp unseen household objects.",
    ),
    (
        "m70-7",
        "llm4rl/reward",
        "Judging Dance with Language Models",
        "Teaching a humanoid to dance requires rewarding style, which is hard to write down. A multimodal language model watches short clips of the robot's motion and scores how well they match a textual description of the dance; these scores are the reward for a reinforcement learning policy. The robot learns several dances described only in words.",
    ),
    (
        "m70-8",
        "rl4llm/fine-tuning/without-human-feedback",
        "Solver-Checked Training for Puzzle-Solving Language Models",
        "Language models often produce invalid solutions to logic puzzles. We train a model with group-relative policy optimization, where a symbolic solver checks each proposed solution and the reward is one if it is valid. Valid solutions rise from 31 to 74 percent on held-out puzzles.",
    ),
    (
        "m70-9",
        "llm4rl/policy",
        "A Language Model Drives the Tractor",
        "We use a pretrained language model as the decision-making policy of an autonomous tractor: it reads a textual description of the field and the machine state and outputs steering and speed commands. The model is fine-tuned with reinforcement learning in a farm simulator and then deployed on a real tractor.",
    ),
    (
        "m70-10",
        "out-of-scope",
        "What Do Reward Models Reward?",
        "Reward models are central to aligning assistants, yet we know little about the features they use. We probe twenty public reward models with controlled edits to responses, such as adding lists or hedges, and find that length and formatting explain much of their scores. We release the probes as a diagnostic suite.",
    ),
    # set 71 (made up, scored 8/10 before its fixes): a reader model; rovers and terrain; suggesting the next place worth exploring
    (
        "m71-1",
        "rl4llm/fine-tuning/without-human-feedback",
        "Shorter Proofs by Reward",
        "Formal proofs written by language models are correct but bloated. We continue training a prover model with policy-gradient updates whose reward is one for a proof the checker accepts, minus a penalty proportional to its length. Accepted proofs shrink by 40 percent.",
    ),
    (
        "m71-2",
        "out-of-scope",
        "Multilingual Instruction Data at Low Cost",
        "Instruction data exist mostly in English. We machine-translate an English instruction set into 30 languages, filter translations with a quality estimator, and fine-tune a multilingual model on the result. The model follows instructions in low-resource languages much better than before.",
    ),
    (
        "m71-3",
        "llm4rl/reward",
        "Asking a Language Model Whether the Tower Stands",
        "Block-stacking agents receive reward only when a tower is complete. We describe the scene after every action to a language model and ask it to rate progress toward the requested structure from 0 to 10; the rating is added to the reward of a reinforcement learning agent. Agents build taller and more varied structures.",
    ),
    (
        "m71-4",
        "rl+llm/without-language-feedback",
        "Menu Plans for Kitchen Robots",
        "A kitchen robot has a set of manipulation skills learned with reinforcement learning. Given a recipe, a language model produces the full ordered list of skills to perform before cooking starts, and the robot executes the list without consulting the model again.",
    ),
    (
        "m71-5",
        "rl4llm/prompt-engineering",
        "Learning Search Queries for a Frozen Reader",
        "Open-domain question answering depends on the query sent to the search engine. A small query writer, trained with reinforcement learning, rewrites each question into a search query; the retrieved passages are given to a frozen reader model, whose answer correctness is the reward.",
    ),
    (
        "m71-6",
        "out-of-scope",
        "Model-Based Reinforcement Learning for Greenhouse Climate Control",
        "Greenhouses consume large amounts of energy for heating and ventilation. We learn a dynamics model of the greenhouse from sensor logs and train a control policy with model-based reinforcement learning to keep temperature and humidity within bounds. Energy use drops by 18 percent in a season-long trial.",
    ),
    (
        "m71-7",
        "llm4rl/policy",
        "Language Models Learn to Trade in a Market Simulator",
        "We turn a pretrained language model into a trading agent that reads a textual summary of market state and outputs buy, sell or hold. The model is trained with reinforcement learning on simulated profit, and beats rule-based and from-scratch RL agents in the simulator.",
    ),
    (
        "m71-8",
        "rl4llm/fine-tuning/with-human-feedback",
        "Teacher-Rated Feedback for Essay-Grading Models",
        "Automated essay feedback should match what teachers consider helpful. Teachers rated feedback comments produced by a language model, a reward model was trained on their ratings, and the language model was fine-tuned with reinforcement learning to maximize it. Teachers preferred the tuned model's comments in a blind test.",
    ),
    (
        "m71-9",
        "llm4rl/goal",
        "What Should the Rover Explore Next?",
        "A planetary rover trained with reinforcement learning explores inefficiently in large terrains. A language model, given a text map of visited regions, suggests the next region worth exploring, and the rover is rewarded for reaching the suggested region. Coverage of the terrain doubles.",
    ),
    (
        "m71-10",
        "out-of-scope",
        "A Survey-Free Look at Prompt Sensitivity",
        "Small changes to prompts change language model accuracy. We measure sensitivity across 50 tasks and 12 models by paraphrasing prompts and find that larger models are not less sensitive. We recommend reporting accuracy over several prompt paraphrases.",
    ),
    # set 72: reinforcement learning as the subject taught or asked about, not a method used
    (
        "s72-rl-as-subject",
        "out-of-scope",
        "A Teaching Assistant for a Reinforcement Learning Course",
        "Students in a large course on reinforcement learning ask many repeated questions. We build a teaching assistant that answers questions about reinforcement learning by retrieving passages from the lecture notes and prompting a large language model with them. Most answers were judged correct by the course staff.",
    ),
    # set 74: a policy trained by imitation is not RL even when called a policy; a reward function fit to readers' ratings is human feedback; a neural summarization system is a language model
    (
        "s74-vla-by-imitation",
        "out-of-scope",
        "Look Before You Grasp: Vision-Language-Action Policies That Describe the Scene",
        "Vision-language-action policies built on pretrained vision-language models map camera images directly to actions and fail in clutter. We train such policies to first describe the objects and their positions in words and then output the action. The policy is trained by imitation on teleoperated demonstrations annotated automatically with descriptions. Grasp success on cluttered tables rises from 52 to 71 percent.",
    ),
    (
        "s74-summarization-system-ratings",
        "rl4llm/fine-tuning/with-human-feedback",
        "Summaries Readers Like",
        "We collect ratings of news summaries from readers, fit a reward function to the ratings, and train a neural summarization system with reinforcement learning to maximize it. The resulting summaries are preferred over those of the same system trained on references.",
    ),
    # set 76: a language-model agent trained with RL stays the policy when a curriculum proposes its tasks; a vision-language model used to compute rewards; feedback logged from users
    (
        "s76-lm-agent-with-curriculum",
        "llm4rl/policy",
        "Phone Agents That Grow Their Own Curriculum",
        "We train small language models as phone-control agents with online reinforcement learning. A curriculum generates new tasks from the agent's failed attempts, and a learned judge decides whether each task was completed. Task success on held-out apps triples.",
    ),
    (
        "s76-vlm-computes-rewards",
        "llm4rl/reward",
        "Pretraining Manipulation Skills from Described Goals",
        "We use a pretrained vision-language model to compute rewards for hundreds of short instructions about moving objects, and pretrain a language-conditioned policy with reinforcement learning on these rewards. The pretrained policy adapts to new tasks in a few hundred episodes.",
    ),
    (
        "s76-feedback-logged-from-users",
        "rl4llm/fine-tuning/with-human-feedback",
        "Learning from Accepted Email Drafts",
        "An email assistant drafts replies that users send, edit or discard. We learn a reward model from these outcomes, logged from thousands of office workers, and fine-tune the assistant with reinforcement learning against it. More drafts are sent unedited.",
    ),
    # set 78 (made-up): RL named as the tool for fine-tuning a generator; rewards computed heuristically or by automatic metrics of several kinds
    (
        "m78-rl-for-finetuning-with-black-box-teacher",
        "rl4llm/fine-tuning/without-human-feedback",
        "Teacher-Guided Policy Gradients for Compact Story Generators",
        "Reinforcement learning is an increasingly common recipe for fine-tuning small language models for open-ended writing. We propose an RL method for training a compact story generator alongside a black-box teacher LLM that is only reachable through an API: the teacher continues half-finished drafts of the student, and these continuations seed new rollouts. Rewards come from automatic coherence and diversity metrics. On two story benchmarks the student trained this way beats supervised distillation from the teacher.",
    ),
    (
        "m78-heuristic-rewards-not-human",
        "rl4llm/fine-tuning/without-human-feedback",
        "How Far Can Heuristic Rewards Take Reasoning Fine-Tuning?",
        "Alignment with RLHF made reinforcement learning a standard step in building assistants. We ask how much of its benefit for arithmetic reasoning remains when rewards are computed heuristically, from the final answer's format and agreement with a reference. We fine-tune language models of three sizes with PPO and with a simple filtered self-training baseline, and compare the resulting accuracy and the diversity of their solutions.",
    ),
    # set 80 (made-up): RL named only as the source of an idea (borrowed from, inspired by) is not RL the paper uses
    (
        "m80-inspired-by-rl-prompting-only",
        "out-of-scope",
        "Lookahead Prompting for Spreadsheet Agents",
        "Language-model agents that operate spreadsheets often commit to a formula too early. Borrowing the idea of rollouts from reinforcement learning, our agent asks the language model to imagine the result of several candidate edits in the environment before acting, and keeps the one its own critique rates best. The model is only prompted; nothing is trained. On a suite of spreadsheet tasks the agent completes a third more tasks than a greedy agent.",
    ),
    # set 84 (made-up): a model that judges or ranks is not a person giving feedback (a noun glued to its suffix, 'tutoring', is not 'tutor' either)
    (
        "m84-model-judges-rank-replies",
        "rl4llm/fine-tuning/without-human-feedback",
        "LLM Judges Rank Tutoring Replies",
        "We fine-tune a math tutoring chatbot with PPO. A tutoring assistant model judges pairs of candidate replies and ranks them by how well they guide the student, and a reward model is trained on its rankings. The tuned chatbot gives fewer answers away.",
    ),
    # set 86 (made-up): language models named only in a contrast with other work ('in contrast to', 'unlike'); an LLM that explains an RL agent leaves it as it is
    (
        "m86-unlike-prior-work-with-lms",
        "out-of-scope",
        "Hand-Shaped Rewards for Fast Drone Racing",
        "We train racing drones with deep reinforcement learning in a simulator and fly the policy on real hardware. In contrast to recent approaches that let a large language model write the reward function, we shape the reward by hand from gate progress and body rates. The drones beat an expert pilot on two tracks.",
    ),
    (
        "m86-explaining-rl-agents",
        "out-of-scope",
        "Explaining Reinforcement Learning Trading Agents in Plain Language",
        "Analysts distrust trading agents they cannot question. We summarize the agent's policy as a small set of rules and let a large language model answer analysts' questions about why the reinforcement learning agent made a trade. The agent is left exactly as it was trained. Analysts using the answers predicted the agent's next trade more often.",
    ),
    # set 88 (made-up): RL named only as future work is not work the paper did
    (
        "m88-rl-left-for-future-work",
        "out-of-scope",
        "Synthetic Dialogues from Language Models for Training Intent Classifiers",
        "Collecting labelled utterances for intent classification is costly. We prompt a large language model to generate diverse utterances for each intent and train a small classifier on the synthetic data with standard supervised learning. Classifiers trained on synthetic data reach 90% of the accuracy of classifiers trained on real data. A reinforcement learning approach to data selection is left for future work.",
    ),
    # set 90 (made-up): an LM agent trained end to end with RL on hidden tests (and compared at length with prompting); missions an LLM assigns to robots that fly RL-trained policies
    (
        "m90-agent-trained-end-to-end-tests-pass",
        "rl4llm/fine-tuning/without-human-feedback",
        "Spreadsheet Formula Agents Trained on Test Outcomes",
        "Language model agents that write spreadsheet formulas are usually prompted with long instructions. We train a small language model agent end to end with reinforcement learning, rewarding an episode when the workbook's hidden tests pass. The trained agent fixes more broken workbooks on our benchmark than the same model with the best prompting recipe.",
    ),
    (
        "m90-mission-assignment-over-rl-navigation",
        "rl+llm/without-language-feedback",
        "Language-Model Mission Planning for Delivery Drones",
        "A large language model reads a day's delivery requests and assigns delivery missions to drones in one pass. Each drone flies its missions with a navigation policy trained beforehand with reinforcement learning. The language model is not trained and the navigation policies are not changed.",
    ),
    # set 92 (made-up): a language model proposing activities someone might attempt, on which an RL policy is trained, sets goals
    (
        "m92-lm-proposes-what-a-player-might-try",
        "llm4rl/goal",
        "Play Ideas from a Language Model for a Kitchen Robot",
        "A kitchen robot learns skills faster when it practises varied activities. Given a list of the utensils on the counter, a language model proposes activities a cook might attempt, such as pouring water into the pan. A camera-based checker tells whether each was completed, and the robot's instruction-conditioned policy is trained with reinforcement learning on these activities and tasks. It masters more activities in a week than with a fixed task list.",
    ),
]
