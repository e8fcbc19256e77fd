"""Ultralytics YOLO classify with ``val=False`` (yolo26n-cls.yaml, synthetic red/green images
in class folders, 3 epochs on CPU): only the last epoch is validated; results.csv's zeros
for the others are no measurement."""

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolo26n-cls.yaml", "classify", lr0=0.01, val=False)
