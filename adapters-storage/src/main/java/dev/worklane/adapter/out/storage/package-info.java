/**
 * Outbound delivery to local disk and remote stores: the {@code ObjectStorage} and {@code
 * ServedFiles} ports on the local filesystem ({@code local}) and S3 ({@code s3}), chosen by {@link
 * dev.worklane.adapter.out.storage.ObjectStorageConfiguration}; the {@code ContentSniffer} on Tika
 * core ({@code sniff}); the {@code Mailer} adapters (SMTP, {@code .eml} files) in {@code mail}.
 */
package dev.worklane.adapter.out.storage;
