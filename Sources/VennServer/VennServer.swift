// The sync server: storage, authentication and the sync protocol.
