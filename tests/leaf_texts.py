"""Short made-up papers, one per leaf, written from the taxonomy's definitions (not from gold studies)."""

LEAF_TEXTS = {
    "rl4llm/fine-tuning/with-human-feedback": (
        "Aligning a Dialogue Assistant with Ranked Human Preferences",
        "We fine-tune a large language model for dialogue with reinforcement learning from human feedback. "
        "Annotators rank pairs of responses; a reward model trained on these human preferences scores new "
        "responses, and PPO updates the language model's weights to maximise that reward. The assistant becomes "
        "more helpful and less toxic according to human ratings.",
    ),
    "rl4llm/fine-tuning/without-human-feedback": (
        "Summarisation Models Trained with Automatic Rewards",
        "We fine-tune a pretrained language model for summarization with reinforcement learning. Instead of "
        "human feedback, the reward is an automatic metric: ROUGE against reference summaries plus a "
        "rule-based reward for length. Policy optimization with PPO updates the model weights, without any "
        "human labels, and improves summary quality on news articles.",
    ),
    "rl4llm/prompt-engineering": (
        "Learning to Write Prompts for a Frozen Language Model",
        "The weights of the large language model stay frozen. A small reinforcement learning policy performs "
        "prompt optimization: it edits and selects discrete prompts, and the reward is the accuracy of the "
        "frozen LLM on sentiment classification and question answering. The learned prompt policy finds "
        "better prompts than manual prompt engineering.",
    ),
    "llm4rl/reward": (
        "Language Models Write Reward Functions for Robot Manipulation",
        "A large language model writes reward functions as code for reinforcement learning agents that learn "
        "robot manipulation skills in simulation. From a task description the LLM designs dense rewards, and "
        "a PPO agent is trained on the reward code. The agents match expert-designed rewards.",
    ),
    "llm4rl/goal": (
        "Language Models Suggest Goals for Exploration",
        "Exploration is hard for reinforcement learning agents in open-ended game environments. We prompt a "
        "large language model with a description of the agent's state and it suggests goals and sub-goals. "
        "The agent receives an intrinsic reward for reaching the suggested goals, which guides exploration and "
        "acts as a curriculum of auxiliary tasks. Agents explore more and learn faster in Crafter.",
    ),
    "llm4rl/policy": (
        "Pretrained Language Models as Policies for Offline Reinforcement Learning",
        "We use a pre-trained language model as the policy of a reinforcement learning agent in control tasks "
        "and Atari games. The transformer policy is initialised from language pre-training on Wikipedia and "
        "then fine-tuned with offline RL on D4RL. Language model policy initialization speeds up training of "
        "the agent.",
    ),
    "rl+llm/without-language-feedback": (
        "Planning over Learned Skills with a Language Model",
        "A large language model acts as a high-level planner for a robot in a kitchen. Low-level skills are "
        "learned separately with reinforcement learning and kept frozen in a skill library. The LLM decomposes "
        "an instruction into a sequence of skills, and affordance values from the pre-trained skills' value "
        "functions rank the options. The plan is produced once, open loop, for long-horizon tasks.",
    ),
    "rl+llm/with-language-feedback": (
        "Closed-Loop Planning with Language Feedback",
        "A large language model plans over pre-trained skills learned with reinforcement learning for an "
        "embodied robot. After each step, success detection and scene descriptions are fed back to the LLM as "
        "textual feedback, forming a closed-loop inner monologue, so the planner can re-plan when a skill "
        "fails. Language feedback improves completion of long-horizon household tasks.",
    ),
    "out-of-scope": (
        "A Convolutional Network for Image Classification",
        "We present a convolutional neural network trained with supervised learning on ImageNet. Data "
        "augmentation and batch normalization improve accuracy. The model reaches strong top-1 accuracy.",
    ),
}
