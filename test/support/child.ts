/**
 * Limits for commands a test runs as child processes. spawnSync's default
 * output limit (1 MB) kills the command and keeps whatever part of its
 * output had arrived: a large JSON answer (`diff --initial` is 4 MB) would
 * come back cut at a different byte each time.
 */
export const MAX_OUTPUT = 256 * 1024 * 1024;
