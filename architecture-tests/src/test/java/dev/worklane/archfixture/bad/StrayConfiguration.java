package dev.worklane.archfixture.bad;

import org.springframework.context.annotation.Configuration;

/** Violates: configuration outside bootstrap/adapters, and a class outside every layer. */
@Configuration
public class StrayConfiguration {}
