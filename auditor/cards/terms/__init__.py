"""Stage "cards", terms: the licence terms a card's text states, names or inherits, line by line."""
