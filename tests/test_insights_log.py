"""What Insights records in the private log: masked text only, sealed, opt-out and retention honoured."""
from __future__ import annotations

import base64
import datetime as dt
import sqlite3
import textwrap

import numpy as np
import pytest

from kbassist.assist.history import SCHEMA_VERSION, History
from kbassist.assist.history_model import CopyDetails, ShownDetails, VariantShown
from kbassist.assistant import Assistant
from kbassist.embed.embedders import HashEmbedder
from kbassist.insights import records_of
from kbassist.insights.part import edit_share

PHONE, CARD = "13812345678", "4111 1111 1111 1111"
UTC = dt.timezone.utc


class Clock:
    def __init__(self, when: dt.datetime) -> None:
        self.when = when

    def __call__(self) -> dt.datetime:
        return self.when


def every_byte(folder) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_insights_events_keep_masked_sealed_text_only_where_it_is_a_gap(tmp_path):
    log = History(tmp_path / "h.sqlite3")
    answered = log.record_suggest("en", True, False, f"answered-xyzzy I will sue you {PHONE}",
                                  ShownDetails("legal/complaints", 0.91, ("legal", "anger"), "angry"))
    weak = log.record_suggest("zh", False, False, f"weak-plugh 我叫李明，手机 {PHONE}",
                              ShownDetails("cards/x", 0.55, (), "calm", low_confidence=True))
    log.record_copy(answered, "legal/complaints", "Complaint received",
                    CopyDetails("b", 42.5, 0.6, f"rewritten-frotz card {CARD}"))
    log.record_feedback(answered, "override", "not_needed")
    log.record_feedback(answered, "outcome", "follow_up")
    log.record_feedback(answered, "outcome", "resolved")  # a later word replaces the earlier one
    first, second = log.entries()
    assert first.text == "rewritten-frotz card [card]"  # the heavy edit kept the question, masked
    assert first.details == ShownDetails("legal/complaints", 0.91, ("legal", "anger"), "angry")
    assert (first.override, first.outcome) == ("not_needed", "resolved")
    (copy,) = first.copies
    assert (copy.variant, copy.seconds, copy.edit) == ("b", 42.5, 0.6)
    assert second.event_id == weak and second.text == "weak-plugh 我叫[name]，手机 [phone]"
    log.close()
    raw = every_byte(tmp_path)
    for secret in (PHONE.encode(), b"4111", b"xyzzy", b"plugh", b"frotz", "李明".encode()):
        assert secret not in raw


def test_a_light_edit_keeps_no_text_and_unknown_feedback_is_refused(tmp_path):
    log = History(tmp_path / "h.sqlite3")
    event = log.record_suggest("en", False, False, "where is my card")
    log.record_copy(event, "cards/arrival", "Card", CopyDetails("", 10.0, 0.1, "where is my card"))
    assert log.entries()[0].text is None
    with pytest.raises(ValueError):
        log.record_feedback(event, "outcome", "great")


def test_with_logging_off_no_copy_or_feedback_is_written(tmp_path):
    path = tmp_path / "sub" / "h.sqlite3"
    log = History(path, enabled=False)
    log.record_copy(1, "a", "b", CopyDetails("a", 1.0, 0.9, "text"))
    log.record_feedback(1, "override", "should_have_flagged")
    assert not path.parent.exists()


def test_retention_deletes_feedback_with_the_rest(tmp_path):
    clock = Clock(dt.datetime(2026, 1, 1, tzinfo=UTC))
    log = History(tmp_path / "h.sqlite3", clock=clock, retention_days=30)
    event = log.record_suggest("en", True, False, "x")
    log.record_feedback(event, "override", "not_needed")
    log.close()
    clock.when += dt.timedelta(days=31)
    later = History(tmp_path / "h.sqlite3", clock=clock, retention_days=30)
    later.open_existing()
    later.close()
    with sqlite3.connect(tmp_path / "h.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM feedback").fetchone()[0] == 0


def test_a_version_2_log_is_upgraded_keeping_its_rows(tmp_path):
    path = tmp_path / "h.sqlite3"
    log = History(path)
    log.record_suggest("en", False, True, "old question")
    log.close()
    with sqlite3.connect(path) as conn:  # back to what issue #18 wrote
        conn.execute("DROP TABLE feedback")
        conn.execute("DROP TABLE vectors")
        for column in ("top_article", "confidence", "categories", "sentiment", "low_confidence", "variants"):
            conn.execute(f"ALTER TABLE events DROP COLUMN {column}")
        for column in ("variant", "seconds", "edit"):
            conn.execute(f"ALTER TABLE copies DROP COLUMN {column}")
        conn.execute("PRAGMA user_version = 2")
    reopened = History(path)
    (event,) = reopened.entries()
    assert event.text == "old question" and event.details == ShownDetails()
    reopened.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3


def test_event_records_are_flat_and_carry_masked_text_only(tmp_path):
    log = History(tmp_path / "h.sqlite3")
    event = log.record_suggest("en", False, True, f"call me on {PHONE}",
                               ShownDetails("", 0.2, (), "calm", variants=(VariantShown("a1", "T", "a"),)))
    log.record_copy(event, "a1", "T", CopyDetails("a", 12.0, 0.0))
    log.record_feedback(event, "outcome", "resolved")
    kinds = [(r.kind, r.text, r.value) for r in records_of(log.entries())]
    assert kinds == [("suggestion_shown", "call me on [phone]", ""), ("reply_copied", None, ""),
                     ("outcome_recorded", None, "resolved")]


def test_edit_share_ignores_whitespace_and_grows_with_rewriting():
    reply = "Hi Ana, your refund reaches your card within 3-10 working days."
    assert edit_share(reply, reply.replace(" ", "  ") + "\n") == 0
    assert 0 < edit_share(reply, reply + " Sorry!") < 0.3
    assert edit_share(reply, "We cannot refund this order, please contact the shop.") > 0.3


KB = {
    "cards/card-arrival.md": """\
        ---
        title: My new bank card has not arrived
        lang: en
        questions: [Where is my new card?]
        ---
        Cards arrive within 5-7 working days.

        ```reply title="Card on its way" variant="a"
        Hi, your card arrives within 5-7 working days.
        ```

        ```reply title="Card on its way" variant="b"
        Good news: your card is in the post and arrives within 5-7 working days.
        ```
        """,
}


def _card_folder(tmp_path, monkeypatch) -> Assistant:
    """An assistant on a one-article folder (two wordings of its reply), logging to a private data dir."""
    monkeypatch.setenv("KBASSIST_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "kb"
    (folder / "cards").mkdir(parents=True)
    (folder / "cards" / "card-arrival.md").write_text(textwrap.dedent(KB["cards/card-arrival.md"]), "utf-8")
    return Assistant(folder, tmp_path / "index", embedder=HashEmbedder())


def test_suggest_and_copy_through_the_assistant_record_what_insights_counts(tmp_path, monkeypatch):
    with _card_folder(tmp_path, monkeypatch) as assistant:
        assistant.update()
        result = assistant.suggest("Where is my new card? I'm so angry!!! I'm fed up")
        (reply,) = result.suggestions[0].replies  # one wording of the two is shown
        assert reply.variant in ("a", "b") and result.sentiment == "angry"
        pasted = dt.datetime.now(UTC) - dt.timedelta(seconds=42)
        assistant.insights.reply_copied(result.event_id, reply.article_id, reply.title, variant=reply.variant,
                                        suggested=reply.filled, sent=reply.filled, pasted_at=pasted)
        assistant.insights.override(result.event_id, "not_needed")
        (event,) = assistant.history.entries()
    assert event.details.top_article == "cards/card-arrival" and event.details.sentiment == "angry"
    assert event.details.variants == (VariantShown("cards/card-arrival", "Card on its way", reply.variant),)
    assert event.copies[0].edit == 0 and 41 <= event.copies[0].seconds <= 45
    assert event.override == "not_needed"


def test_gap_vectors_are_cached_sealed_and_not_computed_twice(tmp_path):
    from kbassist.insights.gaps import cached_embed

    log = History(tmp_path / "h.sqlite3")
    for text in ("do you ship to mars", "do you ship to mars", "student discount?"):
        log.record_suggest("en", False, True, text)
    calls = []

    def embed(texts):
        calls.append(list(texts))
        return [[float(len(t)), 1.0] for t in texts]

    first = cached_embed(log, log.entries(), "toy", embed)
    assert calls == [["do you ship to mars", "student discount?"]]  # each distinct text once
    again = cached_embed(log, log.entries(), "toy", embed)
    assert len(calls) == 1 and (again(["student discount?"]) == first(["student discount?"])).all()
    log.close()
    stored_plain = np.array([17.0, 1.0], np.float16).tobytes()
    assert stored_plain not in every_byte(tmp_path) and base64.b64encode(stored_plain) not in every_byte(tmp_path)


def test_the_log_version_moves_with_every_write_here_or_elsewhere_and_not_with_reads(tmp_path):
    log = History(tmp_path / "h.sqlite3")
    start = log.version()
    event = log.record_suggest("en", False, True, "do you ship to mars")
    after_suggest = log.version()
    log.entries()
    log.vectors([event], "toy")
    assert start != after_suggest == log.version()
    other = History(tmp_path / "h.sqlite3")  # another process writing the same file
    other.record_feedback(event, "outcome", "resolved")
    other.close()
    after_other = log.version()
    log.record_copy(event, "a", "Reply")
    assert len({start, after_suggest, after_other, log.version()}) == 4
    log.close()


def test_the_report_is_read_again_only_when_the_log_changed(tmp_path, monkeypatch):
    with _card_folder(tmp_path, monkeypatch) as assistant:
        assistant.update()
        result = assistant.suggest("Where is my new card?")
        first = assistant.insights.report()
        assert assistant.insights.report() is first and first.total.messages == 1
        assistant.insights.outcome(result.event_id, "resolved")
        second = assistant.insights.report()
        assert second is not first and second.total.resolved_rate == 1.0
        assert assistant.insights.report(as_of=dt.date.today() + dt.timedelta(days=1)) is not second


def test_a_kept_text_is_embedded_as_it_is_logged_when_the_model_is_loaded(tmp_path, monkeypatch):
    """The week's gaps then come from the cache: `kbassist insights` never loads the model for them."""
    from kbassist.insights.gaps import cached_embed

    with _card_folder(tmp_path, monkeypatch) as assistant:
        assistant.update()
        assert assistant.model_loaded
        unanswered = assistant.suggest("do you sell telescopes for seashells")
        answered = assistant.suggest("where is my new card")
        embedder = assistant.embedder
        cached = assistant.history.vectors([unanswered.event_id, answered.event_id], embedder.name)
        kept = [e.event_id for e in assistant.history.entries() if e.text]
        assert unanswered.event_id in kept and sorted(cached) == sorted(kept)  # the kept texts, no others

        def no_model(texts):
            raise AssertionError(f"embedded again: {texts}")

        vectors = cached_embed(assistant.history, assistant.history.entries(), embedder.name, no_model)
        assert np.allclose(vectors(["do you sell telescopes for seashells"])[0],
                           embedder.embed(["do you sell telescopes for seashells"])[0], atol=1e-2)
