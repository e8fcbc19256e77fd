"""Names that are settings, not measurements: a line that prints one of them is printed
configuration ("LR: 0.2, batch_size: 8, weight_decay: 1e-05"), whatever else it holds.

Optimiser and schedule settings, and the tree-booster hyperparameters a grid or random
search prints per trial (XGBoost's, LightGBM's and CatBoost's own spellings:
``min_child_weight=22, subsample=0.99, colsample_bytree=0.71, base_score=0.06``). A name
that could also be measured (``depth``, ``learning_rate``, ``gamma``) is not listed.
"""

from __future__ import annotations

HYPER_NAMES = frozenset({
    # optimiser and schedule
    "weight_decay", "momentum", "dropout", "batch_size", "warmup_epochs", "warmup_epoch",
    "warmup_steps", "warmup_iters", "warmup_momentum", "warmup_bias_lr", "eval_interval",
    "log_interval", "eval_iters", "grad_clip", "lr0", "lrf", "beta1", "beta2",
    # tree boosters
    "max_depth", "min_child_weight", "subsample", "colsample_bytree", "colsample_bylevel",
    "colsample_bynode", "base_score", "num_leaves", "min_data_in_leaf", "min_child_samples",
    "min_sum_hessian_in_leaf", "bagging_fraction", "bagging_freq", "feature_fraction",
    "reg_alpha", "reg_lambda", "lambda_l1", "lambda_l2", "max_bin", "n_estimators",
    "scale_pos_weight", "l2_leaf_reg", "max_delta_step", "min_split_gain",
    # evolutionary search (mealpy's "{'pop_size': 50, 'epoch': 10, 'p_m': 0.01}")
    "pop_size", "popsize", "population_size",
})
