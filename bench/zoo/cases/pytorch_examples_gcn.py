"""PyTorch's official examples' Graph Convolutional Network, ``gcn/main.py`` of pytorch/examples
at 77f55b91 (77f55b912142e11fcfdf5b530231fb9c52f181e8, 2025-08-25, "silence
destroy_proces_group() warning (#1387)"; the file last changed in d47f0f3, "Add `accelerator`
API to GCN example"), held verbatim below and checked against its git blob id, on the CPU
build of torch 2.13.0 with numpy 2.4.6 and requests 2.34.2 (gcn/requirements.txt: torch>=2.6,
torchvision, requests, numpy, unpinned; main.py never imports torchvision, so it is left
out). Run as its README's usage line runs it, shorter and printing more often: ``python
main.py --epochs 40 --val-every 4 --include-bias`` (every other flag at its default: ``--lr
0.01``, ``--l2 5e-4``, ``--dropout-p 0.5``, ``--hidden-dim 16``, ``--seed 42``; no
accelerator here, so ``torch.accelerator.is_available()`` is False and it runs on the CPU),
in-process (``runpy`` as ``__main__``, ``sys.argv`` as above). main.py seeds torch itself
(``torch.manual_seed(42)``: the weights, the ``torch.randperm`` split, dropout), and
``load_cora`` numbers the classes with ``np.unique`` (sorted), so the run repeats exactly
(CPU, one thread); only the times vary. About 4 s, most of it torch's import.

Data: main.py downloads unconditionally: ``requests.get(cora_url, stream=True)`` of LINQS'
``cora.tgz``, then ``tarfile.open(fileobj=tgz_file.raw, mode='r:gz').extractall()`` into the
cwd, and ``load_cora('./cora')`` reads ``cora/cora.content`` and ``cora/cora.cites`` (it does
not look for the folder first, so a folder written beforehand would be overwritten, and
without a network the run fails). So the case builds a ``cora.tgz`` in memory in LINQS'
layout (``cora/README``, ``cora/cora.content``: a line a paper, tab-separated, its integer
id, 100 0/1 word attributes, its class label, one of Cora's seven ``Case_Based`` ..
``Theory``; ``cora/cora.cites``: a line a link, the cited paper's id, the citing paper's id)
and puts a stand-in for ``requests``' HTTP transport (``HTTPAdapter.send``) that answers
exactly that URL with it (status 200, the bytes as the streamed ``raw``) and refuses any
other: main.py's own download and extraction code runs unchanged, nothing leaves the
machine. The graph is synthetic, from numpy's ``default_rng(0)``: 1800 papers (main.py's
split takes ``idx[:1000]`` for test and ``idx[1000:1500]`` for validation, so training gets
the other 300; Cora has 2708), each word present with probability 0.05, or 0.3 among the 16
of its class's vocabulary; each paper cites 3 papers, each of its own class with probability
0.8, else any (repeats and self-citations dropped).

What it prints (stdout; ``Epoch: {epoch:04d} ({time:.4f}s)`` then each value ``{:.4f}``,
every ``--val-every`` epochs, so epochs 4, 8, .., 40)::

    Using cpu device
    Downloading dataset...
    Loading dataset...
    Epoch: 0004 (0.0061s) loss_train: 1.9171 acc_train: 0.3100 loss_val: 1.9199 acc_val: 0.2940
    ...
    Epoch: 0040 (0.0065s) loss_train: 1.1406 acc_train: 0.8467 loss_val: 1.1711 acc_val: 0.8200
    Test set results: loss 1.1781 accuracy 0.8340

and once on stderr, before the first epoch, torch's ``main.py:156: UserWarning: Sparse
invariant checks are implicitly disabled. ...`` with its source line (``load_cora``'s
``torch.sparse_coo_tensor``). ``loss_train``/``acc_train`` come from ``test(...)`` on the
training nodes after the Adam step (eval mode, no dropout), not from the training pass;
``loss_val``/``acc_val`` the same on the validation nodes. The epoch's time in parentheses
is the wall time of ``train_iter``. 16 lines, 1.6 KB, in both modes.

Truth: main.py keeps no record (no logger, no history, no file, no checkpoint), so the values
it computes are the record: two lines added to the stock main.py (``RECORD_LINES``, no line
changed), each right after a ``print``, append what it printed (``loss_train``,
``acc_train``, ``loss_val``, ``acc_val``, the Python floats ``test`` returns; then
``loss_test``, ``acc_test``; full precision) to lists the case passes in (``runpy``'s
``init_globals``); nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- Names as printed, which are also main.py's variable names: ``loss_train``, ``acc_train``,
  ``loss_val``, ``acc_val``, axis ``epoch`` (the printed ``Epoch: 0004``), 10 values each at
  epochs 4, 8, .., 40.
- ``Test set results: loss 1.1781 accuracy 0.8340``: main.py keys nothing (its variables are
  ``loss_test``, ``acc_test``), so the names are the naming rule's for the printed words (a
  phase label with a qualifier prefixes every name after it): ``test_loss`` and
  ``test_accuracy``, one value each, put at the last epoch (40): printed after the loop,
  with no epoch of its own (as ``pygcn_train``'s identical line).
- Tolerances: ``{:.4f}`` -> 5e-5 for all six.
- ``also_ok``: ``time``: the epoch's wall time, printed unnamed in parentheses
  (``(0.0061s)``), kept nowhere.
- Not metrics: ``Epoch: 0004`` (the epoch), ``Using cpu device``, ``Downloading dataset...``,
  ``Loading dataset...``, the warning.
"""
# zoo-venv: ptgcn

import io
import runpy
import sys
import tarfile
from importlib.metadata import version
from pathlib import Path

import numpy as np
import requests
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "pytorch/examples"
SOURCE_COMMIT = "77f55b912142e11fcfdf5b530231fb9c52f181e8"
MAIN_BLOB = "fe19248eb60861b024608fc0db02fc7ae7a849d4"  # gcn/main.py at SOURCE_COMMIT
ARGS = ["--epochs", "40", "--val-every", "4", "--include-bias"]
EPOCHS, VAL_EVERY = 40, 4
CORA_URL = "https://linqs-data.soe.ucsc.edu/public/lbc/cora.tgz"  # main.py's cora_url
NODES, FEATURES = 1800, 100  # main.py's split: test idx[:1000], val [1000:1500], train rest
# Cora's seven classes, as its README lists them
CLASSES = ["Case_Based", "Genetic_Algorithms", "Neural_Networks", "Probabilistic_Methods",
           "Reinforcement_Learning", "Rule_Learning", "Theory"]

# the record: lines added to main.py right after its two prints (anchor -> the anchor and
# the line after it); no line of the stock text changed
RECORD_LINES = {
    "loss_val: {loss_val:.4f} acc_val: {acc_val:.4f}')\n":
        "        ZOO_RECORD.append((epoch, loss_train, acc_train, loss_val, acc_val))"
        "  # zoo: the record\n",
    "print(f'Test set results: loss {loss_test:.4f} accuracy {acc_test:.4f}')":
        "\nZOO_TEST.append((epoch + 1, loss_test, acc_test))  # zoo: the record\n",
}


def cora_tgz(seed: int = 0) -> bytes:
    """``cora.tgz`` as LINQS serves it (``cora/README``, ``cora/cora.content``: a line a
    paper, tab-separated, its id, its 0/1 word attributes, its class label;
    ``cora/cora.cites``: a line a link, the cited paper's id, the citing paper's id), with a
    synthetic graph: each paper cites 3 papers, each of its own class with probability 0.8,
    else any paper; each word is present with probability 0.05, or 0.3 among the 16 of its
    class's vocabulary."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, len(CLASSES), NODES)
    ids = rng.choice(np.arange(1, 1_200_000), NODES, replace=False)  # Cora's are 35..1155073
    prob = np.full((NODES, FEATURES), 0.05)
    block = 16
    for node, label in enumerate(labels):
        start = label * (FEATURES - block) // (len(CLASSES) - 1)
        prob[node, start:start + block] = 0.3
    words = (rng.random((NODES, FEATURES)) < prob).astype(int)
    members = [np.flatnonzero(labels == c) for c in range(len(CLASSES))]
    links: dict[tuple[int, int], None] = {}
    for node in range(NODES):
        for _ in range(3):
            cited = (rng.choice(members[labels[node]]) if rng.random() < 0.8
                     else rng.integers(NODES))
            if cited != node:
                links[(int(ids[cited]), int(ids[node]))] = None
    files = {
        "cora/README": "Synthetic stand-in for the Cora dataset (bench/zoo "
                       "pytorch_examples_gcn): same file layout, generated graph.\n",
        "cora/cora.content": "".join(
            "\t".join([str(ids[node]), *map(str, words[node]), CLASSES[labels[node]]]) + "\n"
            for node in range(NODES)),
        "cora/cora.cites": "".join(f"{cited}\t{citing}\n" for cited, citing in links),
    }
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tgz:
        for name, text in [("cora", None), *files.items()]:
            info = tarfile.TarInfo(name)
            info.mtime = 0
            if text is None:
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                tgz.addfile(info)
            else:
                data = text.encode("utf-8")
                info.size, info.mode = len(data), 0o644
                tgz.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def serve_locally(url: str, body: bytes) -> None:
    """``requests``' HTTP transport answers ``url`` with ``body`` (200, in memory) and
    refuses every other URL: main.py's own ``requests.get(cora_url, stream=True)`` and
    ``tarfile.open(fileobj=tgz_file.raw, ...)`` run unchanged, nothing leaves the machine."""

    def send(adapter: requests.adapters.HTTPAdapter, request: requests.PreparedRequest,
             **kwargs: object) -> requests.Response:
        if request.url != url:
            raise requests.ConnectionError(f"zoo case: no network ({request.url})")
        response = requests.Response()
        response.status_code, response.reason, response.url = 200, "OK", request.url
        response.headers["Content-Type"] = "application/x-gzip"
        response.headers["Content-Length"] = str(len(body))
        response.raw, response.request = io.BytesIO(body), request
        return response

    requests.adapters.HTTPAdapter.send = send  # type: ignore[method-assign]


def main() -> None:
    if git_blob_id(MAIN_PY) != MAIN_BLOB:
        sys.exit(f"main.py is not gcn/main.py of {SOURCE_REPO} at {SOURCE_COMMIT}")
    Path("main.py").write_text(with_lines(MAIN_PY, RECORD_LINES), encoding="utf-8")
    body = cora_tgz()
    serve_locally(CORA_URL, body)
    record: list[tuple[int, float, float, float, float]] = []
    test: list[tuple[int, float, float]] = []
    sys.argv = ["main.py", *ARGS]
    runpy.run_path("main.py", init_globals={"ZOO_RECORD": record, "ZOO_TEST": test},
                   run_name="__main__")
    sys.stdout.flush()
    epochs = [row[0] for row in record]
    assert epochs == list(range(VAL_EVERY, EPOCHS + 1, VAL_EVERY)) and len(test) == 1, (
        epochs, test)
    metrics = {name: series([(row[0], row[1 + i]) for row in record], "epoch",
                            tolerance=5e-5)
               for i, name in enumerate(["loss_train", "acc_train", "loss_val", "acc_val"])}
    metrics["test_loss"] = series([(test[0][0], test[0][1])], "epoch", tolerance=5e-5)
    metrics["test_accuracy"] = series([(test[0][0], test[0][2])], "epoch", tolerance=5e-5)
    write_truth(
        "pytorch (pytorch/examples gcn)", torch.__version__,
        f"{SOURCE_REPO} gcn/main.py at {SOURCE_COMMIT[:8]}: the values it prints, kept by "
        "lines added after its two prints (RECORD_LINES): it keeps no record of its own",
        metrics, also_ok=["time"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT}, torch {torch.__version__}, numpy "
              f"{np.__version__}, requests {version('requests')}; synthetic cora.tgz "
              f"({len(body)} bytes, served to requests in memory): {NODES} papers, "
              f"{len(CLASSES)} classes, {FEATURES} words; main.py's own split of "
              f"torch.randperm: test 1000, validation 500, train {NODES - 1500}")


# gcn/main.py at SOURCE_COMMIT, verbatim (git blob MAIN_BLOB; no newline at its end)
MAIN_PY = r'''import os
import time
import requests
import tarfile
import numpy as np
import argparse

import torch
from torch import nn
import torch.nn.functional as F
from torch.optim import Adam


class GraphConv(nn.Module):
    """
        Graph Convolutional Layer described in "Semi-Supervised Classification with Graph Convolutional Networks".

        Given an input feature representation for each node in a graph, the Graph Convolutional Layer aims to aggregate
        information from the node's neighborhood to update its own representation. This is achieved by applying a graph
        convolutional operation that combines the features of a node with the features of its neighboring nodes.

        Mathematically, the Graph Convolutional Layer can be described as follows:

            H' = f(D^(-1/2) * A * D^(-1/2) * H * W)

        where:
            H: Input feature matrix with shape (N, F_in), where N is the number of nodes and F_in is the number of 
                input features per node.
            A: Adjacency matrix of the graph with shape (N, N), representing the relationships between nodes.
            W: Learnable weight matrix with shape (F_in, F_out), where F_out is the number of output features per node.
            D: The degree matrix.
    """
    def __init__(self, input_dim, output_dim, use_bias=False):
        super(GraphConv, self).__init__()

        # Initialize the weight matrix W (in this case called `kernel`)
        self.kernel = nn.Parameter(torch.Tensor(input_dim, output_dim))
        nn.init.xavier_normal_(self.kernel) # Initialize the weights using Xavier initialization

        # Initialize the bias (if use_bias is True)
        self.bias = None
        if use_bias:
            self.bias = nn.Parameter(torch.Tensor(output_dim))
            nn.init.zeros_(self.bias) # Initialize the bias to zeros

    def forward(self, input_tensor, adj_mat):
        """
        Performs a graph convolution operation.

        Args:
            input_tensor (torch.Tensor): Input tensor representing node features.
            adj_mat (torch.Tensor): Normalized adjacency matrix representing graph structure.

        Returns:
            torch.Tensor: Output tensor after the graph convolution operation.
        """

        support = torch.mm(input_tensor, self.kernel) # Matrix multiplication between input and weight matrix
        output = torch.spmm(adj_mat, support) # Sparse matrix multiplication between adjacency matrix and support
        # Add the bias (if bias is not None)
        if self.bias is not None:
            output = output + self.bias

        return output


class GCN(nn.Module):
    """
    Graph Convolutional Network (GCN) as described in the paper `"Semi-Supervised Classification with Graph 
    Convolutional Networks" <https://arxiv.org/pdf/1609.02907.pdf>`.

    The Graph Convolutional Network is a deep learning architecture designed for semi-supervised node 
    classification tasks on graph-structured data. It leverages the graph structure to learn node representations 
    by propagating information through the graph using graph convolutional layers.

    The original implementation consists of two stacked graph convolutional layers. The ReLU activation function is 
    applied to the hidden representations, and the Softmax activation function is applied to the output representations.
    """
    def __init__(self, input_dim, hidden_dim, output_dim, use_bias=True, dropout_p=0.1):
        super(GCN, self).__init__()

        # Define the Graph Convolution layers
        self.gc1 = GraphConv(input_dim, hidden_dim, use_bias=use_bias)
        self.gc2 = GraphConv(hidden_dim, output_dim, use_bias=use_bias)

        # Define the dropout layer
        self.dropout = nn.Dropout(dropout_p)

    def forward(self, input_tensor, adj_mat):
        """
        Performs forward pass of the Graph Convolutional Network (GCN).

        Args:
            input_tensor (torch.Tensor): Input node feature matrix with shape (N, input_dim), where N is the number of nodes
                and input_dim is the number of input features per node.
            adj_mat (torch.Tensor): Normalized adjacency matrix of the graph with shape (N, N), representing the relationships between
                nodes.

        Returns:
            torch.Tensor: Output tensor with shape (N, output_dim), representing the predicted class probabilities for each node.
        """

        # Perform the first graph convolutional layer
        x = self.gc1(input_tensor, adj_mat)
        x = F.relu(x) # Apply ReLU activation function
        x = self.dropout(x) # Apply dropout regularization

        # Perform the second graph convolutional layer
        x = self.gc2(x, adj_mat)

        # Apply log-softmax activation function for classification
        return F.log_softmax(x, dim=1)


def load_cora(path='./cora', device='cpu'):
    """
    The graph convolutional operation rquires the normalized adjacency matrix: D^(-1/2) * A * D^(-1/2). This step 
    scales the adjacency matrix such that the features of neighboring nodes are weighted appropriately during 
    aggregation. The steps involved in the renormalization trick are as follows:
        - Compute the degree matrix.
        - Compute the inverse square root of the degree matrix.
        - Multiply the inverse square root of the degree matrix with the adjacency matrix.
    """

    # Set the paths to the data files
    content_path = os.path.join(path, 'cora.content')
    cites_path = os.path.join(path, 'cora.cites')

    # Load data from files
    content_tensor = np.genfromtxt(content_path, dtype=np.dtype(str))
    cites_tensor = np.genfromtxt(cites_path, dtype=np.int32)

    # Process features
    features = torch.FloatTensor(content_tensor[:, 1:-1].astype(np.int32)) # Extract feature values
    scale_vector = torch.sum(features, dim=1) # Compute sum of features for each node
    scale_vector = 1 / scale_vector # Compute reciprocal of the sums
    scale_vector[scale_vector == float('inf')] = 0 # Handle division by zero cases
    scale_vector = torch.diag(scale_vector).to_sparse() # Convert the scale vector to a sparse diagonal matrix
    features = scale_vector @ features # Scale the features using the scale vector

    # Process labels
    classes, labels = np.unique(content_tensor[:, -1], return_inverse=True) # Extract unique classes and map labels to indices
    labels = torch.LongTensor(labels) # Convert labels to a tensor

    # Process adjacency matrix
    idx = content_tensor[:, 0].astype(np.int32) # Extract node indices
    idx_map = {id: pos for pos, id in enumerate(idx)} # Create a dictionary to map indices to positions

    # Map node indices to positions in the adjacency matrix
    edges = np.array(
        list(map(lambda edge: [idx_map[edge[0]], idx_map[edge[1]]], 
            cites_tensor)), dtype=np.int32)

    V = len(idx) # Number of nodes
    E = edges.shape[0] # Number of edges
    adj_mat = torch.sparse_coo_tensor(edges.T, torch.ones(E), (V, V), dtype=torch.int64) # Create the initial adjacency matrix as a sparse tensor
    adj_mat = torch.eye(V) + adj_mat # Add self-loops to the adjacency matrix

    degree_mat = torch.sum(adj_mat, dim=1) # Compute the sum of each row in the adjacency matrix (degree matrix)
    degree_mat = torch.sqrt(1 / degree_mat) # Compute the reciprocal square root of the degrees
    degree_mat[degree_mat == float('inf')] = 0 # Handle division by zero cases
    degree_mat = torch.diag(degree_mat).to_sparse() # Convert the degree matrix to a sparse diagonal matrix

    adj_mat = degree_mat @ adj_mat @ degree_mat # Apply the renormalization trick

    return features.to_sparse().to(device), labels.to(device), adj_mat.to_sparse().to(device)

def train_iter(epoch, model, optimizer, criterion, input, target, mask_train, mask_val, print_every=10):
    start_t = time.time()
    model.train()
    optimizer.zero_grad()

    # Forward pass
    output = model(*input) 
    loss = criterion(output[mask_train], target[mask_train]) # Compute the loss using the training mask

    loss.backward()
    optimizer.step()

    # Evaluate the model performance on training and validation sets
    loss_train, acc_train = test(model, criterion, input, target, mask_train)
    loss_val, acc_val = test(model, criterion, input, target, mask_val)

    if epoch % print_every == 0:
        # Print the training progress at specified intervals
        print(f'Epoch: {epoch:04d} ({(time.time() - start_t):.4f}s) loss_train: {loss_train:.4f} acc_train: {acc_train:.4f} loss_val: {loss_val:.4f} acc_val: {acc_val:.4f}')


def test(model, criterion, input, target, mask):
    model.eval()
    with torch.no_grad():
        output = model(*input)
        output, target = output[mask], target[mask]

        loss = criterion(output, target)
        acc = (output.argmax(dim=1) == target).float().sum() / len(target)
    return loss.item(), acc.item()


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='PyTorch Graph Convolutional Network')
    parser.add_argument('--epochs', type=int, default=200,
                        help='number of epochs to train (default: 200)')
    parser.add_argument('--lr', type=float, default=0.01,
                        help='learning rate (default: 0.01)')
    parser.add_argument('--l2', type=float, default=5e-4,
                        help='weight decay (default: 5e-4)')
    parser.add_argument('--dropout-p', type=float, default=0.5,
                        help='dropout probability (default: 0.5)')
    parser.add_argument('--hidden-dim', type=int, default=16,
                        help='dimension of the hidden representation (default: 16)')
    parser.add_argument('--val-every', type=int, default=20,
                        help='epochs to wait for print training and validation evaluation (default: 20)')
    parser.add_argument('--include-bias', action='store_true',
                        help='use bias term in convolutions (default: False)')
    parser.add_argument('--no-accel', action='store_true',
                        help='disables accelerator')
    parser.add_argument('--dry-run', action='store_true',
                        help='quickly check a single pass')
    parser.add_argument('--seed', type=int, default=42, metavar='S',
                        help='random seed (default: 42)')
    args = parser.parse_args()

    use_accel = not args.no_accel and torch.accelerator.is_available()

    torch.manual_seed(args.seed)

    if use_accel:
        device = torch.accelerator.current_accelerator()
    else:
        device = torch.device('cpu')

    print(f'Using {device} device')

    cora_url = 'https://linqs-data.soe.ucsc.edu/public/lbc/cora.tgz'
    print('Downloading dataset...')
    with requests.get(cora_url, stream=True) as tgz_file:
        with tarfile.open(fileobj=tgz_file.raw, mode='r:gz') as tgz_object:
            tgz_object.extractall()

    print('Loading dataset...')
    features, labels, adj_mat = load_cora(device=device)
    idx = torch.randperm(len(labels)).to(device)
    idx_test, idx_val, idx_train = idx[:1000], idx[1000:1500], idx[1500:]

    gcn = GCN(features.shape[1], args.hidden_dim, labels.max().item() + 1, args.include_bias, args.dropout_p).to(device)
    optimizer = Adam(gcn.parameters(), lr=args.lr, weight_decay=args.l2)
    criterion = nn.NLLLoss()

    for epoch in range(args.epochs):
        train_iter(epoch + 1, gcn, optimizer, criterion, (features, adj_mat), labels, idx_train, idx_val, args.val_every)
        if args.dry_run:
            break

    loss_test, acc_test = test(gcn, criterion, (features, adj_mat), labels, idx_test)
    print(f'Test set results: loss {loss_test:.4f} accuracy {acc_test:.4f}')'''  # noqa: E501, W291


if __name__ == "__main__":
    main()
