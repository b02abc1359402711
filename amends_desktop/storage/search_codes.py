"""How a search_index rowid names its source: (row id << 8) | (table number << 4) | field number.

Must match the triggers in migrations/m001_schema.sql.
"""

from __future__ import annotations

SOURCES: dict[str, tuple[int, tuple[str, ...]]] = {
    'people': (1, ('name', 'notes')),
    'harms': (2, ('what_happened', 'root_cause', 'notes', 'when_text')),
    'plans': (3, ('script', 'when_where', 'first_contact', 'circumstances', 'commitments_text', 'exit_plan', 'notes', 'hold_reason', 'safety_review_decision')),
    'expected_responses': (4, ('response', 'my_answer')),
    'permission_requests': (5, ('note',)),
    'contact_attempts': (6, ('note',)),
    'payments': (7, ('note',)),
    'commitments': (8, ('description',)),
    'check_ins': (9, ('note',)),
    'indirect_actions': (10, ('letter_text', 'notes')),
    'outcomes': (11, ('heard', 'promised', 'next_step')),
    'entries': (12, ('body',)),
}
_BY_NUMBER = {number: (table, fields) for table, (number, fields) in SOURCES.items()}


def decode(rowid: int) -> tuple[str, int, str]:
    """(table, row id, field) for a search_index rowid."""
    table, fields = _BY_NUMBER[(rowid >> 4) & 15]
    return table, rowid >> 8, fields[rowid & 15]
