"""Stage "cards", claims: whether the card calls this model open source, mention by mention (docs/CLAIMS.md)."""
