"""The vault: connection, pragmas, checks, numbered migrations, repositories and backups."""
