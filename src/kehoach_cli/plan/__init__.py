"""The plan: its model, reading it from YAML, its checks and its formulas."""
