"""The index layer: the SQLite store (the source of truth), the keyword and vector indexes derived
from it, bringing them up to date with the folder, and watching it."""
