"""Intelligence records graded 3x5x2, with a version per sanitisation tier. Not built yet."""
