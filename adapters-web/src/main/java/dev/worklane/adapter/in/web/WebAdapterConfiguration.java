package dev.worklane.adapter.in.web;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Entry point for bootstrap: picks up controllers, filters, error handling and security. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = WebAdapterConfiguration.class)
public class WebAdapterConfiguration {}
