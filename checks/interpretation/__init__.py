"""政策解读: policy documents and their interpretations (one rule per module, shared matching in
:mod:`checks.interpretation.matching`)."""
