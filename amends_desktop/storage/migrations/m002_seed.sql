-- Migration 2: what every vault starts with: "Myself" and the starting set of defect tags.
INSERT OR IGNORE INTO people(name, relationship, reachability, willingness, is_self)
    VALUES ('Myself', 'self', 'reachable', 'willing', 1);
INSERT OR IGNORE INTO defect_tags(name, builtin) VALUES
    ('dishonesty', 1), ('selfishness', 1), ('resentment', 1), ('fear', 1),
    ('manipulation', 1), ('self-pity', 1), ('pride', 1), ('impatience', 1);
