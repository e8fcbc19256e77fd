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

from _paddle_fit import Record, fit, write

STEPS, LOG_FREQ = 16, 10


class StepRecord(Record):
    def on_train_batch_end(self, step: int, logs: dict | None = None) -> None:
        if (step + 1) % LOG_FREQ == 0 or step + 1 == STEPS:  # the lines verbose=2 prints
            self.train.append((step + 1, dict(logs or {})))


record = StepRecord()
fit(2, record)
write(record.train, "step", record.eval,
      "paddle.callbacks.Callback logs (on_train_batch_end, on_eval_end)")
