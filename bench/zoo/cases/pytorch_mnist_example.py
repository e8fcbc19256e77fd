"""PyTorch's official MNIST example, ``mnist/main.py`` of pytorch/examples at 77f55b91
(77f55b912142e11fcfdf5b530231fb9c52f181e8, 2025-08-25; the file last changed by d0b7e370,
2025-07-09; held verbatim below as ``MAIN_PY``, checked against its git blob id
dee5a384cb2c43acf7c7ce8e521330ccd01c6e92), run as its README runs it (``python main.py``),
shorter: ``python main.py --epochs 2 --log-interval 2``. Every other argument at its default:
``--batch-size 64``, ``--test-batch-size 1000``, Adadelta at ``--lr 1.0`` with ``StepLR``
(``--gamma 0.7`` an epoch), ``--seed 1``; no accelerator here, so the CPU with the example's
plain loaders (no workers, no shuffling).
The data: ``datasets.MNIST('../data', train=True, download=True)`` finds its four raw files
already in ``../data/MNIST/raw/`` (``_check_exists`` only asks that they exist) and downloads
nothing, so the script runs unchanged. The case writes them there in MNIST's own IDX format
(``train-images-idx3-ubyte`` and the rest, uncompressed, as the download leaves them): 600
training and 100 test images, 28x28 uint8, labels 0..9, each image one of ten fixed random
stroke patterns shifted by up to two pixels, with noise (numpy, seed 0), so the loss falls.
The layout is the repository's: the script at ``mnist/main.py`` under the run's cwd, run
in-process from ``mnist/`` (``runpy`` as ``__main__``, ``sys.argv`` as above), so
``../data`` is the cwd's ``data/``. About 5 s of training on one thread; the seed repeats
it exactly (CPU), pipe and pty alike, and nothing printed is a time.

What it prints (stdout), per epoch five training lines (10 batches of 64, the last 24; one
at every second batch, ``batch_idx % 2 == 0``) and the test result between blank lines::

    Train Epoch: 1 [0/600 (0%)]	Loss: 2.307197
    Train Epoch: 1 [128/600 (20%)]	Loss: 2.439726
    ...
    Train Epoch: 1 [512/600 (80%)]	Loss: ...

    Test set: Average loss: 0.8583, Accuracy: 70/100 (70%)

Truth: the example keeps no record (no logger, no history; ``--save-model`` is off), so its
own values are the record, as in ``pytorch_word_lm``: two lines added to ``main.py`` (marked
``# zoo:``; nothing else changed), each right after the example prints its value, keep
``(epoch, batch_idx * len(data), loss.item())`` at each training print and ``(test_loss,
correct, len(test_loader.dataset))`` after ``test_loss /= len(test_loader.dataset)`` in a
dict the case passes in (``runpy``'s ``init_globals``); nothing is parsed from stdout.
Judgement calls (docs/metrics.md):
- Names: the example keeps no keys, so each is named as its printed words by the docs'
  rule. ``Loss`` on the training line: ``Train Epoch:`` is the label of the loop's progress
  line, naming its mode, which prefixes nothing (docs, "Phases": "a label that names the
  mode of a progress line does not"; round ``tune55``: "PyTorch MNIST's ``Train Epoch: 1
  [0/60000 (0%)]`` stays the loop's mode"), so ``Loss`` as printed, not ``train_loss``.
  ``Test set: Average loss:`` -> ``test_loss`` and ``Accuracy:`` -> ``test_accuracy``
  (docs/config.md names exactly these two for this line; metrics.md: "the MNIST example's
  ``Test set: Average loss: 0.03`` stays ``test_loss``").
- ``Loss``: ``loss.item()`` of the printed batch (the batch's mean NLL, not a running
  mean); 10 points, tolerance 5e-7 (``{:.6f}``). Keyed ``step`` at the printed sample count
  ``batch_idx * len(data)`` (0, 128, ..., 512), which starts again each epoch (docs: "a
  printed step that starts again each epoch ... the epoch's samples"); the epoch of each is
  in ``notes``. ``600`` is the data set's size and the ``(20%)`` the epoch's progress: no
  metrics.
- ``test_loss``: the summed NLL over the test set divided by its size, as computed;
  tolerance 5e-5 (``{:.4f}``). ``test_accuracy``: ``100. * correct / len(dataset)``, the
  percentage the example prints in parentheses (``({:.0f}%)``; the ``70/100`` before it is
  the same quantity as a count), tolerance 0.5 (rounded to a whole percent). Both keyed
  ``epoch`` 1 and 2 (the example's 1-based epoch, the test run after each).
- Nothing is timed; ``lr`` is not printed.
"""

# zoo-venv: ptvision

import os
import runpy
import sys
from pathlib import Path

import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from _verbatim import write_mnist as synthetic_mnist

SOURCE_REPO, SOURCE_COMMIT = "pytorch/examples", "77f55b912142e11fcfdf5b530231fb9c52f181e8"
BLOB = "dee5a384cb2c43acf7c7ce8e521330ccd01c6e92"  # mnist/main.py at SOURCE_COMMIT
ARGV = ["main.py", "--epochs", "2", "--log-interval", "2"]
N_TRAIN, N_TEST = 600, 100
# the record: two lines added to main.py, each after the example's print of the value
# (anchor -> the anchor and the line after it)
RECORD_LINES = {
    "                100. * batch_idx / len(train_loader), loss.item()))\n":
        '            RECORD["train"].append((epoch, batch_idx * len(data), loss.item()))'
        "  # zoo: the record\n",
    "    test_loss /= len(test_loader.dataset)\n":
        '    RECORD["test"].append((test_loss, correct, len(test_loader.dataset)))'
        "  # zoo: the record\n",
}




def write_mnist(raw: Path) -> None:
    """``_verbatim.write_mnist``'s synthetic MNIST, this case's sizes."""
    synthetic_mnist(raw, N_TRAIN, N_TEST)


# pytorch/examples mnist/main.py at SOURCE_COMMIT, verbatim (blob id above)
MAIN_PY = r'''import argparse
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torchvision import datasets, transforms
from torch.optim.lr_scheduler import StepLR


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = self.conv1(x)
        x = F.relu(x)
        x = self.conv2(x)
        x = F.relu(x)
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.dropout2(x)
        x = self.fc2(x)
        output = F.log_softmax(x, dim=1)
        return output


def train(args, model, device, train_loader, optimizer, epoch):
    model.train()
    for batch_idx, (data, target) in enumerate(train_loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(data)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()
        if batch_idx % args.log_interval == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(train_loader.dataset),
                100. * batch_idx / len(train_loader), loss.item()))
            if args.dry_run:
                break


def test(model, device, test_loader):
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in test_loader:
            data, target = data.to(device), target.to(device)
            output = model(data)
            test_loss += F.nll_loss(output, target, reduction='sum').item()  # sum up batch loss
            pred = output.argmax(dim=1, keepdim=True)  # get the index of the max log-probability
            correct += pred.eq(target.view_as(pred)).sum().item()

    test_loss /= len(test_loader.dataset)

    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(
        test_loss, correct, len(test_loader.dataset),
        100. * correct / len(test_loader.dataset)))


def main():
    # Training settings
    parser = argparse.ArgumentParser(description='PyTorch MNIST Example')
    parser.add_argument('--batch-size', type=int, default=64, metavar='N',
                        help='input batch size for training (default: 64)')
    parser.add_argument('--test-batch-size', type=int, default=1000, metavar='N',
                        help='input batch size for testing (default: 1000)')
    parser.add_argument('--epochs', type=int, default=14, metavar='N',
                        help='number of epochs to train (default: 14)')
    parser.add_argument('--lr', type=float, default=1.0, metavar='LR',
                        help='learning rate (default: 1.0)')
    parser.add_argument('--gamma', type=float, default=0.7, metavar='M',
                        help='Learning rate step gamma (default: 0.7)')
    parser.add_argument('--no-accel', action='store_true',
                        help='disables accelerator')
    parser.add_argument('--dry-run', action='store_true',
                        help='quickly check a single pass')
    parser.add_argument('--seed', type=int, default=1, metavar='S',
                        help='random seed (default: 1)')
    parser.add_argument('--log-interval', type=int, default=10, metavar='N',
                        help='how many batches to wait before logging training status')
    parser.add_argument('--save-model', action='store_true', 
                        help='For Saving the current Model')
    args = parser.parse_args()

    use_accel = not args.no_accel and torch.accelerator.is_available()

    torch.manual_seed(args.seed)

    if use_accel:
        device = torch.accelerator.current_accelerator()
    else:
        device = torch.device("cpu")

    train_kwargs = {'batch_size': args.batch_size}
    test_kwargs = {'batch_size': args.test_batch_size}
    if use_accel:
        accel_kwargs = {'num_workers': 1,
                        'persistent_workers': True,
                       'pin_memory': True,
                       'shuffle': True}
        train_kwargs.update(accel_kwargs)
        test_kwargs.update(accel_kwargs)

    transform=transforms.Compose([
        transforms.ToTensor(),
        transforms.Normalize((0.1307,), (0.3081,))
        ])
    dataset1 = datasets.MNIST('../data', train=True, download=True,
                       transform=transform)
    dataset2 = datasets.MNIST('../data', train=False,
                       transform=transform)
    train_loader = torch.utils.data.DataLoader(dataset1,**train_kwargs)
    test_loader = torch.utils.data.DataLoader(dataset2, **test_kwargs)

    model = Net().to(device)
    optimizer = optim.Adadelta(model.parameters(), lr=args.lr)

    scheduler = StepLR(optimizer, step_size=1, gamma=args.gamma)
    for epoch in range(1, args.epochs + 1):
        train(args, model, device, train_loader, optimizer, epoch)
        test(model, device, test_loader)
        scheduler.step()

    if args.save_model:
        torch.save(model.state_dict(), "mnist_cnn.pt")


if __name__ == '__main__':
    main()
'''  # noqa: W291


if git_blob_id(MAIN_PY) != BLOB:
    sys.exit(f"main.py is not mnist/main.py as stored at {SOURCE_COMMIT}")
run_dir = Path.cwd()
write_mnist(run_dir / "data" / "MNIST" / "raw")
(run_dir / "mnist").mkdir()
(run_dir / "mnist" / "main.py").write_text(with_lines(MAIN_PY, RECORD_LINES), encoding="utf-8")

RECORD: dict[str, list[tuple]] = {"train": [], "test": []}
sys.argv = ARGV
os.chdir(run_dir / "mnist")  # the repository's layout: ../data is the cwd's data/
runpy.run_path("main.py", init_globals={"RECORD": RECORD}, run_name="__main__")
os.chdir(run_dir)

# --- the truth: the example's own values, as its loop computed them ---

train, test = RECORD["train"], RECORD["test"]
assert len(test) == 2 and len(train) == 10, RECORD
epochs = range(1, len(test) + 1)
write_truth(
    "pytorch", torch.__version__,
    f"{SOURCE_REPO} mnist/main.py at {SOURCE_COMMIT[:8]}: the values its loop computes and "
    "prints (it keeps no record file), kept by two lines added beside the prints: "
    "loss.item() at each training print, test_loss and correct after each test",
    {
        "Loss": series([(seen, loss) for _, seen, loss in train], "step", tolerance=5e-7),
        "test_loss": series(zip(epochs, (loss for loss, _, _ in test), strict=True), "epoch",
                            tolerance=5e-5),
        "test_accuracy": series(zip(epochs, (100.0 * correct / size for _, correct, size in test),
                                    strict=True), "epoch", tolerance=0.5),
    },
    notes=f"synthetic MNIST-shaped data: {N_TRAIN} training, {N_TEST} test images; training "
          f"prints at (epoch, samples) {[(epoch, seen) for epoch, seen, _ in train]}; test "
          f"correct {[(correct, size) for _, correct, size in test]}")
