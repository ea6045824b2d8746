"""`python -m kbassist.cli`: the command line without the installed `kbassist` script."""
from .main import main

if __name__ == "__main__":
    main()
