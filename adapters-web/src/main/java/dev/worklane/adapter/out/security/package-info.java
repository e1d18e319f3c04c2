/**
 * Driven adapters of the authentication use cases on security libraries, each named {@code
 * …Adapter}: {@code password} hashes with BCrypt, {@code metrics} counts logins with Micrometer.
 * {@link dev.worklane.adapter.out.security.SecurityAdapterConfiguration} creates them; bootstrap
 * imports it and supplies the settings. They ship in the adapters-web module, which already brings
 * these libraries (the module list is fixed), but never touch {@code adapter.in.web} nor it them.
 * The JWT issuer stays in the web adapter: it shares the key set and claim names with token
 * verification there.
 */
package dev.worklane.adapter.out.security;
