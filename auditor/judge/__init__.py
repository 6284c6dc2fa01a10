"""The judgement: classify a model's license evidence, lineage, unread files, baselines, suppressions."""
