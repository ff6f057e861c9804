package io.warcast.broadcast.amqp;

/** How long to wait before the next connection attempt: 1 s, doubling, at most 30 s. */
final class Backoff {

    static final long FIRST_MS = 1_000;
    static final long MAX_MS = 30_000;

    private Backoff() {}

    /** @param attempt the failed attempts so far, 1 or more */
    static long delayMs(int attempt) {
        if (attempt <= 1) {
            return FIRST_MS;
        }
        int doublings = Math.min(attempt - 1, 16);
        return Math.min(FIRST_MS << doublings, MAX_MS);
    }
}
