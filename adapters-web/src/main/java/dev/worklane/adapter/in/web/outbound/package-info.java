/**
 * Implementations of {@code application.port.out} that run on the web adapter's technology (Spring
 * Security's BCrypt, Micrometer), each named {@code …Adapter}. They are created by {@link
 * dev.worklane.adapter.in.web.WebAdapterConfiguration}, never by bootstrap. The JWT issuer stays in
 * {@code security}: it shares the key set and claim names with token verification there.
 */
package dev.worklane.adapter.in.web.outbound;
