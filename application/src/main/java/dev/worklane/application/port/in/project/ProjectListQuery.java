package dev.worklane.application.port.in.project;

/** Which projects a list shows: archived ones only when asked for ({@code ?archived=true}). */
public record ProjectListQuery(boolean includeArchived) {}
