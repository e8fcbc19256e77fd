"""A plain PyTorch loop that reports through Python's ``logging`` (a timestamped
``%(asctime)s - %(levelname)s - %(message)s`` format, as tutorials set it up): a line every
5 batches (``Epoch [1/3] Step [5/14] Loss: 0.6931``, the step counted within the epoch), an
epoch summary with the validation accuracy in percent (``Epoch 1 | train_loss: 0.6123 |
val_loss: 0.5912 | val_acc: 71.88%``), then the test accuracy after training. The script is
the framework here: truth is the values it computed, at the printed scale (percent)."""

import logging

import torch
from _truth import series, write_truth
from torch import nn

logging.basicConfig(level=logging.INFO, format="%(asctime)s - %(levelname)s - %(message)s")
log = logging.getLogger("train")

torch.manual_seed(0)
x = torch.randn(576, 8)
y = (x[:, 0] - x[:, 1] > 0).long()
x_train, y_train = x[:448], y[:448]
x_val, y_val = x[448:512], y[448:512]
x_test, y_test = x[512:], y[512:]
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.2)
batches = len(x_train) // 32
step_loss: list[tuple[int, float]] = []
train_loss: list[tuple[int, float]] = []
val_loss: list[tuple[int, float]] = []
val_acc: list[tuple[int, float]] = []
step = 0
for epoch in range(1, 4):
    total = 0.0
    for batch in range(batches):
        start = batch * 32
        loss = nn.functional.cross_entropy(model(x_train[start:start + 32]),
                                           y_train[start:start + 32])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        step += 1
        total += loss.item()
        if (batch + 1) % 5 == 0:
            step_loss.append((step, loss.item()))
            log.info(f"Epoch [{epoch}/3] Step [{batch + 1}/{batches}] Loss: {loss.item():.4f}")
    with torch.no_grad():
        logits = model(x_val)
        v = nn.functional.cross_entropy(logits, y_val).item()
        a = (logits.argmax(-1) == y_val).float().mean().item()
    train_loss.append((epoch, total / batches))
    val_loss.append((epoch, v))
    val_acc.append((epoch, a * 100))
    log.info(f"Epoch {epoch} | train_loss: {total / batches:.4f} | val_loss: {v:.4f} | "
             f"val_acc: {a:.2%}")
with torch.no_grad():
    test = (model(x_test).argmax(-1) == y_test).float().mean().item()
log.info(f"Test accuracy: {test:.2%}")

write_truth(
    "torch", torch.__version__, "the values the loop computed (a plain script, logging)",
    {
        "Loss": series(step_loss, "step", tolerance=5e-5),
        "train_loss": series(train_loss, "epoch", tolerance=5e-5),
        "val_loss": series(val_loss, "epoch", tolerance=5e-5),
        "val_acc": series(val_acc, "epoch", tolerance=5e-3),
        "test_accuracy": {"key": "epoch", "values": [[None, test * 100]], "tolerance": 5e-3},
    },
    notes="Loss: every 5th batch's loss, its step counted within the epoch as printed; "
          "test_accuracy: one value after training, at no epoch")
