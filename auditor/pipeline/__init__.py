"""Orchestration: run an audit over targets, derivatives sweeps, merging feeds."""
