"""Ultralytics YOLO detect with ``val=False`` (yolo11n.yaml, synthetic shapes, 3 epochs on
CPU): only the last epoch is validated, then best.pt as usual. results.csv writes zeros in
the validation columns of the epochs it did not validate (the losses too): no measurement,
so no truth value there."""

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolo11n.yaml", "detect", val=False)
