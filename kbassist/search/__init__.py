"""The search layer: hybrid keyword + semantic ranking, spelling correction, and evaluation against query files."""
