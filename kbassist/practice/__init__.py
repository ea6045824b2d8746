"""Practice mode for new agents: drills from the folder's own questions, scored (issue #21)."""
from .scenarios import Drill, make_drills
from .scoring import POINTS, Answer, Score, TopicSummary, score, summary

__all__ = ("POINTS", "Answer", "Drill", "Score", "TopicSummary", "make_drills", "score", "summary")
