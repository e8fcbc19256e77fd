"""Sharing runs with other tools: MLflow tracking servers, TensorBoard event files. Each
module imports its library only inside its functions (optional extras)."""
