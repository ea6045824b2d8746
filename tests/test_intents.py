"""The folder's own intent classifier: trained from its questions, a second opinion for ranking."""
from __future__ import annotations

from kbassist.knowledge.model import Article
from kbassist.embed.embedders import UseEmbedder
from kbassist.search import intents


def article(id_: str, title: str, *questions: str) -> Article:
    return Article(id_, f"{id_}.md", title, "en", "", questions=questions)


FOLDER = [
    article("cards/arrival", "My card has not arrived", "where is my new card", "card still not delivered",
            "how long does the card take to come"),
    article("cards/freeze", "Freeze a lost card", "i lost my card", "block my card please", "someone stole my card"),
    article("transfers/pending", "Transfer still pending", "my transfer is stuck", "why is the transfer not done",
            "money sent yesterday has not arrived"),
]


def test_the_classifier_learns_each_articles_phrasings_and_ranks_a_new_one_first():
    use = UseEmbedder()
    classifier = intents.train(FOLDER, use.embed, split=0)
    probabilities = classifier.probabilities(use.embed(["my debit card never showed up in the post"])[0])
    assert max(probabilities, key=probabilities.get) == "cards/arrival"
    assert abs(sum(probabilities.values()) - 1) < 1e-6


def test_only_folders_of_asked_questions_get_a_classifier():
    assert intents.suitable(FOLDER)
    assert not intents.suitable([article("a", "Just a title"), article("b", "Another")])
    assert not intents.suitable(FOLDER[:1])


def test_a_saved_classifier_loads_back_and_a_broken_file_is_none(tmp_path):
    classifier = intents.train(FOLDER, UseEmbedder().embed, split=0)
    classifier.save(tmp_path / "intents.npz")
    again = intents.IntentClassifier.load(tmp_path / "intents.npz")
    assert again.article_ids == classifier.article_ids
    (tmp_path / "broken.npz").write_bytes(b"not a numpy file")
    assert intents.IntentClassifier.load(tmp_path / "broken.npz") is None
