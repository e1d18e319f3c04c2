/**
 * Object storage adapters for the {@code ObjectStorage} port: S3 (AWS SDK v2 + presigner) and the
 * local filesystem. Delivered by the files issue; the module exists from day one so the layout and
 * the dependency rules are final.
 */
package dev.worklane.adapter.out.storage;
