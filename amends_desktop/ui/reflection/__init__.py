"""The Reflection tab."""
