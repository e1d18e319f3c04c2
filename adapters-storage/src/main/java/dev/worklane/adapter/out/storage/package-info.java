/**
 * Outbound delivery to local disk and remote stores. Object storage adapters for the {@code
 * ObjectStorage} port — S3 (AWS SDK v2 + presigner) and the local filesystem — are delivered by the
 * files issue; the {@code Mailer} adapters (SMTP, {@code .eml} files) live in {@code mail}.
 */
package dev.worklane.adapter.out.storage;
