package dev.worklane.archfixture.bad.bootstrap;

import org.springframework.web.bind.annotation.RestController;

/** Violates: a controller outside the web adapter. */
@RestController
public class HealthController {}
