"""PyTorch 2.13.0's own profiler and benchmark utilities printing their reports in the middle
of a plain training script (a precision case: the reports' numbers are no training metrics).
The loop is a typical hand-written one: a tiny MLP (``Linear(20, 64)``, ``ReLU``,
``Linear(64, 2)``) on a synthetic two-class data set built here (``torch.randn(1280, 20)``,
the label the sign of a fixed linear rule plus a little noise; 1024 train, 256 validation
rows), ``torch.optim.Adam(lr=1e-2)``, ``nn.CrossEntropyLoss()``, unshuffled batches of 64
(16 steps an epoch), 3 epochs, each closed by one print the script writes, as such scripts
do: ``epoch {e}: train_loss {x:.4f} val_loss {y:.4f} val_acc {z:.4f}`` (``train_loss`` the
mean of the epoch's batch losses, ``val_loss`` and ``val_acc`` the validation set's in one
pass under ``torch.no_grad()``, the accuracy a fraction): ``_plain_loop``'s, shared with
``deepspeed_flops_profile``.

The tools, as their docs use them (the profiler recipe, ``torch.utils.benchmark``'s tutorial):
- After epoch 1, ``with torch.profiler.profile(activities=[ProfilerActivity.CPU],
  record_shapes=True) as prof:`` around 5 further training steps (the first 5 batches of the
  train set, each under ``record_function("train_step")`` as the recipe labels its region;
  they do update the model, before epoch 2), then ``print(prof.key_averages().table(
  sort_by="cpu_time_total", row_limit=12))``: the table ``Name  Self CPU %  Self CPU  CPU
  total %  CPU total  CPU time avg  # of Calls`` between rules of dashes, 12 operator rows
  (``train_step``, ``aten::linear``, ``Optimizer.step#Adam.step``, ... with times such as
  ``1.234ms`` and percents), and ``Self CPU time total: 12.345ms``.
- After training, ``print(torch.utils.benchmark.Timer(stmt="model(x)", globals={"model":
  model, "x": x_val}).blocked_autorange(min_run_time=0.2))``: the ``Measurement``'s repr,
  ``<torch.utils.benchmark.utils.common.Measurement object at 0x...>``, ``model(x)``,
  ``  Median: 21.34 us``, ``  IQR:    0.52 us (21.10 to 21.62)``, ``  N measurements, M runs
  per measurement, 1 thread`` (the Timer's default single thread), and, when the spread is
  wide (as on a shared machine), its own ``  WARNING: Interquartile range is 33.9% of the
  median measurement.`` with ``This suggests significant environmental influence.`` (or,
  under 20%, ``This could indicate system fluctuation.``)
The script prints nothing else. On stderr Kineto, the profiler's backend, logs two lines,
``USDT:<date> <time> <pid>:<tid> SyncActivityProfilerHandler.cpp:52] profiler_start`` and
``...:59] profiler_stop``.

Truth: the loop's own values, kept by the case in Python lists beside its prints (the script
is the framework here, as in ``torch_logging_loop``; nothing parsed from stdout):
``train_loss``, ``val_loss``, ``val_acc`` keyed ``epoch`` 1..3 as printed, tolerance 5e-5
(``:.4f``). Judgement calls:
- Nothing of either report is a training measure: the profiler's times, percents and call
  counts (``Self CPU time total``) time 5 steps of the tool's own run; the benchmark's
  ``Median``/``IQR``, measurement and run counts and ``1 thread`` time inference of the
  trained model. They are measurements of the tool, not of training, so none is in the truth
  and none in ``also_ok``: any name exptrack takes from them is junk.
- The 5 profiled steps are extra training between epochs 1 and 2 (their losses are neither
  printed nor recorded); the epoch count stays 3.
- ``val_acc`` is printed as a fraction (``:.4f``), so the truth is the fraction.
- Determinism: seeded data and weights under ``OMP_NUM_THREADS=1`` repeat the loop's values
  exactly; the reports' timings and the object's address differ run to run.
"""
# zoo-venv: torchprof

import torch
import torch.utils.benchmark
from _plain_loop import Loop, make_data, make_model
from _truth import write_truth
from torch.profiler import ProfilerActivity, profile, record_function

data = make_data(1024, 256)
model = make_model()
loop = Loop(model, data, batch_size=64)

for epoch in range(1, 4):
    loop.epoch(epoch)
    if epoch == 1:
        with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
            for i in range(5):
                with record_function("train_step"):
                    loop.train_step(*loop.batch(i))
        print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=12))

model.eval()
x = loop.x_val
print(torch.utils.benchmark.Timer(stmt="model(x)", globals={"model": model, "x": x})
      .blocked_autorange(min_run_time=0.2))

write_truth(
    "torch", torch.__version__,
    "the values the loop computed (a plain script; torch.profiler and torch.utils.benchmark "
    "print reports, not metrics)",
    loop.truth(),
    notes="nothing of the profiler's key_averages table nor of the benchmark Measurement "
          "is a metric (timings of the tools' own runs); the 5 profiled steps after epoch 1 "
          "are extra training steps, their losses neither printed nor recorded")
