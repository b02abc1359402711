"""The Planner tab."""
