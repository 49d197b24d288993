"""The accuracy ratchet: every score in eval/floors.json must be met (STYLE 14)."""

from tealeaves.bench import evaluation


def test_scores_meet_their_floors():
    floors = evaluation.load_floors()
    scores = evaluation.run()
    failed = evaluation.below_floor(scores, floors)
    assert not failed, "\n".join(f"{k}: {got} < floor {f}" for k, got, f in failed)
