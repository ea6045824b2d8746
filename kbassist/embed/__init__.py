"""Turning text into unit vectors, offline: the packaged multilingual USE and sentence-transformers models."""
