"""kbassist desktop app: a thin PySide6 shell over `kbassist.Assistant`.

Nothing here searches, ranks, judges staleness or fills placeholders: the
views render the engine's dataclasses, and every Qt name comes from `ui.qt`.
"""
