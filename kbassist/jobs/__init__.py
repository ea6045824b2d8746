"""Background jobs: large builds, embedding and reviews in worker processes."""
