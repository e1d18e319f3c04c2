package dev.worklane.archfixture.good.application.port.model;

import java.util.List;
import java.util.UUID;

/** A type both kinds of port speak: it lives in neither. */
public record OrderPage(List<UUID> orderIds, int page) {}
