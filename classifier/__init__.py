"""rltaxo: place RL/LLM papers in the RL/LLM Taxonomy Tree (Pternea et al., arXiv 2402.01874)."""

__version__ = "0.1.0"
