// Sync core.
