package dev.worklane.archfixture.bad.adapter.in.web.v1;

import org.springframework.web.bind.annotation.RestController;

/** Violates: a @RestController not named XxxController. */
@RestController
public class OrderEndpoint {}
