"""Extract: a pure function from a Document to facts, built from registered, versioned stages.

No I/O and no global mutable state happens in a stage: the same document always yields the same
facts, which is what lets the pipeline run in one process, a worker pool or on Spark.
"""

from tealeaves.extract.pipeline import STAGES, Facts, Pipeline, Stage, stage

__all__ = ["STAGES", "Facts", "Pipeline", "Stage", "stage"]
