"""Marking an article reviewed changes its `reviewed` value and not one other byte."""
from __future__ import annotations

import datetime as dt
import os
import stat

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from test_review_rules import indexed

from kbassist.errors import KbError
from kbassist.knowledge.reading import content_hash
from kbassist.review import ArticleChanged, mark_reviewed, set_reviewed

NEW = dt.date(2026, 11, 24)


def test_value_is_replaced_in_place_keeping_quotes_comment_crlf_and_bom():
    raw = ("\ufeff---\r\ntitle: 'Card'   # shown\r\nreviewed: \"2026-01-02\"  # by ana\r\n"
           "tags: [a, b]\r\n---\r\n# Card\r\nBody\r\n").encode("utf-8")
    assert set_reviewed(raw, NEW) == raw.replace(b"2026-01-02", b"2026-11-24")


def test_missing_key_is_added_before_the_closing_fence_with_the_files_line_ending():
    raw = b"---\r\ntitle: Card\r\nowner: ana\r\n---\r\nBody\r\n"
    assert set_reviewed(raw, NEW) == b"---\r\ntitle: Card\r\nowner: ana\r\nreviewed: 2026-11-24\r\n---\r\nBody\r\n"


def test_file_without_front_matter_gets_one_and_keeps_its_text():
    assert set_reviewed(b"# Note\nText\n", NEW) == b"---\nreviewed: 2026-11-24\n---\n# Note\nText\n"


def test_empty_and_null_values_are_filled():
    assert set_reviewed(b"---\nreviewed:\nx: 1\n---\n", NEW) == b"---\nreviewed: 2026-11-24\nx: 1\n---\n"
    assert set_reviewed(b"---\nreviewed: ~\n---\n", NEW) == b"---\nreviewed: 2026-11-24\n---\n"


def test_layout_that_cannot_be_edited_safely_is_refused_not_corrupted():
    with pytest.raises(KbError, match="by hand"):
        set_reviewed(b"---\nreviewed:\n  2026-01-01\n---\n", NEW)
    with pytest.raises(KbError, match="not valid YAML"):
        set_reviewed(b"---\ntitle: [unclosed\nreviewed: 2026-01-01\n---\n", NEW)


# -- property: over generated front matter only the reviewed value changes --------------
KEYS = ["title", "owner", "product", "lang", "status", "note"]
scalar = st.text(alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" _"),
                 min_size=1, max_size=12).map(str.strip).filter(bool)
quote = st.sampled_from(["", "'", '"'])
comment = st.sampled_from(["", "  # checked", " # 审核"])


@st.composite
def article_bytes(draw):
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    keys = draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=5))
    lines = []
    for key in keys:
        q = draw(quote)
        value = draw(scalar).replace("'", "").replace('"', "")
        lines.append(f"{key}: {q}{value}{q}{draw(comment) if q else ''}")
    has_reviewed = draw(st.booleans())
    template_value = None
    if has_reviewed:
        q, old = draw(quote), draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))).isoformat()
        line = f"reviewed:{draw(st.sampled_from([' ', '  ']))}{{}}{draw(comment)}"
        lines.insert(draw(st.integers(0, len(lines))), line)
        template_value = (q, old)
    body = draw(st.text(max_size=80)).replace("\r", "")
    bom = "\ufeff" if draw(st.booleans()) else ""
    return eol, bom, lines, template_value, body


def _render(eol, bom, lines, value, body, added=None):
    text_lines = [ln.replace("{}", value) if ln.startswith("reviewed:") else ln for ln in lines]
    if added:
        text_lines.append(added)
    return (bom + eol.join(["---", *text_lines, "---"]) + eol + body).encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(article_bytes(), st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
def test_only_the_reviewed_value_changes_over_generated_front_matter(case, new):
    eol, bom, lines, template_value, body = case
    if template_value is None:
        before = _render(eol, bom, lines, "", body)
        expected = _render(eol, bom, lines, "", body, added=f"reviewed: {new.isoformat()}")
    else:
        q, old = template_value
        before = _render(eol, bom, lines, f"{q}{old}{q}", body)
        expected = _render(eol, bom, lines, f"{q}{new.isoformat()}{q}", body)
    assert set_reviewed(before, new) == expected
    meta = yaml.safe_load(expected.decode("utf-8").lstrip("\ufeff").split("---")[1])
    assert str(meta["reviewed"]) == new.isoformat()


# -- on disk ------------------------------------------------------------------------------
def test_marking_on_disk_rewrites_the_file_in_place_keeping_permissions(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"---\ntitle: A\nreviewed: 2026-01-01\n---\nBody\n")
    path.chmod(0o640)
    mark_reviewed(path, NEW, content_hash(path.read_bytes()))
    assert path.read_bytes() == b"---\ntitle: A\nreviewed: 2026-11-24\n---\nBody\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.md"]  # no temp file left behind


def test_file_changed_since_it_was_read_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"---\nreviewed: 2026-01-01\n---\nBody\n")
    read_hash = content_hash(path.read_bytes())
    path.write_bytes(b"---\nreviewed: 2026-01-01\n---\nBody edited elsewhere\n")
    with pytest.raises(ArticleChanged, match="changed on disk"):
        mark_reviewed(path, NEW, read_hash)
    assert path.read_bytes() == b"---\nreviewed: 2026-01-01\n---\nBody edited elsewhere\n"


# -- through the engine --------------------------------------------------------------------
def test_manifest_hash_is_the_content_hash_mark_reviewed_checks(tmp_path):
    (tmp_path / "a.md").write_bytes(b"---\ntitle: A\n---\nBody\n")
    with indexed(tmp_path) as assistant:
        manifest = assistant._ix.store.files()["a.md"].hash
    assert manifest == content_hash((tmp_path / "a.md").read_bytes())


def test_assistant_marks_reviewed_and_the_index_shows_it_at_once(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"---\ntitle: A\nreviewed: 2026-01-01\n---\nBody\n")
    with indexed(tmp_path) as assistant:
        change = assistant.mark_reviewed("a", NEW)
        assert change.updated == ("a",)
        assert assistant.article("a").reviewed == NEW
    assert path.read_bytes() == b"---\ntitle: A\nreviewed: 2026-11-24\n---\nBody\n"


def test_assistant_refuses_to_mark_a_file_edited_since_it_was_indexed(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"---\nreviewed: 2026-01-01\n---\nBody\n")
    with indexed(tmp_path) as assistant:
        path.write_bytes(b"---\nreviewed: 2026-01-01\n---\nBody edited elsewhere\n")
        with pytest.raises(ArticleChanged, match="changed on disk since it was last read"):
            assistant.mark_reviewed("a", NEW)
    assert path.read_bytes() == b"---\nreviewed: 2026-01-01\n---\nBody edited elsewhere\n"


def test_assistant_refuses_unknown_ids_and_snoozes_known_ones(tmp_path):
    (tmp_path / "a.md").write_bytes(b"---\ntitle: A\n---\nBody\n")
    with indexed(tmp_path) as assistant:
        with pytest.raises(KbError, match="no article with id 'nope'"):
            assistant.mark_reviewed("nope", NEW)
        assert assistant.snooze("a", 14, tmp_path / "state", as_of=NEW) == dt.date(2026, 12, 8)


# -- an editor writing at the same time (issue #17, finding 8) -------------------------------
APPENDER = """
import os, sys, time
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_APPEND)  # an editor holding the file open
print("open", flush=True)
sys.stdin.readline()
for i in range(int(sys.argv[2])):
    os.write(fd, f"editor line {i}\\n".encode())
    time.sleep(float(sys.argv[3]))
os.close(fd)
"""


def _appender(path, lines: int, pause: float):
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-c", APPENDER, str(path), str(lines), str(pause)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "open"
    return process


def test_an_editor_appending_through_a_file_it_holds_open_loses_nothing(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"---\ntitle: A\nreviewed: 2026-01-01\n---\nBody\n")
    with indexed(tmp_path) as assistant:
        editor = _appender(path, 30, 0.001)
        assistant.mark_reviewed("a", NEW)
        editor.communicate("go\n", timeout=60)
    text = path.read_text(encoding="utf-8")
    assert "reviewed: 2026-11-24" in text
    assert all(f"editor line {i}\n" in text for i in range(30))


def test_appends_racing_a_mark_are_kept_and_the_mark_is_refused_or_done(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"---\ntitle: A\nreviewed: 2026-01-01\n---\nBody\n")
    with indexed(tmp_path) as assistant:
        editor = _appender(path, 200, 0.0005)
        editor.stdin.write("go\n")
        editor.stdin.flush()
        outcomes = []
        while editor.poll() is None:
            assistant.update(["a.md"])
            try:
                assistant.mark_reviewed("a", NEW)
                outcomes.append("marked")
            except ArticleChanged:
                outcomes.append("refused")
        editor.wait(timeout=60)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("editor line")] == [f"editor line {i}" for i in range(200)]
    assert outcomes


def test_a_shorter_value_is_padded_so_the_file_never_shrinks_under_an_editor(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"---\nreviewed: 2026-01-01T09:30:00  # by ana\n---\nBody\n")
    mark_reviewed(path, NEW, content_hash(path.read_bytes()))
    data = path.read_bytes()
    assert data.startswith(b"---\nreviewed: 2026-11-24") and b"  # by ana\n---\nBody\n" in data
    assert len(data) == len(b"---\nreviewed: 2026-01-01T09:30:00  # by ana\n---\nBody\n")


def test_mark_reviewed_never_writes_through_a_link_out_of_the_folder(tmp_path):
    kb, outside = tmp_path / "kb", tmp_path / "outside"
    kb.mkdir()
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_bytes(b"---\ntitle: Secret\nreviewed: 2026-01-01\n---\nBody\n")
    os.symlink(secret, kb / "passwd.md")
    with pytest.raises(KbError, match="outside the folder"):
        mark_reviewed(kb / "passwd.md", NEW, content_hash(secret.read_bytes()), root=kb)
    assert secret.read_bytes() == b"---\ntitle: Secret\nreviewed: 2026-01-01\n---\nBody\n"


def test_mark_reviewed_through_a_link_inside_the_folder_edits_its_target(tmp_path):
    (tmp_path / "real.md").write_bytes(b"---\ntitle: Real\nreviewed: 2026-01-01\n---\nBody\n")
    os.symlink(tmp_path / "real.md", tmp_path / "alias.md")
    with indexed(tmp_path) as assistant:
        assistant.mark_reviewed("alias", NEW)
    assert b"reviewed: 2026-11-24" in (tmp_path / "real.md").read_bytes()
    assert (tmp_path / "alias.md").is_symlink()
