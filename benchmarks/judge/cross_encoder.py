"""The other judge tried: all-MiniLM-L6-v2 fine-tuned as a cross-encoder on the same
self-labelled pairs (even-numbered stories), scored on the odd-numbered ones.

    python benchmarks/judge/cross_encoder.py --epochs 2     # about 20 minutes on 2 cores

Reads both masked contexts at once, so it can weigh word against word; costs one forward pass
per pair at check time (the shipped judge encodes each context once). Prints AUC per kind
and the pairs per second scored, and appends them to cross_encoder.md beside this script.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from factcheck.embed.bundled import verified_model_dir  # noqa: E402
from factcheck.judge.train import DEFAULT_STORIES, SEED, mine_pairs, training_stories  # noqa: E402

HERE = Path(__file__).resolve().parent


def batches(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def main() -> None:
    import torch
    from sklearn.metrics import roc_auc_score
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()
    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    train_pairs, _ = mine_pairs(training_stories(DEFAULT_STORIES, "even"))
    test_pairs, _ = mine_pairs(training_stories(DEFAULT_STORIES, "odd"))
    folder = verified_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSequenceClassification.from_pretrained(folder, num_labels=1)
    optimiser = torch.optim.AdamW(model.parameters(), lr=3e-5)
    positive_weight = torch.tensor((len(train_pairs) - sum(p.same_slot for p in train_pairs)) / max(1, sum(p.same_slot for p in train_pairs)))
    loss_of = torch.nn.BCEWithLogitsLoss(pos_weight=positive_weight)
    rng = np.random.default_rng(SEED)
    started = time.monotonic()
    for epoch in range(args.epochs):
        model.train()
        order = rng.permutation(len(train_pairs))
        for step, batch in enumerate(batches([train_pairs[i] for i in order], args.batch)):
            encoded = tokenizer([p.first.context for p in batch], [p.second.context for p in batch], padding=True, truncation=True, max_length=128, return_tensors="pt")
            logits = model(**encoded).logits.squeeze(-1)
            loss = loss_of(logits, torch.tensor([float(p.same_slot) for p in batch]))
            loss.backward()
            optimiser.step()
            optimiser.zero_grad()
            if step % 20 == 0:
                print(f"epoch {epoch} step {step} loss {loss.item():.3f} {time.monotonic() - started:.0f} s", flush=True)
    trained = time.monotonic() - started
    model.eval()
    scores = []
    scoring = time.monotonic()
    with torch.no_grad():
        for batch in batches(test_pairs, 64):
            encoded = tokenizer([p.first.context for p in batch], [p.second.context for p in batch], padding=True, truncation=True, max_length=128, return_tensors="pt")
            scores.extend(model(**encoded).logits.squeeze(-1).tolist())
    per_second = len(test_pairs) / (time.monotonic() - scoring)
    scores_arr, labels = np.array(scores), np.array([int(p.same_slot) for p in test_pairs])
    kinds = np.array([p.first.kind for p in test_pairs])
    lines = [f"Cross-encoder, {args.epochs} epochs on {len(train_pairs)} pairs in {trained:.0f} s ({args.threads} threads); held-out {len(test_pairs)} pairs scored at {per_second:.0f} pairs/s", ""]
    for kind in [*sorted(set(kinds)), "all"]:
        mask = np.ones(len(labels), bool) if kind == "all" else kinds == kind
        if len(set(labels[mask])) == 2:
            lines.append(f"- {kind}: AUC {roc_auc_score(labels[mask], scores_arr[mask]):.3f} ({int(mask.sum())} pairs)")
    print("\n".join(lines))
    with (HERE / "cross_encoder.md").open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    main()
