"""Andrej Karpathy's micrograd (PyPI ``micrograd`` 0.1.0, whose ``engine.py``, ``nn.py`` and
``__init__.py`` are the files of karpathy/micrograd at c911406e
(c911406e5ace8742e5841a7e0df113ecb5d54685, 2020-04-18, "add setup.py to allow registering
micrograd as package under pypi", the commit its ``setup.py`` says 0.1.0 at; checked byte for
byte against the installed package) with numpy 2.4.6, scikit-learn 1.9.1 (``make_moons``)
and matplotlib 3.11.2 (Agg), on the machine's Python 3.11: the repository's ``demo.ipynb``
(blob b8c12531 at that commit; the notebook last changed in 9fd9cc02, 2020-04-14), its code
cells 1-7 held verbatim below (``CELLS``), each checked against the sha1 of that cell's
source in the notebook, and run in order in one namespace as ``jupyter nbconvert --to
script`` turns them into a script (no cell's last value displayed; the one IPython magic,
``%matplotlib inline``, is left out: ``MPLBACKEND=Agg``). Cell 4 draws the moons with
``plt.scatter`` (to no screen), cell 8 (the decision boundary plot) is not run.

The run: ``np.random.seed(1337)``, ``random.seed(1337)`` (cell 3: the notebook's own seeds;
``make_moons(n_samples=100, noise=0.1)`` draws from numpy's global state, micrograd's
``Neuron`` from ``random``), an ``MLP(2, [16, 16, 1])`` of 337 parameters, the SVM
max-margin loss with L2 regularisation over all 100 points (``loss()``, batch_size None),
and cell 7's SGD loop, ``for k in range(100)`` with ``learning_rate = 1.0 - 0.9*k/100``.
micrograd is scalar autograd in pure Python: a step takes about 2 s of CPU here (100 steps
over 3 minutes), so the loop stops after ``STEPS`` = 20 steps: a line the case adds after
the loop's print (``if k + 1 == ZOO_STEPS: break``), as a user interrupts the cell; the
steps it runs are the notebook's first 20 (the learning rate still counts in hundredths),
and its values are the ones the notebook's saved output shows (``step 0 loss
0.8958441028683222, accuracy 50.0%``, ``step 1 loss 1.7235905336972022, accuracy 81.0%``,
...; the same accuracies, the losses from step 4 on differing in the last digit or two,
``0.3692793385976537`` where the notebook has ``...538``: floating-point sums of another
numpy). The last digit or two of a loss also vary from run to run: ``Value.backward`` walks
each node's ``_prev``, a set ordered by object ids, so gradients add up in a varying order;
the accuracies repeat. About 40 s of CPU.

What it prints (stdout, the same in both modes)::

    MLP of [Layer of [ReLUNeuron(2), ...], Layer of [ReLUNeuron(16), ...], Layer of [...]]
    number of parameters 337
    Value(data=0.8958441028683222, grad=0) 0.5
    step 0 loss 0.8958441028683222, accuracy 50.0%
    step 1 loss 1.7235905336972022, accuracy 81.0%
    ...
    step 19 loss 0.1845374874688392, accuracy 93.0%

(cell 5's ``print(model)`` and parameter count, cell 6's ``print(total_loss, acc)``: the
loss before training as micrograd's ``Value`` repr and the accuracy as a fraction, then
cell 7's f-string ``f"step {k} loss {total_loss.data}, accuracy {acc*100}%"`` a step:
Python's shortest repr of the float, no rounding).

Truth: micrograd keeps no record (no logger, no history: ``Value`` holds only the last
graph), so the values the loop computes are the record: lines added to cell 7 after its
print (``RECORD_LINES``, no line changed) append ``(k, total_loss.data, acc)`` to a list
the case passes in; nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- Names as printed: ``loss`` (``total_loss.data``, the data loss plus the L2 term) and
  ``accuracy``, axis ``step`` (``k``, from 0), 20 values each.
- ``accuracy`` is a percentage, as printed: ``loss()`` returns ``acc`` as a fraction
  (``sum(accuracy) / len(accuracy)``, 0.5) and the print shows ``acc*100`` with ``%``; the
  truth keeps ``acc*100`` (the printed number, ``50.0``), the unit exptrack records.
- Tolerances: none (exact): both values print at full precision (``{total_loss.data}`` is
  numpy float64's shortest repr, ``{acc*100}`` likewise).
- Not metrics: cell 6's ``Value(data=0.8958441028683222, grad=0) 0.5`` (an object's repr:
  the same loss as step 0's, before the loop, and the fraction ``acc`` with no name),
  ``number of parameters 337`` (the model's size) and the ``MLP of [...]`` repr.
- ``also_ok``: none (nothing timed is printed).
"""
# zoo-venv: micrograd

import hashlib
import os
import sys
from importlib.metadata import version

os.environ.setdefault("MPLBACKEND", "Agg")  # the notebook's `%matplotlib inline`: no screen

from _truth import series, write_truth
from _verbatim import with_lines

SOURCE_REPO = "karpathy/micrograd"
SOURCE_COMMIT = "c911406e5ace8742e5841a7e0df113ecb5d54685"
NOTEBOOK_BLOB = "b8c1253167a27bdba9433136d76fe4c5d0503614"  # demo.ipynb at SOURCE_COMMIT
STEPS = 20  # of cell 7's range(100)
MAGIC = "\n%matplotlib inline"  # cell 1's IPython magic, not Python: left out

# the record: lines added to cell 7 right after its print (anchor -> the anchor and the
# lines after it); no line of the cell changed
RECORD_LINES = {
    '        print(f"step {k} loss {total_loss.data}, accuracy {acc*100}%")\n':
        "    ZOO_RECORD.append((k, total_loss.data, acc))  # zoo: the values just printed\n"
        "    if k + 1 == ZOO_STEPS:  # zoo: stop after ZOO_STEPS steps\n"
        "        break\n",
}


def main() -> None:
    namespace: dict = {"__name__": "__main__", "ZOO_STEPS": STEPS}
    record: list = []
    namespace["ZOO_RECORD"] = record
    for index, source in CELLS.items():
        if hashlib.sha1(source.encode("utf-8")).hexdigest() != CELL_SHA1[index]:
            sys.exit(f"cell {index} is not demo.ipynb's of {SOURCE_REPO} at {SOURCE_COMMIT}")
        if index == 1:
            source = source.replace(MAGIC, "")
        if index == 7:
            source = with_lines(source, RECORD_LINES)
        exec(compile(source, f"demo.ipynb cell {index}", "exec"), namespace)
    sys.stdout.flush()
    assert [row[0] for row in record] == list(range(STEPS)), record
    write_truth(
        "micrograd", version("micrograd"),
        f"{SOURCE_REPO} demo.ipynb at {SOURCE_COMMIT[:8]}: cell 7's total_loss.data and "
        "acc*100 at each step, kept by lines added after its print (RECORD_LINES): micrograd "
        "keeps no record of its own",
        {"loss": series([(k, float(loss)) for k, loss, _ in record], "step"),
         "accuracy": series([(k, float(acc * 100)) for k, _, acc in record], "step")},
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT}; micrograd {version('micrograd')}, numpy "
              f"{version('numpy')}, scikit-learn {version('scikit-learn')}, matplotlib "
              f"{version('matplotlib')}; the first {STEPS} of the notebook's 100 steps; "
              "accuracy in percent as printed (acc*100; loss() returns the fraction)")


# demo.ipynb's code cells 1-7 at SOURCE_COMMIT, verbatim (each cell's source, its lines
# joined as the notebook's JSON lists them)
CELLS = {
    1: r'''import random
import numpy as np
import matplotlib.pyplot as plt
%matplotlib inline''',
    2: r'''from micrograd.engine import Value
from micrograd.nn import Neuron, Layer, MLP''',
    3: r'''np.random.seed(1337)
random.seed(1337)''',
    4: r'''# make up a dataset

from sklearn.datasets import make_moons, make_blobs
X, y = make_moons(n_samples=100, noise=0.1)

y = y*2 - 1 # make y be -1 or 1
# visualize in 2D
plt.figure(figsize=(5,5))
plt.scatter(X[:,0], X[:,1], c=y, s=20, cmap='jet')''',
    5: r'''# initialize a model 
model = MLP(2, [16, 16, 1]) # 2-layer neural network
print(model)
print("number of parameters", len(model.parameters()))''',  # noqa: W291
    6: r'''# loss function
def loss(batch_size=None):
    
    # inline DataLoader :)
    if batch_size is None:
        Xb, yb = X, y
    else:
        ri = np.random.permutation(X.shape[0])[:batch_size]
        Xb, yb = X[ri], y[ri]
    inputs = [list(map(Value, xrow)) for xrow in Xb]
    
    # forward the model to get scores
    scores = list(map(model, inputs))
    
    # svm "max-margin" loss
    losses = [(1 + -yi*scorei).relu() for yi, scorei in zip(yb, scores)]
    data_loss = sum(losses) * (1.0 / len(losses))
    # L2 regularization
    alpha = 1e-4
    reg_loss = alpha * sum((p*p for p in model.parameters()))
    total_loss = data_loss + reg_loss
    
    # also get accuracy
    accuracy = [(yi > 0) == (scorei.data > 0) for yi, scorei in zip(yb, scores)]
    return total_loss, sum(accuracy) / len(accuracy)

total_loss, acc = loss()
print(total_loss, acc)''',  # noqa: W293
    7: r'''# optimization
for k in range(100):
    
    # forward
    total_loss, acc = loss()
    
    # backward
    model.zero_grad()
    total_loss.backward()
    
    # update (sgd)
    learning_rate = 1.0 - 0.9*k/100
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    
    if k % 1 == 0:
        print(f"step {k} loss {total_loss.data}, accuracy {acc*100}%")
''',  # noqa: W293
}

# the sha1 of each cell's source in demo.ipynb at SOURCE_COMMIT
CELL_SHA1 = {
    1: "b2185b25fec0abd232338806a5f6e6a7e161868a",
    2: "e82a07b7ebe8b64eee324a9582a3f69264592ff4",
    3: "6ef46dac0f66be56bf7ee746a35683230dd7e14e",
    4: "26944c8ef6c686366de275d6d23a0a4573c6cef7",
    5: "c0b3e23f6c60e27bef490eb2fce0b2642d7ed605",
    6: "9b929203a8f59f3cb6d5e63b2e6bb873d59480b5",
    7: "fe57de24a9eaea65d5f56a03695ee1a1760a5285",
}


if __name__ == "__main__":
    main()
