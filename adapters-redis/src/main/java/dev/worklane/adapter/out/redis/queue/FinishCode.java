package dev.worklane.adapter.out.redis.queue;

/** What {@code finish_and_take.lua} did with one reported {@link AttemptOutcome}. */
enum FinishCode {
  /** The lease token was no longer the job's (a stale worker): nothing changed. */
  IGNORED(0),
  COMPLETED(1),
  RETRIED(2),
  FAILED(3),
  HANDED_BACK(4);

  private final long wire;

  FinishCode(long wire) {
    this.wire = wire;
  }

  static FinishCode of(long wire) {
    for (FinishCode code : values()) {
      if (code.wire == wire) {
        return code;
      }
    }
    throw new IllegalArgumentException("unknown finish code " + wire);
  }
}
