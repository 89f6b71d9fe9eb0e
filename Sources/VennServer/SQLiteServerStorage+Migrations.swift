import VennSQLite
import VennSync

extension SQLiteServerStorage {
    /// The server database's schema history.
    static let migrator = Migrator([
        Migrator.Migration(version: 1, name: "groups, devices, enrollment codes, records, server replica") { db in
            try db.execute(sql: """
                CREATE TABLE groups (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    municipality TEXT NOT NULL,
                    next_seq INTEGER NOT NULL DEFAULT 1,
                    created INTEGER NOT NULL
                ) STRICT;
                CREATE TABLE devices (
                    id TEXT PRIMARY KEY,
                    group_id TEXT NOT NULL REFERENCES groups (id),
                    replica TEXT NOT NULL,
                    label TEXT,
                    token_hash BLOB NOT NULL UNIQUE,
                    created INTEGER NOT NULL,
                    last_seen INTEGER,
                    revoked INTEGER NOT NULL DEFAULT 0
                ) STRICT;
                CREATE INDEX devices_by_group ON devices (group_id, created);
                CREATE TABLE enrollment_codes (
                    code_hash BLOB PRIMARY KEY,
                    group_id TEXT NOT NULL REFERENCES groups (id),
                    expires INTEGER NOT NULL,
                    used_by_device TEXT REFERENCES devices (id)
                ) STRICT;
                CREATE TABLE records (
                    group_id TEXT NOT NULL REFERENCES groups (id),
                    collection TEXT NOT NULL,
                    id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    version TEXT NOT NULL,
                    PRIMARY KEY (group_id, collection, id)
                ) STRICT, WITHOUT ROWID;
                CREATE UNIQUE INDEX records_by_seq ON records (group_id, seq);
                CREATE TABLE server_meta (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    replica TEXT NOT NULL,
                    counter INTEGER NOT NULL,
                    clock INTEGER NOT NULL
                ) STRICT;
                """)
            try db.execute(
                sql: "INSERT INTO server_meta (id, replica, counter, clock) VALUES (1, ?, 0, 0)",
                arguments: [.text(ReplicaID.random().rawValue)]
            )
        },
    ])
}
