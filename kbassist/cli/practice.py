"""`kbassist practice`: a set of practice drills from a knowledge folder, for a lead to review (#21)."""
from __future__ import annotations

import click

from .common import engine_errors, folder_arg, index_dir_opt, json_opt, open_assistant
from .output import emit_json, emit_table, shorten


@click.command("practice")
@folder_arg
@click.option("-n", "count", default=10, show_default=True, help="How many drills.")
@click.option("--seed", default=0, show_default=True, help="The same seed draws the same set.")
@index_dir_opt
@json_opt
@engine_errors
def practice_command(folder, count, seed, index_dir, as_json):
    """Draw COUNT practice drills from FOLDER's own questions: message, right articles, escalate or not.

    \b
    Example:
        kbassist practice knowledge/ -n 20 --json
    """
    assistant = open_assistant(folder, index_dir, quiet=as_json, warm_model=False)
    try:
        drills = assistant.practice(count, seed)
    finally:
        assistant.close()
    if as_json:
        emit_json([{"id": d.id, "message": d.message, "lang": d.lang, "kind": d.kind, "expected": d.expected,
                    "replies": d.replies, "escalate": d.escalate, "topic": d.topic, "question": d.question,
                    "why": d.why, "choices": d.choices} for d in drills])
        return
    emit_table([(d.id, d.kind, "yes" if d.escalate else "", ", ".join(d.expected), shorten(d.message.replace("\n", " ⏎ "), 60))
                for d in drills], ["#", "kind", "escalate", "expected", "message"])
