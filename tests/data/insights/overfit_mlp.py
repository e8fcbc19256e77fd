"""An MLP on 16 noisy examples: the training loss falls, the validation loss rises."""
import numpy as np

rng = np.random.default_rng(0)
X = rng.normal(size=(16, 8))
y = (X[:, 0] + rng.normal(scale=1.0, size=16) > 0).astype(float)
Xv = rng.normal(size=(200, 8))
yv = (Xv[:, 0] + rng.normal(scale=1.0, size=200) > 0).astype(float)
W1 = rng.normal(scale=0.5, size=(8, 64))
W2 = rng.normal(scale=0.5, size=(64,))


def forward(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    h = np.tanh(a @ W1)
    return h, 1 / (1 + np.exp(-(h @ W2)))


def bce(p: np.ndarray, t: np.ndarray) -> float:
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))


for epoch in range(1, 41):
    for _ in range(3):
        h, p = forward(X)
        g = (p - y) / len(y)
        grad_w2 = h.T @ g
        grad_w1 = X.T @ (np.outer(g, W2) * (1 - h ** 2))
        W1 -= 0.3 * grad_w1
        W2 -= 0.3 * grad_w2
    print(f"epoch {epoch} loss {bce(forward(X)[1], y):.4f} val_loss {bce(forward(Xv)[1], yv):.4f}")
