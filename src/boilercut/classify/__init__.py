"""The line classifier: features, model and labels for sites without rules."""
