"""Trainable classifiers over framelens features (scikit-learn), their validation and safe persistence.

Nothing heavy is imported here; each submodule imports scikit-learn, numpy and
pandas itself when used::

    from framelens.classify.pipeline import make_pipeline
    from framelens.classify.features import FramelensFeatures
    from framelens.classify.validate import cross_validate, krippendorff_alpha, cohen_kappa
    from framelens.classify.persist import save_model, load_model
    from framelens.classify.wordlevel import WordBiasModel, suggest_terms

Methods and limits: docs/methods_classify.md; measured accuracy: docs/validation_classify.md.
"""

from __future__ import annotations

__all__ = ["features", "pipeline", "validate", "persist", "wordlevel"]
