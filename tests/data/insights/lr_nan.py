"""Linear regression by gradient descent with a learning rate far too large: the loss
grows to inf, then nan."""
xs = [i / 10 for i in range(1, 21)]
ys = [3 * x + 1 for x in xs]
w = b = 0.0
for step in range(1, 81):
    errs = [w * x + b - y for x, y in zip(xs, ys, strict=True)]
    loss = sum(e * e for e in errs) / len(errs)
    print(f"step {step} loss {loss}")
    gw = sum(2 * e * x for e, x in zip(errs, xs, strict=True)) / len(xs)
    gb = sum(2 * e for e in errs) / len(xs)
    w, b = w - 40.0 * gw, b - 40.0 * gb
