"""Ultralytics YOLO detect as its quickstart does it: ``model.train(...)``, then ``metrics =
model.val()`` (yolo11n.yaml, synthetic shapes, 3 epochs on CPU): the closing validation of
best.pt and then one more of the same weights, each printed as the ``all`` row."""

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolo11n.yaml", "detect", validate=True)
