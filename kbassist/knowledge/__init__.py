"""The knowledge layer: finding, reading and parsing a folder's Markdown articles, and what gets indexed."""
