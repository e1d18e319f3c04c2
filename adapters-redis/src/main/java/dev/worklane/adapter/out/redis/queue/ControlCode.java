package dev.worklane.adapter.out.redis.queue;

import dev.worklane.application.port.out.QueueControl.Outcome;

/** What {@code control.lua} answers for an action on one job. */
enum ControlCode {
  DONE(1, Outcome.DONE),
  NOT_FOUND(0, Outcome.NOT_FOUND),
  WRONG_STATE(-1, Outcome.WRONG_STATE);

  private final long wire;
  private final Outcome outcome;

  ControlCode(long wire, Outcome outcome) {
    this.wire = wire;
    this.outcome = outcome;
  }

  Outcome outcome() {
    return outcome;
  }

  static ControlCode of(long wire) {
    for (ControlCode code : values()) {
      if (code.wire == wire) {
        return code;
      }
    }
    throw new IllegalArgumentException("unknown control code " + wire);
  }
}
