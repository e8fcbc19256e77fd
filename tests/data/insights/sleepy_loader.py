"""A training loop whose data loader sleeps while the model waits for each batch."""
import time

w = 0.0
for step in range(1, 16):
    time.sleep(0.2)  # the loader: reading and decoding a batch, slowly
    batch = [(i / 10, 2 * i / 10) for i in range(10)]
    grad = sum(2 * (w * x - y) * x for x, y in batch) / len(batch)
    w -= 0.1 * grad
    print(f"step {step} loss {sum((w * x - y) ** 2 for x, y in batch) / len(batch):.4f}")
