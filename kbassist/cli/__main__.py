"""`python -m kbassist.cli`: the same command line as the `kbassist` script."""
from .main import main

main()
