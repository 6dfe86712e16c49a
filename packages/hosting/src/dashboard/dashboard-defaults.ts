/** The dashboard's port on 127.0.0.1 unless `run --dashboard-port N` says otherwise. */
export const DEFAULT_DASHBOARD_PORT = 18888;

/** Console lines kept per resource unless `run --dashboard-log-lines N` says otherwise. */
export const DEFAULT_LOG_LINES = 10_000;
