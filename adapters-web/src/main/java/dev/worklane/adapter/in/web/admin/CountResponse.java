package dev.worklane.adapter.in.web.admin;

/** How many jobs a bulk action (retry all failed, clean completed) touched. */
public record CountResponse(long count) {}
