import SQLite

/// The engine's tables (orchestrator-core's, trimmed to what the engine uses). Created if missing,
/// so opening an existing database never drops anything.
///
/// The log tables' `seq` is a plain INTEGER PRIMARY KEY: rows are deleted only with their whole
/// process, so SQLite's max-rowid-plus-one numbering still puts every new row after all rows
/// that remain, and AUTOINCREMENT would read and write `sqlite_sequence` in every step's
/// transaction.
enum Schema {
    static let statements = [
        """
        CREATE TABLE IF NOT EXISTS products (
            product_id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL,
            product_type TEXT NOT NULL, tag TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL)
        """,
        "CREATE TABLE IF NOT EXISTS fixed_inputs (product_id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (product_id, name)) WITHOUT ROWID",
        """
        CREATE TABLE IF NOT EXISTS workflows (
            name TEXT PRIMARY KEY, target TEXT NOT NULL, description TEXT NOT NULL, is_task INTEGER NOT NULL)
        """,
        "CREATE TABLE IF NOT EXISTS products_workflows (product_id TEXT NOT NULL, workflow_name TEXT NOT NULL, PRIMARY KEY (product_id, workflow_name)) WITHOUT ROWID",
        """
        CREATE TABLE IF NOT EXISTS subscriptions (
            subscription_id TEXT PRIMARY KEY, description TEXT NOT NULL, status TEXT NOT NULL,
            product_id TEXT NOT NULL REFERENCES products(product_id), customer_id TEXT NOT NULL,
            insync INTEGER NOT NULL, start_date TEXT, end_date TEXT, note TEXT, version INTEGER NOT NULL) WITHOUT ROWID
        """,
        """
        CREATE TABLE IF NOT EXISTS subscription_instances (
            subscription_instance_id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL, block_name TEXT NOT NULL, label TEXT)
            WITHOUT ROWID
        """,
        "CREATE INDEX IF NOT EXISTS subscription_instances_by_subscription ON subscription_instances (subscription_id)",
        """
        CREATE TABLE IF NOT EXISTS subscription_instance_values (
            subscription_instance_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (subscription_instance_id, field)) WITHOUT ROWID
        """,
        """
        CREATE TABLE IF NOT EXISTS subscription_instance_relations (
            in_use_by_id TEXT NOT NULL, depends_on_id TEXT NOT NULL, order_id INTEGER NOT NULL,
            domain_model_attr TEXT NOT NULL, is_list INTEGER NOT NULL,
            PRIMARY KEY (in_use_by_id, domain_model_attr, order_id)) WITHOUT ROWID
        """,
        "CREATE INDEX IF NOT EXISTS relations_by_depends_on ON subscription_instance_relations (depends_on_id)",
        """
        CREATE TABLE IF NOT EXISTS processes (
            process_id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, workflow_name TEXT NOT NULL,
            workflow_target TEXT NOT NULL, is_task INTEGER NOT NULL, created_by TEXT NOT NULL, assignee TEXT NOT NULL,
            last_status TEXT NOT NULL, last_step TEXT, failed_reason TEXT, traceback TEXT,
            started_at TEXT NOT NULL, last_modified_at TEXT NOT NULL, note TEXT)
        """,
        "CREATE INDEX IF NOT EXISTS processes_by_status ON processes (last_status)",
        """
        CREATE TABLE IF NOT EXISTS process_steps (
            seq INTEGER PRIMARY KEY, step_id TEXT NOT NULL, process_id TEXT NOT NULL,
            position INTEGER NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, state TEXT NOT NULL,
            created_by TEXT NOT NULL, started_at TEXT NOT NULL, completed_at TEXT NOT NULL,
            retries INTEGER NOT NULL DEFAULT 0, completed_history TEXT NOT NULL DEFAULT '[]')
        """,
        "CREATE INDEX IF NOT EXISTS process_steps_by_process ON process_steps (process_id, seq)",
        """
        CREATE TABLE IF NOT EXISTS input_states (
            seq INTEGER PRIMARY KEY, process_id TEXT NOT NULL, input_state TEXT NOT NULL,
            input_time TEXT NOT NULL, input_type TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS input_states_by_process ON input_states (process_id, seq)",
        """
        CREATE TABLE IF NOT EXISTS processes_subscriptions (
            process_id TEXT NOT NULL, subscription_id TEXT NOT NULL, created_at TEXT NOT NULL,
            PRIMARY KEY (process_id, subscription_id)) WITHOUT ROWID
        """,
        "CREATE INDEX IF NOT EXISTS processes_subscriptions_by_subscription ON processes_subscriptions (subscription_id)",
    ]

    static func create(in database: Database) throws {
        let existing = try database.queryOne(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'process_steps'") { $0.int(0) } ?? 0
        guard existing == 0 else { return }
        try database.transaction {
            for statement in statements { try database.execute(statement) }
        }
    }
}
