"""Use cases the UI calls: plain Python, no Qt. Services own transaction boundaries."""
