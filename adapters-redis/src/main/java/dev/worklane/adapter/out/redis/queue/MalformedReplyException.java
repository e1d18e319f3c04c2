package dev.worklane.adapter.out.redis.queue;

/**
 * A script answered something its decoder cannot read (a script and this code out of step, or a
 * corrupted job hash). The message names the script and what was wrong, never the reply's values:
 * they may carry job payloads.
 */
final class MalformedReplyException extends IllegalStateException {
  MalformedReplyException(String script, String problem) {
    super(script + " reply: " + problem);
  }

  MalformedReplyException(String script, String problem, Throwable cause) {
    super(script + " reply: " + problem, cause);
  }
}
