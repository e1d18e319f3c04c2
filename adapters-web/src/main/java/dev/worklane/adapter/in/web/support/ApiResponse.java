package dev.worklane.adapter.in.web.support;

import org.jspecify.annotations.NullMarked;

/** The success envelope: {@code {data, meta}}, neither ever null. */
@NullMarked
public record ApiResponse<T>(T data, Meta meta) {}
