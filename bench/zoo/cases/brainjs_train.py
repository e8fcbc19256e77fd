"""brain.js 1.6.1 (npm ``brain.js``, the JavaScript neural-network library: the release npm's
``latest`` tag installs, with gpu.js 1.10.4, thaw.js 2.1.4 and acorn 5.7.4, all plain
JavaScript; the 2.0.0 betas need gpu.js 2 and its native headless-gl) on Node.js 20
(``/usr/bin/node``, v20.20.2), training the two examples of its README: a
``brain.NeuralNetwork({hiddenLayers: [3]})`` on XOR, then a ``brain.recurrent.LSTM()`` on
the README's three strings (``'doe, a deer, a female deer'``, ``'ray, a drop of golden
sun'``, ``'me, a name I call myself'``), each with ``log: true`` and ``logPeriod: 10`` (the
README's default, written out). brain.js is no pip package: the case writes the JavaScript
training script ``train.js`` into its cwd and runs ``node train.js`` with ``subprocess``, its
stdout and stderr let through unchanged, ``NODE_PATH`` set to the ``node_modules`` that npm
installed inside the venv folder (``requirements-brainjs.txt``: ``npm ci`` from
``bench/zoo/brainjs-package.json`` and ``brainjs-package-lock.json``). About 3 s.

The script (``JS_SCRIPT`` below)::

    const net = new brain.NeuralNetwork({hiddenLayers: [3]});
    const nnResult = net.train(xor, {learningRate: 0.6, log: true, logPeriod: 10,
                                     callback: ..., callbackPeriod: 10});
    console.log(nnResult);
    console.log(net.run([1, 0]));
    const lstm = new brain.recurrent.LSTM();
    const lstmResult = lstm.train([...three strings...], {iterations: 100, log: true,
                                  logPeriod: 10, callback: ..., callbackPeriod: 10});
    console.log(lstmResult);
    console.log(lstm.run('doe'));

XOR trains until brain.js's default ``errorThresh`` (0.005) stops it (the default 20000
``iterations`` are far off): 1929 iterations at ``learningRate: 0.6`` (the README's default is
0.3, which takes 4376 and prints twice the lines). The LSTM keeps its defaults (hidden layers
[20, 20], ``learningRate`` 0.01) but stops at ``iterations: 100`` (of 20000), about 2 s.

Seed: brain.js draws its initial weights from ``Math.random`` (``randomWeight()``:
``Math.random() * 0.4 - 0.2``; the recurrent ``RandomMatrix``'s ``randomF``), which Node.js
cannot seed. The script replaces ``Math.random`` with a seeded generator (mulberry32, seed 1)
before it requires brain.js: two runs print the same bytes, and the pipe's and the pty's
values are the same.

What it prints, all on stdout (``console.log``), 206 lines: brain.js's own log line,
``'iterations: ' + status.iterations + ', training error: ' + status.error`` (JavaScript's
shortest round-trip form of the double, up to 17 significant digits), the network's every
10th iteration from 10 (``NeuralNetwork.trainingTick`` increments the count, then logs when
``iterations % logPeriod === 0``: 192 lines), then the LSTM's from 0 (``RNN.train``'s loop
logs ``i`` before its increment: 0, 10, ..., 90)::

    iterations: 10, training error: 0.26773811593627617
    ...
    iterations: 1920, training error: 0.0050948553174366
    { error: 0.004999530466286123, iterations: 1929 }
    Float32Array(1) [ 0.93305903673172 ]
    iterations: 0, training error: 0.2607457521727539
    iterations: 10, training error: 0.10808014703102693
    ...
    iterations: 90, training error: 0.011777366875958374
    { error: 0.011447498023211426, iterations: 100 }
    , a deer, a female deer

The ``{ ... }`` lines are the script's ``console.log`` of each ``train()`` result (Node's
``util.inspect``; under the pty Node colours the numbers: ``{ error:
\\x1b[33m0.004999530466286123\\x1b[39m, iterations: \\x1b[33m1929\\x1b[39m }``, and the
Float32Array's), then the XOR net's output for ``[1, 0]`` and the LSTM's prediction for
``'doe'``. The network's error is the mean over the four patterns of the output layer's mean
squared error (``calculateTrainingError``, a training pass that sums ``trainPattern``'s
``mse``); the LSTM's is the mean over the strings of ``2 ** (log2 perplexity / (length - 1))
/ 100`` (``RNN.trainInput``).

Truth: brain.js's own record: its ``callback`` training option, called every
``callbackPeriod`` iterations (10, equal to ``logPeriod``) with ``{iterations, error}``, the
very status the log line printed (``trainingTick`` computes ``status.error`` afresh at a
logged iteration and hands the callback that status; ``RNN.train`` passes the iteration's
mean error to both), kept in a list by the script and written with ``JSON.stringify`` (the
same shortest round-trip form) to ``brainjs_record.json``, with the ``{error, iterations}``
each ``train()`` returned; read back here. The case checks one callback per log period
(10..1920 and 0..90). Nothing is parsed from stdout. That file is the case's dump, not a file
brain.js writes: not in ``files``.

Judgement calls:
- Name: ``training_error``, the printed ``training error`` by docs/metrics.md's rule (after a
  phase word ``error`` is a metric: ``training error: 0.03`` -> ``training_error``); brain.js
  keys it ``error`` in the callback's status. The network's and the LSTM's lines print the
  same words, so by the naming rule they are ONE series in print order (as
  ``pytorch_cifar_main`` pools its train and test bars), 202 points: the network's 192
  (steps 10..1920), then the LSTM's 10 (steps 0..90; the step goes back to 0 there).
- ``error``: the ``train()`` results the script prints, ``{ error: ..., iterations: N }``,
  brain.js's own return value, named as printed (brain.js's key): one series of two points
  at each result's ``iterations``: the network's error at iteration 1929, the one that met
  ``errorThresh`` (no log line shows that status), and the LSTM's at its last iteration (99;
  the result counts 100), between log lines. A result is the training's final status, not a
  repeat of a printed value, so it is a series of its own, not ``also_ok``.
- Key ``step``: ``iterations`` is the loop's count, no metric (in the results too).
- Counts: every log line is a point (one callback per line, the same period).
- Tolerance: none. JavaScript prints and ``JSON.stringify`` writes the shortest string that
  reads back as the same double, and Python reads the same double.
- Not metrics: ``Float32Array(1) [ 0.93305903673172 ]`` (the net's output for one input,
  unnamed) and the predicted string.
- Nothing timed, no throughput or schedule is printed: ``also_ok`` empty.
"""
# zoo-venv: brainjs

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth

LOG_PERIOD = 10
LSTM_ITERATIONS = 100

JS_SCRIPT = r"""
// Seeded Math.random (mulberry32): brain.js draws its initial weights from Math.random,
// which Node cannot seed; replaced before brain.js is loaded
let seed = 1;
Math.random = function () {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const fs = require('fs');
const brain = require('brain.js');

// the record: brain.js's training callback, every callbackPeriod iterations
const record = {brainjs: require('brain.js/package.json').version, node: process.version,
                nn: [], lstm: []};

const xor = [
  {input: [0, 0], output: [0]},
  {input: [0, 1], output: [1]},
  {input: [1, 0], output: [1]},
  {input: [1, 1], output: [0]},
];
const net = new brain.NeuralNetwork({hiddenLayers: [3]});
const nnResult = net.train(xor, {
  learningRate: 0.6,
  log: true,
  logPeriod: @PERIOD@,
  callback: (status) => record.nn.push({iterations: status.iterations, error: status.error}),
  callbackPeriod: @PERIOD@,
});
console.log(nnResult);
console.log(net.run([1, 0]));

const lstm = new brain.recurrent.LSTM();
const lstmResult = lstm.train([
  'doe, a deer, a female deer',
  'ray, a drop of golden sun',
  'me, a name I call myself',
], {
  iterations: @LSTM_ITERATIONS@,
  log: true,
  logPeriod: @PERIOD@,
  callback: (status) => record.lstm.push({iterations: status.iterations, error: status.error}),
  callbackPeriod: @PERIOD@,
});
console.log(lstmResult);
console.log(lstm.run('doe'));

record.nnResult = nnResult;
record.lstmResult = lstmResult;
fs.writeFileSync('brainjs_record.json', JSON.stringify(record));
""".replace("@PERIOD@", str(LOG_PERIOD)).replace("@LSTM_ITERATIONS@", str(LSTM_ITERATIONS))

node = shutil.which("node")
if node is None:
    sys.exit("brainjs_train: needs Node.js (`node`) on PATH")
modules = Path(sys.prefix) / "node_modules"
if not (modules / "brain.js").is_dir():
    sys.exit(f"brainjs_train: no brain.js under {modules} (npm ci, see "
             "bench/zoo/requirements-brainjs.txt)")
Path("train.js").write_text(JS_SCRIPT.lstrip(), encoding="utf-8")
subprocess.run([node, "train.js"], check=True, env={**os.environ, "NODE_PATH": str(modules)})

with open("brainjs_record.json", encoding="utf-8") as handle:
    record = json.load(handle)

nn, lstm = record["nn"], record["lstm"]
nn_result, lstm_result = record["nnResult"], record["lstmResult"]
# one callback per log line: the network's every 10th iteration up to its stop, the LSTM's
# i = 0, 10, ..., 90
assert [p["iterations"] for p in nn] == list(
    range(LOG_PERIOD, nn_result["iterations"] + 1, LOG_PERIOD)), nn
assert [p["iterations"] for p in lstm] == list(range(0, LSTM_ITERATIONS, LOG_PERIOD)), lstm
assert lstm_result["iterations"] == LSTM_ITERATIONS, lstm_result

write_truth(
    "brain.js", record["brainjs"],
    "brain.js's train() callback option (callbackPeriod = logPeriod = 10), its "
    "{iterations, error} status kept by the script and written with JSON.stringify to "
    "brainjs_record.json, with the {error, iterations} each train() returned "
    f"(Node.js {record['node']})",
    {"training_error": series([(p["iterations"], p["error"]) for p in nn + lstm], "step"),
     "error": series([(nn_result["iterations"], nn_result["error"]),
                      (lstm_result["iterations"], lstm_result["error"])], "step")},
    notes=f"training_error: the NeuralNetwork's {len(nn)} points (XOR, steps "
          f"{LOG_PERIOD}..{nn[-1]['iterations']}, stopped by errorThresh 0.005 at iteration "
          f"{nn_result['iterations']}), then the LSTM's {len(lstm)} (steps 0.."
          f"{lstm[-1]['iterations']}); error: the two train() results as printed",
)
