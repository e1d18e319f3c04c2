/**
 * Redis adapters (Redisson): cache, distributed rate limiter, job queue engine and workers, Spring
 * Session store, access-token denylist. Delivered by the Redis issue; the module exists from day
 * one so the layout and the dependency rules are final.
 */
package dev.worklane.adapter.out.redis;
