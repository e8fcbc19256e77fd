"""A plain PyTorch loop on synthetic data: a tqdm bar per epoch whose postfix shows the
running batch loss (``pbar.set_postfix(loss=...)``) and an epoch-end line printed the way
people do. The script is the framework here: truth is the values it computed."""

import torch
import tqdm
from _truth import series, write_truth
from torch import nn

torch.manual_seed(0)
x = torch.randn(512, 8)
y = (x[:, 0] - x[:, 1] > 0).long()
x_val, y_val = x[448:], y[448:]
x_train, y_train = x[:448], y[:448]
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.2)
batch_losses: list[tuple[int, float]] = []
val_loss: list[tuple[int, float]] = []
val_acc: list[tuple[int, float]] = []
step = 0
for epoch in range(1, 4):
    pbar = tqdm.tqdm(range(0, len(x_train), 32), desc=f"epoch {epoch}")
    for start in pbar:
        loss = nn.functional.cross_entropy(model(x_train[start:start + 32]),
                                           y_train[start:start + 32])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        step += 1
        batch_losses.append((step, loss.item()))
        pbar.set_postfix(loss=loss.item())
    with torch.no_grad():
        logits = model(x_val)
        v = nn.functional.cross_entropy(logits, y_val).item()
        a = (logits.argmax(-1) == y_val).float().mean().item()
    val_loss.append((epoch, v))
    val_acc.append((epoch, a))
    print(f"epoch {epoch}: val_loss {v:.4f} val_acc {a:.4f}")

write_truth(
    "torch", torch.__version__, "the values the loop computed (a plain script)",
    {
        # set_postfix formats floats with 3 significant digits ("0.693", "0.0587") and
        # redraws the bar each call, so every batch shows once (the last one twice: the
        # closing frame repeats it)
        "loss": series(batch_losses, "step", rel_tolerance=5e-3),
        "val_loss": series(val_loss, "epoch", tolerance=5e-5),
        "val_acc": series(val_acc, "epoch", tolerance=5e-5),
    },
    also_ok=["it/s", "s/it"],
)
