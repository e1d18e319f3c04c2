package dev.worklane.adapter.out.redis.queue;

/**
 * How an attempt ended, as a worker reports it to {@code finish_and_take.lua} (one letter on the
 * wire, so a round trip of a thousand finishes stays small).
 */
enum AttemptOutcome {
  COMPLETED("c"),
  /** Retried after its backoff while attempts remain, else failed. */
  FAILED("f"),
  /** Failed for good whatever attempts remain (the handler threw a {@code PermanentJobFailure}). */
  FAILED_PERMANENTLY("p"),
  /** The instance is stopping: the job waits again at once, the attempt not counted. */
  HANDED_BACK("r");

  private final String wire;

  AttemptOutcome(String wire) {
    this.wire = wire;
  }

  String wire() {
    return wire;
  }
}
