/**
 * Internal: the streaming JSON readers behind {@link dev.dbttriage.artifact.Artifacts}. Not exported; no
 * compatibility promises. Every class here is single-use and not thread-safe.
 */
package dev.dbttriage.internal.json;
