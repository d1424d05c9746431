// Settings of the embedded database that the config check and the database's own thread both read (no imports: cheap to load).

/**
 * PostgreSQL's shared buffers for the embedded database. PGlite zeroes all of them at every start
 * (memset in WASM): at PostgreSQL's 128MB that was half of opening a data folder (about 0.7 s of
 * 1 s); 32MB holds the demo database whole, and the OS page cache still serves what does not fit.
 * EMBEDDED_SHARED_BUFFERS raises it for a large embedded portfolio.
 */
export const DEFAULT_EMBEDDED_SHARED_BUFFERS = '32MB';
export const EMBEDDED_SHARED_BUFFERS_PATTERN = /^[1-9]\d{0,3}(kB|MB|GB)$/;
