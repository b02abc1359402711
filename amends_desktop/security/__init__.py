"""Key handling: the OS keyring store with an allow-list, and wrapped copies of the key."""
