package dev.worklane.adapter.in.web.v2.project;

/** {@code POST /projects}: key (2–10 upper-case letters), name, optional description. */
public record CreateProjectRequest(String key, String name, String description) {}
