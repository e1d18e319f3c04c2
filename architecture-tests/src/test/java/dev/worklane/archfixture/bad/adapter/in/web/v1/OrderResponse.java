package dev.worklane.archfixture.bad.adapter.in.web.v1;

public record OrderResponse(int quantity) {}
