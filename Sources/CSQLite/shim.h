#include <sqlite3.h>

// sqlite3_config is variadic, which Swift cannot call; these wrappers make the one setting we use
// reachable. Memory statistics take a global mutex on every SQLite allocation, and OrchLab never
// reads them.
static inline int orchlab_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
