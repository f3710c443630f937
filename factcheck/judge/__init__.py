"""The slot judge: whether two mentions fill the same slot of one fact (see model.py)."""

from factcheck.judge.model import FEATURES, ContextPair, JudgeIntegrityError, SlotJudge, load_judge, pair_features
from factcheck.judge.slots import KINDS, SlotMention, masked_context, slot_mentions

__all__ = ["FEATURES", "KINDS", "ContextPair", "JudgeIntegrityError", "SlotJudge", "SlotMention", "load_judge", "masked_context", "pair_features", "slot_mentions"]
