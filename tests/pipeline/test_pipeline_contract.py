"""The pipeline checks what stages require and return."""

from __future__ import annotations

import pytest

from detente.errors import PipelineError
from detente.models import Article
from detente.pipeline import Pipeline


class _Stage:
    def __init__(self, name, requires=(), assigns=(), result=None):
        self.name = name
        self.requires = tuple(requires)
        self.assigns = tuple(assigns)
        self._result = result

    def __call__(self, article):
        if self._result is not None:
            return self._result
        for attr in self.assigns:
            if attr == "events":
                article.events = []
        return article


def test_stage_requiring_an_unassigned_attribute_is_refused_at_assembly():
    with pytest.raises(PipelineError, match="'coding' requires doc, actor_mentions"):
        Pipeline([_Stage("coding", requires=("doc", "actor_mentions")), _Stage("x")])


def test_stages_in_the_right_order_assemble():
    pipeline = Pipeline(
        [
            _Stage("nlp", requires=("text",), assigns=("doc",)),
            _Stage("actors", requires=("doc",), assigns=("actor_mentions",)),
        ]
    )
    assert pipeline.stage_names == ["nlp", "actors"]


def test_stage_returning_the_wrong_type_is_named_in_the_error():
    pipeline = Pipeline([_Stage("broken", result={"not": "an article"})])
    with pytest.raises(PipelineError, match="stage 'broken' returned dict"):
        pipeline(Article(doc_id="d", text="x"))


def test_pipe_runs_every_stage_and_records_it():
    pipeline = Pipeline([_Stage("a"), _Stage("b")])
    articles = list(pipeline.pipe([Article(doc_id=str(i), text="t") for i in range(3)]))
    assert [a.stages_run for a in articles] == [["a", "b"]] * 3


def test_default_pipeline_has_the_documented_stage_order():
    pipeline = Pipeline.default()
    assert pipeline.stage_names == ["nlp", "actors", "coding", "dates", "tone"]
