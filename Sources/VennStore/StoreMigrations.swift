import VennSQLite

/// The store file's table layout, one migration per version.
///
/// A migration is never edited once released; a change is a new one.
enum StoreMigrations {
    /// The newest store version this program writes.
    static var latestVersion: Int { all.last!.version }  // the list is never empty

    static let all: [(version: Int, name: String, sql: String)] = [
        (1, "records, outbox, history", version1),
        (2, "sync state and rejections", version2),
    ]

    /// A migrator for versions up to `version`, so tests can make old stores.
    static func migrator(upTo version: Int = latestVersion) -> Migrator {
        var migrator = Migrator()
        for migration in all where migration.version <= version {
            migrator.registerMigration(version: migration.version, name: migration.name) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    private static let version1 = """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        -- One row per record. `fields` holds the values as JSON; `clock` and
        -- `concurrent` the per-field write metadata; `vv` the version vector.
        CREATE TABLE records (
            collection TEXT NOT NULL,
            id TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
            fields TEXT NOT NULL,
            clock TEXT NOT NULL,
            concurrent TEXT,
            vv TEXT NOT NULL,
            updated INTEGER NOT NULL,
            PRIMARY KEY (collection, id)
        );

        -- Records changed here and not yet pushed to the server.
        CREATE TABLE outbox (
            collection TEXT NOT NULL,
            id TEXT NOT NULL,
            queued INTEGER NOT NULL,
            PRIMARY KEY (collection, id),
            FOREIGN KEY (collection, id) REFERENCES records (collection, id)
        ) WITHOUT ROWID;

        -- Every change, one row per field. Rows are never updated or deleted,
        -- except that deleting a record erases the values its rows hold.
        CREATE TABLE history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            collection TEXT NOT NULL,
            id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'merge')),
            field TEXT,
            old_value TEXT,
            new_value TEXT,
            replica TEXT NOT NULL,
            counter INTEGER NOT NULL,
            time INTEGER NOT NULL,
            actor TEXT NOT NULL
        );
        CREATE INDEX history_by_record ON history (collection, id, seq);

        CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
        WHEN NEW.seq IS NOT OLD.seq OR NEW.collection IS NOT OLD.collection OR NEW.id IS NOT OLD.id
            OR NEW.action IS NOT OLD.action OR NEW.field IS NOT OLD.field OR NEW.replica IS NOT OLD.replica
            OR NEW.counter IS NOT OLD.counter OR NEW.time IS NOT OLD.time OR NEW.actor IS NOT OLD.actor
            OR (NEW.old_value IS NOT OLD.old_value AND NEW.old_value IS NOT NULL)
            OR (NEW.new_value IS NOT OLD.new_value AND NEW.new_value IS NOT NULL)
        BEGIN
            SELECT RAISE(ABORT, 'history is append-only');
        END;
        CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
        BEGIN
            SELECT RAISE(ABORT, 'history is append-only');
        END;
        """

    private static let version2 = """
        -- Where this store stands with its sync server.
        CREATE TABLE sync_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Versions the server refused, with its reasons. A rejected version is
        -- not pushed again until the record changes (its vv differs).
        CREATE TABLE rejections (
            collection TEXT NOT NULL,
            id TEXT NOT NULL,
            vv TEXT NOT NULL,
            issues TEXT NOT NULL,
            rejected INTEGER NOT NULL,
            PRIMARY KEY (collection, id)
        ) WITHOUT ROWID;
        """
}
