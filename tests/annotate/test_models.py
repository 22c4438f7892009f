"""The model registry: defaults, names, paths, and the error when nothing is installed."""
from __future__ import annotations

import pickle

import pytest

from dateline.annotate import DEFAULT_MODELS, ModelNotFound, load_pipeline
from dateline.errors import DatelineError


def test_a_missing_model_names_what_was_tried_and_how_to_install():
    with pytest.raises(ModelNotFound) as err:
        load_pipeline("no_such_model_xyz")
    msg = str(err.value)
    assert "no_such_model_xyz" in msg and "spacy download" in msg
    assert isinstance(err.value, DatelineError) and not err.value.retryable


def test_a_missing_directory_is_reported_the_same_way(tmp_path):
    with pytest.raises(ModelNotFound, match="nowhere"):
        load_pipeline(str(tmp_path / "nowhere"))


def test_the_error_pickles_for_worker_processes():
    err = pickle.loads(pickle.dumps(ModelNotFound(["a", "b"], "detail")))
    assert err.tried == ("a", "b") and "detail" in str(err)


def test_default_loads_an_installed_english_pipeline_that_splits_sentences_without_the_parser():
    try:
        nlp = load_pipeline()
    except ModelNotFound as exc:
        pytest.skip(str(exc))
    assert nlp.meta["name"] in {m.removeprefix("en_") for m in DEFAULT_MODELS}
    assert {"senter", "tagger", "ner"} <= set(nlp.pipe_names)
    assert "lemmatizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names
    doc = nlp("Rebels shelled the town on Monday. Two people were killed.")
    assert len(list(doc.sents)) == 2


def test_a_model_directory_loads_by_path(tmp_path):
    try:
        nlp = load_pipeline()
    except ModelNotFound as exc:
        pytest.skip(str(exc))
    nlp.to_disk(tmp_path / "m")
    again = load_pipeline(str(tmp_path / "m"))
    assert again.pipe_names == nlp.pipe_names
