"""The eval harness: score a backend against the survey's hand-labeled studies, and report."""
