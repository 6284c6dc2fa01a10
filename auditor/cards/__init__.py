"""The model-card stage: front matter, license statements and metadata in cards, open-source claims."""
