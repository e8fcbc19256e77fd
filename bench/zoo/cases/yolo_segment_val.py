"""Ultralytics YOLO segment, then ``model.val()`` (yolo11n-seg.yaml, synthetic ellipses, 3
epochs on CPU): the box and mask metrics of one more validation, at no epoch."""

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolo11n-seg.yaml", "segment", lr0=0.1, validate=True)
