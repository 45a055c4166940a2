"""Regenerate ``examples/sample-paper.pdf``: a short, made-up paper written for this project.

Run: python examples/make_sample.py   (needs fpdf2, installed with the test extra)
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

TITLE = "Language Models as Reward Engineers for Quadruped Locomotion"
ABSTRACT = (
    "Designing reward functions for reinforcement learning agents is slow, manual work. We ask a large "
    "language model (LLM) to write the reward function as Python code from a short task description and "
    "the environment's source code. A PPO agent is then trained in simulation on the generated reward, "
    "and training statistics are summarised and given back to the LLM so that it can revise the reward "
    "code. Across eight quadruped locomotion tasks, agents trained on LLM-written rewards match or beat "
    "agents trained on rewards written by experts, without any task-specific templates."
)
SECTIONS = [
    (
        "1 Introduction",
        (
            "Reinforcement learning (RL) has produced capable controllers for legged robots, but every new task "
            "needs a reward function, and writing a dense reward that leads to the intended gait takes experts "
            "many iterations. Large language models can read code and write code. In this work the language model "
            "does not act in the environment and is not fine-tuned: it designs the reward. The RL agent is a "
            "standard PPO policy network trained from scratch on the reward that the language model wrote."
        ),
    ),
    (
        "2 Method",
        (
            "Given the environment code and a task description such as 'trot forward at 1 m/s', the LLM proposes "
            "several candidate reward functions. Each candidate is used to train a PPO agent for a short budget in "
            "the simulator. The best candidate is kept, and a textual summary of its reward components during "
            "training is fed back to the LLM, which then edits the reward code. Five rounds are run per task."
        ),
    ),
    (
        "3 Experiments",
        (
            "We evaluate on eight locomotion tasks in a physics simulator with a quadruped robot. Rewards written "
            "by the language model reach 96% of the return of expert-designed rewards on average and exceed them "
            "on three tasks. Ablations show that the feedback rounds matter most on tasks with sparse success."
        ),
    ),
    (
        "4 Conclusion",
        (
            "A language model can act as a reward engineer for reinforcement learning in robotics. The agent's "
            "policy is trained only by RL; the language model contributes the reward function it optimises."
        ),
    ),
]


def build(out: Path) -> None:
    pdf = FPDF()
    pdf.set_title(TITLE)
    pdf.set_creator("rltaxo examples/make_sample.py")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 17)
    pdf.multi_cell(0, 9, TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 7, "A. Author and B. Author, Example University", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, "Abstract", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, ABSTRACT, new_x="LMARGIN", new_y="NEXT")
    for heading, body in SECTIONS:
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5, body, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(out))


if __name__ == "__main__":
    build(Path(__file__).with_name("sample-paper.pdf"))
