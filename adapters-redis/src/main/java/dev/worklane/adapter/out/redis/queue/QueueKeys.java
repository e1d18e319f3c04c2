package dev.worklane.adapter.out.redis.queue;

import java.util.List;

/**
 * The keys of one queue. Every one carries the hash tag {@code {<queue>}}, so all keys of a queue
 * live in one Redis Cluster slot and each script touches one slot:
 *
 * <pre>
 * &lt;prefix&gt;q:{email}:meta       hash: paused flag, sequence
 * &lt;prefix&gt;q:{email}:wait       zset: runnable jobs, score priority × 2^32 + sequence
 * &lt;prefix&gt;q:{email}:delayed    zset: score run time (ms)
 * &lt;prefix&gt;q:{email}:active     zset: score lease expiry (ms)
 * &lt;prefix&gt;q:{email}:completed  zset: score finish time (ms)
 * &lt;prefix&gt;q:{email}:failed     zset: score finish time (ms)
 * &lt;prefix&gt;q:{email}:job:&lt;id&gt;   hash: the job
 * &lt;prefix&gt;q:{email}:logs:&lt;id&gt;  list: its log lines
 * &lt;prefix&gt;q:{email}:events     pub/sub channel: "jobs became runnable"
 * </pre>
 */
record QueueKeys(String queue, String base, List<Object> keys) {

  static QueueKeys of(String keyPrefix, String queue) {
    String base = keyPrefix + "q:{" + queue + "}:";
    return new QueueKeys(
        queue,
        base,
        List.of(
            base + "meta",
            base + "wait",
            base + "delayed",
            base + "active",
            base + "completed",
            base + "failed"));
  }

  String meta() {
    return (String) keys.get(0);
  }

  String job(String id) {
    return base + "job:" + id;
  }

  String logs(String id) {
    return base + "logs:" + id;
  }

  String events() {
    return base + "events";
  }
}
