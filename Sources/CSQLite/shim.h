#include <sqlite3.h>

/// `SQLITE_TRANSIENT` is a cast macro the Swift importer cannot see.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
