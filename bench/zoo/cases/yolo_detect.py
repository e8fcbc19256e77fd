"""Ultralytics YOLO detect: yolo11n.yaml (box/cls/dfl losses), synthetic shapes, 3 epochs
on CPU."""

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolo11n.yaml", "detect")
