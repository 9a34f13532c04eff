"""The wall: guards and limits for every input, safe YAML with line numbers, atomic outputs."""
