"""A tiny training loop in pure Python: logistic regression on synthetic data.

It prints per-epoch metrics the way real training scripts do and saves its weights,
so `track run -- python examples/train.py` has something real to record.

    python examples/train.py --lr 0.1 --epochs 10 --seed 0
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import random


def make_data(n: int, rng: random.Random) -> list[tuple[list[float], int]]:
    true_w = [1.5, -2.0, 0.7, 0.0]
    data = []
    for _ in range(n):
        x = [rng.gauss(0, 1) for _ in true_w]
        z = sum(w * xi for w, xi in zip(true_w, x, strict=False)) + rng.gauss(0, 0.8)
        data.append((x, 1 if z > 0 else 0))
    return data


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def evaluate(w: list[float], b: float, data: list[tuple[list[float], int]]) -> tuple[float, float]:
    loss = 0.0
    correct = 0
    for x, y in data:
        p = sigmoid(sum(wi * xi for wi, xi in zip(w, x, strict=False)) + b)
        loss -= y * math.log(p + 1e-12) + (1 - y) * math.log(1 - p + 1e-12)
        correct += int((p > 0.5) == bool(y))
    return loss / len(data), correct / len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="checkpoints/model.pkl")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    train, val = make_data(800, rng), make_data(200, rng)
    w, b = [0.0] * 4, 0.0
    print(f"Training logistic regression on {len(train)} samples, validating on {len(val)}")
    for epoch in range(1, args.epochs + 1):
        rng.shuffle(train)
        for start in range(0, len(train), args.batch_size):
            batch = train[start:start + args.batch_size]
            grad_w, grad_b = [0.0] * 4, 0.0
            for x, y in batch:
                err = sigmoid(sum(wi * xi for wi, xi in zip(w, x, strict=False)) + b) - y
                grad_w = [g + err * xi for g, xi in zip(grad_w, x, strict=False)]
                grad_b += err
            w = [wi - args.lr * g / len(batch) for wi, g in zip(w, grad_w, strict=False)]
            b -= args.lr * grad_b / len(batch)
        loss, acc = evaluate(w, b, train)
        val_loss, val_acc = evaluate(w, b, val)
        print(f"Epoch {epoch}/{args.epochs} - loss: {loss:.4f} - acc: {acc:.4f}"
              f" - val_loss: {val_loss:.4f} - val_acc: {val_acc:.4f}", flush=True)

    out_dir = os.path.dirname(args.out)
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
    with open(args.out, "wb") as handle:
        pickle.dump({"w": w, "b": b}, handle)
    print(f"Saved weights to {args.out}")


if __name__ == "__main__":
    main()
