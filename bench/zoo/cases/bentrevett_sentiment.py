"""Ben Trevett's pytorch-sentiment-analysis tutorial (no pip package, no release: repository
commit 329f654b2cfaed22fee432569ebd7a2674584f79, 2024-01-22, master's last), its notebook
``legacy/1 - Simple Sentiment Analysis.ipynb`` (git blob
ab0f71aa7f3c9408bd0793ff7d98ac921195d0bf, last changed by 18d56faf, the "refactor" that moved
it under ``legacy/``): the notebook that prints the tutorial's ``Epoch: 01 | Epoch Time: ...``
blocks. Its code cells from the data-set counts on (cells 12, 16, 26 .. 49: the counts, the
``RNN`` model, ``count_parameters``, SGD lr 1e-3, ``BCEWithLogitsLoss``, ``binary_accuracy``,
``train``, ``evaluate``, ``epoch_time``, the ``N_EPOCHS = 5`` loop and the test cell) are held
verbatim below (``CELLS``), each checked against git's id of the cell's source text, and run
in order in one namespace (``exec``), as a notebook runs its cells, on the CPU build of torch
2.13.0 with ``OMP_NUM_THREADS=1``; 5 epochs, the notebook's own count. About 5 s.

Data: the notebook's data cells (2 .. 24) need ``torchtext.legacy`` (``data.Field`` with
spaCy's ``en_core_web_sm`` tokenizer, ``datasets.IMDB.splits``, which downloads IMDb, and
``data.BucketIterator.splits``); torchtext 0.11, the last with ``legacy``, needs torch 1.10,
which has no wheel for this Python. So the case stands in for what those cells leave in the
namespace, and nothing else: ``TEXT``/``LABEL`` with a ``vocab`` of 25,002 and 2 entries
(``<unk>``, ``<pad>`` and ``MAX_VOCAB_SIZE`` = 25,000 words: the notebook's size, so the
model is its 2,592,105 parameters), ``train_data``/``valid_data``/``test_data`` (320, 128 and
128 synthetic reviews, token ids 16 .. 64 long from a Zipf-like draw, half labelled 1, each
label with a few cue words of its own; numpy ``default_rng(0)``) and three iterators with
``BucketIterator``'s behaviour (batches of 64 of similar length, ``text`` [sent len, batch]
padded with ``<pad>`` = 1, ``label`` float; the training batches reshuffled each epoch,
seeded); cell 2's ``torch.manual_seed(1234)`` and ``cudnn.deterministic`` are done by the
case. The model, the loop and the prints are the notebook's, unchanged. SGD at 1e-3 learns
nothing in 5 epochs (as in the notebook, whose accuracies stay at 50%): the losses fall
slowly, 0.702 to 0.697, and the model's predictions stay one class, so every batch's
accuracy, and each epoch's mean, is the same (49.69% train, 49.22% valid: the split's
share of one label).

What it prints (stdout only; nothing on stderr)::

 Number of training examples: 320
 Number of validation examples: 128
 Number of testing examples: 128
 Unique tokens in TEXT vocabulary: 25002
 Unique tokens in LABEL vocabulary: 2
 The model has 2,592,105 trainable parameters
 Epoch: 01 | Epoch Time: 0m 0s
 \\tTrain Loss: 0.702 | Train Acc: 49.69%
 \\t Val. Loss: 0.702 |  Val. Acc: 49.22%
 ...
 Epoch: 05 | Epoch Time: 0m 0s
 \\tTrain Loss: 0.697 | Train Acc: 49.69%
 \\t Val. Loss: 0.698 |  Val. Acc: 49.22%
 Test Loss: 0.691 | Test Acc: 50.00%

(``\\t`` is a tab; each epoch's lines are ``f'Epoch: {epoch+1:02} | Epoch Time: {epoch_mins}m
{epoch_secs}s'``, ``f'\tTrain Loss: {train_loss:.3f} | Train Acc: {train_acc*100:.2f}%'``
and ``f'\t Val. Loss: {valid_loss:.3f} |  Val. Acc: {valid_acc*100:.2f}%'``: a tab, and a
space after it on the validation line; the test line is printed after the loop, from the
model with the best validation loss, reloaded from ``tut1-model.pt``: here epoch 5's).

Truth: the tutorial keeps no record (no logger, no history; ``tut1-model.pt`` holds only the
weights), so the values the notebook computes are the record: two lines added to the stock
text (``RECORD_LINES``, no line changed), one right after the epoch's last ``print`` in cell
47, appending ``(epoch+1, train_loss, train_acc, valid_loss, valid_acc)``, one after the
test cell's ``print``, appending ``(test_loss, test_acc)``, to a list the case puts in the
namespace; nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- Names, as printed, by the phase rule: ``Train Loss`` -> ``train_loss``, ``Train Acc`` ->
  ``train_acc``, ``Val. Loss`` -> ``val_loss`` and ``Val. Acc`` -> ``val_acc`` (the phase
  abbreviation's dot dropped, as for ConDSeg's ``\t Val. Loss:`` lines, the same print
  layout), ``Test Loss`` -> ``test_loss``, ``Test Acc`` -> ``test_acc``.
- Accuracies: ``binary_accuracy`` returns each batch's fraction correct (0.8 for 8 of 10;
  its docstring: "NOT 8"), ``train``/``evaluate`` return the mean of the batches' fractions
  (``epoch_acc / len(iterator)``, not the fraction of all examples; here the same, every
  batch being one class's share), and the print multiplies by 100 with a ``%``: docs'
  ``98%`` is the printed number, 98, so the truth is ``100 *`` the fraction, the printed
  scale (the fractions as computed are in ``notes``). Tolerance 5e-3 (``.2f``); the losses'
  5e-4 (``.3f``).
- Axis ``epoch``: the line above, ``Epoch: 01`` (``epoch+1``), 5 points each; the test's one
  point is keyed 5, the loop's last epoch, after which it is printed (its model is the best
  validation epoch's: 5 here).
- ``also_ok``: ``Epoch Time`` (``0m 0s``, the epoch's wall time, minutes and seconds) in the
  spellings a parser may give it.
- Not metrics: the example counts, the vocabulary sizes and the parameter count (counts),
  ``Epoch: 01``.
- Determinism: the notebook seeds torch with 1234; the case's data and shuffles are seeded,
  so the values repeat on the CPU; only the times vary.
"""
# zoo-venv: bentrevett

import random

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "bentrevett/pytorch-sentiment-analysis"
SOURCE_COMMIT = "329f654b2cfaed22fee432569ebd7a2674584f79"
NOTEBOOK = "legacy/1 - Simple Sentiment Analysis.ipynb"
NOTEBOOK_BLOB = "ab0f71aa7f3c9408bd0793ff7d98ac921195d0bf"
SEED = 1234  # the notebook's first cell
MAX_VOCAB_SIZE = 25_000  # cell 14's: TEXT.vocab is <unk>, <pad> and 25,000 words
BATCH_SIZE = 64  # cell 24's
TRAIN, VALID, TEST = 320, 128, 128  # examples (the notebook: 17,500, 7,500 and 25,000)
LENGTHS = (16, 64)  # tokens a review, uniform (IMDb's run to about 2,500)

# the record: lines added right after the prints they keep (cell -> anchor -> the line
# after it); no line of the notebook's text changed
RECORD_LINES = {
    47: {"    print(f'\\t Val. Loss: {valid_loss:.3f} |  Val. Acc: {valid_acc*100:.2f}%')":
         "\n    ZOO_RECORD.append(('epoch', epoch+1, train_loss, train_acc, valid_loss,"
         " valid_acc))  # zoo: the values just printed"},
    49: {"print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')":
         "\nZOO_RECORD.append(('test', test_loss, test_acc))  # zoo: the values just printed"},
}


class Vocab:
    """What the cells read of torchtext's ``Vocab``: ``len()``, ``itos``, ``stoi``."""

    def __init__(self, itos: list[str]) -> None:
        self.itos = itos
        self.stoi = {word: index for index, word in enumerate(itos)}

    def __len__(self) -> int:
        return len(self.itos)


class Field:
    """Stands in for ``data.Field``/``data.LabelField`` after ``build_vocab``."""

    def __init__(self, itos: list[str]) -> None:
        self.vocab = Vocab(itos)


class Batch:
    """A ``BucketIterator`` batch: ``text`` [sent len, batch size] token ids (padded with
    ``<pad>``, 1), ``label`` [batch size] floats (``LabelField(dtype=torch.float)``)."""

    def __init__(self, examples: list[tuple[list[int], int]]) -> None:
        width = max(len(tokens) for tokens, _ in examples)
        text = torch.ones(width, len(examples), dtype=torch.long)
        for column, (tokens, _) in enumerate(examples):
            text[:len(tokens), column] = torch.tensor(tokens)
        self.text = text
        self.label = torch.tensor([float(label) for _, label in examples])


class BucketIterator:
    """``data.BucketIterator``'s behaviour on a split: batches of ``BATCH_SIZE`` examples of
    similar length (sorted by length within the split, as its buckets sort), the training
    split's batch order shuffled every epoch, the others' fixed; ``len()`` is the number of
    batches, which ``train``/``evaluate`` divide by."""

    def __init__(self, examples: list[tuple[list[int], int]], shuffle: bool) -> None:
        ordered = sorted(examples, key=lambda example: len(example[0]))
        self.batches = [Batch(ordered[start:start + BATCH_SIZE])
                        for start in range(0, len(ordered), BATCH_SIZE)]
        self.shuffle = shuffle
        self.random = random.Random(SEED)

    def __iter__(self):
        order = list(range(len(self.batches)))
        if self.shuffle:
            self.random.shuffle(order)
        return iter([self.batches[index] for index in order])

    def __len__(self) -> int:
        return len(self.batches)


def reviews(count: int, rng: np.random.Generator) -> list[tuple[list[int], int]]:
    """Synthetic reviews: token ids of a Zipf-like vocabulary (ids 2 .. 25001), each label
    (0 neg, 1 pos, half each) adding a few words of its own (ids 2..21 for pos, 22..41 for
    neg) so there is a signal to learn."""
    examples = []
    for index in range(count):
        label = index % 2
        length = int(rng.integers(LENGTHS[0], LENGTHS[1] + 1))
        tokens = np.minimum(rng.zipf(1.3, length) + 41, MAX_VOCAB_SIZE + 1)
        cue = rng.random(length) < 0.15
        tokens[cue] = rng.integers(2, 22, int(cue.sum())) + (0 if label else 20)
        examples.append(([int(token) for token in tokens], label))
    rng.shuffle(examples)
    return examples


def main() -> None:
    for index, (blob, text) in CELLS.items():
        if git_blob_id(text) != blob:
            raise SystemExit(f"cell {index} is not {NOTEBOOK}'s at {SOURCE_COMMIT}")
    rng = np.random.default_rng(0)
    train_data, valid_data, test_data = (reviews(count, rng) for count in (TRAIN, VALID, TEST))
    text_field = Field(["<unk>", "<pad>"] + [f"w{i}" for i in range(MAX_VOCAB_SIZE)])
    label_field = Field(["neg", "pos"])
    # the notebook's first cell: seed torch, cudnn deterministic (imports torchtext.legacy)
    torch.manual_seed(SEED)
    torch.backends.cudnn.deterministic = True
    record: list[tuple] = []
    namespace = {
        "__name__": "__main__", "torch": torch, "SEED": SEED, "ZOO_RECORD": record,
        "TEXT": text_field, "LABEL": label_field, "MAX_VOCAB_SIZE": MAX_VOCAB_SIZE,
        "BATCH_SIZE": BATCH_SIZE, "train_data": train_data, "valid_data": valid_data,
        "test_data": test_data, "device": torch.device("cpu"),
        "train_iterator": BucketIterator(train_data, shuffle=True),
        "valid_iterator": BucketIterator(valid_data, shuffle=False),
        "test_iterator": BucketIterator(test_data, shuffle=False),
    }
    for index, (_, text) in CELLS.items():
        text = with_lines(text, RECORD_LINES.get(index, {}))
        exec(compile(text, f"<cell {index}>", "exec"), namespace)
    epochs = [row for row in record if row[0] == "epoch"]
    tests = [row for row in record if row[0] == "test"]
    assert len(epochs) == namespace["N_EPOCHS"] and len(tests) == 1, record

    # --- the truth: the values each print formats, at full precision ---
    last = namespace["N_EPOCHS"]
    _, test_loss, test_acc = tests[0]
    write_truth(
        "pytorch-sentiment-analysis",
        f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} ({NOTEBOOK}; torch {torch.__version__})",
        "the notebook's train_loss, train_acc, valid_loss, valid_acc after each epoch's prints "
        "and test_loss, test_acc after the test print (lines the case adds after them); "
        "accuracies are the notebook's fractions times 100, as printed",
        {"train_loss": series([(e, v) for _, e, v, _, _, _ in epochs], tolerance=5e-4),
         "train_acc": series([(e, 100 * v) for _, e, _, v, _, _ in epochs], tolerance=5e-3),
         "val_loss": series([(e, v) for _, e, _, _, v, _ in epochs], tolerance=5e-4),
         "val_acc": series([(e, 100 * v) for _, e, _, _, _, v in epochs], tolerance=5e-3),
         "test_loss": series([(last, test_loss)], tolerance=5e-4),
         "test_acc": series([(last, 100 * test_acc)], tolerance=5e-3)},
        also_ok=["Epoch Time", "Epoch_Time", "epoch_time"],
        notes="fractions as computed: " + "; ".join(
            f"epoch {e}: train_acc {ta!r}, valid_acc {va!r}" for _, e, _, ta, _, va in epochs)
        + f"; test_acc {test_acc!r}")


# the notebook's code cells from the data-set counts on (cell index -> (git's id of the
# cell's source text, the source)), verbatim at SOURCE_COMMIT
CELLS: dict[int, tuple[str, str]] = {
    12: (
        'f20f321932e9cac6b53072eed0ad9b5bfef6ebdf',
        r'''print(f'Number of training examples: {len(train_data)}')
print(f'Number of validation examples: {len(valid_data)}')
print(f'Number of testing examples: {len(test_data)}')'''),
    16: (
        'ed836a3bc2c2f43ecfcea083ae51515a2c115ff4',
        r'''print(f"Unique tokens in TEXT vocabulary: {len(TEXT.vocab)}")
print(f"Unique tokens in LABEL vocabulary: {len(LABEL.vocab)}")'''),
    26: (
        '055f1d44ff208fa95f238a9138889a94d33d3e48',
        r'''import torch.nn as nn

class RNN(nn.Module):
    def __init__(self, input_dim, embedding_dim, hidden_dim, output_dim):
        
        super().__init__()
        
        self.embedding = nn.Embedding(input_dim, embedding_dim)
        
        self.rnn = nn.RNN(embedding_dim, hidden_dim)
        
        self.fc = nn.Linear(hidden_dim, output_dim)
        
    def forward(self, text):

        #text = [sent len, batch size]
        
        embedded = self.embedding(text)
        
        #embedded = [sent len, batch size, emb dim]
        
        output, hidden = self.rnn(embedded)
        
        #output = [sent len, batch size, hid dim]
        #hidden = [1, batch size, hid dim]
        
        assert torch.equal(output[-1,:,:], hidden.squeeze(0))
        
        return self.fc(hidden.squeeze(0))'''),  # noqa: W293
    28: (
        '360ba68c39622a95ef10d9a60fbe8f46497e25fe',
        r'''INPUT_DIM = len(TEXT.vocab)
EMBEDDING_DIM = 100
HIDDEN_DIM = 256
OUTPUT_DIM = 1

model = RNN(INPUT_DIM, EMBEDDING_DIM, HIDDEN_DIM, OUTPUT_DIM)'''),
    30: (
        'ce34dc4dbbe22f2875dbbd233177cfff6d9baff3',
        r'''def count_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)

print(f'The model has {count_parameters(model):,} trainable parameters')'''),
    33: (
        'bffefa21b31249e9b4d9d36d3d55b0f901daf7fc',
        r'''import torch.optim as optim

optimizer = optim.SGD(model.parameters(), lr=1e-3)'''),
    35: (
        '3d804f1765f48a3c4c65cc01b8f388474cdc9cdd',
        r'''criterion = nn.BCEWithLogitsLoss()'''),
    37: (
        'bb42600a1336b4bb5c1404fd5ab873732cf260f3',
        r'''model = model.to(device)
criterion = criterion.to(device)'''),
    39: (
        'a9186ed45bd0a019c91d30806307ee6790c1da2c',
        r'''def binary_accuracy(preds, y):
    """
    Returns accuracy per batch, i.e. if you get 8/10 right, this returns 0.8, NOT 8
    """

    #round predictions to the closest integer
    rounded_preds = torch.round(torch.sigmoid(preds))
    correct = (rounded_preds == y).float() #convert into float for division 
    acc = correct.sum() / len(correct)
    return acc'''),  # noqa: W291
    41: (
        '91a81256d7152172fe5f8f23543ce56cb78e4ada',
        r'''def train(model, iterator, optimizer, criterion):
    
    epoch_loss = 0
    epoch_acc = 0
    
    model.train()
    
    for batch in iterator:
        
        optimizer.zero_grad()
                
        predictions = model(batch.text).squeeze(1)
        
        loss = criterion(predictions, batch.label)
        
        acc = binary_accuracy(predictions, batch.label)
        
        loss.backward()
        
        optimizer.step()
        
        epoch_loss += loss.item()
        epoch_acc += acc.item()
        
    return epoch_loss / len(iterator), epoch_acc / len(iterator)'''),  # noqa: W293
    43: (
        'f2eea8825e1412db840501d776c77f9b74c0904f',
        r'''def evaluate(model, iterator, criterion):
    
    epoch_loss = 0
    epoch_acc = 0
    
    model.eval()
    
    with torch.no_grad():
    
        for batch in iterator:

            predictions = model(batch.text).squeeze(1)
            
            loss = criterion(predictions, batch.label)
            
            acc = binary_accuracy(predictions, batch.label)

            epoch_loss += loss.item()
            epoch_acc += acc.item()
        
    return epoch_loss / len(iterator), epoch_acc / len(iterator)'''),  # noqa: W293
    45: (
        '2c39dd181de9bd7adcc23f5e21db7799aee4ad06',
        r'''import time

def epoch_time(start_time, end_time):
    elapsed_time = end_time - start_time
    elapsed_mins = int(elapsed_time / 60)
    elapsed_secs = int(elapsed_time - (elapsed_mins * 60))
    return elapsed_mins, elapsed_secs'''),
    47: (
        '1bc2bd3f76d08e0b6fcfed86c291ecb6d87ccd5e',
        r'''N_EPOCHS = 5

best_valid_loss = float('inf')

for epoch in range(N_EPOCHS):

    start_time = time.time()
    
    train_loss, train_acc = train(model, train_iterator, optimizer, criterion)
    valid_loss, valid_acc = evaluate(model, valid_iterator, criterion)
    
    end_time = time.time()

    epoch_mins, epoch_secs = epoch_time(start_time, end_time)
    
    if valid_loss < best_valid_loss:
        best_valid_loss = valid_loss
        torch.save(model.state_dict(), 'tut1-model.pt')
    
    print(f'Epoch: {epoch+1:02} | Epoch Time: {epoch_mins}m {epoch_secs}s')
    print(f'\tTrain Loss: {train_loss:.3f} | Train Acc: {train_acc*100:.2f}%')
    print(f'\t Val. Loss: {valid_loss:.3f} |  Val. Acc: {valid_acc*100:.2f}%')'''),  # noqa: W293
    49: (
        'ef1d4d8f0000db0808420b6f0a4c9a5921ec2941',
        r'''model.load_state_dict(torch.load('tut1-model.pt'))

test_loss, test_acc = evaluate(model, test_iterator, criterion)

print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')'''),
}


if __name__ == "__main__":
    main()
