"""First run, unlock, recovery, settings and backup dialogs."""
