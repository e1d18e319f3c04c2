package dev.worklane.application.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A job attempt as a handler sees it, recording the progress and log lines it reports. */
final class RecordingJob implements Job {
  private final String id;
  private final String type;
  private final Map<String, String> payload;
  final List<Integer> progress = new ArrayList<>();
  final List<String> logs = new ArrayList<>();

  RecordingJob(String id, String type, Map<String, String> payload) {
    this.id = id;
    this.type = type;
    this.payload = Map.copyOf(payload);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String queue() {
    return "email";
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Map<String, String> payload() {
    return payload;
  }

  @Override
  public int attempt() {
    return 1;
  }

  @Override
  public int maxAttempts() {
    return 3;
  }

  @Override
  public void progress(int percent) {
    progress.add(percent);
  }

  @Override
  public void log(String line) {
    logs.add(line);
  }

  @Override
  public boolean cancelled() {
    return false;
  }
}
