"""Lightning: ``trainer.validate(...)`` before training (the untrained model's baseline, as
fine-tuning guides show), then ``trainer.fit(...)``, then ``trainer.test(...)``: Lightning
prints a results table for the validation and the test, around the fit's bars. The small MLP
``LightningModule`` of ``_lightning_fit.py`` with a ``test_step``, 3 epochs, a ``CSVLogger``.
Truth: the logger's ``metrics.csv`` (the baseline validation is a row of its own, before
the first epoch's)."""

from lightning_fit_test import fit_and_test

if __name__ == "__main__":
    fit_and_test(validate_first=True)
