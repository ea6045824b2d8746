"""`kbassist`: the command line, a thin layer over `kbassist.Assistant`."""
from .main import cli, main

__all__ = ("cli", "main")
