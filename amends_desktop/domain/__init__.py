"""Pure rules and records. Imports nothing above it (no Qt, no storage)."""
