"""PaddlePaddle high-level API as its "model.fit" quick start shows it: ``paddle.Model(net)``,
``model.prepare(optimizer, loss, paddle.metric.Accuracy())``, ``model.fit(train_dataset,
eval_data=..., epochs=4, batch_size=32, verbose=1)`` with the default callbacks (the
``ProgBarLogger`` that ``fit`` inserts, ``log_freq=10``), a small MLP and a synthetic
``paddle.io.Dataset`` (512 train samples: 16 steps per epoch; 128 eval samples: 4 steps).

What it prints (``ProgressBar``, verbose=1): ``Epoch 1/4``, then one progress line per epoch,
redrawn with ``\\b...\\r`` (its ``_dynamic_display`` is on whenever ``posix`` is imported, so
under a pipe too): a frame at step 10 (``step 10/16 [==>...] - loss: 0.6 - acc: 0.5 - ETA: 0s
- 2ms/step``) overwritten by the epoch-end frame ``step 16/16 [====] - loss: ... - acc: ... -
2ms/step``; then ``Eval begin...``, one eval frame ``step 4/4 [====] - loss: ... - acc: ...``
and ``Eval samples: 128``. Floats print as ``f'{v:.4f}'`` (``.4e`` below 1e-3).

Truth: the ``logs`` dicts hapi passes to a ``paddle.callbacks.Callback`` of ours, the same
dicts ``ProgBarLogger`` prints from, recorded as they come:
- ``on_epoch_end(epoch, logs)``: ``loss`` (a one-element list: the LAST batch's loss, as the
  framework's own banner says: "The loss value printed in the log is the current step, and
  the metric is the average value of previous steps") and ``acc`` (``Accuracy.accumulate()``
  over the epoch so far). These are the values of the epoch-end frame; the step-10 frame's
  values (overwritten on a terminal) are per-batch logs outside this record.
- ``on_eval_end(logs)``: the eval loop's ``loss`` (last eval batch) and ``acc`` (over the eval
  set): the values of the eval frame. Judgment: hapi keys them ``loss``/``acc`` like the train
  ones, in the ``'eval'`` mode's logs (its own VisualDL/W&B callbacks name them ``eval/loss``);
  the truth names them ``eval_loss`` and ``eval_acc`` (the phase, as the "Phases" rule joins
  it), key "epoch" (one eval per epoch, ``eval_freq=1``), 1-based like the printed
  ``Epoch 1/4``.
- Tolerance 5e-5 (``.4f``). ``ms/step`` (or ``s/step``, ``us/step``) and ``ETA`` are timing:
  ``also_ok``. ``Eval samples: 128`` is a count of samples, not a metric: not listed.
- ``fit``'s own default is ``verbose=2`` (one plain line per log); ``verbose=1`` (the
  redrawn bar) is what Paddle's tutorials show and what this case was asked to use.
"""

from _paddle_fit import Record, fit, write


class EpochRecord(Record):
    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        self.train.append((self.epoch, dict(logs or {})))


record = EpochRecord()
fit(1, record)
write(record.train, "epoch", record.eval,
      "paddle.callbacks.Callback logs (on_epoch_end, on_eval_end)")
