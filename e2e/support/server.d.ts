export type RunningServer = {
    /** `http://127.0.0.1:<port>`, without a trailing slash. */
    baseUrl: string;
    /** The server's data directory (embedded database, files); removed by `stop`. */
    dataDir: string;
    /** The last lines the server wrote to stdout and stderr. */
    output: () => string;
    stop: () => Promise<void>;
};
export type StartServerOptions = {
    /** Extra or overriding environment variables for the server. */
    env?: Record<string, string>;
    readyTimeoutMs?: number;
};
/**
 * Starts the real server (`node --import tsx apps/server/src/cli.ts start`: migrate, seed demo data,
 * serve) on a free port with a fresh data directory, and resolves once `GET /readyz` answers 200.
 *
 * Set `E2E_BASE_URL` to run the journeys against a server that is already running instead.
 */
export declare function startServer(options?: StartServerOptions): Promise<RunningServer>;
