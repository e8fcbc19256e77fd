r"""PyTorch's official Quickstart tutorial (pytorch.org/tutorials/beginner/basics/
quickstart_tutorial, ``beginner_source/basics/quickstart_tutorial.py`` of pytorch/tutorials at
afcd669d), run as the tutorial runs it: the same ``NeuralNetwork`` (Flatten, Linear(784, 512),
ReLU, Linear(512, 512), ReLU, Linear(512, 10)), ``nn.CrossEntropyLoss()``, ``torch.optim.SGD(
model.parameters(), lr=1e-3)``, ``batch_size = 64``, unshuffled ``DataLoader``s, its ``train()``
and ``test()`` functions and every print verbatim, 5 epochs, then its save/load/predict
closing. The one change: FashionMNIST (a download) is replaced by a synthetic data set of the
same shape built locally, ``TensorDataset``s of 1x28x28 float images in [0, 1] with int64
labels (19200 train, 2000 test): each image is a quarter of its class's fixed random pattern
plus three quarters uniform noise, so the labels are learnable and the accuracy climbs over
the five epochs without reaching 100% (about 18% to 80%). Seeds fixed (the tutorial sets
none): ``torch.manual_seed(0)`` for the weights, a seeded ``torch.Generator`` for the data.

Printed (stdout): ``Shape of X [N, C, H, W]: torch.Size([64, 1, 28, 28])``, ``Shape of y:
torch.Size([64]) torch.int64``, ``Using cpu device``, the model's repr (``(0):
Linear(in_features=784, out_features=512, bias=True)`` ...), then for each epoch ``Epoch 1``
over a rule of dashes, ``loss: 2.302276  [   64/19200]`` every 100 batches (batches 0, 100
and 200: three lines an epoch; the bracket is ``(batch + 1) * len(X)``, the samples seen so
far in the epoch, over the data set's size), and the test report, one print of two lines and
a blank one: ``Test Error: `` then `` Accuracy: 18.1%, Avg loss: 2.285822 ``; at the end
``Done!``, ``Saved PyTorch Model State to model.pth`` and ``Predicted: "Coat", Actual:
"Coat"``.

Truth: the tutorial computes the values itself and keeps no other record, so the tutorial's
own variables are the record: the case keeps them in Python lists as the loop computes them,
``loss`` (the exact float ``loss.item()`` at each printed batch), ``correct`` (the accuracy
as a fraction) and ``test_loss`` (the mean of the test batches' losses) each epoch. Two lines
append them (in ``train()`` and ``test()``, after the tutorial's own computation, before its
print; ``t`` is the module-level epoch loop's variable); nothing is parsed from stdout.

Judgement calls (docs/metrics.md):
- ``loss: 2.302276`` is named as printed, ``loss``, keyed ``epoch`` (the ``Epoch 1`` line above
  it: a line that shows its epoch reports it for the lines after it that show none). The
  bracket ``[   64/19200]`` is a progress counter (docs' "Words and labels": ``[640/60000]``)
  counting samples within the epoch, restarting each epoch: no step and no metric, so three
  values share each epoch (the counts go in ``notes``). Tolerance 5e-7 (``:>7f``, six
  decimals).
- ``Test Error: \n Accuracy: ...%, Avg loss: ...`` is one print: ``Test Error:`` is the label
  of the test report, a phase label on its own line heading the two values printed under it
  (the phase rule: a phase label prefixes every name after it, the phase word lower-cased and
  a capitalised word lower-cased as docs' ``Training Loss`` -> ``training_loss``; ``Error``
  is the tutorial's heading word, no quantity of its own, it has no value). ``Accuracy`` ->
  ``test_accuracy``; ``Avg loss`` is a phrase (``Avg`` a statistic's word, kept as in
  Ignite's ``Validation Results - Epoch[1] Avg loss`` -> ``validation_avg_loss``) ->
  ``test_avg_loss``. Both keyed ``epoch`` (``t+1``), one value an epoch.
- The accuracy is printed in percent, ``(100*correct):>0.1f``; docs: ``98%`` is the printed
  number, 98, so the truth is ``100 * correct`` (the tutorial's fraction at the printed
  scale), tolerance 0.05 (half the printed decimal). ``Avg loss`` is ``:>8f``: tolerance 5e-7.
- The shapes, the model's repr (``in_features=784``), ``Done!``, the saved file's name and
  the prediction are no metrics: none is expected. ``model.pth`` is a checkpoint, no metric
  file (``files`` empty).
"""

# zoo-venv: tb

import torch
from _truth import series, write_truth
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

# the tutorial's own values as its loop computes them (the record; see the docstring)
loss_record: list[tuple[int, int, float]] = []  # (epoch, current, loss.item())
test_record: list[tuple[int, float, float]] = []  # (epoch, correct, test_loss)

# FashionMNIST's shapes and types, built here (the tutorial downloads the data set)
generator = torch.Generator().manual_seed(0)
patterns = torch.rand(10, 1, 28, 28, generator=generator)


def synthetic_fashion_mnist(n):
    labels = torch.randint(0, 10, (n,), generator=generator)
    noise = torch.rand(n, 1, 28, 28, generator=generator)
    return TensorDataset(0.25 * patterns[labels] + 0.75 * noise, labels)


training_data = synthetic_fashion_mnist(19200)
test_data = synthetic_fashion_mnist(2000)

# --- the tutorial from here, verbatim but for the two record lines ---

batch_size = 64

# Create data loaders.
train_dataloader = DataLoader(training_data, batch_size=batch_size)
test_dataloader = DataLoader(test_data, batch_size=batch_size)

for X, y in test_dataloader:
    print(f"Shape of X [N, C, H, W]: {X.shape}")
    print(f"Shape of y: {y.shape} {y.dtype}")
    break

# Get cpu, gpu or mps device for training.
device = (
    "cuda"
    if torch.cuda.is_available()
    else "mps"
    if torch.backends.mps.is_available()
    else "cpu"
)
print(f"Using {device} device")


# Define model
class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28*28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10)
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits


model = NeuralNetwork().to(device)
print(model)

loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)


def train(dataloader, model, loss_fn, optimizer):
    size = len(dataloader.dataset)
    model.train()
    for batch, (X, y) in enumerate(dataloader):
        X, y = X.to(device), y.to(device)

        # Compute prediction error
        pred = model(X)
        loss = loss_fn(pred, y)

        # Backpropagation
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

        if batch % 100 == 0:
            loss, current = loss.item(), (batch + 1) * len(X)
            loss_record.append((t + 1, current, loss))  # the record (t: the epoch loop's)
            print(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")


def test(dataloader, model, loss_fn):
    size = len(dataloader.dataset)
    num_batches = len(dataloader)
    model.eval()
    test_loss, correct = 0, 0
    with torch.no_grad():
        for X, y in dataloader:
            X, y = X.to(device), y.to(device)
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    test_loss /= num_batches
    correct /= size
    test_record.append((t + 1, correct, test_loss))  # the record
    print(f"Test Error: \n Accuracy: {(100*correct):>0.1f}%, Avg loss: {test_loss:>8f} \n")


epochs = 5
for t in range(epochs):
    print(f"Epoch {t+1}\n-------------------------------")
    train(train_dataloader, model, loss_fn, optimizer)
    test(test_dataloader, model, loss_fn)
print("Done!")

torch.save(model.state_dict(), "model.pth")
print("Saved PyTorch Model State to model.pth")

model = NeuralNetwork().to(device)
model.load_state_dict(torch.load("model.pth", weights_only=True))

classes = [
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
]

model.eval()
x, y = test_data[0][0], test_data[0][1]
with torch.no_grad():
    x = x.to(device)
    pred = model(x)
    predicted, actual = classes[pred[0].argmax(0)], classes[y]
    print(f'Predicted: "{predicted}", Actual: "{actual}"')

# --- the truth: the tutorial's own variables, as the loop computed them ---

assert len(loss_record) == epochs * 3 and len(test_record) == epochs, (loss_record, test_record)
write_truth(
    "pytorch", torch.__version__,
    "the Quickstart tutorial's own variables as its loop computed them: loss.item() at each "
    "printed batch, correct (a fraction) and test_loss each epoch",
    {
        "loss": series([(epoch, loss) for epoch, _, loss in loss_record], "epoch",
                       tolerance=5e-7),
        # printed as (100*correct):>0.1f with a % sign: the printed number, in percent
        "test_accuracy": series([(epoch, 100 * correct) for epoch, correct, _ in test_record],
                                "epoch", tolerance=0.05),
        "test_avg_loss": series([(epoch, value) for epoch, _, value in test_record], "epoch",
                                tolerance=5e-7),
    },
    notes="loss: three printed batches an epoch, the bracket's samples seen in the epoch "
          f"{sorted({current for _, current, _ in loss_record})} of {len(training_data)} "
          "(a progress counter, restarting each epoch, no step)")
