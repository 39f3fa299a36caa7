"""The nominal and OCG register (issue: nominal and OCG register). Empty until that work lands."""
