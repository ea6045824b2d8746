"""Entry point of the packaged app: the CLI, which opens the GUI when given no command."""
import multiprocessing

from kbassist.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # large builds run in a spawned worker (kbassist.offload)
    main()
