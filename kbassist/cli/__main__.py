"""`python -m kbassist.cli`: the same command line as the `kbassist` script."""
from .main import main

if __name__ == "__main__":  # imported (the architecture test imports every module): do nothing
    main()
