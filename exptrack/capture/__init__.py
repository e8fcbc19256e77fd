"""What `track run` captures about a run before, during and after the command."""
