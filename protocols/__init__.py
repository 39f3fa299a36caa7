"""Information-sharing protocols and their parties, tiers and signatures. Not built yet."""
