package dev.worklane.application.job;

import java.util.Map;

/**
 * One attempt of a job, as its handler sees it. Implemented by the engine's worker.
 *
 * <p>Handlers are at-least-once: an attempt can run again after a crash or a timeout, so a handler
 * must be idempotent (the job id is stable across attempts and is a good deduplication key).
 */
public interface Job {
  String id();

  String queue();

  String type();

  /** The data, secrets included (never log it). */
  Map<String, String> payload();

  /** 1 for the first try. */
  int attempt();

  int maxAttempts();

  /** Reports progress, 0 to 100; values outside are clamped. */
  void progress(int percent);

  /** Appends a line to the job's log (shown on the dashboard; never put secrets in it). */
  void log(String line);

  /** Whether the attempt was cancelled (timed out or shutting down): stop as soon as possible. */
  boolean cancelled();
}
