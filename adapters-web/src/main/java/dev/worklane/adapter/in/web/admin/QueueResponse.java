package dev.worklane.adapter.in.web.admin;

import java.util.Map;

/**
 * One queue on the dashboard.
 *
 * @param counts jobs per state, every state present (0 when none), keyed {@code waiting}, {@code
 *     delayed}, {@code active}, {@code completed}, {@code failed}
 */
public record QueueResponse(
    String name, boolean paused, int concurrency, Map<String, Long> counts) {}
