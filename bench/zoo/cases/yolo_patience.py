"""Ultralytics YOLO detect with early stopping (``patience=1``, up to 8 epochs; yolo11n.yaml,
synthetic shapes, on CPU): it stops once an epoch's fitness does not improve on the best,
prints its ``EarlyStopping`` notice, then validates best.pt as usual."""

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolo11n.yaml", "detect", epochs=8, patience=1)
