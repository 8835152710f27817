"""The normaliser: rewrites the text of kept blocks (filters only ever drop)."""
