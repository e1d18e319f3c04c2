package dev.worklane.archfixture.good.application.port.in.order;

import java.util.UUID;

public record OrderReceipt(UUID orderId) {}
