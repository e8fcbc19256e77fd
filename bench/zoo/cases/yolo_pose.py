"""Ultralytics YOLO pose: yolo11n-pose.yaml, synthetic rectangles with their four corners
as keypoints, 3 epochs on CPU."""

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolo11n-pose.yaml", "pose")
