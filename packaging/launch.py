"""Entry point of the packaged app: the CLI, which opens the GUI when given no command."""
from kbassist.cli import main

if __name__ == "__main__":
    main()
