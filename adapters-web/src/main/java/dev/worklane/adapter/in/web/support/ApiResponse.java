package dev.worklane.adapter.in.web.support;

/** The success envelope of SPEC §3.1: {@code {data, meta}}. */
public record ApiResponse<T>(T data, Meta meta) {}
