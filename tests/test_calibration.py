"""The no-answer threshold calibrated per folder: measured once, stored with the index, reused."""
from __future__ import annotations

import pytest

from kbassist.assistant import Assistant
from kbassist.search import calibration
from kbassist.settings import Settings

SETTINGS = Settings(embedder="use-multilingual")
TOPICS = ("refund", "delivery", "password", "invoice", "warranty", "battery", "firmware", "subscription",
          "voucher", "address", "pairing", "charger")


def write_faq(folder, with_questions=True, n=24):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        questions = (f"questions:\n  - how do I sort out my {topic} issue number {i}\n"
                     f"  - question {i} about the {topic}\n") if with_questions else ""
        (folder / f"faq-{i:02d}.md").write_text(
            f"---\ntitle: Help with {topic} case {i}\nlang: en\n{questions}---\n\n# Help with {topic} case {i}\n\n"
            f"Steps for the {topic} in case {i}: open the app, choose {topic}, follow the prompts.\n",
            encoding="utf-8")
    return folder


@pytest.fixture
def faq(tmp_path):
    return write_faq(tmp_path / "kb")


def test_calibration_is_measured_from_the_folder_and_stored_with_the_index(faq, tmp_path):
    with Assistant(faq, tmp_path / "index", settings=SETTINGS) as assistant:
        assistant.update()
        measured = assistant.calibrate()
        assert measured is not None and not measured.default
        assert measured.answerable == 48 and measured.unanswerable > 0
        assert calibration.BAND[0] <= measured.threshold <= calibration.BAND[1]
        assert assistant.search("how do I sort out my refund issue").confidence > measured.threshold
        assert assistant.search("who won the world cup in 1998").no_answer


def test_an_unchanged_start_reuses_the_stored_calibration(faq, tmp_path, monkeypatch):
    with Assistant(faq, tmp_path / "index", settings=SETTINGS) as assistant:
        assistant.update()
        first = assistant.calibrate()

    def measure_again(*args, **kwargs):
        raise AssertionError("an unchanged folder was calibrated again")

    monkeypatch.setattr(calibration, "probe_confidences", measure_again)
    with Assistant(faq, tmp_path / "index", settings=SETTINGS) as again:
        again.update()
        assert again.calibrate() == first == again.calibration


def test_a_folder_that_changed_enough_is_calibrated_again(faq, tmp_path, monkeypatch):
    with Assistant(faq, tmp_path / "index", settings=SETTINGS) as assistant:
        assistant.update()
        assistant.calibrate()
        (faq / "faq-00.md").write_text("# Gift cards\n\nGift cards never expire.\n", encoding="utf-8")
        (faq / "faq-01.md").unlink()
        assistant.update()
        calls = []
        measure = calibration.probe_confidences
        monkeypatch.setattr(calibration, "probe_confidences", lambda *a, **k: calls.append(1) or measure(*a, **k))
        assistant.calibrate()
        assert calls


def test_a_folder_without_enough_questions_keeps_the_default_threshold(tmp_path):
    folder = write_faq(tmp_path / "kb", with_questions=False, n=8)
    with Assistant(folder, tmp_path / "index", settings=SETTINGS) as assistant:
        assistant.update()
        measured = assistant.calibrate()
        assert measured.default and measured.threshold == SETTINGS.no_answer_confidence
        assert measured.answerable == 8  # the titles stood in for the missing questions
