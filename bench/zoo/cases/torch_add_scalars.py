"""PyTorch's ``torch.utils.tensorboard.SummaryWriter`` as the PyTorch tutorials and countless
training scripts use it: a small regression MLP trained for 5 epochs, the training and
validation loss logged together with ``writer.add_scalars("Loss", {"train": ..., "val":
...}, epoch)`` and the validation MAE with ``writer.add_scalar("MAE/val", ...)``, one line
printed an epoch: ``epoch 3 train loss 0.4123 val loss 0.4567 val mae 0.5012``.

``add_scalars`` writes each key's series to a folder of its own under the writer's
(``runs/exp/Loss_train``, ``runs/exp/Loss_val``), each under the one tag ``Loss``:
TensorBoard shows them as two runs of one chart. Truth: the event files (``files``), read
with ``_records.tb_scalars`` per file; each series named as its folder
(``Loss_train``, ``Loss_val``), the plain tag as written (``MAE/val``), keyed ``step`` as
TensorBoard keeps it (the ``global_step`` passed is the epoch). Judged: the printed ``train
loss`` and ``val loss`` are the same quantities as the ``Loss`` pair (one series each, not
a printed one beside a file's), so with the files read the file's names stand; printed
alone (no files) they are ``train_loss``, ``val_loss``, ``val_mae`` at the printed epoch,
to the printed 4 decimals.
"""

# zoo-venv: tb

import glob
import os

import torch
from _records import tb_scalars
from _truth import series, write_truth
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
x = torch.randn(256, 6)
y = x @ torch.randn(6, 1) + 0.1 * torch.randn(256, 1)
train_x, train_y, val_x, val_y = x[:192], y[:192], x[192:], y[192:]
model = torch.nn.Sequential(torch.nn.Linear(6, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
writer = SummaryWriter("runs/exp")
for epoch in range(1, 6):
    model.train()
    total = 0.0
    for i in range(0, 192, 32):
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(train_x[i:i + 32]), train_y[i:i + 32])
        loss.backward()
        optimizer.step()
        total += loss.item()
    train_loss = total / 6
    model.eval()
    with torch.no_grad():
        prediction = model(val_x)
        val_loss = torch.nn.functional.mse_loss(prediction, val_y).item()
        val_mae = (prediction - val_y).abs().mean().item()
    writer.add_scalars("Loss", {"train": train_loss, "val": val_loss}, epoch)
    writer.add_scalar("MAE/val", val_mae, epoch)
    print(f"epoch {epoch} train loss {train_loss:.4f} val loss {val_loss:.4f} "
          f"val mae {val_mae:.4f}")
writer.close()

files = sorted(glob.glob("runs/exp/**/events.out.tfevents.*", recursive=True))
file_metrics = {}
for path in files:
    folder = os.path.basename(os.path.dirname(path))
    for tag, pairs in tb_scalars([path]).items():
        name = tag + folder[len(tag):] if folder.startswith(tag + "_") else tag
        file_metrics[name] = series(pairs, "step", rel_tolerance=1e-6)
printed = {"train_loss": "Loss_train", "val_loss": "Loss_val", "val_mae": "MAE/val"}
metrics = {name: dict(file_metrics[tag], key="epoch", tolerance=0.00005)
           for name, tag in printed.items()}
write_truth("pytorch", torch.__version__, "SummaryWriter event files under runs/exp (each "
            "add_scalars key's folder)", metrics, files=files, file_metrics=file_metrics)
