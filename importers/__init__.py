"""Outside data in, plain activity records out: one module per source."""
