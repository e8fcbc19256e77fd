"""PaddlePaddle's ``Model.fit`` at its own default, ``verbose=2``: the paddle_hapi case
(same model, data, seed) with one plain line a log instead of the redrawn bar: ``Epoch 1/4``,
``step 10/16 - loss: 0.6 - acc: 0.5 - 2ms/step`` (every ``log_freq=10`` steps) and ``step
16/16 - ...`` (the epoch's last), then ``Eval begin...``, ``step 4/4 - loss: ... - acc: ...``
and ``Eval samples: 128``.

Truth: the ``logs`` dicts hapi passes to a ``paddle.callbacks.Callback`` of ours, as
``ProgBarLogger`` prints from them: ``on_train_batch_end`` at the steps it prints (every 10th
and the epoch's last: ``loss`` the batch's, ``acc`` the epoch's so far), keyed by the step
within the epoch as printed (``step 10/16``); ``on_eval_end`` per epoch as ``eval_loss``,
``eval_acc`` (the eval mode's logs, keyed ``loss``/``acc`` like the train ones; named with
their phase, as paddle_hapi does), key "epoch". Tolerance 5e-5 (``.4f``).
"""


import numpy as np
import paddle
from _truth import series, write_truth

paddle.seed(0)
np.random.seed(0)
paddle.set_device("cpu")


class RandomDataset(paddle.io.Dataset):
    def __init__(self, size: int, seed: int) -> None:
        rng = np.random.default_rng(seed)
        self.x = rng.normal(size=(size, 8)).astype("float32")
        self.y = (self.x[:, 0] + self.x[:, 1] > 0).astype("int64").reshape(-1, 1)

    def __getitem__(self, index: int) -> tuple:
        return self.x[index], self.y[index]

    def __len__(self) -> int:
        return len(self.x)


STEPS, LOG_FREQ = 16, 10


class Record(paddle.callbacks.Callback):
    def __init__(self) -> None:
        super().__init__()
        self.train: list = []
        self.eval: list = []
        self.epoch = 0

    def on_epoch_begin(self, epoch: int, logs: dict | None = None) -> None:
        self.epoch = epoch + 1

    def on_train_batch_end(self, step: int, logs: dict | None = None) -> None:
        if (step + 1) % LOG_FREQ == 0 or step + 1 == STEPS:  # the lines verbose=2 prints
            self.train.append((step + 1, dict(logs or {})))

    def on_eval_end(self, logs: dict | None = None) -> None:
        self.eval.append((self.epoch, dict(logs or {})))


net = paddle.nn.Sequential(paddle.nn.Linear(8, 16), paddle.nn.ReLU(), paddle.nn.Linear(16, 2))
model = paddle.Model(net)
model.prepare(paddle.optimizer.Adam(learning_rate=0.01, parameters=model.parameters()),
              paddle.nn.CrossEntropyLoss(), paddle.metric.Accuracy())
record = Record()
model.fit(RandomDataset(512, 0), eval_data=RandomDataset(128, 1), epochs=4, batch_size=32,
          verbose=2, callbacks=[record])


def scalar(value: object) -> float:
    return float(value[0] if isinstance(value, (list, tuple)) else value)


metrics = {}
for prefix, rows, key in (("", record.train, "step"), ("eval_", record.eval, "epoch")):
    for name in ("loss", "acc"):
        metrics[prefix + name] = series([(axis, scalar(logs[name])) for axis, logs in rows
                                         if name in logs], key, tolerance=5e-5)
write_truth("paddlepaddle", paddle.__version__,
            "paddle.callbacks.Callback logs (on_train_batch_end, on_eval_end)", metrics,
            also_ok=["ms/step", "s/step", "us/step", "ETA"])
