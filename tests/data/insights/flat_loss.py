"""Logistic regression whose learning rate is so small that nothing is learned."""
import math
import random

random.seed(0)
data = [([random.gauss(0, 1) for _ in range(4)], random.random() < 0.5) for _ in range(200)]
w = [0.0] * 4
for step in range(1, 31):
    loss, grad = 0.0, [0.0] * 4
    for x, label in data:
        p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x, strict=True))))
        loss -= math.log(p if label else 1 - p)
        for i in range(4):
            grad[i] += (p - label) * x[i]
    w = [a - 1e-9 * g for a, g in zip(w, grad, strict=True)]
    print(f"step {step} loss {loss / len(data):.6f}")
